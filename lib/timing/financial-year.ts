/**
 * UK local government financial years (1 April to 31 March, written `2027/28`) and the calendar
 * arithmetic the timing rules need. Dates are calendar dates written `YYYY-MM-DD`; they compare
 * correctly as text, so no time zone ever enters.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

/** Years outside this range are placeholders or typos (`0001-01-01`, `9999-12-31`), not dates. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 31 June, no 29 February 2027). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Whether `value` is a financial year written `2027/28`, the second part the year after the first. */
export function isFinancialYear(value: string): boolean {
  const m = FINANCIAL_YEAR.exec(value);
  if (!m) return false;
  const start = Number(m[1]);
  return start >= MIN_YEAR && start < MAX_YEAR && Number(m[2]) === (start + 1) % 100;
}

/**
 * The calendar year a financial year starts in: `2027/28` -> 2027. Throws on anything else
 * (`2027-28`, `2027/29`, `FY28`): the capture form normalises those before they get here.
 */
export function parseFinancialYear(value: string): number {
  if (!isFinancialYear(value)) {
    throw new RangeError(`Not a UK financial year: ${JSON.stringify(value)} (write it like 2027/28)`);
  }
  return Number(value.slice(0, 4));
}

/** 2027 -> `2027/28`; 2099 -> `2099/00`. */
export function formatFinancialYear(startYear: number): string {
  if (!Number.isInteger(startYear) || startYear < MIN_YEAR || startYear >= MAX_YEAR) {
    throw new RangeError(`Not a financial year start: ${startYear}`);
  }
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of the financial year `date` falls in: 31 March 2027 -> 2026, 1 April 2027 -> 2027. */
export function financialYearStartOf(date: string): number {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The financial year `date` falls in: `2027-03-31` -> `2026/27`, `2027-04-01` -> `2027/28`. */
export function financialYearOf(date: string): string {
  return formatFinancialYear(financialYearStartOf(date));
}

/** First and last day (both inclusive) of the financial year starting in `startYear`. */
export function financialYearBounds(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/**
 * `date` moved by whole calendar months. When the target month is shorter, the day is clamped
 * to its last day: 18 months before 2028-08-31 is 2027-02-28, 6 months before is 2028-02-29 (a
 * leap year). Clamping keeps the result inside the intended month, where rolling over (to
 * 3 March) would push a window past the month the rule names.
 */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return formatDate(year, month, day);
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  assertIsoDate(date);
  const at = new Date(0);
  at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  return formatDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)} (write it like 2027-04-01)`);
}
