import { isObject, parseJsonFile } from '@/lib/json-file';
import type { ServiceGroupId } from '@/lib/roles/groups';
import type { CouncilCodeResolver } from './councils';
import { readCsv, skipLeadingComments, unguardField } from '@/lib/csv';
import { fileTooLarge, MAX_IMPORT_RECORDS, MAX_SAVINGS_FILE_BYTES } from '@/lib/import-limits';
import { textProblem } from '@/lib/text-file';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_SAVINGS_ID_LENGTH,
  MAX_SOURCE_TITLE_LENGTH,
  MAX_SOURCE_URL_LENGTH,
  SavingsAddedBySchema,
  SavingsItemSchema,
  savingsDuplicateKey,
  type SavingsItem,
} from './schema';
import { amountTooLarge, findServiceGroup, parseAmount, parseFinancialYear, parseKind, parseStatus } from './values';

/** The columns of a savings CSV (issue 5), in template order. Every one must be in the header, in any order. */
export const SAVINGS_COLUMNS = ['council', 'service_group', 'financial_year', 'amount_gbp', 'kind', 'status', 'description', 'source_url'] as const;
export type SavingsColumn = (typeof SAVINGS_COLUMNS)[number];

/**
 * Keys a JSON item may carry besides {@link SAVINGS_COLUMNS}: what {@link toJson} writes so that an
 * export reads back as the same items (lib/savings/export.ts).
 */
export const SAVINGS_JSON_EXTRA_KEYS = ['source_title', 'id', 'added_at', 'added_by'] as const;
type JsonExtraKey = (typeof SAVINGS_JSON_EXTRA_KEYS)[number];

export interface SavingsImportContext {
  /** Code or council name -> register code; see {@link savingsCouncilResolver} for the real one. */
  resolveCouncil: CouncilCodeResolver;
  /** Service group id or label -> id. Defaults to {@link findServiceGroup} (case-insensitive id or label). */
  resolveServiceGroup?: (value: string) => ServiceGroupId | null;
  /** Items already saved, to report duplicates rather than double them. */
  existing?: readonly SavingsItem[];
  /** Stamped as `addedAt` on items that do not carry their own. */
  now: Date | string;
  /** Ids for new items. Defaults to a stable hash of the duplicate key, made unique among existing and imported ids. */
  newId?: (item: Omit<SavingsItem, 'id'>) => string;
}

/**
 * Where a problem is. `line` is the physical line a CSV record starts on (the header is line 1) or
 * the 1-based position of a JSON item; 0 means the file as a whole (unreadable JSON, wrong shape).
 * `column` is the CSV column or JSON key.
 */
export interface SavingsImportError {
  line: number;
  column?: string;
  reason: string;
}

export interface SavingsImportDuplicate {
  line: number;
  reason: string;
}

export type SavingsImportResult =
  | { ok: true; items: SavingsItem[]; duplicates: SavingsImportDuplicate[] }
  | { ok: false; errors: SavingsImportError[] };

/** An import's result: how many were added and which rows were duplicates, or every bad row. */
export type SavingsImportOutcome =
  | { ok: true; added: number; duplicates: { line: number; reason: string }[] }
  | { ok: false; errors: { line: number; column?: string; reason: string }[] };

type RawValue = string | number | null | undefined;
type RawRow = {
  line: number;
  values: Partial<Record<SavingsColumn | JsonExtraKey, RawValue>>;
  /** Keys already reported by the reader (a list where text belongs), not reported again as missing. */
  reported?: ReadonlySet<string>;
};

/**
 * Reads a savings file, all or nothing: every row is validated, and if any is bad the result lists
 * every bad row (line and reason) and no items, so nothing is written. Duplicates of saved items or
 * of an earlier row are reported and left out, never doubled.
 *
 * CSV: the header names the {@link SAVINGS_COLUMNS} in any order; RFC 4180 quoting, BOM and CRLF
 * are fine; `#` lines above the header are notes, and blank lines are skipped. JSON: an array of
 * objects with the same keys, or the `{ items: [...] }` that {@link toJson} writes. Council: code or name; service group: id or label; amount: `1200000`,
 * `1,200,000`, `£1.2m`, `350k`; year: `2027/28`, `2027-28`, `2027/2028`, `FY28`.
 *
 * @example parseSavingsFile(TEMPLATE_CSV, 'csv', { resolveCouncil, now: '2026-11-30T00:00:00Z' }).ok // true
 */
export function parseSavingsFile(text: string, format: 'csv' | 'json', ctx: SavingsImportContext): SavingsImportResult {
  const unreadable = fileTooLarge(text.length, MAX_SAVINGS_FILE_BYTES) ?? textProblem(text);
  if (unreadable) return { ok: false, errors: [{ line: 0, reason: unreadable }] };
  const read = format === 'csv' ? csvRows(text) : jsonRows(text);
  if (!read.ok) return { ok: false, errors: read.errors };

  // Rows the reader could not split (wrong field count, unknown keys) are reported with the
  // value problems of every other row, in line order, so one pass shows the whole file's faults.
  const errors: SavingsImportError[] = [...read.rowErrors];
  const drafts: Array<{ line: number; item: Omit<SavingsItem, 'id'>; id?: string }> = [];
  for (const row of read.rows) {
    const result = rowToItem(row, ctx);
    if ('errors' in result) errors.push(...result.errors);
    else drafts.push({ line: row.line, ...result });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  const existing = ctx.existing ?? [];
  const savedKeys = new Map(existing.map((item) => [savingsDuplicateKey(item), item]));
  const fileKeys = new Map<string, number>();
  const usedIds = new Set(existing.map((item) => item.id));
  const items: SavingsItem[] = [];
  const duplicates: SavingsImportDuplicate[] = [];
  for (const { line, item, id } of drafts) {
    const key = savingsDuplicateKey(item);
    const saved = savedKeys.get(key);
    if (saved) {
      // Status is not part of what an item records, so a file that moved it on is still a
      // duplicate: say so, rather than drop the newer status without a word.
      const moved = saved.status !== item.status ? `; the saved item's status (${saved.status}) is kept, not this file's (${item.status})` : '';
      duplicates.push({ line, reason: `Already saved: ${describe(saved)} (added ${saved.addedAt.slice(0, 10)})${moved}` });
      continue;
    }
    const earlier = fileKeys.get(key);
    if (earlier !== undefined) {
      duplicates.push({ line, reason: `Same as ${format === 'csv' ? 'line' : 'item'} ${earlier} in this file: ${describe(item)}` });
      continue;
    }
    fileKeys.set(key, line);
    const base = id && !usedIds.has(id) ? id : (ctx.newId?.(item) ?? `sav-${hash(key)}`);
    let unique = base;
    for (let n = 2; usedIds.has(unique); n++) unique = `${base}-${n}`;
    usedIds.add(unique);
    const parsed = SavingsItemSchema.safeParse({ id: unique, ...item });
    if (!parsed.success) {
      errors.push({ line, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    items.push(parsed.data);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, items, duplicates };
}

/** "LDS, adult-social-care, 2027/28, service-review: Review of day services". */
function describe(item: Pick<SavingsItem, 'council' | 'serviceGroup' | 'financialYear' | 'kind' | 'description'>): string {
  const text = item.description.length > 60 ? `${item.description.slice(0, 57)}...` : item.description;
  return `${item.council}, ${item.serviceGroup}, ${item.financialYear}, ${item.kind}: ${text}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short id from the duplicate key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Whole-file problems stop the read; problems confined to a row come back beside the good rows. */
type RowsResult = { ok: true; rows: RawRow[]; rowErrors: SavingsImportError[] } | { ok: false; errors: SavingsImportError[] };

/** "Service Group", "service-group", " SERVICE_GROUP " all name `service_group`. */
function headerName(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function tooManyRecords(count: number, noun: string): SavingsImportError {
  return { line: 0, reason: `This file has ${count.toLocaleString('en-GB')} ${noun}; at most ${MAX_IMPORT_RECORDS.toLocaleString('en-GB')} can be imported at once` };
}

function csvRows(text: string): RowsResult {
  const { rest, firstLine } = skipLeadingComments(text);
  const read = readCsv(rest, firstLine);
  if (!read.ok) return { ok: false, errors: [{ line: read.line, reason: read.reason }] };
  const records = read.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records[0];
  if (!header) {
    return { ok: false, errors: [{ line: firstLine, reason: `The file is empty; the first line must be the header: ${SAVINGS_COLUMNS.join(',')}` }] };
  }
  if (records.length - 1 > MAX_IMPORT_RECORDS) return { ok: false, errors: [tooManyRecords(records.length - 1, 'rows')] };
  const names = header.fields.map(headerName);
  const errors: SavingsImportError[] = [];
  const known = new Set<string>(SAVINGS_COLUMNS);
  const unknown = names.filter((n) => !known.has(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const missing = SAVINGS_COLUMNS.filter((c) => !names.includes(c));
  if (unknown.length > 0) errors.push({ line: header.line, reason: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; the columns are ${SAVINGS_COLUMNS.join(',')}` });
  if (repeated.length > 0) errors.push({ line: header.line, reason: `Column${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')} appear${repeated.length > 1 ? '' : 's'} more than once` });
  if (missing.length > 0) errors.push({ line: header.line, reason: `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the first line must be the header: ${SAVINGS_COLUMNS.join(',')}` });
  if (errors.length > 0) return { ok: false, errors };

  const rows: RawRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        reason: `This row has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'} but the header has ${names.length}; put text containing commas in double quotes`,
      });
      continue;
    }
    const values: RawRow['values'] = {};
    names.forEach((name, k) => {
      values[name as SavingsColumn] = unguardField(record.fields[k]!);
    });
    rows.push({ line: record.line, values });
  }
  return { ok: true, rows, rowErrors: errors };
}

function jsonRows(text: string): RowsResult {
  const read = parseJsonFile(text);
  if (!read.ok) return { ok: false, errors: [{ line: 0, reason: read.reason }] };
  const data = read.data;
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['items']) ? (data['items'] as unknown[]) : null;
  if (!list) return { ok: false, errors: [{ line: 0, reason: 'Expected a JSON array of savings items, or an export of the form {"items": [...]}' }] };
  if (list.length > MAX_IMPORT_RECORDS) return { ok: false, errors: [tooManyRecords(list.length, 'items')] };
  const allowed = new Set<string>([...SAVINGS_COLUMNS, ...SAVINGS_JSON_EXTRA_KEYS]);
  const errors: SavingsImportError[] = [];
  const rows: RawRow[] = [];
  list.forEach((entry, index) => {
    const line = index + 1;
    if (!isObject(entry)) {
      errors.push({ line, reason: `Item ${line} is not an object with the keys ${SAVINGS_COLUMNS.join(', ')}` });
      return;
    }
    const values: RawRow['values'] = {};
    const reported = new Set<string>();
    for (const [key, value] of Object.entries(entry)) {
      if (!allowed.has(key)) {
        errors.push({ line, column: key, reason: `Unknown key "${key}"; the keys are ${SAVINGS_COLUMNS.join(', ')}` });
      } else if (value === null || typeof value === 'string' || typeof value === 'number') {
        values[key as SavingsColumn | JsonExtraKey] = value;
      } else {
        errors.push({ line, column: key, reason: `${key} must be text${key === 'amount_gbp' ? ' or a number' : ''}, not ${Array.isArray(value) ? 'a list' : typeof value}` });
        reported.add(key);
      }
    }
    // A row with a bad key is still checked, so its other faults are reported too.
    rows.push({ line, values, reported });
  });
  return { ok: true, rows, rowErrors: errors };
}

function text(value: RawValue): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** One row checked field by field; every problem in the row is reported, not just the first. */
function rowToItem(row: RawRow, ctx: SavingsImportContext): { item: Omit<SavingsItem, 'id'>; id?: string } | { errors: SavingsImportError[] } {
  const { line, values } = row;
  const errors: SavingsImportError[] = [];
  const fail = (column: string, reason: string): void => {
    if (!row.reported?.has(column)) errors.push({ line, column, reason });
  };

  const councilText = text(values.council);
  const council = councilText ? ctx.resolveCouncil(councilText) : null;
  if (!councilText) fail('council', 'Council is missing; give its register code (e.g. LDS) or its name');
  else if (!council) fail('council', `"${councilText}" is not a council we recognise; give its register code (e.g. LDS) or its full name (e.g. Leeds City Council)`);

  const groupText = text(values.service_group);
  const serviceGroup = groupText ? (ctx.resolveServiceGroup ?? findServiceGroup)(groupText) : null;
  if (!groupText) fail('service_group', 'Service group is missing; give its id (e.g. adult-social-care) or label (e.g. Adult social care)');
  else if (!serviceGroup) fail('service_group', `"${groupText}" is not a service group; give its id (e.g. adult-social-care) or label (e.g. Adult social care)`);

  const year = parseFinancialYear(text(values.financial_year));
  if (!year.ok) fail('financial_year', year.reason);

  const rawAmount = values.amount_gbp;
  const amount = typeof rawAmount === 'number' ? numberAmount(rawAmount) : parseAmount(text(rawAmount));
  if (!amount.ok) fail('amount_gbp', amount.reason);

  const kind = parseKind(text(values.kind));
  if (!kind.ok) fail('kind', kind.reason);
  const status = parseStatus(text(values.status));
  if (!status.ok) fail('status', status.reason);

  const description = text(values.description).replace(/\s+/g, ' ');
  if (!description) fail('description', 'Description is missing; say what the saving or change is');
  else if (description.length > MAX_DESCRIPTION_LENGTH) fail('description', `Description is ${description.length} characters; keep it under ${MAX_DESCRIPTION_LENGTH}`);

  const sourceUrl = readUrl(text(values.source_url));
  if (!sourceUrl.ok) fail('source_url', sourceUrl.reason);

  const sourceTitle = text(values.source_title).replace(/\s+/g, ' ');
  if (sourceTitle.length > MAX_SOURCE_TITLE_LENGTH) fail('source_title', `Source title is ${sourceTitle.length} characters; keep it under ${MAX_SOURCE_TITLE_LENGTH}`);
  const id = text(values.id);
  if (id.length > MAX_SAVINGS_ID_LENGTH) fail('id', `id is ${id.length} characters; an id is at most ${MAX_SAVINGS_ID_LENGTH}`);

  const addedAtText = text(values.added_at);
  const addedAt = addedAtText ? new Date(addedAtText) : new Date(ctx.now);
  if (Number.isNaN(addedAt.getTime())) fail('added_at', `"${addedAtText}" is not a date and time`);
  const addedByText = text(values.added_by);
  const addedBy = addedByText ? SavingsAddedBySchema.safeParse(addedByText) : ({ success: true, data: 'import' } as const);
  if (!addedBy.success) fail('added_by', `"${addedByText}" is not one of import, form, capture`);

  if (errors.length > 0 || row.reported?.size || !council || !serviceGroup || !year.ok || !amount.ok || !kind.ok || !status.ok || !sourceUrl.ok || !addedBy.success) {
    return { errors };
  }
  return {
    ...(id ? { id } : {}),
    item: {
      council,
      serviceGroup,
      financialYear: year.value,
      ...(amount.value !== undefined ? { amountGbp: amount.value } : {}),
      kind: kind.value,
      status: status.value,
      description,
      ...(sourceUrl.value ? { sourceUrl: sourceUrl.value } : {}),
      ...(sourceTitle ? { sourceTitle } : {}),
      addedAt: addedAt.toISOString(),
      addedBy: addedBy.data,
    },
  };
}

/** An amount given as a JSON number: 1e999 parses as Infinity, which is too large, not negative. */
function numberAmount(value: number): { ok: true; value: number } | { ok: false; reason: string } {
  const tooLarge = amountTooLarge(Math.abs(value), String(value));
  if (tooLarge) return { ok: false, reason: tooLarge };
  if (value < 0) return { ok: false, reason: `${value} is negative; write the size of the saving as a positive amount` };
  return { ok: true, value: Math.round(value * 100) / 100 };
}

/** A web address; "www.leeds.gov.uk/budget" gets "https://" put in front. Empty is none. */
function readUrl(value: string): { ok: true; value: string | undefined } | { ok: false; reason: string } {
  if (value === '') return { ok: true, value: undefined };
  if (value.length > MAX_SOURCE_URL_LENGTH) return { ok: false, reason: `The web address is ${value.length} characters; a link to a page or document is at most ${MAX_SOURCE_URL_LENGTH}` };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(value) ? `https://${value}` : value;
  try {
    const url = new URL(withScheme);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, value: url.href };
  } catch {
    // Falls through to the reason below.
  }
  return { ok: false, reason: `"${value}" is not a web address; give the page or document link, starting https://` };
}
