import { z } from 'zod';
import { LAST_SYNC_KEY } from '../../clock';
import type { CouncilLensDB } from '../../db';
import { readCursor } from './cursor';
import { readLock } from './lock';
import { cursorKey, RUN_KEY, SyncReportSchema, SyncSourceSchema, withError } from './progress';
import { RETENTION_RULES } from './retention';
import { SYNC_SOURCES, type SyncSource } from './sources';

export const SourceSyncStatusSchema = z.object({
  source: SyncSourceSchema,
  /** Everything up to here is cached (ISO instant); absent before the first complete window. */
  syncedTo: z.string().optional(),
  /** A window left half read, resumed by the next run. */
  window: z.object({ from: z.string(), to: z.string() }).optional(),
  /** Pages of that window already stored. */
  page: z.number().int().nonnegative(),
  /** No request to this API before (epoch ms). */
  waitUntil: z.number().optional(),
  /** Lifetime counts: pages and releases read, notices written. */
  totals: z.object({ pages: z.number(), releases: z.number(), notices: z.number() }),
});
export type SourceSyncStatus = z.infer<typeof SourceSyncStatusSchema>;

/** What the options page shows; a schema so lib/protocol.ts can carry it in a message. */
export const SyncStatusSchema = z.object({
  /** A run holds an unexpired lock. */
  running: z.boolean(),
  /**
   * The current or last run. A run that stopped without finishing (a stopped worker, a closed
   * browser) is shown as `failed`, with a note that the next run resumes.
   */
  lastRun: SyncReportSchema.nullable(),
  sources: z.array(SourceSyncStatusSchema),
  /** When a run last finished with every source done (epoch ms). */
  lastSuccessAt: z.number().nullable(),
  /** The cache's retention rules, in words. */
  retentionRules: z.array(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const INTERRUPTED_MESSAGE = 'Interrupted before the end (the browser or the extension stopped); the next run resumes from the last stored page.';

/** What the options page shows: the last run's progress and where each source stands. */
export async function getSyncStatus(db: CouncilLensDB, now: number = Date.now()): Promise<SyncStatus> {
  const [runRow, successRow, ...cursorRows] = await db.meta.bulkGet([
    RUN_KEY,
    LAST_SYNC_KEY,
    ...SYNC_SOURCES.map((source) => cursorKey(source)),
  ]);
  const held = await readLock(db);
  const running = held !== null && held.expiresAt > now;
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
