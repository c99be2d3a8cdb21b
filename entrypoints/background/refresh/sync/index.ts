/**
 * The procurement sync's public API (issue 4, "Cache and sync"): the background wires alarms,
 * "Refresh now" and the options page to these. No browser APIs in this folder: fetch, the clock
 * and sleeping are injected.
 */
export { runSync, DEFAULT_SYNC_OPTIONS, type SyncDeps, type SyncOptions } from './run-sync';
export { getSyncStatus, INTERRUPTED_MESSAGE, SyncStatusSchema, SourceSyncStatusSchema, type SyncStatus, type SourceSyncStatus } from './sync-status';
export {
  applyRetention,
  isExpiredTender,
  isLongFinishedContract,
  RETENTION_RULES,
  retentionRules,
  retentionSources,
  isStaleUndated,
  isBeyondHistory,
  UNDATED_KEEP_MONTHS,
  type RetentionOptions,
  TENDER_GRACE_DAYS,
  CONTRACT_KEEP_YEARS,
  type RetentionResult,
} from './retention';
export {
  SyncProgressSchema,
  SyncReportSchema,
  SyncOutcomeSchema,
  type SyncProgress,
  type SyncReport,
  type SyncOutcome,
  type SyncError,
} from './progress';
export { SYNC_SOURCES, DEFAULT_BASES, type SyncSource, type SyncBases, type SyncWindow } from '@/lib/sync/sources';
export { sleep } from '@/lib/sync/sleep';
