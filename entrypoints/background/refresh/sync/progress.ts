import { type SyncProgress, type SyncSource } from '@/lib/sync/status';

export {
  SyncSourceSchema,
  SyncErrorSchema,
  SyncProgressSchema,
  SyncOutcomeSchema,
  SyncReportSchema,
  type SyncError,
  type SyncProgress,
  type SyncOutcome,
  type SyncReport,
} from '@/lib/sync/status';

/**
 * Where a run's progress is kept (meta row `sync:run`, the lock and each source's cursor row).
 * The schemas of what is kept are in lib/sync/status.ts, shared with the options page.
 */

export const RUN_KEY = 'sync:run';
export const LOCK_KEY = 'sync:lock';
/** The source's cursor row (cursor.ts): its forward edge. */
export const cursorKey = (source: SyncSource): string => `sync:${source}`;
/** The source's backfill edge (lib/sync/backfill.ts). */
export const backfillKey = (source: SyncSource): string => `sync:${source}:backfill`;

/** The last snapshot loaded (handlers/finish-snapshot-load.ts); under `sync:` so clearing the cache forgets it with the cursors. */
export const SNAPSHOT_KEY = 'sync:snapshot';

export const MAX_ERRORS = 20;

export function withError(progress: SyncProgress, at: number, message: string): SyncProgress {
  return { ...progress, errors: [...progress.errors, { at, message }].slice(-MAX_ERRORS) };
}
