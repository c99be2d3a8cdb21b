import { z } from 'zod';
import { SYNC_SOURCES, type SyncSource } from './sources';

/**
 * What a sync run reports while it runs (`onProgress`) and leaves behind (meta row `sync:run`),
 * so the options page can show the current or the last run. Schemas because the options page
 * reads them back through a message and after an upgrade (../shared/STYLE.md: Zod at boundaries).
 */

export const SyncSourceSchema = z.enum(SYNC_SOURCES);

export const SyncErrorSchema = z.object({
  /** Epoch ms (the injected clock). */
  at: z.number(),
  message: z.string(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export const SyncProgressSchema = z.object({
  source: SyncSourceSchema,
  /** The window being read, or the last one read; ISO instants. */
  window: z.object({ from: z.string(), to: z.string() }),
  /** Pages stored in this run. */
  pages: z.number().int().nonnegative(),
  /** Releases received in those pages. */
  releases: z.number().int().nonnegative(),
  /** Notices written (kept: council buyers unless all buyers are kept). */
  notices: z.number().int().nonnegative(),
  /** Failed attempts and waits of this run, oldest first, the last 20. */
  errors: z.array(SyncErrorSchema),
  state: z.enum(['running', 'waiting', 'done', 'failed']),
  /** Set while waiting: when the next request goes out (epoch ms). */
  waitUntil: z.number().optional(),
  /** Everything up to here is in the cache (ISO instant). */
  syncedTo: z.string().optional(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

/**
 * How a run ended. `paused`: an overload wait longer than `maxInlineWaitMs`; call again at
 * `resumeAt` (an alarm). `busy`: another run holds the lock. `aborted`: the signal fired.
 */
export const SyncOutcomeSchema = z.enum(['running', 'done', 'failed', 'paused', 'aborted', 'busy']);
export type SyncOutcome = z.infer<typeof SyncOutcomeSchema>;

export const SyncReportSchema = z.object({
  runId: z.string(),
  outcome: SyncOutcomeSchema,
  startedAt: z.number(),
  /** Absent while the run goes on. */
  finishedAt: z.number().optional(),
  /** When to run again after `paused` (epoch ms). */
  resumeAt: z.number().optional(),
  sources: z.array(SyncProgressSchema),
});
export type SyncReport = z.infer<typeof SyncReportSchema>;

export const RUN_KEY = 'sync:run';
export const LOCK_KEY = 'sync:lock';
/** The source's cursor row (cursor.ts). */
export const cursorKey = (source: SyncSource): string => `sync:${source}`;

export const MAX_ERRORS = 20;

export function withError(progress: SyncProgress, at: number, message: string): SyncProgress {
  return { ...progress, errors: [...progress.errors, { at, message }].slice(-MAX_ERRORS) };
}
