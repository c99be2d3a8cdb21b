import type { TotalsSection } from '@/lib/ocds/totals';
import { LAST_SYNC_KEY } from '../../clock';
import type { CouncilLensDB } from '../../db';
import { readCursor } from '@/lib/sync/cursor';
import { readLock } from './lock';
import { SyncReportSchema, SYNC_SOURCES, type SourceSyncStatus, type SyncStatus } from '@/lib/sync/status';
import { cursorKey, RUN_KEY, withError } from './progress';
export { SourceSyncStatusSchema, SyncStatusSchema, type SourceSyncStatus, type SyncStatus } from '@/lib/sync/status';
import { retentionRules } from './retention';
import { backfillComplete, estimateBackfill, historyFloor } from '@/lib/sync/backfill';
import { SOURCE_APIS, type SyncSource } from '@/lib/sync/sources';
import type { HistoryStatus } from '@/lib/sync/status';
import { NOT_A_COUNCIL } from '@/lib/ocds/row';
import Dexie from 'dexie';
import { backfillKey, SNAPSHOT_KEY } from './progress';
import { LoadedSnapshotSchema } from '@/lib/snapshot/loaded';

export const INTERRUPTED_MESSAGE = 'Interrupted before the end (the browser or the extension stopped); the next run resumes from the last stored page.';

/**
 * What the options page shows: the last run's progress and where each source stands. `runningHere`
 * is the background runner's own knowledge of a run; without it an unexpired lock counts as one.
 */
export async function getSyncStatus(
  db: CouncilLensDB,
  now: number = Date.now(),
  runningHere?: boolean,
  history?: { months: number; paused: boolean },
): Promise<SyncStatus> {
  const [runRow, successRow, ...cursorRows] = await db.meta.bulkGet([
    RUN_KEY,
    LAST_SYNC_KEY,
    ...SYNC_SOURCES.map((source) => cursorKey(source)),
  ]);
  const held = runningHere === undefined ? await readLock(db) : null;
  const running = runningHere ?? (held !== null && held.expiresAt > now);
  const parsed = SyncReportSchema.safeParse(runRow?.value);
  let lastRun = parsed.success ? parsed.data : null;
  if (lastRun && lastRun.outcome === 'running' && !running) {
    lastRun = {
      ...lastRun,
      outcome: 'failed',
      sources: lastRun.sources.map((p) => (p.state === 'running' || p.state === 'waiting' ? withError({ ...p, state: 'failed' }, now, INTERRUPTED_MESSAGE) : p)),
    };
  }
  const cached = await portalCounts(db);
  const sources = SYNC_SOURCES.map((source, i): SourceSyncStatus => {
    const cursor = readCursor(cursorRows[i]?.value);
    const status: SourceSyncStatus = { source, page: cursor.page, totals: cursor.totals, ...(cached.has(source) ? { cached: cached.get(source) } : {}) };
    if (cursor.syncedTo !== undefined) status.syncedTo = cursor.syncedTo;
    if (cursor.window !== undefined) status.window = cursor.window;
    if (cursor.waitUntil !== undefined && cursor.waitUntil > now) status.waitUntil = cursor.waitUntil;
    return status;
  });
  const status: SyncStatus = {
    running,
    lastRun,
    sources,
    lastSuccessAt: typeof successRow?.value === 'number' ? successRow.value : null,
    retentionRules: retentionRules(history?.months),
  };
  if (history) status.history = await historyStatus(db, now, history.months, history.paused);
  return status;
}

/**
 * Notices whose buyer is a council: all, less those under {@link NOT_A_COUNCIL}, counted from the
 * per-date totals of their keys (lib/ocds/totals.ts: every award has end keys, every open tender
 * tender keys, every forward notice coming keys), three small reads where schema v6 walked an
 * index. Only the non-council buyers' closed tenders, kept with "keep every buyer" on, are missed.
 */
export async function countCouncilNotices(db: CouncilLensDB): Promise<number> {
  const [all, others] = await Promise.all([
    db.notices.count(),
    db.noticeTotals
      .bulkGet((['tenderKeys', 'endKeys', 'comingKeys'] as const).map((section) => [NOT_A_COUNCIL, section] as [string, TotalsSection]))
      .then((rows) => rows.reduce((sum, row) => sum + (row?.counts.reduce((a, b) => a + b, 0) ?? 0), 0)),
  ]);
  return Math.max(0, all - others);
}

/** Each source's backfill: how far back, and the time left at the measured pace. */
export async function historyStatus(db: CouncilLensDB, now: number, months: number, paused: boolean): Promise<HistoryStatus> {
  const [snapshotRow, successRow, ...rows] = await db.meta.bulkGet([SNAPSHOT_KEY, LAST_SYNC_KEY, ...SYNC_SOURCES.map((source) => backfillKey(source))]);
  const floor = historyFloor(now, months);
  const status: HistoryStatus = {
    months,
    paused,
    councilNotices: await countCouncilNotices(db),
    sources: SYNC_SOURCES.map((source, i) => ({ source, ...estimateBackfill(source, SOURCE_APIS[source], readCursor(rows[i]?.value), floor, now, months) })),
  };
  const loaded = LoadedSnapshotSchema.safeParse(snapshotRow?.value);
  if (loaded.success) {
    const { via, builtAt, loadedAt } = loaded.data;
    status.snapshot = { via, builtAt, refreshed: typeof successRow?.value === 'number' && successRow.value > loadedAt };
  }
  return status;
}

/** Whether any source's backfill has history left to read for `months` (one not started has). */
export async function backfillPending(db: CouncilLensDB, now: number, months: number, sources: readonly SyncSource[] = SYNC_SOURCES): Promise<boolean> {
  const rows = await db.meta.bulkGet(sources.map((source) => backfillKey(source)));
  const floor = historyFloor(now, months);
  return rows.some((row) => {
    const cursor = readCursor(row?.value);
    return cursor.window !== undefined || !backfillComplete(cursor, floor);
  });
}

/** Whether any source's backfill has begun (its anchor is stored): before the first run it has not. */
export async function backfillStarted(db: CouncilLensDB): Promise<boolean> {
  const rows = await db.meta.bulkGet(SYNC_SOURCES.map((source) => backfillKey(source)));
  return rows.some((row) => readCursor(row?.value).anchor !== undefined);
}

/** The devolved portals' ocid prefixes (lib/ocds/portals.ts), whose ids are all digits. */
const PORTAL_OCIDS: readonly (readonly [SyncSource, string])[] = [
  ['public-contracts-scotland', 'ocds-r6ebe6-'],
  ['sell2wales', 'ocds-kuma6s-'],
];

/** Each devolved portal's notices in the cache: a count over its ocids' key range (digits sort between '0' and ':'). */
async function portalCounts(db: CouncilLensDB): Promise<Map<SyncSource, number>> {
  const counts = await Promise.all(PORTAL_OCIDS.map(([, prefix]) => db.notices.where(':id').between(`${prefix}0`, `${prefix}:`).count()));
  return new Map(PORTAL_OCIDS.map(([source], i) => [source, counts[i]!]));
}
