// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import type { Notice } from '@/lib/ocds/notice';
import { mergeNotices } from '@/lib/ocds/merge-rows';
import { toNoticeRow } from '@/lib/ocds/row';
import { readShared } from '../dataset/shared-files';

/**
 * Notice-level merging (lib/ocds/merge-rows.ts) against the release-level parser: a cache fed one
 * page at a time must end with the notices `parseReleases` builds from all releases at once.
 */

const FILES = [
  'data/contracts_finder_ocds_search_2022-10-20.json',
  'data/contracts_finder_ocds_search_2025-01-23.json',
  'data/contracts_finder_ocds_releases_2025-01_to_03_extra.json',
  'data/pcs_scotland_ocds_releases_2019.json',
  'data/sell2wales_ocds_releases_2025.json',
];

type Release = { ocid: string; id?: string; date: string };
const releases: Release[] = FILES.flatMap((file) => {
  const data = JSON.parse(readShared(file)) as Release[] | { releases: Release[] };
  return Array.isArray(data) ? data : data.releases;
});
const sequence = (r: Release): number => Number(/-(\d+)$/.exec(r.id ?? '')?.[1] ?? 0);
/** As the APIs page: newest first. */
const newestFirst = [...releases].sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || sequence(b) - sequence(a));
const whole = new Map(parseReleases(releases).notices.map((n) => [n.ocid, n]));

function feed(order: readonly Release[], pageSize: number, passes = 1): Map<string, Notice> {
  const cache = new Map<string, Notice>();
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < order.length; i += pageSize) {
      for (const notice of parseReleases(order.slice(i, i + pageSize)).notices) {
        const cached = cache.get(notice.ocid);
        cache.set(notice.ocid, cached ? mergeNotices(cached, notice) : notice);
      }
    }
  }
  return cache;
}

describe('mergeNotices', () => {
  test('the real files contain processes spread over several releases', () => {
    expect(releases.length - whole.size).toBe(24);
  });

  test.each([
    ['newest first, pages of 3', newestFirst, 3, 1],
    ['oldest first, pages of 7 (windows move forward)', [...newestFirst].reverse(), 7, 1],
    ['every page twice (a repeated page, an overlap)', newestFirst, 50, 2],
  ])('%s: the same notices as parsing everything at once', (_label, order, pageSize, passes) => {
    const cache = feed(order, pageSize, passes);
    expect(cache.size).toBe(whole.size);
    for (const [ocid, notice] of whole) expect(cache.get(ocid), ocid).toEqual(notice);
  });

  test('a cached row (with its derived index fields) merges like the notice it holds', () => {
    const multi = [...whole.values()].find((n) => n.releaseIds.length > 2)!;
    const own = newestFirst.filter((r) => r.ocid === multi.ocid);
    const older = parseReleases(own.slice(1)).notices[0]!;
    const newest = parseReleases(own.slice(0, 1)).notices[0]!;
    const merged = mergeNotices(toNoticeRow(older, 'seed'), newest);
    // A cached row keeps no release ids (lib/ocds/row.ts: nothing reads them); every other field merges as the whole notice would.
    const expected = { ...multi, releaseIds: newest.releaseIds };
    expect(merged).toEqual(expected);
    expect(merged).not.toHaveProperty('council');
    expect(mergeNotices(merged, merged)).toEqual(expected);
  });
});
