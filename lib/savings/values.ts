import { SERVICE_GROUPS, type ServiceGroupId } from '@/lib/roles/groups';
import { MAX_YEAR, MIN_YEAR } from '@/lib/timing/financial-year';
import type { SavingsKind, SavingsStatus } from './schema';

/**
 * Readers for the values people type or paste into a savings record: amounts as budget papers
 * write them ("£1.2m", "350k", "1,200,000"), UK financial years ("2027/28", "2027-28", "FY28"),
 * kinds, statuses and service groups. Shared by the file import and page capture.
 */

export type ValueResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const SUFFIX = String.raw`(k|thousand|mn|million|m|bn|billion)`;
const EXACT_AMOUNT = new RegExp(String.raw`^(?:£|gbp)?\s*${NUMBER}\s*(?:${SUFFIX})?\s*(?:gbp)?$`, 'i');

/** Pounds from a number and its multiplier word, rounded to the penny ("1.15m" is 1150000, not 1149999.9999999998). */
function toPounds(digits: string, suffix: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  const factor = suffix ? (MULTIPLIERS[suffix.toLowerCase()] ?? 1) : 1;
  return Math.round(n * factor * 100) / 100;
}

/** £1 trillion: more than all of UK local government spends in a year, so a larger amount is a typo. */
export const MAX_AMOUNT_GBP = 1e12;

/** The reason an amount in pounds is refused as too large (1e999 in JSON is Infinity), or null. */
export function amountTooLarge(value: number, written: string): string | null {
  return Number.isFinite(value) && value <= MAX_AMOUNT_GBP
    ? null
    : `"${written.length > 20 ? `${written.slice(0, 17)}...` : written}" is too large for an amount in pounds; write the saving in pounds, e.g. 1200000 or £1.2m`;
}

/**
 * An amount in pounds as written in a file or form: `1200000`, `1,200,000`, `£1.2m`, `350k`,
 * `£2.5 million`, `£1.5bn`. Empty text is no amount. Negative amounts are refused: budget papers
 * often print savings as negatives or in brackets, but a record holds the size of the saving.
 */
export function parseAmount(text: string): ValueResult<number | undefined> {
  const value = text.trim();
  if (value === '') return { ok: true, value: undefined };
  if (/^(?:-|\u2212|\(.*\)$)/.test(value) || /^£\s*(?:-|\u2212)/.test(value)) {
    return { ok: false, reason: `"${value}" is negative; write the size of the saving as a positive amount, e.g. 1200000 or £1.2m` };
  }
  const m = EXACT_AMOUNT.exec(value);
  if (!m) return { ok: false, reason: `"${value}" is not an amount in pounds; write it like 1200000, 1,200,000, £1.2m or 350k` };
  const pounds = toPounds(m[1]!, m[2]);
  const tooLarge = amountTooLarge(pounds, value);
  return tooLarge ? { ok: false, reason: tooLarge } : { ok: true, value: pounds };
}

export interface FoundAmount {
  value: number;
  /** The text as written, e.g. "£1.2m". */
  matched: string;
  start: number;
}

// A number not glued to a word, another number, a slash ("2027/28") or a minus, optionally after
// "£", optionally followed by a multiplier word that ends there ("£5 more" is £5, not £5m).
const AMOUNT_IN_TEXT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/£\-])(£\s?)?${NUMBER}(?:(\s?)${SUFFIX}(?![\p{L}\p{N}]))?(?![\p{N}])`,
  'giu',
);

/**
 * Amounts of money in running text, in text order. A number counts when it has a "£", thousands
 * separators or a multiplier ("£1.2m", "1,200,000", "350k", "£2.5 million"), so years and counts
 * ("2027", "12 posts") are not amounts. A lone "k" or "m" after a space ("10 m") counts only after "£".
 */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT_IN_TEXT)) {
    const pound = m[1] !== undefined;
    const digits = m[2]!;
    let suffix = m[4];
    let matched = m[0];
    if (suffix && m[3] && !pound && /^[km]$/i.test(suffix)) {
      suffix = undefined;
      matched = matched.slice(0, matched.length - m[3].length - m[4]!.length);
    }
    const separated = digits.includes(',');
    if (!pound && !separated && !suffix) continue;
    out.push({ value: toPounds(digits, suffix), matched, start: m.index });
  }
  return out;
}

function yearFrom(start: number, end: number): ValueResult<string> {
  const written = `${start}/${String(end).padStart(2, '0')}`;
  if ((start + 1) % 100 !== end % 100 || (end >= 100 && end !== start + 1)) {
    return { ok: false, reason: `${written} is not a financial year: the second year must be the one after the first, e.g. ${start}/${String((start + 1) % 100).padStart(2, '0')}` };
  }
  if (start < MIN_YEAR || start >= MAX_YEAR) {
    return { ok: false, reason: `${written} is not a financial year Council Lens can place: write one from ${MIN_YEAR}/${String((MIN_YEAR + 1) % 100).padStart(2, '0')} to ${MAX_YEAR - 1}/${String(MAX_YEAR % 100).padStart(2, '0')}` };
  }
  return { ok: true, value: `${start}/${String((start + 1) % 100).padStart(2, '0')}` };
}

/**
 * A UK financial year (April to March) written `2027/28`, from `2027/28`, `2027-28`, `2027/2028`,
 * `FY28`, `FY 2027/28` or `FY27/28`. "FY28" is the year ending March 2028, as UK public bodies use it.
 */
export function parseFinancialYear(text: string): ValueResult<string> {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'Financial year is missing; write it like 2027/28' };
  let m = /^(?:FY\s?)?(\d{4})\s?[/\-\u2013\u2014]\s?(\d{4}|\d{2})$/i.exec(value);
  if (m) return yearFrom(Number(m[1]), Number(m[2]));
  m = /^(?:FY\s?)?(\d{2})\s?[/\-\u2013\u2014]\s?(\d{2})$/i.exec(value);
  if (m) return yearFrom(2000 + Number(m[1]), Number(m[2]));
  m = /^FY\s?['\u2019]?(\d{2})$/i.exec(value);
  if (m) return yearFrom(2000 + Number(m[1]) - 1, Number(m[1]));
  return { ok: false, reason: `"${value}" is not a financial year; write it like 2027/28, 2027-28, 2027/2028 or FY28` };
}

export interface FoundYear {
  /** Written `2027/28`. */
  value: string;
  matched: string;
  start: number;
}

const YEAR_IN_TEXT =
  /(?<![\p{L}\p{N}/\-])(?:FY\s?)?(20\d{2})\s?[/\-\u2013]\s?(20\d{2}|\d{2})(?![\p{N}/\-])|(?<![\p{L}\p{N}/\-])FY\s?(\d{2})\s?[/\-\u2013]\s?(\d{2})(?![\p{N}/\-])|(?<![\p{L}\p{N}])FY\s?['\u2019]?(\d{2})(?![\p{N}/\-])/giu;

/**
 * UK financial years in running text, in text order: "2027/28", "2027-28", "2027/2028", "FY28",
 * "FY27/28". Pairs that are not consecutive years (dates such as "2027-03", ranges such as
 * "2027-2030") are left out.
 */
export function findFinancialYears(text: string): FoundYear[] {
  const out: FoundYear[] = [];
  for (const m of text.matchAll(YEAR_IN_TEXT)) {
    const result = m[1]
      ? yearFrom(Number(m[1]), Number(m[2]))
      : m[3]
        ? yearFrom(2000 + Number(m[3]), Number(m[4]))
        : yearFrom(2000 + Number(m[5]) - 1, Number(m[5]));
    if (result.ok) out.push({ value: result.value, matched: m[0], start: m.index });
  }
  return out;
}

const KIND_WORDS: Record<string, SavingsKind> = {
  saving: 'saving',
  savings: 'saving',
  restructure: 'restructure',
  restructuring: 'restructure',
  'service-review': 'service-review',
  review: 'service-review',
  investment: 'investment',
  invest: 'investment',
};

/** A kind from a file: `saving`, `restructure`, `service-review`, `investment` (any case; "Service review", "savings" too). */
export function parseKind(text: string): ValueResult<SavingsKind> {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const kind = KIND_WORDS[key];
  if (kind) return { ok: true, value: kind };
  return {
    ok: false,
    reason: text.trim() === '' ? 'Kind is missing; use saving, restructure, service-review or investment' : `"${text.trim()}" is not a kind; use saving, restructure, service-review or investment`,
  };
}

const STATUS_WORDS: Record<string, SavingsStatus> = {
  proposed: 'proposed',
  proposal: 'proposed',
  approved: 'approved',
  agreed: 'approved',
  delivered: 'delivered',
  achieved: 'delivered',
};

/** A status from a file: `proposed`, `approved` or `delivered` (any case; "agreed" and "achieved" too). */
export function parseStatus(text: string): ValueResult<SavingsStatus> {
  const status = STATUS_WORDS[text.trim().toLowerCase()];
  if (status) return { ok: true, value: status };
  return {
    ok: false,
    reason: text.trim() === '' ? 'Status is missing; use proposed, approved or delivered' : `"${text.trim()}" is not a status; use proposed, approved or delivered`,
  };
}

function groupKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const GROUPS_BY_KEY = new Map<string, ServiceGroupId>();
for (const g of SERVICE_GROUPS) {
  GROUPS_BY_KEY.set(groupKey(g.id), g.id);
  GROUPS_BY_KEY.set(groupKey(g.label), g.id);
}

/**
 * The service group an id or label names, ignoring case, punctuation and "&" for "and":
 * `adult-social-care`, `Adult social care`, `Childrens Social Care and Early Help`. Null otherwise.
 */
export function findServiceGroup(text: string): ServiceGroupId | null {
  return GROUPS_BY_KEY.get(groupKey(text)) ?? null;
}
