// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { beginSnapshotLoad } from '@/entrypoints/background/handlers/begin-snapshot-load';
import { finishSnapshotLoad } from '@/entrypoints/background/handlers/finish-snapshot-load';
import { storeSnapshotLines } from '@/entrypoints/background/handlers/store-snapshot-lines';
import { runSync } from '@/entrypoints/background/refresh/sync';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow } from '@/lib/ocds/row';
import { checkManifest } from '@/lib/snapshot/format';
import { loadSnapshot } from '@/lib/snapshot/read';
import { historyFloor } from '@/lib/sync/backfill';
import { DEFAULT_WALK_OPTIONS } from '@/lib/sync/walk-source';
import { CONTRACTS_FINDER_PATH, FIND_A_TENDER_PATH, parseApiDate, parseFindATenderDate } from '../../../../support/fake-procurement-api';
import { findATenderStream } from '../../../../support/fake-stream';
import { openFile } from '../../../../support/snapshot-files';
import { byOcid, fakeApiDeps, resolveCouncil, rowsOf, syncTestBed } from '../../../../support/sync-harness';

/**
 * After a snapshot load the history backfill fetches only what the snapshot lacks, per source
 * (issue 14). The snapshot holds Find a Tender from 2026-10-20 to 2026-12-01, built with
 * npm run data:snapshot's code from the fake API's generated stream (fake-stream.ts: the real
 * 2026-08-10 releases shifted day by day); Contracts Finder is not in it. Today is 2026-12-06 and
 * three months of history are kept.
 */

const NOW = Date.parse('2026-12-06T12:00:00Z');
const stream = findATenderStream({ releasesPerDay: 12, end: NOW });
const bed = syncTestBed(NOW, { pageSize: 10, streams: { 'find-a-tender': stream } });

/** First pages only (a window's later pages follow its cursor), as [from, to] in epoch ms. */
function windows(apiPath: typeof FIND_A_TENDER_PATH | typeof CONTRACTS_FINDER_PATH, since: number): [number, number][] {
  const [fromKey, toKey, parse] = apiPath === FIND_A_TENDER_PATH ? ['updatedFrom', 'updatedTo', parseFindATenderDate] as const : ['publishedFrom', 'publishedTo', parseApiDate] as const;
  return bed.api
    .requests(apiPath)
    .filter((e) => e.at >= since && !e.cursor && e.status === 200)
    .map((e): [number, number] => [parse(e.query[fromKey]!), parse(e.query[toKey]!)]);
}

/** The snapshot of 2026-10-20 to 2026-12-01 built from the fake API into `out`, loaded the options page's way (checked, lock taken, batches, edges moved). */
async function buildAndLoad(out: string): Promise<number> {
  const built = await buildSnapshot({ from: '2026-10-20', to: '2026-12-01', sources: ['find-a-tender'], outDir: out, bases: { findATender: bed.api.url }, now: bed.clock.now, sleep: bed.clock.sleep });
  if (!built.ok) throw new Error(built.error);
  const manifest = checkManifest(readFileSync(built.manifestPath, 'utf8'));
  if (!manifest.ok) throw new Error(manifest.reason);
  let loadId = '';
  const loaded = await loadSnapshot(
    openFile(built.dataPath),
    manifest.manifest,
    async (lines) => {
      const stored = await storeSnapshotLines(bed.db, loadId, lines, bed.clock.now());
      if (!stored.ok) throw new Error(stored.reason);
    },
    {
      beforeStore: async () => {
        const begun = await beginSnapshotLoad(bed.db, bed.clock.now());
        if (!begun.ok) throw new Error(begun.reason);
        loadId = begun.loadId;
      },
    },
  );
  if (!loaded.ok) throw new Error(loaded.reason);
  const finished = await finishSnapshotLoad(bed.db, loadId, manifest.manifest, 'file', bed.clock.now());
  if (!finished.ok) throw new Error(finished.reason);
  return manifest.manifest.notices;
}

const [SNAP_FROM, SNAP_TO] = [Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z')];

/** Every council notice of Find a Tender from `floor` to now, by ocid. */
function expectedOcids(floor: number): string[] {
  const releases = stream.between(floor, NOW).map((r) => JSON.parse(r.text) as Record<string, unknown>);
  return parseReleases({ ...stream.header, releases }, { resolveCouncil })
    .notices.filter((n) => n.buyer.councilCode !== undefined)
    .map((n) => toNoticeRow(n, 'sync'))
    .sort(byOcid)
    .map((r) => r.ocid);
}

/** No Find a Tender window since `since` inside the snapshot (the forward edge's overlap hour aside). */
function expectNothingReadInside(since: number): [number, number][] {
  const fat = windows(FIND_A_TENDER_PATH, since);
  const below = fat.filter(([, b]) => b <= SNAP_FROM);
  const above = fat.filter(([a]) => a >= SNAP_TO - DEFAULT_WALK_OPTIONS.overlapMs);
  expect(below.length + above.length).toBe(fat.length);
  return below;
}

test('the backfill reads Find a Tender only outside the snapshot, and Contracts Finder (not in it) all the way', { timeout: 60_000 }, async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'snapshot-backfill-'));
  try {
    expect(await buildAndLoad(out)).toBeGreaterThan(100);
    const since = bed.clock.now();
    const report = await runSync({ ...fakeApiDeps(bed.db, bed.clock, bed.api.url), history: { months: 3 } });
    expect(report.outcome).toBe('done');

    const floor = historyFloor(NOW, 3);
    // Below the snapshot (the backfill, down to the floor) and from its end (the forward edge, less its overlap hour) to now.
    const below = expectNothingReadInside(since);
    const fat = windows(FIND_A_TENDER_PATH, since);
    expect(Math.min(...below.map(([a]) => a))).toBeLessThanOrEqual(floor + 15 * 60_000);
    expect(Math.max(...below.map(([, b]) => b))).toBe(SNAP_FROM);
    expect(Math.max(...fat.map(([, b]) => b))).toBeGreaterThanOrEqual(NOW);

    // Contracts Finder: the whole depth, from now down to the floor.
    const cf = windows(CONTRACTS_FINDER_PATH, since);
    expect(Math.max(...cf.map(([, b]) => b))).toBeGreaterThanOrEqual(NOW - 1000);
    expect(Math.min(...cf.map(([a]) => a))).toBeLessThanOrEqual(floor + 15 * 60_000);

    // Nothing missing: every council notice of Find a Tender from the floor to now.
    expect((await rowsOf(bed.db)).filter((r) => r.source === 'find-a-tender').map((r) => r.ocid)).toEqual(expectedOcids(floor));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a new user whose backfill had begun before the load: the gap from the snapshot’s end is read forward, the snapshot’s span not again', { timeout: 60_000 }, async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'snapshot-backfill-'));
  try {
    // The first run after install: the backfill reads a few pages back from now, then the load stops it.
    const stop = new AbortController();
    await runSync({
      ...fakeApiDeps(bed.db, bed.clock, bed.api.url),
      sources: ['find-a-tender'],
      history: { months: 3, signal: stop.signal },
      onProgress: (p) => void (p.edge === 'backfill' && p.pages === 3 && stop.abort()),
    });
    await buildAndLoad(out);
    const since = bed.clock.now();
    const report = await runSync({ ...fakeApiDeps(bed.db, bed.clock, bed.api.url), sources: ['find-a-tender'], history: { months: 3 } });
    expect(report.outcome).toBe('done');
    const below = expectNothingReadInside(since);
    expect(below.length).toBeGreaterThan(0);
    expect((await rowsOf(bed.db)).map((r) => r.ocid)).toEqual(expectedOcids(historyFloor(NOW, 3)));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
