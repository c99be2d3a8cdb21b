import type { SourceCursor } from '@/lib/sync/cursor';
import type { SnapshotSource } from './format';

/**
 * Where a source's two sync edges stand after a snapshot of `[from, to)` is loaded (issue 14: "the
 * backfill only fetches what the snapshot lacks"). The forward edge (`syncedTo`) jumps to the
 * snapshot's end when it stood inside the snapshot or had not started; the backfill edge's stored
 * span (`reachedBack` up to `anchor`) grows down to the snapshot's start when the two touch, or,
 * for a backfill not started, becomes the snapshot's span. A cursor in the middle of a window is
 * left as it is, and so is anything the snapshot does not join: a gap is never claimed as stored.
 */
export function edgesAfterSnapshot(forward: SourceCursor, backfill: SourceCursor, span: Pick<SnapshotSource, 'from' | 'to'>): { forward: SourceCursor; backfill: SourceCursor } {
  const from = Date.parse(span.from);
  const to = Date.parse(span.to);
  const synced = forward.syncedTo === undefined ? undefined : Date.parse(forward.syncedTo);
  let nextForward = forward;
  if (forward.window === undefined && (synced === undefined || (synced >= from && synced < to))) nextForward = { ...forward, syncedTo: span.to };

  let nextBackfill = backfill;
  if (backfill.window === undefined) {
    if (backfill.anchor === undefined) {
      // Not started: it will anchor at the forward edge, so the snapshot counts only if it reaches there.
      if (synced === undefined || synced <= to) nextBackfill = { ...backfill, anchor: span.to, reachedBack: span.from };
    } else {
      const top = Date.parse(backfill.reachedBack ?? backfill.anchor);
      if (top > from && top <= to) nextBackfill = { ...backfill, reachedBack: span.from };
    }
  }
  return { forward: nextForward, backfill: nextBackfill };
}
