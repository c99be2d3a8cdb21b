// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { beginSnapshotLoad, finishSnapshotLoad, storeSnapshotLines } from '@/entrypoints/background/handlers/snapshot';
import { runSync } from '@/entrypoints/background/refresh/sync';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { parseReleases } from '@/lib/ocds';
import { toNoticeRow } from '@/lib/ocds/row';
import { checkManifest } from '@/lib/snapshot/format';
import { loadSnapshot } from '@/lib/snapshot/read';
import { historyFloor } from '@/lib/sync/backfill';
import { DEFAULT_WALK_OPTIONS } from '@/lib/sync/walk-source';
import { CONTRACTS_FINDER_PATH, FIND_A_TENDER_PATH, parseApiDate, parseFindATenderDate } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { openFile } from '../support/snapshot-files';
import { byOcid, fakeApiDeps, resolveCouncil, rowsOf, syncTestBed } from '../support/sync-harness';

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

test('the backfill reads Find a Tender only outside the snapshot, and Contracts Finder (not in it) all the way', { timeout: 60_000 }, async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'snapshot-backfill-'));
  try {
    const built = await buildSnapshot({ from: '2026-10-20', to: '2026-12-01', sources: ['find-a-tender'], outDir: out, bases: { findATender: bed.api.url }, now: bed.clock.now, sleep: bed.clock.sleep });
    if (!built.ok) throw new Error(built.error);
    const manifest = checkManifest(readFileSync(built.manifestPath, 'utf8'));
    if (!manifest.ok) throw new Error(manifest.reason);
    expect(manifest.manifest.notices).toBeGreaterThan(100);

    // The options page's path: checked, lock taken, stored in batches, edges moved.
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
    expect(loaded.ok).toBe(true);
    expect(await finishSnapshotLoad(bed.db, loadId, manifest.manifest, 'file', bed.clock.now())).toMatchObject({ ok: true });

    const since = bed.clock.now();
    const report = await runSync({ ...fakeApiDeps(bed.db, bed.clock, bed.api.url), history: { months: 3 } });
    expect(report.outcome).toBe('done');

    const floor = historyFloor(NOW, 3);
    const [from, to] = [Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z')];
    const fat = windows(FIND_A_TENDER_PATH, since);
    // Below the snapshot (the backfill, down to the floor) and from its end (the forward edge, less its overlap hour) to now.
    const below = fat.filter(([, b]) => b <= from);
    const above = fat.filter(([a]) => a >= to - DEFAULT_WALK_OPTIONS.overlapMs);
    expect(below.length + above.length).toBe(fat.length);
    expect(Math.min(...below.map(([a]) => a))).toBeLessThanOrEqual(floor + 15 * 60_000);
    expect(Math.max(...below.map(([, b]) => b))).toBe(from);
    expect(Math.max(...above.map(([, b]) => b))).toBeGreaterThanOrEqual(NOW);

    // Contracts Finder: the whole depth, from now down to the floor.
    const cf = windows(CONTRACTS_FINDER_PATH, since);
    expect(Math.max(...cf.map(([, b]) => b))).toBeGreaterThanOrEqual(NOW - 1000);
    expect(Math.min(...cf.map(([a]) => a))).toBeLessThanOrEqual(floor + 15 * 60_000);

    // Nothing missing: every council notice of Find a Tender from the floor to now.
    const releases = stream.between(floor, NOW).map((r) => JSON.parse(r.text) as Record<string, unknown>);
    const expected = parseReleases({ ...stream.header, releases }, { resolveCouncil })
      .notices.filter((n) => n.buyer.councilCode !== undefined)
      .map((n) => toNoticeRow(n, 'sync'))
      .sort(byOcid);
    const fatRows = (await rowsOf(bed.db)).filter((r) => r.source === 'find-a-tender');
    expect(fatRows.map((r) => r.ocid)).toEqual(expected.map((r) => r.ocid));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
