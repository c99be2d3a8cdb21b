/**
 * Shared reading for tender notice pages (Contracts Finder, Find a Tender): the heading/value
 * walk both sites' GOV.UK markup allows, and parsers for the dates, money, CPV lines and
 * Companies House numbers they print. Pure: no selectors of either site live here.
 */
import type { TenderNoticeFacts } from './types';
import { isHiddenElement, visibleLines } from './visible-text';

/** One heading and the text lines that follow it up to the next heading. */
export interface FieldEntry {
  heading: Element;
  /** 2 for h2 … 5 for h5. */
  level: number;
  /** The heading's visible text, section numbering removed ("II.1.7) Total value…" -> "Total value…"). */
  label: string;
  lines: string[];
}

/**
 * Screen-reader-only copies: Find a Tender prints every numbered heading twice, "Section one: …" in
 * `span.aria-only` and "Section I: …" for the eye (find-a-tender--award-nhs-adalimumab.html).
 */
const SCREEN_READER_ONLY = ['aria-only', 'govuk-visually-hidden'];

function isScreenReaderOnly(el: Element): boolean {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/);
  return SCREEN_READER_ONLY.some((c) => classes.includes(c));
}

/** Visible lines of an element, leaving out screen-reader-only copies. */
export function lines(el: Element, skip?: (el: Element) => boolean): string[] {
  return visibleLines(el, { skip: (e) => isScreenReaderOnly(e) || (skip?.(e) ?? false) });
}

/** Visible text on one line, or null when empty. */
export function text(el: Element | null | undefined): string | null {
  if (!el) return null;
  const joined = lines(el).join(' ').trim();
  return joined.length > 0 ? joined : null;
}

function isHiddenWithin(el: Element, scope: Element): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) {
    if (isHiddenElement(e) || isScreenReaderOnly(e)) return true;
  }
  return false;
}

const SECTION_PREFIX = /^(?:section\s+[ivx]+\s*[:.]\s*|[ivx]+(?:\.\d+)*\)\s*)/i;

/** A heading label without its numbering, whitespace collapsed. */
export function cleanLabel(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(SECTION_PREFIX, '').trim();
}

const HEADINGS = 'h2, h3, h4, h5'; // both sites' notice bodies, 2025-10
const VALUES = 'p, li, dd'; // both sites' field values (Contracts Finder supplier blocks use dl/dd), 2025-10

/**
 * Walks `scope` in document order: each h2–h5 starts an entry, each innermost `p`/`li`/`dd` after it
 * adds its visible lines. Elements inside `skip` subtrees, hidden elements and headings' own text
 * are left out.
 */
export function fieldEntries(scope: Element, skip?: (el: Element) => boolean): FieldEntry[] {
  const entries: FieldEntry[] = [];
  let current: FieldEntry | null = null;
  const matches = scope.querySelectorAll(`${HEADINGS}, ${VALUES}`);
  for (const el of matches) {
    if (isHiddenWithin(el, scope)) continue;
    if (skip && ancestorOrSelf(el, scope, skip)) continue;
    if (el.matches(HEADINGS)) {
      current = { heading: el, level: Number(el.localName.slice(1)), label: cleanLabel(lines(el).join(' ')), lines: [] };
      entries.push(current);
      continue;
    }
    if (!current || el.closest(HEADINGS) || el.querySelector(VALUES)) continue;
    current.lines.push(...lines(el));
  }
  return entries;
}

function ancestorOrSelf(el: Element, scope: Element, test: (el: Element) => boolean): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (test(e)) return true;
  return false;
}

/** The entries nested under `entries[index]`: those after it with a deeper heading level. */
export function childrenOf(entries: readonly FieldEntry[], index: number): FieldEntry[] {
  const parent = entries[index];
  if (!parent) return [];
  const out: FieldEntry[] = [];
  for (const entry of entries.slice(index + 1)) {
    if (entry.level <= parent.level) break;
    out.push(entry);
  }
  return out;
}

/** The first entry whose label matches, with its index. */
export function findEntry(entries: readonly FieldEntry[], label: RegExp): { entry: FieldEntry; index: number } | null {
  const index = entries.findIndex((e) => label.test(e.label));
  const entry = entries[index];
  return entry ? { entry, index } : null;
}

/** The first line of the first entry whose label matches and that has a line. */
export function firstLine(entries: readonly FieldEntry[], label: RegExp): string | null {
  for (const e of entries) if (label.test(e.label) && e.lines[0]) return e.lines[0];
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "12pm", "11:45am", "12:00", "noon" -> "HH:MM"; null otherwise. */
export function parseTime(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^(?:12\s*)?noon$/.test(s)) return '12:00';
  if (/^midnight$/.test(s)) return '00:00';
  const m = /(?:^|\s)(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?(?:\s|$|,)/.exec(` ${s} `);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const ampm = m[3];
  if (!ampm && !m[2]) return null; // a bare number is not a time
  if (minute > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

const DATE_WORDS = /(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})/i;
const DATE_SLASHES = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

/**
 * A date as these sites write it ("14 March 2025", "Published 24 March 2023, 11:45am",
 * "26/02/2025 12:00") -> "2025-03-14" or "2025-03-14T12:00" when a time follows the date.
 * Null when there is no valid date.
 */
export function parseNoticeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  const words = DATE_WORDS.exec(raw);
  const slashes = DATE_SLASHES.exec(raw);
  if (words) {
    const name = (words[2] ?? '').toLowerCase();
    const month = MONTHS.findIndex((full) => full === name || (name.length >= 3 && full.startsWith(name)));
    if (month < 0) return null;
    [y, mo, d] = [Number(words[3]), month + 1, Number(words[1])];
    rest = raw.slice(words.index + words[0].length);
  } else if (slashes) {
    [y, mo, d] = [Number(slashes[3]), Number(slashes[2]), Number(slashes[1])];
    rest = raw.slice(slashes.index + slashes[0].length);
  } else {
    return null;
  }
  if (!validDate(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const time = parseTime(rest.replace(/^[\s,]*(?:at\s+)?/i, ''));
  return time ? `${date}T${time}` : date;
}

/** "1 April 2025 to 31 March 2029" -> both ends; a single date -> start only. */
export function parseDateRange(raw: string | null | undefined): { start: string | null; end: string | null } {
  if (!raw) return { start: null, end: null };
  const [a, b] = raw.split(/\s+(?:to|until|-|–)\s+/i);
  return { start: parseNoticeDate(a), end: parseNoticeDate(b) };
}

const CURRENCY_SIGNS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD' };
const MONEY = /([£€$]|\b(?:GBP|EUR|USD)\s*)\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|m|bn|k)?\b/gi;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/**
 * Money as printed: "£1,200,000", "£1.2m", "Value excluding VAT: £507,314,000". A range
 * ("£26,410 to £213,750") gives its top. Null when no amount is shown.
 */
export function parseMoney(raw: string | null | undefined): TenderNoticeFacts['value'] {
  if (!raw) return null;
  let best: { amount: number; currency: string } | null = null;
  for (const m of raw.matchAll(MONEY)) {
    const sign = (m[1] ?? '').trim().toUpperCase();
    const currency = CURRENCY_SIGNS[sign] ?? sign;
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    const amount = Math.round(Number((m[2] ?? '').replace(/,/g, '')) * scale * 100) / 100;
    if (!Number.isFinite(amount)) continue;
    if (!best || amount > best.amount) best = { amount, currency };
  }
  return best;
}

/** "Pharmaceutical products - 33600000" (Contracts Finder) or "33600000 - Pharmaceutical products" (Find a Tender). */
export function parseCpv(line: string): { code: string; label: string } | null {
  const trimmed = line.replace(/\s+/g, ' ').trim();
  const codeFirst = /^(\d{8})(?:-\d)?\s*[-–:]\s*(.+)$/.exec(trimmed);
  if (codeFirst) return { code: codeFirst[1] ?? '', label: (codeFirst[2] ?? '').trim() };
  const codeLast = /^(.+?)\s*[-–]\s*(\d{8})(?:-\d)?$/.exec(trimmed);
  if (codeLast) return { code: codeLast[2] ?? '', label: (codeLast[1] ?? '').trim() };
  return null;
}

/** CPV entries from lines, first occurrence of each code kept. */
export function uniqueCpv(candidates: Iterable<string>): TenderNoticeFacts['cpv'] {
  const seen = new Map<string, { code: string; label: string }>();
  for (const line of candidates) {
    const cpv = parseCpv(line);
    if (cpv && !seen.has(cpv.code)) seen.set(cpv.code, cpv);
  }
  return [...seen.values()];
}

/**
 * A Companies House number from "Companies House number: 1558756", "Companies House: SC123456" or a
 * bare registration number; numeric ones zero-padded to 8 as Companies House writes them.
 */
export function companiesHouseNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.replace(/^.*companies house(?: number| no\.?)?\s*:?\s*/i, '').trim().toUpperCase();
  if (/^\d{5,8}$/.test(value)) return value.padStart(8, '0');
  if (/^[A-Z]{2}\d{6}$/.test(value)) return value; // SC…, NI…, OC… prefixes
  return null;
}

/** Suppliers with duplicates (same name, case-insensitive) merged, keeping a number when one is known. */
export function uniqueSuppliers(list: readonly TenderNoticeFacts['suppliers'][number][]): TenderNoticeFacts['suppliers'] {
  const byName = new Map<string, TenderNoticeFacts['suppliers'][number]>();
  for (const s of list) {
    const key = s.name.toLowerCase();
    const known = byName.get(key);
    if (!known) byName.set(key, { ...s });
    else if (!known.companiesHouse && s.companiesHouse) known.companiesHouse = s.companiesHouse;
  }
  return [...byName.values()];
}

/** Caps a string for the schema's limits. */
export function cap(value: string | null, max: number): string | null {
  if (value === null) return null;
  return value.length > max ? value.slice(0, max) : value;
}
