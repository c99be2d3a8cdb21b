import { expect, test } from 'vitest';
import { emptyCursor, type SourceCursor } from '@/lib/sync/cursor';
import { edgesAfterSnapshot } from '@/lib/snapshot/edges';

const W = { from: '2024-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const c = (fields: Partial<SourceCursor>): SourceCursor => ({ ...emptyCursor(), ...fields });
const inWindow = { from: '2026-11-28T00:00:00Z', to: '2026-12-01T00:00:00Z' };

test.each([
  ['a new install: forward from the snapshot end, backfill below its start', c({}), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['forward inside the snapshot, no backfill yet', c({ syncedTo: '2025-06-01T00:00:00Z' }), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['forward past the snapshot, no backfill yet: the backfill anchors at the forward edge and reads it all', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({}), { syncedTo: '2026-12-05T00:00:00Z' }, {}],
  ['a backfill that reached into the snapshot goes down to its start', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({ anchor: '2026-12-02T00:00:00Z', reachedBack: '2026-06-01T00:00:00Z' }), { syncedTo: '2026-12-05T00:00:00Z' }, { anchor: '2026-12-02T00:00:00Z', reachedBack: W.from }],
  ['a backfill above the snapshot (a gap between) is left alone', c({ syncedTo: '2026-12-20T00:00:00Z' }), c({ anchor: '2026-12-20T00:00:00Z', reachedBack: '2026-12-10T00:00:00Z' }), { syncedTo: '2026-12-20T00:00:00Z' }, { reachedBack: '2026-12-10T00:00:00Z' }],
  ['a backfill already below the snapshot is left alone', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({ anchor: '2026-12-05T00:00:00Z', reachedBack: '2023-06-01T00:00:00Z' }), { syncedTo: '2026-12-05T00:00:00Z' }, { reachedBack: '2023-06-01T00:00:00Z' }],
  ['cursors in the middle of a window are left alone', c({ window: inWindow }), c({ anchor: '2026-12-01T00:00:00Z', window: inWindow }), {}, {}],
])('%s', (_name, forward, backfill, expectForward, expectBackfill) => {
  const after = edgesAfterSnapshot(forward, backfill, W);
  expect(after.forward).toMatchObject(expectForward);
  expect(after.backfill).toMatchObject(expectBackfill);
  if (Object.keys(expectForward).length === 0) expect(after.forward).toEqual(forward);
  if (Object.keys(expectBackfill).length === 0) expect(after.backfill).toEqual(backfill);
});
