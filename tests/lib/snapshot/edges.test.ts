import { expect, test } from 'vitest';
import { emptyCursor, type SourceCursor } from '@/lib/sync/cursor';
import { edgesAfterSnapshot } from '@/lib/snapshot/edges';

const W = { from: '2024-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const c = (fields: Partial<SourceCursor>): SourceCursor => ({ ...emptyCursor(), ...fields });
const inWindow = { from: '2026-11-28T00:00:00Z', to: '2026-12-01T00:00:00Z' };

test.each([
  ['a new install: forward from the snapshot end, backfill below its start', c({}), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['forward inside the snapshot, no backfill yet', c({ syncedTo: '2025-06-01T00:00:00Z' }), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['forward past the snapshot, no backfill yet: forward goes back to the snapshot end (the gap is read), backfill below its start', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['forward exactly at the snapshot end, no backfill yet: nothing to re-read', c({ syncedTo: W.to }), c({}), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['a backfill that reached into the snapshot goes down to its start', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({ anchor: '2026-12-02T00:00:00Z', reachedBack: '2026-06-01T00:00:00Z' }), { syncedTo: '2026-12-05T00:00:00Z' }, { anchor: '2026-12-02T00:00:00Z', reachedBack: W.from }],
  ['a backfill above the snapshot (a gap between): forward goes back to the snapshot end, backfill becomes the snapshot', c({ syncedTo: '2026-12-20T00:00:00Z' }), c({ anchor: '2026-12-20T00:00:00Z', reachedBack: '2026-12-10T00:00:00Z' }), { syncedTo: W.to }, { anchor: W.to, reachedBack: W.from }],
  ['a forward edge below the snapshot start (a gap) is left alone', c({ syncedTo: '2023-06-01T00:00:00Z' }), c({ anchor: '2023-06-01T00:00:00Z', reachedBack: '2023-01-01T00:00:00Z' }), {}, {}],
  ['a backfill already below the snapshot is left alone', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({ anchor: '2026-12-05T00:00:00Z', reachedBack: '2023-06-01T00:00:00Z' }), { syncedTo: '2026-12-05T00:00:00Z' }, { reachedBack: '2023-06-01T00:00:00Z' }],
  ['a forward edge in the middle of a window leaves both alone', c({ window: inWindow }), c({ anchor: '2026-12-01T00:00:00Z', window: inWindow }), {}, {}],
  [
    'a backfill stopped in the middle of a window above the snapshot: its window dropped, forward back to the snapshot end',
    c({ syncedTo: '2026-12-06T00:00:00Z' }),
    c({ anchor: '2026-12-06T00:00:00Z', reachedBack: '2026-12-04T00:00:00Z', window: { from: '2026-12-01T00:00:00Z', to: '2026-12-04T00:00:00Z' }, page: 2, fetched: ['p1', 'p2'] }),
    { syncedTo: W.to },
    { anchor: W.to, reachedBack: W.from, page: 0, fetched: [] },
  ],
  [
    'a backfill stopped in the middle of a window inside the snapshot goes on below it',
    c({ syncedTo: '2026-12-05T00:00:00Z' }),
    c({ anchor: '2026-12-05T00:00:00Z', reachedBack: '2026-06-01T00:00:00Z', window: { from: '2026-05-29T00:00:00Z', to: '2026-06-01T00:00:00Z' }, page: 1, fetched: ['p1'] }),
    { syncedTo: '2026-12-05T00:00:00Z' },
    { anchor: '2026-12-05T00:00:00Z', reachedBack: W.from, page: 0, fetched: [] },
  ],
  ['a backfill in the middle of a window below the snapshot is left alone', c({ syncedTo: '2026-12-05T00:00:00Z' }), c({ anchor: '2026-12-05T00:00:00Z', reachedBack: '2023-06-01T00:00:00Z', window: { from: '2023-05-29T00:00:00Z', to: '2023-06-01T00:00:00Z' } }), { syncedTo: '2026-12-05T00:00:00Z' }, {}],
])('%s', (_name, forward, backfill, expectForward, expectBackfill) => {
  const after = edgesAfterSnapshot(forward, backfill, W);
  expect(after.forward).toMatchObject(expectForward);
  expect(after.backfill).toMatchObject(expectBackfill);
  if (Object.keys(expectForward).length === 0) expect(after.forward).toEqual(forward);
  if (Object.keys(expectBackfill).length === 0) expect(after.backfill).toEqual(backfill);
  // Between windows afterwards unless left alone.
  if (Object.keys(expectBackfill).length > 0) expect(after.backfill.window).toBeUndefined();
});
