import { emptyCursor, type SourceCursor } from '@/lib/sync/cursor';
import type { SnapshotSource } from './format';

/**
 * Where a source's two sync edges stand after a snapshot of `[from, to)` is loaded (issue 14: "the
 * backfill only fetches what the snapshot lacks"). The history stored is one span, from the
 * backfill's top (`reachedBack`, else `anchor`; a window it is reading lies below) up to the
 * forward edge's `syncedTo`, and the snapshot joins it:
 *
 * - Nothing stored yet: the forward edge goes on from the snapshot's end, the backfill from its start.
 * - The forward edge inside the snapshot: it jumps to the snapshot's end.
 * - The backfill's top inside the snapshot: the backfill goes on from the snapshot's start (a window
 *   it was reading is dropped: it lay in the snapshot, or goes on below it).
 * - The stored span above the snapshot with a gap between (the usual case for a new user: the
 *   backfill had read a little back from now when a week-old published snapshot was loaded, and
 *   stopped in the middle of a window): the forward edge goes back to the snapshot's end and the
 *   backfill becomes the snapshot's span. The next refresh reads from the snapshot's end to now
 *   (the gap, and the little already read, again), where leaving the gap would make the backfill
 *   read the whole snapshot again from the APIs.
 *
 * Left as they are: a forward edge in the middle of a window or below the snapshot's start, and a
 * backfill already at or below the snapshot's start. A gap is never claimed as stored.
 */
export function edgesAfterSnapshot(forward: SourceCursor, backfill: SourceCursor, span: Pick<SnapshotSource, 'from' | 'to'>): { forward: SourceCursor; backfill: SourceCursor } {
  const from = Date.parse(span.from);
  const to = Date.parse(span.to);
  if (forward.window !== undefined) return { forward, backfill };
  const high = forward.syncedTo === undefined ? undefined : Date.parse(forward.syncedTo);
  if (high !== undefined && high < from) return { forward, backfill };
  const started = backfill.anchor !== undefined;
  // Not started, the backfill would anchor at the forward edge.
  const low = started ? Date.parse(backfill.reachedBack ?? backfill.anchor!) : high;
  const toEnd = { ...forward, syncedTo: span.to };
  /** The backfill between windows, its stored span `[reachedBack, anchor]`. */
  const backfillSpan = (anchor: string, reachedBack: string): SourceCursor => {
    const next: SourceCursor = { ...emptyCursor(), totals: backfill.totals, anchor, reachedBack };
    if (backfill.pace) next.pace = backfill.pace;
    if (backfill.waitUntil !== undefined) next.waitUntil = backfill.waitUntil;
    return next;
  };

  if (low === undefined || low > to) return { forward: toEnd, backfill: backfillSpan(span.to, span.from) };
  const nextForward = high === undefined || high < to ? toEnd : forward;
  if (low <= from) return { forward: nextForward, backfill };
  return { forward: nextForward, backfill: started ? backfillSpan(backfill.anchor!, span.from) : backfillSpan(span.to, span.from) };
}
