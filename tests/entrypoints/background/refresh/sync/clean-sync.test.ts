// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { LAST_SYNC_KEY } from '@/entrypoints/background/clock';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import { getSyncStatus, runSync, SyncStatusSchema, type SyncDeps, type SyncProgress } from '@/entrypoints/background/refresh/sync';
import { CONTRACTS_FINDER_PATH, FIND_A_TENDER_PATH, parseApiDate, startFakeProcurementApi, type FakeProcurementApi } from '../../../../support/fake-procurement-api';
import { fakeClock, type FakeClock } from '../../../../support/fake-clock';
import { countingFetch, DAY, expectedRows, fakeApiDeps, freshIndexedDb, openDb, rowsOf } from '../../../../support/sync-harness';

/**
 * A clean sync against the fake API (real HTTP, real fetch, fake-indexeddb, injected clock) stores
 * exactly the council notices the fixtures hold for the synced span, worked out independently
 * (support/sync-harness.ts `expectedRows`: the same releases parsed at once by parseReleases).
 */

let api: FakeProcurementApi;
let clock: FakeClock;
let db: CouncilLensDB;
beforeAll(async () => {
  api = await startFakeProcurementApi({ pageSize: 25, clock: () => clock.now() });
});
afterAll(() => api.stop());
beforeEach(() => {
  freshIndexedDb();
  db = openDb();
  api.log.length = 0;
  api.clearFaults();
});
afterEach(() => db.close());

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return { ...fakeApiDeps(db, clock, api.url), ...overrides };
}

const MAR_12 = Date.parse('2025-03-12T00:00:00Z');

describe('a clean full sync', { timeout: 20_000 }, () => {
  test('January to March 2025 (51 days back): every council notice of both sources, nothing else', async () => {
    clock = fakeClock(MAR_12);
    const counting = countingFetch();
    const progress: SyncProgress[] = [];
    const report = await runSync(deps({ fetch: counting.fetch, options: { backfillDays: 51 }, onProgress: (p) => void progress.push(p) }));

    const expected = expectedRows(['contracts-finder', 'find-a-tender'], MAR_12 - 51 * DAY, MAR_12);
    expect(await rowsOf(db)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.every((row) => row.council !== '-')).toBe(true);
    expect(report.outcome).toBe('done');
    expect(report.sources.map((s) => [s.source, s.state, s.releases, s.errors])).toEqual([
      ['contracts-finder', 'done', 200, []],
      ['find-a-tender', 'done', 200, []],
    ]);
    // One request at a time across both sources, Contracts Finder first.
    expect(counting.maxInFlight()).toBe(1);
    const paths = api.log.map((entry) => entry.path);
    expect(paths.lastIndexOf(CONTRACTS_FINDER_PATH)).toBeLessThan(paths.indexOf(FIND_A_TENDER_PATH));
    // Windows of at most 3 days, back to back from the backfill start to now.
    for (const path of [CONTRACTS_FINDER_PATH, FIND_A_TENDER_PATH] as const) {
      const [fromKey, toKey] = path === CONTRACTS_FINDER_PATH ? ['publishedFrom', 'publishedTo'] : ['updatedFrom', 'updatedTo'];
      const windows = api.requests(path).filter((e) => !e.cursor).map((e) => [parseApiDate(e.query[fromKey]!), parseApiDate(e.query[toKey]!)] as const);
      expect(windows[0]![0]).toBe(MAR_12 - 51 * DAY);
      expect(windows.at(-1)![1]).toBe(MAR_12);
      windows.forEach(([from, to], i) => {
        expect(to - from).toBeLessThanOrEqual(3 * DAY);
        if (i > 0) expect(from).toBe(windows[i - 1]![1]);
      });
    }
    // The recorded request's form: stages and limit 100 (../shared/data/SOURCES.md), London time
    // with its offset (GMT in January).
    expect(api.log[0]!.query).toEqual({ publishedFrom: '2025-01-20T00:00:00+00:00', publishedTo: '2025-01-23T00:00:00+00:00', stages: 'planning,tender,award', limit: '100' });
    // Find a Tender: one request every 10 s at most (about 12 per 2 minutes).
    const fat = api.requests(FIND_A_TENDER_PATH);
    fat.slice(1).forEach((entry, i) => expect(entry.at - fat[i]!.at).toBeGreaterThanOrEqual(10_000));
    expect(progress.some((p) => p.source === 'find-a-tender' && p.state === 'waiting')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ source: 'find-a-tender', state: 'done', syncedTo: '2025-03-12T00:00:00Z' });
  }, 30_000); // a whole 51-day sync into fake-indexeddb: seconds on a busy 2-core machine

  test('October 2022 with the default 30-day backfill (the 2022 file, dates with +01:00)', async () => {
    const OCT_21 = Date.parse('2022-10-21T00:00:00Z');
    clock = fakeClock(OCT_21);
    const report = await runSync(deps({ sources: ['contracts-finder'] }));
    expect(report.outcome).toBe('done');
    const expected = expectedRows(['contracts-finder'], OCT_21 - 30 * DAY, OCT_21);
    expect(expected.length).toBeGreaterThan(20);
    expect(await rowsOf(db)).toEqual(expected);
    expect(api.log.filter((e) => !e.cursor)).toHaveLength(10);
  });

  test('keepAllBuyers keeps NHS and other non-council buyers too', async () => {
    clock = fakeClock(MAR_12);
    await runSync(deps({ keepAllBuyers: true, sources: ['contracts-finder'], options: { backfillDays: 3 } }));
    const rows = await rowsOf(db);
    expect(rows).toEqual(expectedRows(['contracts-finder'], MAR_12 - 3 * DAY, MAR_12, true));
    const nhs = rows.filter((row) => /\bNHS\b/.test(row.buyer.name));
    expect(nhs.length).toBeGreaterThan(5);
    expect(nhs.every((row) => row.council === '-')).toBe(true);
  });

  test('an incremental run asks only for the new span (with a 1-hour overlap) and completes what the first run saw in part', async () => {
    // The 2025-03-11 releases run from 09:40 to 14:07; the first run stops at noon.
    const NOON = Date.parse('2025-03-11T12:00:00Z');
    clock = fakeClock(NOON);
    await runSync(deps({ options: { backfillDays: 3 } }));
    expect(await rowsOf(db)).toEqual(expectedRows(['contracts-finder', 'find-a-tender'], NOON - 3 * DAY, NOON));
    const firstRun = api.log.length;

    clock.set(MAR_12);
    const report = await runSync(deps());
    const second = api.log.slice(firstRun);
    expect(second.filter((e) => !e.cursor).map((e) => e.query)).toEqual([
      { publishedFrom: '2025-03-11T11:00:00+00:00', publishedTo: '2025-03-12T00:00:00+00:00', stages: 'planning,tender,award', limit: '100' },
      { updatedFrom: '2025-03-11T11:00:00', updatedTo: '2025-03-12T00:00:00', limit: '100' },
    ]);
    expect(report.outcome).toBe('done');
    expect(await rowsOf(db)).toEqual(expectedRows(['contracts-finder', 'find-a-tender'], NOON - 3 * DAY, MAR_12));
  });

  test('a run right after a complete one re-reads only the overlap hour', async () => {
    clock = fakeClock(MAR_12);
    await runSync(deps({ sources: ['contracts-finder'], options: { backfillDays: 3 } }));
    const before = await rowsOf(db);
    const firstRun = api.log.length;
    await runSync(deps({ sources: ['contracts-finder'] }));
    expect(api.log.slice(firstRun).map((e) => e.query['publishedFrom'])).toEqual(['2025-03-11T23:00:00+00:00']);
    expect(await rowsOf(db)).toEqual(before);
  });

  test('links.next naming the live host is followed on our base instead', async () => {
    const live = await startFakeProcurementApi({ pageSize: 25, advertisedOrigin: 'https://www.contractsfinder.service.gov.uk' });
    try {
      clock = fakeClock(MAR_12);
      await runSync(deps({ bases: { contractsFinder: live.url }, sources: ['contracts-finder'], options: { backfillDays: 3 } }));
      expect(live.log.filter((e) => e.cursor)).toHaveLength(3);
      expect(await rowsOf(db)).toEqual(expectedRows(['contracts-finder'], MAR_12 - 3 * DAY, MAR_12));
    } finally {
      await live.stop();
    }
  });

  test('the run is left in meta for the options page, and the last success time for the card', async () => {
    clock = fakeClock(MAR_12);
    const report = await runSync(deps({ options: { backfillDays: 3 } }));
    const status = await getSyncStatus(db, clock.now());
    expect(status.running).toBe(false);
    expect(status.lastRun).toEqual(report);
    expect(status.lastSuccessAt).toBe(report.finishedAt);
    expect((await db.meta.get(LAST_SYNC_KEY))?.value).toBe(report.finishedAt);
    // One 3-day window of 100 releases in pages of 25; notices written, counting a process again
    // when its releases span two pages, are at least the rows stored.
    const rows = expectedRows(['contracts-finder'], MAR_12 - 3 * DAY, MAR_12).length;
    expect(status.sources).toEqual([
      { source: 'contracts-finder', syncedTo: '2025-03-12T00:00:00Z', page: 0, totals: { pages: 4, releases: 100, notices: expect.any(Number) } },
      { source: 'find-a-tender', syncedTo: '2025-03-12T00:00:00Z', page: 0, totals: { pages: 4, releases: 100, notices: expect.any(Number) } },
      // Not read in this run (the harness's sources): listed, never synced.
      { source: 'public-contracts-scotland', page: 0, totals: { pages: 0, releases: 0, notices: 0 }, cached: 0 },
      { source: 'sell2wales', page: 0, totals: { pages: 0, releases: 0, notices: 0 }, cached: 0 },
    ]);
    for (const source of status.sources.slice(0, 2)) expect(source.totals.notices).toBeGreaterThanOrEqual(rows);
    expect(status.retentionRules).toHaveLength(6);
    // It crosses the message boundary as is.
    expect(SyncStatusSchema.parse(structuredClone(status))).toEqual(status);
  });
});
