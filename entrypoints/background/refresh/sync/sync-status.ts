import { LAST_SYNC_KEY } from '../../clock';
import type { CouncilLensDB } from '../../db';
import { readCursor } from '@/lib/sync/cursor';
import { readLock } from './lock';
import { SyncReportSchema, SYNC_SOURCES, type SourceSyncStatus, type SyncStatus } from '@/lib/sync/status';
import { cursorKey, RUN_KEY, withError } from './progress';
export { SourceSyncStatusSchema, SyncStatusSchema, type SourceSyncStatus, type SyncStatus } from '@/lib/sync/status';
import { RETENTION_RULES } from './retention';

export const INTERRUPTED_MESSAGE = 'Interrupted before the end (the browser or the extension stopped); the next run resumes from the last stored page.';

/**
 * What the options page shows: the last run's progress and where each source stands. `runningHere`
 * is the background runner's own knowledge of a run; without it an unexpired lock counts as one.
 */
export async function getSyncStatus(db: CouncilLensDB, now: number = Date.now(), runningHere?: boolean): Promise<SyncStatus> {
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
  const sources = SYNC_SOURCES.map((source, i): SourceSyncStatus => {
    const cursor = readCursor(cursorRows[i]?.value);
    const status: SourceSyncStatus = { source, page: cursor.page, totals: cursor.totals };
    if (cursor.syncedTo !== undefined) status.syncedTo = cursor.syncedTo;
    if (cursor.window !== undefined) status.window = cursor.window;
    if (cursor.waitUntil !== undefined && cursor.waitUntil > now) status.waitUntil = cursor.waitUntil;
    return status;
  });
  return {
    running,
    lastRun,
    sources,
    lastSuccessAt: typeof successRow?.value === 'number' ? successRow.value : null,
    retentionRules: [...RETENTION_RULES],
  };
}
