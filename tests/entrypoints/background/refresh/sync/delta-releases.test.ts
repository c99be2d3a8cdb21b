// @vitest-environment node
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import { runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow } from '@/lib/ocds/row';
import { fixtureReleases, startFakeProcurementApi, type FakeProcurementApi, type Release } from '../../../../support/fake-procurement-api';
import { fakeClock } from '../../../../support/fake-clock';
import { byOcid, fakeApiDeps, freshIndexedDb, openDb, resolveCouncil, rowsOf } from '../../../../support/sync-harness';

/**
 * Find a Tender publishes updates as deltas without a buyer (page-notices.ts): they still reach
 * the process's row, whether the process is already cached or comes on a later page of the window.
 */

const HOUR = 3_600_000;

/** A council award release of the fake's Find a Tender feed. */
const base = fixtureReleases('find-a-tender').find((r) => {
  const awards = r['awards'] as { id?: string }[] | undefined;
  return awards?.[0]?.id !== undefined && parseReleases([r], { resolveCouncil }).notices[0]?.buyer.councilCode !== undefined;
})!;
const awardId = (base['awards'] as { id: string }[])[0]!.id;
const BASE_AT = Date.parse(base.date);

/**
 * An update to `base`: the award's new value, no buyer, no parties, and the tender's id and title
 * only (a measured delta: `tender` = `{id, legalBasis, amendments, title, documents}`), or not
 * even the title.
 */
function delta(at: number, id: string, withTitle = true): Release {
  const tender = base['tender'] as { id: string; title: string };
  return {
    ocid: base.ocid,
    id,
    date: new Date(at).toISOString().replace('.000Z', 'Z'),
    tag: ['awardUpdate'],
    tender: withTitle ? { id: tender.id, title: tender.title } : { id: tender.id },
    awards: [{ id: awardId, status: 'active', value: { amount: 12_345, currency: 'GBP' } }],
  };
}

/** Another process, to sit on a page between the update and its process. */
const other = fixtureReleases('find-a-tender').find((r) => r.ocid !== base.ocid && parseReleases([r], { resolveCouncil }).notices[0]?.buyer.councilCode)!;

let api: FakeProcurementApi | undefined;
let db: CouncilLensDB;
beforeEach(() => {
  freshIndexedDb();
  db = openDb();
});
afterEach(async () => {
  db.close();
  await api?.stop();
  api = undefined;
});

async function sync(releases: Release[], now: number, backfillDays: number, overrides: Partial<SyncDeps> = {}) {
  const clock = fakeClock(now);
  api ??= await startFakeProcurementApi({ pageSize: 1, releases: { 'find-a-tender': releases } });
  return runSync({
    ...fakeApiDeps(db, clock, api.url),
    sources: ['find-a-tender'],
    options: { backfillDays },
    ...overrides,
  });
}

const expected = (releases: Release[]) =>
  parseReleases(releases, { resolveCouncil })
    .notices.filter((n) => n.buyer.councilCode)
    .map((n) => toNoticeRow(n, 'sync'))
    .sort(byOcid);

describe('delta releases without a buyer', () => {
  test('the update alone cannot make a notice (the parser rejects it)', () => {
    expect(parseReleases([delta(BASE_AT + HOUR, '900001-2025')]).rejected.map((r) => r.reason)).toEqual(['no buyer name']);
    expect(parseReleases([delta(BASE_AT + HOUR, '900001-2025', false)]).rejected.map((r) => r.reason)).toEqual(['no title and no description']);
    const whole = parseReleases([base, delta(BASE_AT + HOUR, '900001-2025')], { resolveCouncil }).notices[0]!;
    expect(whole.awards.find((a) => a.id === awardId)?.value).toEqual({ amount: 12_345, currency: 'GBP' });
  });

  test('an update in a later window (without even a title) is completed from the cached process', async () => {
    const update = delta(BASE_AT + 2 * 24 * HOUR, '900001-2025', false);
    const report = await sync([base, update], BASE_AT + 3 * 24 * HOUR, 5);
    expect(report.outcome).toBe('done');
    expect(await rowsOf(db)).toEqual(expected([base, update]));
  });

  test('an update read before its process (newest first, same window) waits for it, even across a resume', async () => {
    const update = delta(BASE_AT + 2 * HOUR, '900001-2025');
    const between = { ...other, date: new Date(BASE_AT + HOUR).toISOString() };
    const releases = [base, between, update];
    const controller = new AbortController();
    const first = await sync(releases, BASE_AT + 3 * HOUR, 1, {
      signal: controller.signal,
      onProgress: (p) => void (p.pages === 1 && controller.abort()),
    });
    expect(first.outcome).toBe('aborted');
    expect(await db.notices.count()).toBe(0);
    expect(((await db.meta.get('sync:find-a-tender'))?.value as { pending?: unknown[] }).pending).toHaveLength(1);

    db.close();
    db = openDb();
    expect((await sync(releases, BASE_AT + 3 * HOUR, 1)).outcome).toBe('done');
    expect(await rowsOf(db)).toEqual(expected(releases));
    expect((await db.meta.get('sync:find-a-tender'))?.value).not.toHaveProperty('pending');
  });

  test('an update whose process never comes is dropped with its window', async () => {
    const report = await sync([delta(BASE_AT, '900001-2025')], BASE_AT + HOUR, 1);
    expect(report.outcome).toBe('done');
    expect(await db.notices.count()).toBe(0);
    expect((await db.meta.get('sync:find-a-tender'))?.value).not.toHaveProperty('pending');
  });
});
