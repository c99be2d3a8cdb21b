import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement, ENDING_WITHIN_MONTHS } from '@/entrypoints/background/handlers/council-procurement';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { addMonths } from '@/lib/ocds/summary';
import type { Procurement } from '@/lib/protocol';

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

let db: CouncilLensDB | null = null;
let staged: NoticeRow[] = [];

function open(): CouncilLensDB {
  if (!db) throw new Error('call openDb first');
  return db;
}

export async function openDb(name: string): Promise<void> {
  db = new CouncilLensDB(name);
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

/**
 * For each plan item: councilProcurement (the card handler itself) and, apart, each of its two
 * index reads: a council's tender-stage notices, and its notices whose contract ends in the next
 * 24 months. The three are interleaved, in an order that rotates per item, so they share the same
 * conditions (cache warmth, background work) rather than running in three passes.
 */
export async function timeQueries(plan: QueryPlanItem[], today: string): Promise<Record<'procurement' | 'tenders' | 'ending' | 'endingKeys', QueryTimings>> {
  const d = open();
  const horizon = horizonOf(today);
  const out = {
    procurement: { ms: [] as number[], rows: [] as number[] },
    tenders: { ms: [] as number[], rows: [] as number[] },
    ending: { ms: [] as number[], rows: [] as number[] },
    endingKeys: { ms: [] as number[], rows: [] as number[] },
  };
  const runs: Record<keyof typeof out, (council: string, group: string | null) => Promise<number>> = {
    procurement: async (council, group) => (await councilProcurement(d, council, group, today, null), 0),
    tenders: async (council) => (await d.notices.where('[council+stage]').equals([council, 'tender']).toArray()).length,
    ending: async (council) => (await d.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).toArray()).length,
    // The same range, keys only: the index walk without reading and deserialising the rows.
    endingKeys: async (council) => (await d.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).primaryKeys()).length,
  };
  const order = ['procurement', 'tenders', 'ending', 'endingKeys'] as const;
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

type Key = readonly string[];

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}

const KEY_PATHS: Record<string, (row: NoticeRow) => Key | null> = {
  '[council+stage]': (row) => [row.council, row.stage],
  '[council+contractEnd]': (row) => (row.contractEnd === undefined ? null : [row.council, row.contractEnd]),
};

/**
 * A stand-in for the database that answers councilProcurement's two index reads from one full
 * scan of the table instead of the indexes: same rows, in the order the index would give
 * (index key, then primary key; the scan returns primary-key order and `sort` is stable). So the
 * handler's own post-processing runs on it, and index and scan answers can be compared exactly.
 */
function scanningDb(scan: () => Promise<NoticeRow[]>): CouncilLensDB {
  let rows: Promise<NoticeRow[]> | null = null;
  const read = (index: string, inRange: (key: Key) => boolean) => ({
    async toArray() {
      const keyOf = KEY_PATHS[index];
      if (!keyOf) throw new Error(`scanningDb: no key path for ${index}`);
      rows ??= scan();
      const hits: { row: NoticeRow; key: Key }[] = [];
      for (const row of await rows) {
        const key = keyOf(row);
        if (key && inRange(key)) hits.push({ row, key });
      }
      return hits.sort((a, b) => compareKeys(a.key, b.key)).map((h) => h.row);
    },
  });
  const notices = {
    where: (index: string) => ({
      equals: (key: Key) => read(index, (k) => compareKeys(k, key) === 0),
      between: (lower: Key, upper: Key, includeLower = true, includeUpper = false) =>
        read(index, (k) => {
          const lo = compareKeys(k, lower);
          const hi = compareKeys(k, upper);
          return (includeLower ? lo >= 0 : lo > 0) && (includeUpper ? hi <= 0 : hi < 0);
        }),
    }),
  };
  return { notices } as unknown as CouncilLensDB;
}

export type ScanKind = 'toArray' | 'cursor';

/** One full-table pass per answer: `toArray()` of every row, or Dexie's `filter` (a cursor over every row) for the council. */
function scanFor(kind: ScanKind, council: string): () => Promise<NoticeRow[]> {
  const d = open();
  return kind === 'toArray' ? () => d.notices.toArray() : () => d.notices.filter((row) => row.council === council).toArray();
}

/**
 * Baseline: the same card answer from a full table scan, timed per plan item, each checked
 * against councilProcurement's answer. Stops once `budgetMs` is spent (at least 2 runs).
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
    const got = await councilProcurement(scanningDb(scanFor(kind, council)), council, group, today, null);
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
  tendersRead: number;
  endingRead: number;
}

/**
 * Correctness, untimed: for every plan item, councilProcurement over the indexes equals it over
 * one full scan of the table, and each index read returns exactly the scan's rows in the same order.
 */
export async function checkAgainstScan(plan: QueryPlanItem[], today: string): Promise<CheckResult> {
  const d = open();
  const all = await d.notices.toArray();
  const horizon = horizonOf(today);
  const result: CheckResult = { checked: 0, mismatches: [], openTotal: 0, endingTotal: 0, tendersRead: 0, endingRead: 0 };
  const seen = new Set<string>();
  const ids = (rows: NoticeRow[]) => rows.map((r) => r.ocid).join(' ');
  for (const { council, group } of plan) {
    const id = `${council}|${group}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const scanDb = scanningDb(async () => all);
    const viaIndex: Procurement = await councilProcurement(d, council, group, today, null);
    const viaScan = await councilProcurement(scanDb, council, group, today, null);
    if (JSON.stringify(viaIndex) !== JSON.stringify(viaScan)) result.mismatches.push(`councilProcurement differs for ${id}`);
    const tenders = await d.notices.where('[council+stage]').equals([council, 'tender']).toArray();
    const tendersScan = await scanDb.notices.where('[council+stage]').equals([council, 'tender']).toArray();
    if (ids(tenders) !== ids(tendersScan)) result.mismatches.push(`[council+stage] read differs for ${council}`);
    const ending = await d.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).toArray();
    const endingScan = await scanDb.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).toArray();
    if (ids(ending) !== ids(endingScan)) result.mismatches.push(`[council+contractEnd] read differs for ${council}`);
    result.checked++;
    result.openTotal += viaIndex.openTotal;
    result.endingTotal += viaIndex.endingTotal;
    result.tendersRead += tenders.length;
    result.endingRead += ending.length;
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
