import { z } from 'zod';
import { PORTAL_LABELS, SYNCED_PORTAL_IDS, type SyncedPortalId } from '../ocds/portals';

/**
 * What the procurement sync reports while it runs, leaves behind (meta rows) and what the options
 * page shows: schemas here, in lib/, because the background writes them and extension pages read
 * them back through a message (../shared/STYLE.md: Zod at boundaries). The sync itself lives in
 * entrypoints/background/refresh/sync/.
 */

/** The portals with a sync source (the portal registry, lib/ocds/portals.ts: each row's `sync`). */
export const SYNC_SOURCES = SYNCED_PORTAL_IDS;
export type SyncSource = SyncedPortalId;

/** How the options page names each source. */
export const SYNC_SOURCE_LABELS: Record<SyncSource, string> = PORTAL_LABELS;

export const SyncSourceSchema = z.enum(SYNC_SOURCES);

export const SyncErrorSchema = z.object({
  /** Epoch ms (the injected clock). */
  at: z.number(),
  message: z.string(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

/** A source's two edges: forward (new notices since the last run) and backfill (history, newest first). */
export const SyncEdgeSchema = z.enum(['forward', 'backfill']);
export type SyncEdge = z.infer<typeof SyncEdgeSchema>;

export const SyncProgressSchema = z.object({
  source: SyncSourceSchema,
  /** Absent: the forward edge. */
  edge: SyncEdgeSchema.optional(),
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
  /** `paused`: the user paused the history backfill. */
  state: z.enum(['running', 'waiting', 'done', 'failed', 'paused']),
  /** Set while waiting: when the next request goes out (epoch ms). */
  waitUntil: z.number().optional(),
  /** Everything up to here is in the cache (ISO instant); for the backfill edge, everything from here on. */
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
  /** Notices of this portal in the cache now (the devolved portals only, for their storage estimate). */
  cached: z.number().int().nonnegative().optional(),
});
export type SourceSyncStatus = z.infer<typeof SourceSyncStatusSchema>;

/** How far one source's history backfill has got (lib/sync/backfill.ts estimateBackfill). */
export const BackfillProgressSchema = z.object({
  /** The depth asked for, in months. */
  months: z.number().int().positive(),
  /** The oldest instant to reach (ISO). */
  floor: z.string(),
  /** Everything from here to now is cached (ISO); absent before the first window. */
  reachedBack: z.string().optional(),
  complete: z.boolean(),
  /** Estimated time left (ms); null when there is nothing to estimate from yet. */
  leftMs: z.number().nonnegative().nullable(),
  /** Pages still to read, estimated; null with `leftMs`. */
  pagesLeft: z.number().nonnegative().nullable(),
});
export type BackfillProgress = z.infer<typeof BackfillProgressSchema>;

/** The history backfill as the options page and side panel footer show it. */
export const HistoryStatusSchema = z.object({
  /** History to keep (months). */
  months: z.number().int().positive(),
  /** The user paused the backfill. */
  paused: z.boolean(),
  /** Notices in the cache whose buyer is a council. */
  councilNotices: z.number().int().nonnegative(),
  sources: z.array(BackfillProgressSchema.extend({ source: SyncSourceSchema })),
  /**
   * Where the history came from, when a snapshot was loaded (issue 14): a file or the published
   * one, when it was built, and whether a refresh has completed since the load.
   */
  snapshot: z.object({ via: z.enum(['file', 'published']), builtAt: z.string(), refreshed: z.boolean() }).optional(),
});
export type HistoryStatus = z.infer<typeof HistoryStatusSchema>;

/** What the options page shows; a schema so lib/protocol/requests.ts can carry it in a message. */
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
  /** The history backfill; absent when the caller did not ask (tests of the forward sync). */
  history: HistoryStatusSchema.optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
