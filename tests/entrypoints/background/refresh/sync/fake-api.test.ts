// @vitest-environment node
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import {
  CONTRACTS_FINDER_PATH,
  FIND_A_TENDER_PATH,
  fixtureReleases,
  parseApiDate,
  startFakeProcurementApi,
  type FakeProcurementApi,
} from '../../../../support/fake-procurement-api';

/** The fake API itself: it must page the real fixtures completely and exactly once. */

let api: FakeProcurementApi;
beforeAll(async () => {
  api = await startFakeProcurementApi({ pageSize: 30 });
});
afterAll(() => api.stop());

async function walk(first: string): Promise<{ ids: string[]; pages: number; nexts: string[] }> {
  const ids: string[] = [];
  const nexts: string[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const body = (await (await fetch(url)).json()) as { releases: { id: string }[]; links?: { next?: string } };
    ids.push(...body.releases.map((r) => r.id));
    pages += 1;
    url = body.links?.next;
    if (url) nexts.push(url);
  }
  return { ids, pages, nexts };
}

describe('fake procurement API', () => {
  test('serves all 300 Contracts Finder fixture releases once each, newest first, in pages of 30', async () => {
    const { ids, pages, nexts } = await walk(`${api.url}${CONTRACTS_FINDER_PATH}?publishedFrom=2022-01-01T00:00:00Z&publishedTo=2026-01-01T00:00:00Z&stages=planning,tender,award&limit=100`);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(pages).toBe(10);
    const dateOf = new Map(fixtureReleases('contracts-finder').map((r) => [r.id, Date.parse(r.date)]));
    const dates = ids.map((id) => dateOf.get(id)!);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The recorded cursor's form (../shared/data/SOURCES.md): base64 of the query and a position.
    const cursor = new URL(nexts[0]!).searchParams.get('cursor')!;
    expect(Buffer.from(cursor, 'base64').toString()).toBe(
      'publishedFrom=2022-01-01T00:00:00Z|publishedTo=2026-01-01T00:00:00Z|stages=planning,tender,award|limit=100|nextCursor=30',
    );
  });

  test('filters on the release date, both ends inclusive; a time without a zone is UK local time', async () => {
    // 2022-10-20T09:42:13+01:00 is the newest release of the 2022 file.
    const inclusive = await walk(`${api.url}${CONTRACTS_FINDER_PATH}?publishedFrom=2022-10-20T08:42:13Z&publishedTo=2022-10-20T08:42:13Z&limit=100`);
    expect(inclusive.ids).toEqual(['7d005747-1320-456e-b1fb-79919a74e44f-582356']);
    const local = await walk(`${api.url}${CONTRACTS_FINDER_PATH}?publishedFrom=2022-10-20T09:42:13&publishedTo=2022-10-20T09:42:13&limit=100`);
    expect(local.ids).toEqual(inclusive.ids);
    expect(parseApiDate('2025-01-20T23:00:00')).toBe(Date.parse('2025-01-20T23:00:00Z'));
    expect(parseApiDate('2022-10-20T09:43:52 01:00')).toBe(Date.parse('2022-10-20T08:43:52Z'));
    expect(parseApiDate('not a date')).toBeNaN();
  });

  test('Find a Tender: the documentation sample plus every Contracts Finder release re-published with FaT ids', async () => {
    const { ids } = await walk(`${api.url}${FIND_A_TENDER_PATH}?updatedFrom=2020-01-01T00:00:00Z&updatedTo=2026-01-01T00:00:00Z&limit=100`);
    expect(ids).toHaveLength(301);
    expect(ids.every((id) => /^\d{6}-\d{4}$/.test(id))).toBe(true);
    expect(ids).toContain('001060-2020');
    expect(ids).toContain('819950-2025');
    const releases = fixtureReleases('find-a-tender');
    expect(releases.every((r) => r.ocid.startsWith('ocds-h6vhtk-'))).toBe(true);
    const { notices, rejected } = parseReleases(releases);
    expect(rejected).toEqual([]);
    expect(notices.every((n) => n.source === 'find-a-tender' && n.noticeUrl.startsWith('https://www.find-tender.service.gov.uk/Notice/'))).toBe(true);
    // Same processes as Contracts Finder, under other ocids, plus the sample.
    expect(notices).toHaveLength(new Set(fixtureReleases('contracts-finder').map((r) => r.ocid)).size + 1);
  });

  test.each([
    ['a bad date', `${CONTRACTS_FINDER_PATH}?publishedFrom=yesterday&limit=100`],
    ['limit 0', `${CONTRACTS_FINDER_PATH}?limit=0`],
    ['limit 500', `${FIND_A_TENDER_PATH}?limit=500`],
    ['a bad cursor', `${FIND_A_TENDER_PATH}?limit=100&cursor=bm90aGluZw==`],
  ])('answers %s with 400', async (_label, path) => {
    expect((await fetch(`${api.url}${path}`)).status).toBe(400);
  });

  test('faults hit the programmed requests only, and every request is logged', async () => {
    const local = await startFakeProcurementApi({ pageSize: 50, clock: () => 42 });
    try {
      local.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 429, retryAfter: '7' }, skip: 1 });
      const first = `${local.url}${CONTRACTS_FINDER_PATH}?publishedFrom=2025-03-11T00:00:00Z&publishedTo=2025-03-12T00:00:00Z&limit=100`;
      expect((await fetch(first)).status).toBe(200);
      const throttled = await fetch(first);
      expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
      expect((await fetch(first)).status).toBe(200);
      local.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'repeat-previous' }, match: (url) => url.searchParams.has('cursor') });
      const page1 = (await (await fetch(first)).json()) as { releases: unknown[]; links: { next: string } };
      const again = (await (await fetch(page1.links.next)).json()) as { releases: unknown[]; links: { next: string } };
      expect(again).toEqual(page1);
      local.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'next-points-back' } });
      const back = (await (await fetch(first)).json()) as { links: { next: string } };
      expect(back.links.next).toBe(first);
      local.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'truncate' } });
      await expect((await fetch(first)).json()).rejects.toThrow();
      local.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'reset' } });
      await expect(fetch(first)).rejects.toThrow();
      expect(local.log.map((e) => [e.status, e.fault ?? null])).toEqual([
        [200, null],
        [429, 'status'],
        [200, null],
        [200, null],
        [200, 'repeat-previous'],
        [200, 'next-points-back'],
        [200, 'truncate'],
        [0, 'reset'],
      ]);
      expect(local.log.every((e) => e.at === 42)).toBe(true);
      expect(local.log[4]!.cursor).toMatch(/nextCursor=50$/);
    } finally {
      await local.stop();
    }
  });

  test('a hanging answer never comes; the client gives up and stop() still returns', async () => {
    const local = await startFakeProcurementApi();
    local.inject({ path: FIND_A_TENDER_PATH, fault: { kind: 'hang' } });
    await expect(fetch(`${local.url}${FIND_A_TENDER_PATH}?limit=1`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await local.stop();
  });
});
