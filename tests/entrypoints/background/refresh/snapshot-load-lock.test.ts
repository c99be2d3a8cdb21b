// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { beginSnapshotLoad } from '@/entrypoints/background/handlers/begin-snapshot-load';
import { endSnapshotLoad } from '@/entrypoints/background/handlers/end-snapshot-load';
import { finishSnapshotLoad } from '@/entrypoints/background/handlers/finish-snapshot-load';
import { SNAPSHOT_LOCK_TTL_MS } from '@/entrypoints/background/refresh/snapshot-load-lock';
import { storeSnapshotLines } from '@/entrypoints/background/handlers/store-snapshot-lines';
import { runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { readLock } from '@/entrypoints/background/refresh/sync/lock';
import { cursorKey } from '@/entrypoints/background/refresh/sync/progress';
import { readCursor } from '@/lib/sync/cursor';
import { DEFAULT_WALK_OPTIONS } from '@/lib/sync/walk-source';
import { CONTRACTS_FINDER_PATH, parseApiDate } from '../../../support/fake-procurement-api';
import { realFileSnapshot, type BuiltSnapshot } from '../../../support/snapshot-files';
import { fakeApiDeps, syncTestBed } from '../../../support/sync-harness';

/**
 * A snapshot load and a refresh share the sync lock (refresh/snapshot-load-lock.ts, refresh/sync/lock.ts):
 * their writes never interleave, whichever starts first. The snapshot is built from the real
 * Contracts Finder files (2022 to 2025-04-01); the refresh runs against the fake API on 127.0.0.1.
 */

const NOW = Date.parse('2025-04-03T12:00:00Z');
const bed = syncTestBed(NOW, { pageSize: 10 });

let snap: BuiltSnapshot;
let batches: string[][];
beforeAll(async () => {
  snap = await realFileSnapshot();
  const lines = gunzipSync(readFileSync(snap.dataPath)).toString('utf8').trimEnd().split('\n');
  batches = [];
  for (let i = 0; i < lines.length; i += 25) batches.push(lines.slice(i, i + 25));
});
afterAll(() => snap.cleanup());

const realTick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The runner's refresh: Contracts Finder, taking over a dead run's lock; each wait also lets a little real time pass, so the load gets turns. */
function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    ...fakeApiDeps(bed.db, bed.clock, bed.api.url),
    sources: ['contracts-finder'],
    takeOverLock: true,
    sleep: async (ms, signal) => {
      await realTick();
      await bed.clock.sleep(ms, signal);
    },
    ...overrides,
  };
}

async function begin(): Promise<string> {
  const begun = await beginSnapshotLoad(bed.db, bed.clock.now());
  if (!begun.ok) throw new Error(begun.reason);
  return begun.loadId;
}

/**
 * Lets a waiting refresh take one poll per step of the load: its fake clock then moves a second a
 * batch, however long a batch takes in real time. (Polls paced by real ticks let a slow batch on a
 * busy machine run the fake clock past the load's lock term, and the refresh gave up as `busy`.)
 */
function loadSteps(): { step(): void; end(): void; sleep: SyncDeps['sleep'] } {
  let ended = false;
  let release: () => void = () => undefined;
  let next = new Promise<void>((resolve) => (release = resolve));
  return {
    step() {
      const done = release;
      next = new Promise<void>((resolve) => (release = resolve));
      done();
    },
    end() {
      ended = true;
      release();
    },
    sleep: async (ms, signal) => {
      if (!ended) await next;
      await bed.clock.sleep(ms, signal);
    },
  };
}

test('a refresh started during a load waits for it, then reads on from the snapshot’s end', { timeout: 30_000 }, async () => {
  const loadId = await begin();
  const load = loadSteps();
  const run = runSync(deps({ sleep: load.sleep }));
  await realTick(50);
  expect(bed.api.log).toHaveLength(0);
  for (const batch of batches) {
    expect(await storeSnapshotLines(bed.db, loadId, batch, bed.clock.now())).toMatchObject({ ok: true });
    load.step();
    await realTick(1);
  }
  // Every batch stored while the refresh waited: not one request yet.
  expect(bed.api.log).toHaveLength(0);
  expect(await finishSnapshotLoad(bed.db, loadId, snap.manifest, 'file', bed.clock.now())).toMatchObject({ ok: true });
  load.end();

  const report = await run;
  expect(report.outcome).toBe('done');
  const requests = bed.api.requests(CONTRACTS_FINDER_PATH);
  expect(requests.length).toBeGreaterThan(0);
  // Its first window starts at the snapshot's end (less the sync's overlap), not a default backfill before it.
  const snapshotEnd = Date.parse(snap.manifest.sources[0]!.to);
  const firstFrom = parseApiDate(requests[0]!.query['publishedFrom']!);
  expect(firstFrom).toBeLessThanOrEqual(snapshotEnd);
  expect(firstFrom).toBeGreaterThanOrEqual(snapshotEnd - DEFAULT_WALK_OPTIONS.overlapMs);
  // Without the load, a first refresh would have begun its default span before now.
  expect(NOW - DEFAULT_WALK_OPTIONS.backfillDays * 86_400_000).toBeLessThan(snapshotEnd - DEFAULT_WALK_OPTIONS.overlapMs);
  expect(await readLock(bed.db)).toBeNull();
});

test('a load started while a refresh runs is told to wait, and takes the lock when the refresh ends', { timeout: 30_000 }, async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  const run = runSync(
    deps({
      fetch: async (input, init) => {
        asked += 1;
        await gate;
        return fetch(input, init);
      },
    }),
  );
  while (asked === 0) await realTick();
  const busy = await beginSnapshotLoad(bed.db, bed.clock.now());
  expect(busy).toEqual({ ok: false, busy: true, reason: expect.stringMatching(/^A refresh is running; the snapshot loads as soon as/) });
  release();
  expect((await run).outcome).toBe('done');
  const ran = readCursor((await bed.db.meta.get(cursorKey('contracts-finder')))?.value).syncedTo;

  const loadId = await begin();
  for (const batch of batches) expect(await storeSnapshotLines(bed.db, loadId, batch, bed.clock.now())).toMatchObject({ ok: true });
  expect(await finishSnapshotLoad(bed.db, loadId, snap.manifest, 'file', bed.clock.now())).toMatchObject({ ok: true });
  // The refresh had read past the snapshot's end with no backfill under it: the forward edge goes
  // back to the snapshot's end, so no gap is left between the two (edges.ts).
  expect(Date.parse(ran!)).toBeGreaterThan(Date.parse(snap.manifest.sources[0]!.to));
  expect(readCursor((await bed.db.meta.get(cursorKey('contracts-finder')))?.value).syncedTo).toBe(snap.manifest.sources[0]!.to);
});

test('a second load waits for the first', async () => {
  const first = await begin();
  expect(await beginSnapshotLoad(bed.db, bed.clock.now())).toMatchObject({ ok: false, reason: expect.stringMatching(/Another snapshot is loading/) });
  await endSnapshotLoad(bed.db, first);
  expect(await readLock(bed.db)).toBeNull();
  await begin();
});

test('cancelling releases the lock; another load’s id does not', async () => {
  const loadId = await begin();
  await endSnapshotLoad(bed.db, 'snapshot-load:someone-else');
  expect((await readLock(bed.db))?.runId).toBe(loadId);
  await endSnapshotLoad(bed.db, loadId);
  expect(await readLock(bed.db)).toBeNull();
});

test('a load silent past its lock is overtaken by a refresh; its later batches and its finish are refused, edges unmoved', { timeout: 30_000 }, async () => {
  const loadId = await begin();
  expect(await storeSnapshotLines(bed.db, loadId, batches[0]!, bed.clock.now())).toMatchObject({ ok: true });
  bed.clock.advance(SNAPSHOT_LOCK_TTL_MS + 1);
  const report = await runSync(deps());
  expect(report.outcome).toBe('done');
  const after = await bed.db.meta.get(cursorKey('contracts-finder'));

  const late = await storeSnapshotLines(bed.db, loadId, batches[1]!, bed.clock.now());
  expect(late).toEqual({ ok: false, reason: expect.stringMatching(/lost its hold on the cache/) });
  expect(await finishSnapshotLoad(bed.db, loadId, snap.manifest, 'file', bed.clock.now())).toMatchObject({ ok: false });
  expect(await bed.db.meta.get(cursorKey('contracts-finder'))).toEqual(after);
});
