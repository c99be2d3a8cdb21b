import { z } from 'zod';

/**
 * Where one source's sync stands, stored after every page in the same transaction as the page's
 * notices (meta row `sync:<source>`), so a killed worker, a closed browser or a failed request
 * resumes from here: no page skipped, none stored twice.
 */
export const SourceCursorSchema = z.object({
  /** Everything published (Contracts Finder) or updated (Find a Tender) up to here is stored. */
  syncedTo: z.string().optional(),
  /** The window being read; absent between windows. */
  window: z.object({ from: z.string(), to: z.string() }).optional(),
  /** The next page of the window as `links.next` gave it; absent: the window's first page. */
  next: z.string().optional(),
  /** Pages of the window stored so far. */
  page: z.number().int().nonnegative(),
  /** Fingerprint of the window's last stored page, to catch the same page served again. */
  lastPageKey: z.string().optional(),
  /** Page URLs of the window already stored, to catch a `links.next` that points back. */
  fetched: z.array(z.string()),
  /** Releases of this window waiting for the rest of their process (page-notices.ts). */
  pending: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Do not call this API before (epoch ms): an overload wait that outlives the run. */
  waitUntil: z.number().optional(),
  /**
   * Backfill edge only (meta row `sync:<source>:backfill`): where the backfill began walking back
   * from, the forward edge's `syncedTo` at the time, so the two edges leave no gap.
   */
  anchor: z.string().optional(),
  /** Backfill edge only: everything from here up to `anchor` is stored. Absent before the first window. */
  reachedBack: z.string().optional(),
  /** Backfill edge only: the measured pace, for the time-left estimate (backfill.ts). */
  pace: z
    .object({
      /** Pages stored while measuring. */
      pages: z.number().int().nonnegative(),
      /** Time spent on them (ms): gaps longer than a pause are not counted. */
      busyMs: z.number().nonnegative(),
      /** History covered by windows completed while measuring (ms). */
      coveredMs: z.number().nonnegative(),
      /** Pages of those completed windows. */
      coveredPages: z.number().int().nonnegative(),
      /** When the last page was stored (epoch ms). */
      lastAt: z.number(),
    })
    .optional(),
  /** Lifetime totals, for the options page. */
  totals: z.object({ pages: z.number().int().nonnegative(), releases: z.number().int().nonnegative(), notices: z.number().int().nonnegative() }),
});
export type SourceCursor = z.infer<typeof SourceCursorSchema>;

export function emptyCursor(): SourceCursor {
  return { page: 0, fetched: [], totals: { pages: 0, releases: 0, notices: 0 } };
}

/** A stored cursor read back; anything unreadable starts the source afresh (from the backfill). */
export function readCursor(value: unknown): SourceCursor {
  const parsed = SourceCursorSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyCursor();
}
