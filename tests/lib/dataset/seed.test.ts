import { describe, expect, test } from 'vitest';
import { buildSeed } from '@/lib/dataset/build-seed';
import { toJson } from '@/lib/dataset/build-dataset';
import { readSeedInputs, sharedDir } from '@/lib/dataset/read-inputs';
import { SeedFileSchema } from '@/lib/dataset/seed-schema';
import { readCommitted } from './committed-files';

describe('public/data/notices-seed.json', () => {
  const councils = JSON.parse(readCommitted('councils.json'));
  const text = readCommitted('notices-seed.json' as never);
  const seed = SeedFileSchema.parse(JSON.parse(text));

  test('is exactly what `npm run data` builds from the real release files', () => {
    const rebuilt = toJson(buildSeed(readSeedInputs(sharedDir()), councils));
    expect(rebuilt === text, 'notices-seed.json differs from a fresh build; run npm run data').toBe(true);
  });

  test('holds council buyers only, from every portal, sorted by ocid', () => {
    expect(seed.notices.every((n) => n.buyer.councilCode)).toBe(true);
    expect(new Set(seed.notices.map((n) => n.source))).toEqual(new Set(['contracts-finder', 'public-contracts-scotland', 'sell2wales']));
    const ocids = seed.notices.map((n) => n.ocid);
    expect([...ocids].sort()).toEqual(ocids);
    expect(new Set(ocids).size).toBe(ocids.length);
  });

  test.each([
    // Buyer names as the portals published them (../shared/data), with the council each names.
    ['London Borough of Merton', 'MRT'],
    ['Warwickshire County Council (WCC)', 'WAR'],
    ["Hertfordshire County Council - Children's Services", 'HRT'],
    ['Comhairle nan Eilean Siar', 'ELS'],
    ['Cyngor Sir Ceredigion County Council', 'CGN'],
    ['THE LONDON BOROUGH OF CAMDEN', 'CMD'],
    ['Rhondda Cynon Taf CBC', 'RCT'],
  ])('“%s” is kept as %s', (buyer, code) => {
    const found = seed.notices.filter((n) => n.buyer.name === buyer);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((n) => n.buyer.councilCode))).toEqual(new Set([code]));
  });

  test('NHS, university and central-government buyers are left out', () => {
    expect(seed.notices.filter((n) => /\bNHS\b|University|Department for|Ministry/i.test(n.buyer.name))).toEqual([]);
  });
});
