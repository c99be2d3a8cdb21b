import { describe, expect, test } from 'vitest';
import { CouncilsFileSchema } from '@/lib/councils/schema';
import { correctedRegion, ENGLISH_REGIONS, REGION_CORRECTIONS, regionProblems, type RegionCorrection, type RegionRow } from '@/lib/dataset/regions';
import { readCommitted } from './committed-files';

// Rows shaped as the register's (../shared/data/uk_local_authorities.csv): Lincolnshire's county row
// says "Yorkshire and The Humber" upstream; its districts say "East Midlands".
const lin: RegionRow = { code: 'LIN', gss: 'E10000019', region: 'Yorkshire and The Humber', parentCounty: null };
const boston: RegionRow = { code: 'BOS', gss: 'E07000136', region: 'East Midlands', parentCounty: 'LIN' };

describe('correctedRegion', () => {
  test('applies a correction to the row it names', () => {
    expect(correctedRegion(lin)).toBe('East Midlands');
    expect(correctedRegion({ code: 'DBY', gss: 'E10000007', region: 'West Midlands', parentCounty: null })).toBe('East Midlands');
  });

  test('leaves every other row as the register has it', () => {
    expect(correctedRegion(boston)).toBe('East Midlands');
    expect(correctedRegion({ code: 'KEN', gss: 'E10000016', region: 'South East', parentCounty: null })).toBe('South East');
  });

  test.each([
    ['upstream fixed the row', { ...lin, region: 'East Midlands' }, /no longer needed/],
    ['the register says something else again', { ...lin, region: 'North East' }, /expects the register to say "Yorkshire and The Humber", it says "North East"/],
    ['the GSS code changed', { ...lin, gss: 'E06000099' }, /expects GSS E10000019, the register has E06000099/],
  ])('fails loudly when %s', (_label, row, error) => {
    expect(() => correctedRegion(row)).toThrow(error);
  });

  test('every correction names an ONS region, its evidence, and a GSS code of England', () => {
    for (const fix of REGION_CORRECTIONS) {
      expect(ENGLISH_REGIONS[fix.onsRegion]).toBeDefined();
      expect(fix.gss).toMatch(/^E\d{8}$/);
      expect(fix.evidence).toContain(fix.gss);
      expect(fix.evidence).toContain(fix.onsRegion);
    }
  });
});

describe('regionProblems', () => {
  test('the uncorrected register rows are caught: the county disagrees with its districts', () => {
    expect(regionProblems([lin, boston])).toEqual(['BOS is in "East Midlands" but its county LIN in "Yorkshire and The Humber"']);
  });

  test('corrected, they agree', () => {
    expect(regionProblems([{ ...lin, region: correctedRegion(lin) }, boston])).toEqual([]);
  });

  test.each([
    [{ code: 'ABE', gss: 'S12000033', region: 'North East', parentCounty: null }, 'ABE: GSS S12000033 is in Scotland, the region says "North East"'],
    [{ code: 'CRF', gss: 'W06000015', region: 'South West', parentCounty: null }, 'CRF: GSS W06000015 is in Wales, the region says "South West"'],
    [{ code: 'BEL', gss: 'N09000003', region: 'Scotland', parentCounty: null }, 'BEL: GSS N09000003 is in Northern Ireland, the region says "Scotland"'],
    [{ code: 'LDS', gss: 'E08000035', region: 'Wales', parentCounty: null }, 'LDS: GSS E08000035 is in England, "Wales" is not one of its regions'],
  ])('a region that does not fit the GSS code’s nation: %j', (row, problem) => {
    expect(regionProblems([row])).toEqual([problem]);
  });

  test('a former council without a region is left alone', () => {
    expect(regionProblems([{ code: 'CHC', gss: 'E07000048', region: '', parentCounty: 'DOR' }, { code: 'DOR', gss: 'E10000009', region: 'South West', parentCounty: null }])).toEqual([]);
  });

  test('a correction that would be wrong is caught by the same check', () => {
    const wrong: RegionCorrection = { ...REGION_CORRECTIONS.find((c) => c.code === 'LIN')!, onsRegion: 'E12000009' };
    expect(regionProblems([{ ...lin, region: correctedRegion(lin, [wrong]) }, boston])).toEqual([
      'BOS is in "East Midlands" but its county LIN in "South West"',
    ]);
  });
});

test('the shipped councils.json has Lincolnshire and Derbyshire in the East Midlands, and no region problems', () => {
  const { councils } = CouncilsFileSchema.parse(JSON.parse(readCommitted('councils.json')));
  const region = (code: string) => councils.find((c) => c.code === code)?.region;
  expect(region('LIN')).toBe('East Midlands');
  expect(region('DBY')).toBe('East Midlands');
  expect(regionProblems(councils)).toEqual([]);
});
