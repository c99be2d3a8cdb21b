// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { getSyncStatus, runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow } from '@/lib/ocds/row';
import { readCursor } from '@/lib/sync/cursor';
import { monthStart, nextMonthStart } from '@/lib/sync/month-windows';
import { PUBLIC_CONTRACTS_SCOTLAND, SELL2WALES, type SyncSource } from '@/lib/sync/sources';
import { PORTAL_PATHS, portalMonthReleases, type FakePortal } from '../../../../support/fake-portal-api';
import { DAY, fakeApiDeps, resolveCouncil, syncTestBed } from '../../../../support/sync-harness';

/**
 * Public Contracts Scotland and Sell2Wales against the fake API (fake-portal-api.ts: the real
 * releases of both portals re-dated into each month asked for): the request shapes of
 * lib/sync/sources.ts, the month windows, the open month re-read until it closes, faults, and the
 * issue's "done when": a year's backfill fills the card of every Scottish and Welsh council with
 * notices in it. Today is Sunday 2026-12-06.
 */

const NOW = Date.parse('2026-12-06T12:00:00Z');
const PORTALS: FakePortal[] = ['public-contracts-scotland', 'sell2wales'];
const TYPES = { 'public-contracts-scotland': 21, sell2wales: 23 } as const;
const bed = syncTestBed(NOW, { emptyPortalMonths: ['08-2026'] });

function deps(source: SyncSource, overrides: Partial<SyncDeps> = {}): SyncDeps {
  return { ...fakeApiDeps(bed.db, bed.clock, bed.api.url), sources: [source], ...overrides };
}

const requests = (portal: FakePortal) => bed.api.requests(PORTAL_PATHS[portal]);

/** Council codes with a notice the fake lists for the London months starting in `[from, to]`, as of `now`. */
function councilsServed(portal: FakePortal, from: number, to: number, now: number): Set<string> {
  const codes = new Set<string>();
  for (let month = monthStart(from); month <= to; month = nextMonthStart(month)) {
    for (const notice of parseReleases(portalMonthReleases(portal, month, now), { resolveCouncil }).notices) {
      if (notice.buyer.councilCode !== undefined) codes.add(notice.buyer.councilCode);
    }
  }
  return codes;
}

describe.each(PORTALS)('%s', (portal) => {
  test('a forward run asks each notice type of each month once, in OCDS, 5 s apart', async () => {
    const report = await runSync(deps(portal, { options: { backfillDays: 10 } }));
    expect(report.outcome).toBe('done');
    const log = requests(portal);
    // Ten days back from 6 December: November and December.
    expect(log).toHaveLength(2 * TYPES[portal]);
    expect(new Set(log.map((e) => e.query['dateFrom']))).toEqual(new Set(['11-2026', '12-2026']));
    expect(log.every((e) => e.query['outputType'] === '0' && e.status === 200)).toBe(true);
    expect(new Set(log.map((e) => `${e.query['dateFrom']}|${e.query['noticeType']}`)).size).toBe(log.length);
    log.slice(1).forEach((e, i) => expect(e.at - log[i]!.at).toBeGreaterThanOrEqual(5_000));
    // The open month leaves the edge inside it; the notices of both months are cached.
    expect(readCursor((await bed.db.meta.get(`sync:${portal}`))?.value).syncedTo).toBe('2026-12-06T12:00:00Z');
    const stored = (await bed.db.notices.toArray()).filter((row) => row.source === portal).length;
    // The options page's storage estimate counts them by key range (the packed ocids).
    await bed.db.notices.put({ ...(await bed.db.notices.toArray())[0]!, ocid: 'ocds-b5fd17-not-a-portal', source: 'contracts-finder' });
    const status = await getSyncStatus(bed.db, bed.clock.now());
    expect(status.sources.find((p) => p.source === portal)?.cached).toBe(stored);
    expect(status.sources.find((p) => p.source === PORTALS.find((other) => other !== portal))?.cached).toBe(0);
    expect(status.sources.find((p) => p.source === 'contracts-finder')?.cached).toBeUndefined();
    expect(stored).toBe(
      parseReleases([...portalMonthReleases(portal, monthStart(Date.parse('2026-11-15T00:00:00Z')), NOW), ...portalMonthReleases(portal, monthStart(NOW), NOW)], {
        resolveCouncil,
      }).notices.filter((n) => n.buyer.councilCode !== undefined).length,
    );
  });

  test('the open month is read again on later runs until a run after it closed', async () => {
    await runSync(deps(portal, { options: { backfillDays: 3 } }));
    const first = requests(portal).length;
    expect(first).toBe(TYPES[portal]);
    // An hour later: nothing (the month was read under 6 hours ago).
    bed.clock.advance(60 * 60_000);
    await runSync(deps(portal));
    expect(requests(portal)).toHaveLength(first);
    // Next day: December again, with what was published since.
    bed.clock.advance(DAY);
    await runSync(deps(portal));
    expect(requests(portal).slice(first).every((e) => e.query['dateFrom'] === '12-2026')).toBe(true);
    expect(requests(portal)).toHaveLength(2 * first);
    // 2 January 2027 (the month closed over a day ago): December once more, then January.
    bed.clock.set(Date.parse('2027-01-02T06:00:00Z'));
    await runSync(deps(portal));
    expect(requests(portal).slice(2 * first).map((e) => e.query['dateFrom'])).toEqual([...Array(first).fill('12-2026'), ...Array(first).fill('01-2027')]);
    expect(readCursor((await bed.db.meta.get(`sync:${portal}`))?.value).syncedTo).toBe('2027-01-02T06:00:00Z');
  });

  test('an empty month (a package without releases) is read through, not retried', async () => {
    bed.clock.set(Date.parse('2026-08-20T12:00:00Z'));
    const report = await runSync(deps(portal, { options: { backfillDays: 5 } }));
    expect(report.outcome).toBe('done');
    expect(report.sources[0]!.errors).toEqual([]);
    expect(requests(portal)).toHaveLength(TYPES[portal]);
    expect(await bed.db.notices.count()).toBe(0);
  });

  test('500, 429 with Retry-After and a malformed body are retried; the cache ends as a clean run', async () => {
    bed.api.inject({ path: PORTAL_PATHS[portal], fault: { kind: 'status', status: 500 }, skip: 1 });
    bed.api.inject({ path: PORTAL_PATHS[portal], fault: { kind: 'status', status: 429, retryAfter: '90' }, skip: 3 });
    bed.api.inject({ path: PORTAL_PATHS[portal], fault: { kind: 'truncate' }, skip: 5 });
    const report = await runSync(deps(portal, { options: { backfillDays: 3 } }));
    expect(report.outcome).toBe('done');
    expect(bed.clock.sleeps).toContain(90_000);
    expect(report.sources[0]!.errors.map((e) => e.message).join('\n')).toMatch(/HTTP 500[\s\S]*overloaded \(HTTP 429\)[\s\S]*invalid JSON/);
    const faulty = await bed.db.notices.toArray();
    bed.reopen();
    await bed.db.delete();
    const clean = bed.reopen();
    await clean.open();
    bed.clock.set(NOW);
    await runSync({ ...deps(portal, { options: { backfillDays: 3 } }), db: clean });
    expect((await clean.notices.toArray()).map((r) => r.ocid).sort()).toEqual(faulty.map((r) => r.ocid).sort());
  });
});

test('a stopped run resumes at the notice type it had reached: nothing asked twice but the page in flight', async () => {
  const controller = new AbortController();
  let pages = 0;
  await runSync(
    deps('sell2wales', {
      signal: controller.signal,
      options: { backfillDays: 3 },
      onProgress: () => {
        if (++pages === 8) controller.abort();
      },
    }),
  );
  const before = requests('sell2wales').length;
  expect(before).toBeLessThan(TYPES.sell2wales);
  bed.reopen();
  await runSync(deps('sell2wales'));
  const types = requests('sell2wales').map((e) => e.query['noticeType']);
  expect(new Set(types).size).toBe(TYPES.sell2wales);
  expect(types.length - TYPES.sell2wales).toBeLessThanOrEqual(1);
});

test('done when: a backfill of one year fills the card of every Scottish and Welsh council with notices in it', async () => {
  const sources: SyncSource[] = ['public-contracts-scotland', 'sell2wales'];
  const syncDeps = { ...fakeApiDeps(bed.db, bed.clock, bed.api.url), sources, history: { months: 12 } };
  // The first run anchors both backfills now; the runs after walk back, a month at a time, newest first.
  for (let run = 0; run < 3; run++) {
    const report = await runSync(syncDeps);
    expect(report.outcome).toBe('done');
  }
  for (const portal of PORTALS) {
    const months = requests(portal).map((e) => e.query['dateFrom']);
    // 13 months (December 2026 back to December 2025: the floor is 6 December 2025), newest first.
    const order = [...new Set(months)];
    expect(order[0]).toBe('12-2026');
    expect(order.at(-1)).toBe('12-2025');
    expect(order).toHaveLength(13);
    expect(months).toHaveLength(13 * TYPES[portal]);
  }
  const served = new Set([...PORTALS.flatMap((p) => [...councilsServed(p, NOW - 366 * DAY, NOW, NOW)])]);
  // The real files' council buyers: 17 Scottish (PCS, 2019) and 17 Welsh (Sell2Wales, 2025).
  expect(served.size).toBeGreaterThanOrEqual(30);
  const empty: string[] = [];
  for (const council of served) {
    const card = await councilProcurement(bed.db, council, null, '2026-12-06', null);
    if (card.openTenders.length + card.contractsEnding.length + (card.comingToMarket?.length ?? 0) === 0) empty.push(council);
  }
  expect(empty).toEqual([]);
}, 240_000);

test('both portals: one request every 5 s, windows of a month, a nominal 21 or 23 pages a month', () => {
  for (const [api, types] of [
    [PUBLIC_CONTRACTS_SCOTLAND, 21],
    [SELL2WALES, 23],
  ] as const) {
    expect(api.minIntervalMs).toBe(5_000);
    expect(api.window).toBe('month');
    expect(api.nominalPagesPerDay! * (365.25 / 12)).toBeCloseTo(types);
  }
});

test('a notice posted to Public Contracts Scotland and Find a Tender is one line on the card', async () => {
  // A current-month PCS release of a council (re-dated, so its tender is open today) and its copy on
  // Find a Tender: the same notice under a Find a Tender ocid, as above-threshold notices are.
  const pcs = portalMonthReleases('public-contracts-scotland', monthStart(NOW), NOW).find((r) => {
    const [notice] = parseReleases([r], { resolveCouncil }).notices;
    return notice !== undefined && notice.buyer.councilCode !== undefined && (toNoticeRow(notice, 'sync').deadline ?? '') >= '2026-12-06';
  })!;
  const council = parseReleases([pcs], { resolveCouncil }).notices[0]!.buyer.councilCode!;
  const fts = { ...(JSON.parse(JSON.stringify(pcs).replaceAll(pcs.ocid, 'ocds-h6vhtk-05abcd')) as typeof pcs), id: '043210-2026' };
  const { notices, rejected } = parseReleases([pcs, fts], { resolveCouncil });
  expect(rejected).toEqual([]);
  expect(notices.map((n) => n.source).sort()).toEqual(['find-a-tender', 'public-contracts-scotland']);
  await bed.db.notices.bulkPut(notices.map((n) => toNoticeRow(n, 'sync')));
  const card = await councilProcurement(bed.db, council, null, '2026-12-06', null);
  expect(card.openTenders).toHaveLength(1);
  expect(card.openTotal).toBe(1);
  expect(card.openTenders[0]!.alsoOn).toHaveLength(1);
});
