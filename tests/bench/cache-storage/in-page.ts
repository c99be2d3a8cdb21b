import Dexie from 'dexie';
import { CouncilLensDB, schemaV6 } from '@/entrypoints/background/db';
import { councilProcurement, firstAndTotal } from '@/entrypoints/background/handlers/council-procurement';
import { noticeTotalsMiddleware } from '@/entrypoints/background/notice-totals';
import type { Notice } from '@/lib/ocds/notice';
import { normaliseName } from '@/lib/ocds/parties';
import { toNoticeRow } from '@/lib/ocds/row';
import { addMonths } from '@/lib/ocds/summary';

/**
 * The browser side of tests/bench/cache-storage.bench.ts, bundled into one IIFE (global
 * `NoticesCacheBench`) and run in a blank page on 127.0.0.1: the notices cache as the extension
 * keeps it now (schema v8: compact rows, packed with short keys) and, as the baseline, as it
 * kept it before issue 10 (schema v6, whole rows with a supplierKeys field), in real IndexedDB.
 */

export type Layout = 'v8' | 'v6';

/** Schema v6 exactly, with the per-date totals it kept (its middleware). */
class V6Db extends Dexie {
  constructor(name: string) {
    super(name);
    this.use(noticeTotalsMiddleware);
    this.version(6).stores(schemaV6 as Record<string, string>);
  }
}

let db: Dexie | null = null;
let layout: Layout = 'v8';
let staged: Record<string, unknown>[] = [];

/** A row as schema v6's toNoticeRow wrote it (commit 10ffc0d): the whole notice, supplierKeys, no comingKeys. */
function v6Row(notice: Notice): Record<string, unknown> {
  const { comingKeys: _c, ...row } = toNoticeRow(notice, 'sync');
  const supplierKeys = new Set<string>();
  for (const s of notice.suppliers) {
    if (s.companiesHouse) supplierKeys.add(`ch:${s.companiesHouse}`);
    const name = normaliseName(s.name);
    if (name) supplierKeys.add(`name:${name}`);
  }
  return { ...row, description: notice.description, cpv: notice.cpv, supplierKeys: [...supplierKeys] };
}

function openV8(name: string): Dexie {
  return new CouncilLensDB(name);
}
function openV6(name: string): Dexie {
  return new V6Db(name) as unknown as Dexie;
}

export async function openDb(name: string, as: Layout): Promise<void> {
  layout = as;
  const opened = as === 'v6' ? openV6(name) : openV8(name);
  db = opened;
  await opened.open();
}

/** Fetches a JSON batch of notices and derives the layout's rows (untimed). */
export async function stage(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const notices = (await response.json()) as Notice[];
  staged = notices.map((n) =>
    layout === 'v6' ? v6Row(n) : (toNoticeRow(n, 'sync') as unknown as Record<string, unknown>),
  );
  return staged.length;
}

/** Derives and writes: ms for rows -> bulkPut, `perTransaction` rows a call. */
export async function writeStaged(perTransaction: number): Promise<number> {
  const table = db!.table('notices');
  const t0 = performance.now();
  for (let i = 0; i < staged.length; i += perTransaction) await table.bulkPut(staged.slice(i, i + perTransaction));
  staged = [];
  return performance.now() - t0;
}

export async function count(): Promise<number> {
  return db!.table('notices').count();
}

/** The card's question per plan item, ms each: v8 its handler (three sections), v6 the two sections it had. */
export async function timeCard(plan: { council: string; group: string | null }[], today: string): Promise<number[]> {
  const out: number[] = [];
  for (const { council, group } of plan) {
    const t0 = performance.now();
    if (layout !== 'v6') await councilProcurement(db as CouncilLensDB, council, group, today, null);
    else {
      const d = db as unknown as CouncilLensDB;
      await d.transaction('r', d.notices, d.noticeTotals, () =>
        Promise.all([
          firstAndTotal(d, council, group, today, { index: 'tenderKeys', from: today, to: '\uffff' }, (s) => s.deadline),
          firstAndTotal(d, council, group, today, { index: 'endKeys', from: today, to: addMonths(today, 24) }, (s) => s.maxEnd ?? s.end),
        ]),
      );
    }
    out.push(performance.now() - t0);
  }
  return out;
}

export async function storageEstimate(): Promise<{ usage: number; indexedDB: number | null }> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
}

export function close(): void {
  db?.close();
  db = null;
}
