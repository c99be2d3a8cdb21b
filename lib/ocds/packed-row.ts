import { instantSeconds, packDay, packId, packOcid, packProcurementKey, secondsInstant, unpackDay, unpackId, unpackOcid, unpackProcurementKey } from './compact-keys';
import { expiryCandidate } from './expiry';
import { definedOnly } from './json';
import { compressBody, decompressBody } from './body-codec';
import type { Award, ContractPeriod, Notice, Supplier } from './notice';
import { uniqueSuppliers } from './parties';
import { isLive } from './merge';
import { noticeDays, type NoticeRow, type ProcurementKey } from './row';
import { PORTAL_IDS, PORTALS } from './portals';

/**
 * How a cached notice sits in IndexedDB (issue 10, "Storage that holds years": at most 700 bytes a
 * notice, every index included, at 250,000 notices). The fields the indexes read stay as they are
 * (IndexedDB key paths need them); everything else travels as one JSON string `p` of positional
 * arrays, so a row does not repeat some thirty property names, and the fields nothing shows are
 * left out. `unpackRow(packRow(row))` is the row the app reads back (lib/ocds/row.ts
 * {@link storedForm}): every field the card, notice panel, supplier references, workspace and
 * Timing read, and a valid Notice for the sync to merge into.
 *
 * Left out when they can be derived again: `suppliers` when they are the live awards' (as the parser
 * derives them) and `noticeUrl` when it is the portal's usual page address for the row's `pageId`.
 * (toNoticeRow has already left out what nothing shows: procurement method, suitability, regions,
 * minimum value, the buyer's locality and postcode.)
 */

/**
 * The row as stored since schema v8: the index fields in their short forms (lib/ocds/compact-keys.ts),
 * an `expires` day for retention, and `d`, everything else.
 */
export interface PackedNoticeRow {
  /** {@link packOcid}. */
  ocid: string;
  council: string;
  /** Epoch seconds ({@link instantSeconds}). */
  updatedAt: number;
  /** {@link packProcurementKey} each; left out when empty. */
  tenderKeys?: string[];
  endKeys?: string[];
  comingKeys?: string[];
  /** {@link packId}. */
  pageId?: string;
  /** {@link packDay} of the first day a retention rule can remove the row (lib/sync/retention-rules.ts expiryCandidate). */
  expires?: string;
  /** The positional JSON of {@link packBody}, compressed (lib/ocds/body-codec.ts), or as it is when that is no shorter. */
  d: string | Uint8Array;
}

/** A row as schema v7 stored it: the index fields as the app has them, plus `p` (read by the v8 upgrade only). */
export interface LegacyPackedRow
  extends Pick<NoticeRow, 'ocid' | 'council' | 'updatedAt' | 'tenderKeys' | 'endKeys' | 'comingKeys' | 'deadline' | 'contractEnd' | 'pageId'> {
  p: string;
}

/** Stored as the index into this list: the registry's order, which only ever grows at the end. */
const SOURCES = PORTAL_IDS;
const STAGES = ['planning', 'tender', 'award', 'contract'] as const;
const PAGE_BASE: Partial<Record<Notice['source'], string>> = Object.fromEntries(PORTALS.flatMap((p) => (p.pageBase ? [[p.id, p.pageBase]] : [])));

type J = unknown;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** An instant in whole seconds as epoch seconds (10 digits for 22 characters); any other date as written. */
const packDate = (d: string | undefined): J => (d !== undefined && INSTANT.test(d) ? Date.parse(d) / 1000 : d);
const unpackDate = (t: J): string | undefined =>
  typeof t === 'number' ? new Date(t * 1000).toISOString().replace('.000Z', 'Z') : typeof t === 'string' ? t : undefined;

/**
 * JSON with every character above U+00FF escaped: V8 stores a string whose characters all fit in
 * one byte at a byte a character, and any other at two, so one "…" or "’" would double the row.
 */
function latin1Json(value: J): string {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Trailing undefined entries dropped, inner undefined as null: the shortest JSON array. */
function tuple(...items: J[]): J[] {
  let end = items.length;
  while (end > 0 && (items[end - 1] === undefined || items[end - 1] === null)) end--;
  return items.slice(0, end).map((x) => (x === undefined ? null : x));
}
const opt = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

function packPeriod(p: ContractPeriod | undefined): J {
  return p ? tuple(packDate(p.start), packDate(p.end), packDate(p.maxEnd), p.durationDays, p.extensionNote) : undefined;
}
function unpackPeriod(t: J): ContractPeriod | undefined {
  if (!Array.isArray(t)) return undefined;
  return definedOnly({ start: unpackDate(t[0]), end: unpackDate(t[1]), maxEnd: unpackDate(t[2]), durationDays: opt(t[3]), extensionNote: opt(t[4]) }) as ContractPeriod;
}
const packMoney = (m: { amount: number; currency: string } | undefined): J => (m ? (m.currency === 'GBP' ? m.amount : [m.amount, m.currency]) : undefined);
const unpackMoney = (t: J) => (typeof t === 'number' ? { amount: t, currency: 'GBP' } : Array.isArray(t) ? { amount: t[0] as number, currency: t[1] as string } : undefined);
const packSupplier = (s: Supplier): J => (s.companiesHouse ? [s.name, s.companiesHouse] : s.name);
const unpackSupplier = (t: J): Supplier => (Array.isArray(t) ? { name: t[0] as string, companiesHouse: t[1] as string } : { name: t as string });

function packAward(a: Award): J {
  return tuple(a.id, a.status, packDate(a.date), packDate(a.signed), packMoney(a.value), a.suppliers.map(packSupplier), packPeriod(a.contractPeriod));
}
function unpackAward(t: J[]): Award {
  return definedOnly({
    id: t[0] as string,
    status: opt(t[1]) as Award['status'],
    date: unpackDate(t[2]),
    signed: unpackDate(t[3]),
    value: unpackMoney(t[4]),
    suppliers: Array.isArray(t[5]) ? t[5].map(unpackSupplier) : [],
    contractPeriod: unpackPeriod(t[6]),
  });
}

const derivedSuppliers = (awards: readonly Award[]): Supplier[] => uniqueSuppliers(awards.filter(isLive).flatMap((a) => a.suppliers));
function sameSuppliers(a: readonly Supplier[], b: readonly Supplier[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.companiesHouse === b[i]!.companiesHouse);
}

/** Everything of a row but its index fields, as positional Latin-1 JSON (the `d` of {@link packRow} before compression). */
export function packBody(row: NoticeRow): string {
  const base = PAGE_BASE[row.source];
  const url = base && row.pageId && row.noticeUrl === base + row.pageId ? undefined : row.noticeUrl;
  const { buyer } = row;
  const contact = buyer.contact ? tuple(buyer.contact.name, buyer.contact.email, buyer.contact.telephone) : undefined;
  const body: J[] = [
    SOURCES.indexOf(row.source),
    STAGES.indexOf(row.stage),
    row.status,
    row.title,
    row.description,
    // The council code is the row's `council` when they agree (1); else as published, or none (0).
    tuple(buyer.name, buyer.id, buyer.councilCode === undefined ? 0 : buyer.councilCode === row.council ? 1 : buyer.councilCode, contact),
    row.cpv,
    row.serviceGroups,
    packMoney(row.value),
    packDate(row.publishedAt),
    packDate(row.tenderDeadline),
    packPeriod(row.contractPeriod),
    row.awards.map(packAward),
    url,
    row.releaseIds,
    row.origin === 'seed' ? 1 : 0,
    row.noticeTypes,
    row.expectedTenderDate,
    row.engagementDeadline,
    row.terminated ? (row.terminatedOn ?? 1) : undefined,
    sameSuppliers(row.suppliers, derivedSuppliers(row.awards)) ? undefined : row.suppliers.map(packSupplier),
  ];
  // Kept only when the stored forms would not give them back (lib/ocds/row.ts noticeDays, secondsInstant).
  const days = noticeDays(row);
  body.push(
    secondsInstant(instantSeconds(row.updatedAt)) === row.updatedAt ? null : row.updatedAt,
    days.deadline === row.deadline ? null : (row.deadline ?? 0),
    days.contractEnd === row.contractEnd ? null : (row.contractEnd ?? 0),
  );
  return latin1Json(tuple(...body));
}

/** The row as IndexedDB stores it. */
export function packRow(row: NoticeRow): PackedNoticeRow {
  const expires = expiryCandidate(row);
  return definedOnly({
    ocid: packOcid(row.ocid),
    council: row.council,
    updatedAt: instantSeconds(row.updatedAt),
    tenderKeys: packKeys(row.tenderKeys),
    endKeys: packKeys(row.endKeys),
    comingKeys: packKeys(row.comingKeys),
    pageId: row.pageId === undefined ? undefined : packId(row.pageId),
    expires: expires === undefined ? undefined : packDay(expires),
    d: compressBody(packBody(row)),
  });
}

const packKeys = (keys: readonly ProcurementKey[] | undefined): string[] | undefined => (keys?.length ? keys.map(packProcurementKey) : undefined);
const unpackKeys = (keys: readonly string[] | undefined): ProcurementKey[] => (keys ? keys.map(unpackProcurementKey) : []);

/** Whether a stored value is a packed row of schema v8 on (rows of v7 are {@link LegacyPackedRow}, of v6 and before whole notices). */
export function isPackedRow(value: unknown): value is PackedNoticeRow {
  if (typeof value !== 'object' || value === null) return false;
  const d = (value as { d?: unknown }).d;
  return typeof d === 'string' || d instanceof Uint8Array;
}
/** Whether a stored value is a row as schema v7 packed it. */
export function isLegacyPackedRow(value: unknown): value is LegacyPackedRow {
  return typeof value === 'object' && value !== null && typeof (value as { p?: unknown }).p === 'string';
}

/** What the positional body does not hold: the index fields, as the app reads them. */
type IndexFields = Pick<NoticeRow, 'ocid' | 'council' | 'updatedAt' | 'tenderKeys' | 'endKeys' | 'comingKeys' | 'pageId'> &
  Partial<Pick<NoticeRow, 'deadline' | 'contractEnd'>>;

/** The row the app reads back from a packed one. */
export function unpackRow(stored: PackedNoticeRow): NoticeRow {
  const t = JSON.parse(decompressBody(stored.d)) as J[];
  const updated = t[21];
  const row = fromBody(t, {
    ocid: unpackOcid(stored.ocid),
    council: stored.council,
    updatedAt: typeof updated === 'string' ? updated : secondsInstant(stored.updatedAt),
    tenderKeys: unpackKeys(stored.tenderKeys),
    endKeys: unpackKeys(stored.endKeys),
    comingKeys: unpackKeys(stored.comingKeys),
    pageId: stored.pageId === undefined ? undefined : unpackId(stored.pageId),
  });
  const days = noticeDays(row);
  const deadline = t[22] === 0 ? undefined : typeof t[22] === 'string' ? t[22] : days.deadline;
  const contractEnd = t[23] === 0 ? undefined : typeof t[23] === 'string' ? t[23] : days.contractEnd;
  return definedOnly({ ...row, deadline, contractEnd }) as NoticeRow;
}

/** The row the app reads back from one schema v7 stored (for the v8 upgrade). */
export function unpackLegacyRow(stored: LegacyPackedRow): NoticeRow {
  return fromBody(JSON.parse(stored.p) as J[], { ...stored, comingKeys: stored.comingKeys ?? [] });
}

function fromBody(t: J[], index: IndexFields): NoticeRow {
  const source = SOURCES[t[0] as number]!;
  const buyerT = (t[5] ?? []) as J[];
  const contactT = buyerT[3] as J[] | undefined;
  const awards = Array.isArray(t[12]) ? (t[12] as J[][]).map(unpackAward) : [];
  const base = PAGE_BASE[source];
  const terminated = t[19];
  const row = definedOnly({
    ocid: index.ocid,
    source,
    stage: STAGES[t[1] as number]!,
    status: opt(t[2]) as Notice['status'],
    title: t[3] as string,
    description: (opt(t[4]) as string | undefined) ?? '',
    buyer: definedOnly({
      name: buyerT[0] as string,
      id: opt(buyerT[1]) as string | undefined,
      councilCode: buyerT[2] === 1 ? index.council : typeof buyerT[2] === 'string' ? buyerT[2] : undefined,
      contact: contactT ? definedOnly({ name: opt(contactT[0]) as string | undefined, email: opt(contactT[1]) as string | undefined, telephone: opt(contactT[2]) as string | undefined }) : undefined,
    }),
    cpv: (opt(t[6]) as string[] | undefined) ?? [],
    serviceGroups: (opt(t[7]) as NoticeRow['serviceGroups'] | undefined) ?? [],
    value: unpackMoney(t[8]),
    publishedAt: unpackDate(t[9])!,
    updatedAt: index.updatedAt,
    tenderDeadline: unpackDate(t[10]),
    contractPeriod: unpackPeriod(t[11]),
    suppliers: Array.isArray(t[20]) ? t[20].map(unpackSupplier) : derivedSuppliers(awards),
    awards,
    regions: [],
    noticeUrl: (opt(t[13]) as string | undefined) ?? (base && index.pageId ? base + index.pageId : ''),
    releaseIds: (opt(t[14]) as string[] | undefined) ?? [],
    noticeTypes: opt(t[16]) as string[] | undefined,
    expectedTenderDate: opt(t[17]) as string | undefined,
    engagementDeadline: opt(t[18]) as string | undefined,
    terminated: terminated !== undefined && terminated !== null ? (true as const) : undefined,
    terminatedOn: typeof terminated === 'string' ? terminated : undefined,
    council: index.council,
    contractEnd: index.contractEnd,
    deadline: index.deadline,
    origin: t[15] === 1 ? ('seed' as const) : ('sync' as const),
    pageId: index.pageId,
    tenderKeys: index.tenderKeys,
    endKeys: index.endKeys,
    comingKeys: index.comingKeys,
  });
  return row as NoticeRow;
}
