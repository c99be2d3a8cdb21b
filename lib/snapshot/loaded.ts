import { z } from 'zod';
import { addMonths } from '@/lib/ocds/dates';
import { HISTORY_MONTHS, type HistoryMonths } from '@/lib/sync/backfill';

/** What the History line says about the last snapshot loaded (the background's meta row `snapshot:loaded`). */
export const LoadedSnapshotSchema = z.object({
  file: z.string(),
  /** Where it came from: a file the user picked, or the address the build was given. */
  via: z.enum(['file', 'published']),
  builtAt: z.string(),
  loadedAt: z.number(),
  notices: z.number().int().nonnegative(),
  sources: z.array(z.object({ source: z.string(), from: z.string(), to: z.string() })),
});
export type LoadedSnapshot = z.infer<typeof LoadedSnapshotSchema>;

/** "History loaded from council-notices-2024-01-01-2026-12-01.ndjson.gz (a file, built 1 Dec 2026): 142,000 notices". */
export function loadedSnapshotText(loaded: LoadedSnapshot): string {
  const built = new Date(loaded.builtAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const via = loaded.via === 'published' ? 'the published snapshot' : 'a file';
  return `History loaded from ${via}, ${loaded.file} (built ${built}): ${loaded.notices.toLocaleString('en-GB')} council notices`;
}

/**
 * The history depth that keeps what a snapshot holds: the least of the options page's depths
 * (6, 12, 24, 36 months) reaching back from `today` (YYYY-MM-DD) to the snapshot's earliest start,
 * at most the deepest. Without it, retention's "history you keep" rule (refresh/sync/retention.ts)
 * would remove two of a three-year snapshot's years after the next refresh at the default depth.
 */
export function historyMonthsFor(sources: readonly { from: string }[], today: string): HistoryMonths {
  const earliest = sources.map((s) => s.from.slice(0, 10)).sort()[0] ?? today;
  return HISTORY_MONTHS.find((months) => addMonths(today, -months) <= earliest) ?? HISTORY_MONTHS.at(-1)!;
}
