/**
 * OCDS dates -> the Notice date format: `YYYY-MM-DD` for a calendar date, `YYYY-MM-DDTHH:MM:SSZ`
 * (UTC, milliseconds only when not zero) for an instant. The portals publish offsets
 * (`2025-04-23T23:59:59+01:00` on Contracts Finder) and `Z`; a time without an offset is read as UTC.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Years outside this range are placeholders (`0001-01-01`, `9999-12-31`), not dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A normalised date, or undefined when the value is not a parseable ISO 8601 date. */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const dayStart = Date.UTC(year, month - 1, day);
  if (new Date(dayStart).getUTCDate() !== day) return undefined; // 31 June, 29 February 2023
  if (h === undefined) return `${y}-${mo}-${d}`;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? '0');
  if (hours > 24 || minutes > 59 || seconds > 59 || (hours === 24 && (minutes > 0 || seconds > 0))) return undefined;
  // Already in the output form (most portal dates): no need to go through Date.
  if (hours < 24 && s !== undefined && fraction === undefined && zone === 'Z') return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const offset = offsetMinutes(zone);
  if (Math.abs(offset) > 14 * 60) return undefined;
  return formatInstant(dayStart + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + millis);
}

/** `date` (a normalised date) plus whole months, the day clamped to the month's end; same format back. */
export function addMonths(date: string, months: number): string {
  const dateOnly = date.length === 10;
  const at = new Date(dateOnly ? `${date}T00:00:00Z` : date);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return dateOnly ? at.toISOString().slice(0, 10) : formatInstant(at.getTime());
}

/** `date` plus whole days; same format back. */
export function addDays(date: string, days: number): string {
  const dateOnly = date.length === 10;
  const ms = new Date(dateOnly ? `${date}T00:00:00Z` : date).getTime() + days * 86_400_000;
  return dateOnly ? new Date(ms).toISOString().slice(0, 10) : formatInstant(ms);
}

/** Earlier and later of two normalised dates; both formats sort as text. */
export function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b < a ? b : a;
}
export function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b > a ? b : a;
}

/**
 * The reader's calendar date (YYYY-MM-DD) at `now`, in the runtime's time zone: deadlines, "days
 * left" and the financial year turn at local midnight. Used by the background and the pages alike.
 */
export function localDate(now: number | Date = new Date()): string {
  const d = typeof now === 'number' ? new Date(now) : now;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The calendar date a publisher wrote (`2026-06-29T00:00:00+01:00` -> `2026-06-29`), for dates
 * that are days, not instants: converting a London midnight to UTC would give the day before.
 * Undefined when the value is not a valid date (normaliseDate).
 */
export function publishedDay(value: unknown): string | undefined {
  if (normaliseDate(value) === undefined) return undefined;
  return (value as string).trim().slice(0, 10);
}
