import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { instantSeconds, packDay, packId, packOcid, packProcurementKey, secondsInstant, unpackDay, unpackId, unpackOcid, unpackProcurementKey } from '@/lib/ocds/compact-keys';
import { NO_DEADLINE, NO_END } from '@/lib/ocds/row';
import { SERVICE_GROUP_IDS } from '@/lib/roles/groups';
import { readSeedInputs } from '@/lib/dataset/read-inputs';
import { readShared } from '../dataset/shared-files';

/** Every real notice of ../shared/data: the seed's OCDS files (all four portals) and the 2026 Find a Tender day. */
function realNotices() {
  const texts = readSeedInputs().map((f) => f.text);
  for (const n of [1, 2, 3, 4, 5]) texts.push(readShared(`data/find-a-tender-2026/fts_ocds_backfill_2026-08-10_page-00${n}.json`));
  return texts.flatMap((text) => parseReleases(JSON.parse(text)).notices);
}

/** How IndexedDB orders two string keys: by UTF-16 code units, as JavaScript's < does. */
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('compact keys (lib/ocds/compact-keys.ts)', () => {
  const notices = realNotices();

  test('every real ocid and notice page id comes back as it was, in a fraction of its length', () => {
    const sources = new Set<string>();
    let long = 0;
    let short = 0;
    for (const n of notices) {
      sources.add(n.source);
      const key = packOcid(n.ocid);
      expect(unpackOcid(key)).toBe(n.ocid);
      long += n.ocid.length;
      short += key.length;
      const pageId = n.noticeUrl.split('/Notice/')[1];
      if (pageId) expect(unpackId(packId(pageId))).toBe(pageId);
    }
    expect([...sources].sort()).toEqual(['contracts-finder', 'find-a-tender', 'public-contracts-scotland', 'sell2wales']);
    expect(short / long).toBeLessThan(0.35);
    // A Contracts Finder ocid (a uuid after the prefix) in 11 units, a Find a Tender one in 5.
    expect(packOcid('ocds-b5fd17-e3b5f385-7ba4-4f8e-a5d1-0b3c2e7f9a10')).toHaveLength(11);
    expect(packOcid('ocds-h6vhtk-04f2a1')).toHaveLength(5);
  });

  test('ids of any other shape are kept whole and stay apart from packed ones', () => {
    const odd = ['ocds-test-0001', 'ocds-b5fd17-E3B5F385-7BA4-4F8E-A5D1-0B3C2E7F9A10', 'ocds-h6vhtk-', 'ocds-h6vhtk-0abc-1', 'x', 'ocds-r6ebe6-0000712345', '~', 'ocds-kuma6s-123'];
    const keys = odd.map(packOcid);
    expect(new Set(keys).size).toBe(odd.length);
    for (const [i, id] of odd.entries()) expect(unpackOcid(keys[i]!)).toBe(id);
    for (const id of ['JAN123456', '012345-2026', '0', 'abc', 'a-b', '']) expect(unpackId(packId(id))).toBe(id);
    expect(() => unpackOcid('ocds-b5fd17-x')).toThrow(/Not a packed ocid/);
  });

  test('packed days sort as the day strings do, the sentinels included', () => {
    const days = ['', NO_END, '1900-01-01', '2024-02-29', '2026-12-06', '2026-12-31', '2027-01-01', '2199-12-31', '9998-12-31', NO_DEADLINE, '9999-01-01', '9999-12-31', '\uffff'];
    const packed = days.map(packDay);
    for (let i = 0; i < days.length; i++)
      for (let j = 0; j < days.length; j++) if (days[i] !== '' && days[j] !== '') expect(order(packed[i]!, packed[j]!)).toBe(order(days[i]!, days[j]!));
    for (const day of days.slice(1)) expect(unpackDay(packDay(day))).toBe(day);
    expect(packDay('')).toBe(packDay(NO_END));
    expect(() => packDay('2026-12')).toThrow(/Not a day/);
  });

  test('procurement keys: one string each, the card ranges still ranges, unknown groups kept', () => {
    const keys: [string, string, string][] = [];
    for (const council of ['LDS', 'KEN', '-', 'ABCD'])
      for (const group of [...SERVICE_GROUP_IDS, '*', 'a-future-group'])
        for (const day of [NO_END, '2026-01-31', '2026-12-06', '2027-06-30', NO_DEADLINE]) keys.push([council, group, day]);
    const packed = keys.map(packProcurementKey);
    expect(new Set(packed).size).toBe(keys.length);
    for (const [i, key] of keys.entries()) expect(unpackProcurementKey(packed[i]!)).toEqual(key);
    // For each council and group, the keys between [c, g, from] and [c, g, to] are exactly the ones whose day is in between.
    const from = packProcurementKey(['LDS', 'waste', '2026-12-06']);
    const to = packProcurementKey(['LDS', 'waste', '\uffff']);
    const inRange = keys.filter((_, i) => packed[i]! >= from && packed[i]! <= to);
    expect(inRange).toEqual([
      ['LDS', 'waste', '2026-12-06'],
      ['LDS', 'waste', '2027-06-30'],
      ['LDS', 'waste', NO_DEADLINE],
    ]);
    expect(packProcurementKey(['LDS', 'waste', '2026-12-06']).length).toBeLessThanOrEqual(7);
  });

  test('instants as epoch seconds and back, milliseconds and days included', () => {
    for (const at of ['2026-12-06T10:15:00Z', '2026-03-29T01:00:00.250Z', '1999-12-31T23:59:59Z']) expect(secondsInstant(instantSeconds(at))).toBe(at);
    expect(instantSeconds('2026-12-06')).toBe(instantSeconds('2026-12-06T00:00:00Z'));
    expect(instantSeconds('2026-12-06T00:00:00Z')).toBeLessThan(instantSeconds('2026-12-06T00:00:01Z'));
    expect(() => instantSeconds('soon')).toThrow(/Not a date/);
  });
});
