// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { historyFloor } from '@/lib/sync/backfill';
import { readCursor } from '@/lib/sync/cursor';
import { FIND_A_TENDER_PATH, FIND_A_TENDER_RATE_LIMIT, parseFindATenderDate, startFakeProcurementApi } from '../../../../support/fake-procurement-api';
import { findATenderStream } from '../../../../support/fake-stream';
import { byOcid, fakeApiDeps, freshIndexedDb, resolveCouncil, rowsOf, syncTestBed } from '../../../../support/sync-harness';

/**
 * The history backfill against the fake API's generated Find a Tender stream (fake-stream.ts: the
 * real releases of 2026-08-10, shifted day by day), at a low volume so a test reads months quickly.
 * Today is 2026-12-06; two months back crosses the October clock change.
 */

const NOW = Date.parse('2026-12-06T12:00:00Z');
const PER_DAY = 12;
const stream = findATenderStream({ releasesPerDay: PER_DAY, end: NOW });

const bed = syncTestBed(NOW, { pageSize: 10, streams: { 'find-a-tender': stream } });

function deps(months: number, overrides: Partial<SyncDeps> = {}): SyncDeps {
  return { ...fakeApiDeps(bed.db, bed.clock, bed.api.url), sources: ['find-a-tender'], history: { months }, ...overrides };
}

/** What a complete read of `[from, to]` must store: the stream's releases parsed at once, council buyers only. */
function expected(from: number, to: number): NoticeRow[] {
  const releases = stream.between(from, to).map((r) => JSON.parse(r.text) as Record<string, unknown>);
  const { notices } = parseReleases({ ...stream.header, releases }, { resolveCouncil });
  return notices
    .filter((n) => n.buyer.councilCode !== undefined)
    .map((n) => toNoticeRow(n, 'sync'))
    .sort(byOcid);
}

/** The windows asked for (first pages), as the API reads them (London time); `backfill`: only those up to now. */
function windows(from = 0, backfill = false): [number, number][] {
  return bed.api
    .requests(FIND_A_TENDER_PATH)
    .slice(from)
    .filter((e) => !e.cursor && e.status === 200)
    .map((e): [number, number] => [parseFindATenderDate(e.query['updatedFrom']!), parseFindATenderDate(e.query['updatedTo']!)])
    .filter(([, to]) => !backfill || to <= NOW);
}

/**
 * Windows newest first, each ending where the next newer one began (or later), from `top` down to
 * `floor`. The floor is worked out when the backfill starts, after the forward edge's requests
 * (10 s apart on the fake clock), so it may be a few minutes later than the run's start.
 */
function expectContiguousBackwards(list: [number, number][], top: number, floor: number): void {
  expect(list[0]![1]).toBeGreaterThanOrEqual(top);
  expect(list.at(-1)![0]).toBeLessThanOrEqual(floor + 15 * 60_000);
  list.forEach(([from, to], i) => {
    expect(to).toBeGreaterThan(from);
    if (i > 0) {
      expect(to).toBeGreaterThanOrEqual(list[i - 1]![0]);
      expect(from).toBeLessThan(list[i - 1]![0]);
    }
  });
}

describe('history backfill', { timeout: 30_000 }, () => {
  test('walks back from now to the history depth, newest window first, storing every council notice', async () => {
    const report = await runSync(deps(2));
    expect(report.outcome).toBe('done');
    expect(report.sources.map((p) => [p.source, p.edge ?? 'forward', p.state])).toEqual([
      ['find-a-tender', 'forward', 'done'],
      ['find-a-tender', 'backfill', 'done'],
    ]);
    const floor = historyFloor(NOW, 2);
    expect(new Date(floor).toISOString()).toBe('2026-10-06T12:00:00.000Z');
    const list = windows();
    // The first forward run starts now (nothing to read); the backfill's first window ends now.
    expectContiguousBackwards(list, NOW, floor);
    // 61 days in windows of 3 days, and the October change inside them.
    expect(list).toHaveLength(21);
    const rows = await rowsOf(bed.db);
    expect(rows.length).toBeGreaterThan(150);
    expect(rows).toEqual(expected(floor, NOW));
    const cursor = readCursor((await bed.db.meta.get('sync:find-a-tender:backfill'))?.value);
    expect(cursor).toMatchObject({ anchor: '2026-12-06T12:00:00Z', reachedBack: '2026-10-06T12:00:00Z', page: 0 });
    expect(cursor.window).toBeUndefined();
    expect(readCursor((await bed.db.meta.get('sync:find-a-tender'))?.value).syncedTo).toBe('2026-12-06T12:00:00Z');
    // Find a Tender's spacing is kept: one request every 10 s.
    const fat = bed.api.requests(FIND_A_TENDER_PATH);
    fat.slice(1).forEach((entry, i) => expect(entry.at - fat[i]!.at).toBeGreaterThanOrEqual(10_000));
  });

  test.each([1, 4, 9])('stopped after backfill page %i: the resumed run fetches no page twice, skips no window and stores no duplicate', async (stopAfter) => {
    const controller = new AbortController();
    const first = await runSync(deps(1, { signal: controller.signal, onProgress: (p) => void (p.edge === 'backfill' && p.pages === stopAfter && controller.abort()) }));
    expect(first.outcome).toBe('aborted');
    const fetched = bed.api.log.filter((e) => e.status === 200).map((e) => e.url);
    expect(fetched.length).toBe(stopAfter);

    bed.reopen();
    bed.clock.advance(60_000);
    const before = bed.api.log.length;
    const second = await runSync(deps(1));
    expect(second.outcome).toBe('done');
    const again = bed.api.log.slice(before).filter((e) => e.status === 200);
    // The forward edge re-reads its overlap hour; the backfill resumes at the stored page.
    const backfillAgain = again.filter((e) => !(e.query['updatedTo'] ?? '').startsWith('2026-12-06T12:01'));
    expect(backfillAgain.map((e) => e.url).filter((url) => fetched.includes(url))).toEqual([]);
    const floor = historyFloor(NOW, 1);
    expectContiguousBackwards(windows(0, true), NOW, floor);
    const rows = await rowsOf(bed.db);
    expect(new Set(rows.map((r) => r.ocid)).size).toBe(rows.length);
    expect(rows.every((r) => new Set(r.releaseIds).size === r.releaseIds.length)).toBe(true);
    expect(rows).toEqual(expected(floor, NOW));
  });

  test('raising the depth extends the backfill from where it stopped; the newer history is not read again', async () => {
    await runSync(deps(1));
    const firstFloor = historyFloor(NOW, 1);
    const before = bed.api.log.length;
    bed.clock.advance(3_600_000);
    const report = await runSync(deps(2));
    expect(report.outcome).toBe('done');
    const later = windows(before);
    // One forward window (the hour since, plus the overlap), then back from the old floor.
    const [forward, ...back] = later;
    expect(forward![1]).toBeGreaterThanOrEqual(NOW + 3_600_000);
    expectContiguousBackwards(back, firstFloor, historyFloor(NOW + 3_600_000, 2));
    expect(back[0]![1]).toBeLessThan(firstFloor + 3_600_000);
    const reached = Date.parse(readCursor((await bed.db.meta.get('sync:find-a-tender:backfill'))?.value).reachedBack!);
    expect(reached - historyFloor(NOW + 3_600_000, 2)).toBeLessThan(15 * 60_000);
    expect(await rowsOf(bed.db)).toEqual(expected(reached, NOW + 3_600_000));
  });

  test('a complete backfill asks for nothing more until the depth is raised', async () => {
    await runSync(deps(1));
    const before = bed.api.log.length;
    bed.clock.advance(10 * 60_000);
    await runSync(deps(1));
    // Only the forward edge's window; the backfill's floor moved 10 minutes, less than a window is worth.
    expect(bed.api.log.slice(before).filter((e) => !e.cursor)).toHaveLength(1);
  });

  test('Pause stops the backfill alone; the run is done, and Resume carries on from the stored page', async () => {
    const pause = new AbortController();
    const report = await runSync(deps(1, { history: { months: 1, signal: pause.signal }, onProgress: (p) => void (p.edge === 'backfill' && p.pages === 5 && pause.abort()) }));
    expect(report.outcome).toBe('done');
    expect(report.sources.find((p) => p.edge === 'backfill')).toMatchObject({ state: 'paused', pages: 5 });
    const cursor = readCursor((await bed.db.meta.get('sync:find-a-tender:backfill'))?.value);
    expect(cursor.window).toBeDefined();
    const fetched = bed.api.log.filter((e) => e.status === 200).map((e) => e.url);

    // Paused: a run (the daily alarm) refreshes the forward edge only.
    const before = bed.api.log.length;
    await runSync({ ...deps(1), history: { months: 1, signal: AbortSignal.abort() } });
    expect(bed.api.log.slice(before).filter((e) => !e.cursor)).toHaveLength(1);

    const resumed = await runSync(deps(1));
    expect(resumed.outcome).toBe('done');
    const resumedUrls = bed.api.log.slice(before).map((e) => e.url);
    expect(resumedUrls.filter((url) => fetched.includes(url) && url.includes('cursor='))).toEqual([]);
    expect(await rowsOf(bed.db)).toEqual(expected(historyFloor(NOW, 1), NOW));
  });

  test('a backfill started after a forward sync anchors at its syncedTo: no gap between the edges', async () => {
    const synced = NOW - 5 * 86_400_000;
    await bed.db.meta.put({ key: 'sync:find-a-tender', value: { syncedTo: new Date(synced).toISOString().replace('.000Z', 'Z'), page: 0, fetched: [], totals: { pages: 0, releases: 0, notices: 0 } } });
    await runSync(deps(1));
    const cursor = readCursor((await bed.db.meta.get('sync:find-a-tender:backfill'))?.value);
    expect(Date.parse(cursor.anchor!)).toBe(synced);
    expect(await rowsOf(bed.db)).toEqual(expected(historyFloor(NOW, 1), NOW));
  });
});

describe('the fake API behaves like the live one', { timeout: 30_000 }, () => {
  test('windows are London time: a client sending UTC with a Z loses an hour in summer', async () => {
    const summerDay = Date.parse('2026-08-10T00:00:00+01:00');
    const all = stream.between(summerDay, summerDay + 86_400_000 - 1000).length;
    const get = async (query: string) => ((await (await fetch(`${bed.api.url}${FIND_A_TENDER_PATH}?${query}&limit=100`)).json()) as { releases: unknown[] }).releases.length;
    // Pages of 10: count the first page's window by asking for the whole day in one go is not
    // possible, so compare the first hour instead: 00:00 to 01:00 London.
    const londonHour = stream.between(summerDay, summerDay + 3_600_000).length;
    const utcHourAsSent = await get('updatedFrom=2026-08-10T00:00:00Z&updatedTo=2026-08-10T01:00:00Z');
    const londonHourAsSent = await get('updatedFrom=2026-08-10T00:00:00&updatedTo=2026-08-10T01:00:00');
    expect(all).toBeGreaterThan(0);
    expect(londonHourAsSent).toBe(Math.min(10, londonHour));
    // The Z is ignored: the same hour, not 01:00 to 02:00 London.
    expect(utcHourAsSent).toBe(londonHourAsSent);
  });

  test('combined stages answer 200 with no releases (fts_probe_stages-combo-empty.json)', async () => {
    const response = await fetch(`${bed.api.url}${FIND_A_TENDER_PATH}?stages=planning,tender&limit=10&updatedFrom=2026-11-01T00:00:00&updatedTo=2026-12-01T00:00:00`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { releases: unknown[] }).releases).toEqual([]);
  });

  test('the rate limit: a client spaced 10 s apart never meets it; a faster one gets 429 and waits Retry-After 120 s', async () => {
    const limited = await startFakeProcurementApi({ pageSize: 10, clock: () => bed.clock.now(), streams: { 'find-a-tender': stream }, rateLimit: FIND_A_TENDER_RATE_LIMIT });
    try {
      await runSync({ ...deps(1), bases: { findATender: limited.url, contractsFinder: limited.url }, history: { months: 1 } });
      expect(limited.log.filter((e) => e.status === 429)).toEqual([]);
      const rows = (await rowsOf(bed.db)).length;
      expect(rows).toBeGreaterThan(0);

      freshIndexedDb();
      bed.reopen();
      limited.log.length = 0;
      bed.clock.sleeps.length = 0;
      const report = await runSync({ ...deps(1), bases: { findATender: limited.url, contractsFinder: limited.url }, history: { months: 1 }, options: { minIntervalMs: { 'find-a-tender': 1_000 } } });
      expect(report.outcome).toBe('done');
      const throttled = limited.log.filter((e) => e.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(bed.clock.sleeps).toContain(120_000);
      // Every 429 is followed by a wait of Retry-After, and nothing is lost.
      expect((await rowsOf(bed.db)).length).toBe(rows);
    } finally {
      await limited.stop();
    }
  });
});

// Last: it generates two months of the stream in one go, which would idle the fake API's open connections.
test('the fake stream: council buyers rotate across the register day by day, as a real year reaches nearly every council; other buyers stay', () => {
  const year = findATenderStream({ releasesPerDay: 370, end: NOW });
  const buyers = new Set<string>();
  const others = new Set<string>();
  for (const release of year.between(NOW - 60 * 86_400_000, NOW)) {
    const name = (JSON.parse(release.text) as { buyer?: { name?: string } }).buyer?.name;
    if (name === undefined) continue;
    const council = resolveCouncil(name);
    if (council) buyers.add(council);
    else others.add(name);
  }
  // The template day has 92 council buyers; 60 days of rotation reach most of the 382 current councils.
  expect(buyers.size).toBeGreaterThan(300);
  expect(others.size).toBeGreaterThan(50);
  expect([...others].some((name) => /NHS|University|Police/i.test(name))).toBe(true);
});
