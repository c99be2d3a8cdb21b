// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import { beginSnapshotLoad } from '@/entrypoints/background/handlers/begin-snapshot-load';
import { finishSnapshotLoad } from '@/entrypoints/background/handlers/finish-snapshot-load';
import { loadedSnapshot } from '@/entrypoints/background/handlers/get-loaded-snapshot';
import { storeSnapshotLines } from '@/entrypoints/background/handlers/store-snapshot-lines';
import { readLock } from '@/entrypoints/background/refresh/sync/lock';
import { backfillKey, cursorKey } from '@/entrypoints/background/refresh/sync/progress';
import { rowFromLine } from '@/lib/snapshot/format';
import { loadSnapshot } from '@/lib/snapshot/read';
import { readCursor } from '@/lib/sync/cursor';
import { foreignFile, openBytes, realFileSnapshot, type BuiltSnapshot } from '../../../support/snapshot-files';
import { byOcid, freshIndexedDb, openDb, rowsOf } from '../../../support/sync-harness';

/** The loader in the background against fake-indexeddb, with a snapshot built from the real Contracts Finder files. */

let snap: BuiltSnapshot;
let lines: string[];
let db: CouncilLensDB;
beforeAll(async () => {
  snap = await realFileSnapshot();
  lines = gunzipSync(readFileSync(snap.dataPath)).toString('utf8').trimEnd().split('\n');
});
afterAll(() => snap.cleanup());
beforeEach(() => {
  freshIndexedDb();
  db = openDb();
});
afterEach(() => db.close());

const USER_ANNOTATION = { key: 'ocds-b5fd17-user', council: 'LDS', status: 'bidding', tags: ['mine'], updatedAt: '2026-12-01T00:00:00Z', note: 'keep me' };

const NOW = 1_700_000_000_000;
/** The options page's path: the file checked, the lock taken, the lines stored in batches under it. */
async function load(open = snap.open, manifest = snap.manifest) {
  let loadId = '';
  const result = await loadSnapshot(open, manifest, async (batch) => {
    const stored = await storeSnapshotLines(db, loadId, batch, NOW);
    if (!stored.ok) throw new Error(stored.reason);
  }, {
    batchSize: 20,
    beforeStore: async () => {
      const begun = await beginSnapshotLoad(db, NOW);
      if (!begun.ok) throw new Error(begun.reason);
      loadId = begun.loadId;
    },
  });
  return { ...result, loadId };
}

test('a snapshot loads: every notice cached as its row, the edges moved, the source noted, user data untouched', async () => {
  await db.annotations.put(USER_ANNOTATION as never);
  const { loadId, ...result } = await load();
  expect(result).toEqual({ ok: true, notices: snap.manifest.notices });
  const expected = lines.map((l) => rowFromLine(l)).map((r) => (r.ok ? r.row : null)).sort((a, b) => byOcid(a!, b!));
  expect(await rowsOf(db)).toEqual(expected);

  expect(await finishSnapshotLoad(db, loadId, snap.manifest, 'file', NOW)).toMatchObject({ ok: true });
  const source = snap.manifest.sources[0]!;
  expect(readCursor((await db.meta.get(cursorKey(source.source)))?.value).syncedTo).toBe(source.to);
  expect(readCursor((await db.meta.get(backfillKey(source.source)))?.value)).toMatchObject({ anchor: source.to, reachedBack: source.from });
  expect(await loadedSnapshot(db)).toMatchObject({ file: snap.manifest.file, via: 'file', notices: snap.manifest.notices });
  expect(await db.annotations.toArray()).toEqual([USER_ANNOTATION]);
  // The lock is released with the edges moved.
  expect(await readLock(db)).toBeNull();
});

test.each([
  ['corrupted', (b: Uint8Array) => b.map((x, i) => (i === Math.floor(b.length / 2) ? x ^ 0xff : x))],
  ['truncated', (b: Uint8Array) => b.slice(0, b.length - 50)],
])('a %s file is refused and nothing is written', async (_name, spoil) => {
  await db.annotations.put(USER_ANNOTATION as never);
  const result = await load(openBytes(spoil(new Uint8Array(readFileSync(snap.dataPath)))));
  expect(result.ok).toBe(false);
  expect(await db.notices.count()).toBe(0);
  expect(await db.meta.toArray()).toEqual([]);
  expect(await db.annotations.toArray()).toEqual([USER_ANNOTATION]);
});

test('a foreign file is refused and nothing is written', async () => {
  const foreign = foreignFile(snap.manifest);
  const result = await load(openBytes(foreign.bytes), foreign.manifest);
  expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not a notice/) });
  expect(await db.notices.count()).toBe(0);
});

test('a batch forged with a bad line is refused whole', async () => {
  const begun = await beginSnapshotLoad(db, NOW);
  if (!begun.ok) throw new Error(begun.reason);
  const stored = await storeSnapshotLines(db, begun.loadId, [lines[0]!, '{"ocid":"x"}'], NOW);
  expect(stored).toMatchObject({ ok: false });
  expect(await db.notices.count()).toBe(0);
});

test('a row already cached keeps the newer updatedAt', async () => {
  const [a, b] = [rowFromLine(lines[0]!), rowFromLine(lines[1]!)];
  if (!a.ok || !b.ok) throw new Error('bad fixture');
  const newerA = { ...a.row, title: 'Cached, newer', updatedAt: '2099-01-01T00:00:00Z' };
  const olderB = { ...b.row, title: 'Cached, older', updatedAt: '2000-01-01T00:00:00Z' };
  await db.notices.bulkPut([newerA, olderB]);
  const begun = await beginSnapshotLoad(db, NOW);
  if (!begun.ok) throw new Error(begun.reason);
  const stored = await storeSnapshotLines(db, begun.loadId, [lines[0]!, lines[1]!], NOW);
  expect(stored).toEqual({ ok: true, written: 1, kept: 1 });
  expect((await db.notices.get(a.row.ocid))?.title).toBe('Cached, newer');
  expect((await db.notices.get(b.row.ocid))?.title).toBe(b.row.title);
});
