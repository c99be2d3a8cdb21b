import { CouncilLensDB, schemaV8 } from '@/entrypoints/background/db';
import { packedNoticesMiddleware } from '@/entrypoints/background/packed-notices';
import { councilProcurement, ENDING_WITHIN_MONTHS } from '@/entrypoints/background/handlers/council-procurement';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { addMonths, type Procurement } from '@/lib/ocds/summary';
import { noticeInsight } from '@/entrypoints/background/handlers/get-notice-insight';
import { referenceProcurement } from '../../support/procurement-reference';

/**
 * The browser side of tests/bench/notices-cache.bench.ts, bundled into one IIFE (global
 * `NoticesCacheBench`) and run in a blank page on 127.0.0.1, so every write and read below goes
 * through Chromium's real IndexedDB with the extension's own Dexie schema and card handler.
 * Each timed function returns milliseconds measured here, in the page: the transfer of rows from
 * Node (`stage`, a fetch from the bench server) and the set-up around it are never inside a timing.
 */

export interface QueryPlanItem {
  council: string;
  group: string | null;
}

export interface QueryTimings {
  /** ms per plan item, in plan order. */
  ms: number[];
  /** Rows the index read returned, per plan item (0 for councilProcurement). */
  rows: number[];
}

/**
 * The extension's database plus the two indexes schema v7 dropped ([council+stage],
 * [council+contractEnd]), which the schema v2 handler below, the baseline, reads; rows are stored
 * whole (no packing middleware), so both handlers read the same rows and only their reads differ.
 * Storage per notice is measured on the extension's own schema by tests/bench/cache-storage.bench.ts.
 */
class BenchDB extends CouncilLensDB {
  constructor(name: string) {
    super(name);
    this.unuse({ stack: 'dbcore', name: packedNoticesMiddleware.name! });
    this.version(9).stores({ notices: `${schemaV8.notices}, [council+stage], [council+contractEnd]` });
  }
}

let db: CouncilLensDB | null = null;
let staged: NoticeRow[] = [];

function open(): CouncilLensDB {
  if (!db) throw new Error('call openDb first');
  return db;
}

export async function openDb(name: string): Promise<void> {
  db = new BenchDB(name);
  await db.open();
}

/** Fetches a JSON batch of notices from the bench server and derives their rows (toNoticeRow); returns the derivation ms. */
export async function stage(url: string): Promise<{ rows: number; deriveMs: number }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const notices = (await response.json()) as Notice[];
  const t0 = performance.now();
  staged = notices.map((n) => toNoticeRow(n, 'sync'));
  return { rows: staged.length, deriveMs: performance.now() - t0 };
}

/** Writes the staged rows with `bulkPut`, `perTransaction` rows a call (each call is its own transaction). */
export async function writeBulk(perTransaction: number): Promise<number> {
  const notices = open().notices;
  const t0 = performance.now();
  for (let i = 0; i < staged.length; i += perTransaction) await notices.bulkPut(staged.slice(i, i + perTransaction));
  return performance.now() - t0;
}

/** Writes the staged rows one `put` at a time, each its own transaction (how a naive sync would store). */
export async function writeEach(): Promise<number> {
  const notices = open().notices;
  const t0 = performance.now();
  for (const row of staged) await notices.put(row);
  return performance.now() - t0;
}

/** Writes the staged rows one `put` at a time inside one transaction: per-call cost without per-transaction cost. */
export async function writeEachInOneTransaction(): Promise<number> {
  const d = open();
  const t0 = performance.now();
  await d.transaction('rw', d.notices, async () => {
    for (const row of staged) await d.notices.put(row);
  });
  return performance.now() - t0;
}

/** Deletes the staged rows from the table (untimed clean-up after a write comparison). */
export async function deleteStaged(): Promise<void> {
  await open().notices.bulkDelete(staged.map((r) => r.ocid));
  staged = [];
}

export function clearStaged(): void {
  staged = [];
}

export async function count(): Promise<number> {
  return open().notices.count();
}

const horizonOf = (today: string) => addMonths(today, ENDING_WITHIN_MONTHS);

/** The schema v2 handler's two index reads: all the council's tender-stage rows, and its rows ending in the next 24 months. */
const previousReads = (d: CouncilLensDB, council: string, today: string) =>
  Promise.all([
    d.notices.where('[council+stage]').equals([council, 'tender']).toArray(),
    d.notices.where('[council+contractEnd]').between([council, today], [council, horizonOf(today)], true, true).toArray(),
  ]);

/** The card answer as the schema v2 handler gave it: its two index reads, filtered and sorted in JS. */
async function previousProcurement(d: CouncilLensDB, council: string, group: string | null, today: string): Promise<Procurement> {
  const [tenders, ending] = await previousReads(d, council, today);
  return referenceProcurement([...tenders, ...ending], council, group, today, null);
}

/**
 * For each plan item: councilProcurement (the card handler itself), the previous (schema v2)
 * handler as a baseline, and, apart, each of the previous handler's two index reads. They are
 * interleaved, in an order that rotates per item, so they share the same conditions (cache
 * warmth, background work) rather than running in passes.
 */
export async function timeQueries(plan: QueryPlanItem[], today: string): Promise<Record<'procurement' | 'previous' | 'tenders' | 'ending', QueryTimings>> {
  const d = open();
  const horizon = horizonOf(today);
  const out = {
    procurement: { ms: [] as number[], rows: [] as number[] },
    previous: { ms: [] as number[], rows: [] as number[] },
    tenders: { ms: [] as number[], rows: [] as number[] },
    ending: { ms: [] as number[], rows: [] as number[] },
  };
  const runs: Record<keyof typeof out, (council: string, group: string | null) => Promise<number>> = {
    procurement: async (council, group) => (await councilProcurement(d, council, group, today, null), 0),
    previous: async (council, group) => (await previousProcurement(d, council, group, today), 0),
    tenders: async (council) => (await d.notices.where('[council+stage]').equals([council, 'tender']).toArray()).length,
    ending: async (council) => (await d.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).toArray()).length,
  };
  const order = ['procurement', 'previous', 'tenders', 'ending'] as const;
  for (const [i, { council, group }] of plan.entries()) {
    for (let k = 0; k < order.length; k++) {
      const kind = order[(i + k) % order.length]!;
      const t0 = performance.now();
      const rows = await runs[kind](council, group);
      out[kind].ms.push(performance.now() - t0);
      out[kind].rows.push(rows);
    }
  }
  return out;
}

/**
 * The notice-page panel's lookup (noticeInsight) for each council's newest Contracts Finder
 * notice: by its page address alone, as on a Contracts Finder page (whose HTML has no OCID), and,
 * as the baseline, by its OCID. Interleaved like timeQueries. `rows` is the council's row count.
 */
export async function timeNoticeInsight(councils: string[], today: string): Promise<{ byPage: QueryTimings; byOcid: QueryTimings; mismatches: string[] }> {
  const d = open();
  const byPage = { ms: [] as number[], rows: [] as number[] };
  const byOcid = { ms: [] as number[], rows: [] as number[] };
  const mismatches: string[] = [];
  for (const [i, council] of councils.entries()) {
    const rows = await d.notices.where('[council+stage]').between([council, ''], [council, '\uffff']).toArray();
    const row = rows.filter((r) => r.noticeUrl?.includes('contractsfinder')).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
    if (!row) continue;
    const request = { council, noticeUrl: row.noticeUrl!, serviceGroup: null };
    const ask = { page: () => noticeInsight(d, { ...request, ocid: null }, today), ocid: () => noticeInsight(d, { ...request, ocid: row.ocid }, today) };
    const kinds: ('page' | 'ocid')[] = i % 2 ? ['page', 'ocid'] : ['ocid', 'page'];
    for (const kind of kinds) {
      const t0 = performance.now();
      const answer = await ask[kind]();
      (kind === 'page' ? byPage : byOcid).ms.push(performance.now() - t0);
      (kind === 'page' ? byPage : byOcid).rows.push(rows.length);
      if (answer.notice?.ocid !== row.ocid) mismatches.push(`noticeInsight by ${kind} did not find ${row.ocid} (${council})`);
    }
  }
  return { byPage, byOcid, mismatches };
}

export type ScanKind = 'toArray' | 'cursor';

/** One full-table pass per answer: `toArray()` of every row, or Dexie's `filter` (a cursor over every row) for the council. */
function scanFor(kind: ScanKind, council: string): Promise<NoticeRow[]> {
  const d = open();
  return kind === 'toArray' ? d.notices.toArray() : d.notices.filter((row) => row.council === council).toArray();
}

/**
 * Baseline: the same card answer from a full table scan (tests/support/procurement-reference.ts
 * over every row), timed per plan item, each checked against councilProcurement's answer. Stops
 * once `budgetMs` is spent (at least 2 runs).
 */
export async function timeScan(plan: QueryPlanItem[], today: string, kind: ScanKind, budgetMs: number): Promise<QueryTimings & { mismatches: string[] }> {
  const d = open();
  const ms: number[] = [];
  const mismatches: string[] = [];
  const started = performance.now();
  for (const { council, group } of plan) {
    if (ms.length >= 2 && performance.now() - started > budgetMs) break;
    const expected = JSON.stringify(await councilProcurement(d, council, group, today, null));
    const t0 = performance.now();
    const got = referenceProcurement(await scanFor(kind, council), council, group, today, null);
    ms.push(performance.now() - t0);
    if (JSON.stringify(got) !== expected) mismatches.push(`${kind} scan answer differs for ${council}`);
  }
  return { ms, rows: ms.map(() => 0), mismatches };
}

export interface CheckResult {
  checked: number;
  mismatches: string[];
  openTotal: number;
  endingTotal: number;
}

/**
 * Correctness, untimed: for every plan item, councilProcurement and the previous handler both
 * equal the full-scan reference over every row of the table.
 */
export async function checkAgainstScan(plan: QueryPlanItem[], today: string): Promise<CheckResult> {
  const d = open();
  const all = await d.notices.toArray();
  const result: CheckResult = { checked: 0, mismatches: [], openTotal: 0, endingTotal: 0 };
  const seen = new Set<string>();
  for (const { council, group } of plan) {
    const id = `${council}|${group}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const expected = JSON.stringify(referenceProcurement(all, council, group, today, null));
    const viaIndex: Procurement = await councilProcurement(d, council, group, today, null);
    if (JSON.stringify(viaIndex) !== expected) result.mismatches.push(`councilProcurement differs from the full scan for ${id}`);
    if (JSON.stringify(await previousProcurement(d, council, group, today)) !== expected) result.mismatches.push(`the previous handler differs from the full scan for ${id}`);
    result.checked++;
    result.openTotal += viaIndex.openTotal;
    result.endingTotal += viaIndex.endingTotal;
  }
  return result;
}

/** `performance.memory` (Chromium only; precise with --enable-precise-memory-info). */
export function jsHeap(): { used: number; total: number } | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } }).memory;
  return memory ? { used: memory.usedJSHeapSize, total: memory.totalJSHeapSize } : null;
}

export async function storageEstimate(): Promise<{ usage: number; quota: number; indexedDB: number | null }> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
}

export function close(): void {
  db?.close();
  db = null;
}
