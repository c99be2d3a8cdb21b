import { describe, expect, test } from 'vitest';
import { parseCsvRecords } from '@/lib/dataset/csv';
import { parseWhoProvides } from '@/lib/dataset/who-provides';
import { readShared } from './shared-files';

const COUNTY_UNITARY = { upper: 'all', lower: 'none', unitary: 'all' };
const DISTRICT_UNITARY = { upper: 'none', lower: 'all', unitary: 'all' };
const ALL = { upper: 'all', lower: 'all', unitary: 'all' };

// Every row of ../shared/spec/service-groups.csv, expected provision written by hand from its
// who_provides text (upper = county, lower = district).
const SPEC_ROWS: [string, string, object][] = [
  ['adult-social-care', 'county/unitary', COUNTY_UNITARY],
  ['childrens-social-care', 'county/unitary', COUNTY_UNITARY],
  ['education', 'county/unitary', COUNTY_UNITARY],
  ['public-health', 'county/unitary', COUNTY_UNITARY],
  ['housing', 'district/unitary', DISTRICT_UNITARY],
  ['highways-transport', 'county/unitary (parking: all)', { upper: 'all', lower: 'part', unitary: 'all' }],
  ['waste', 'collection: district/unitary; disposal: county/unitary', { upper: 'part', lower: 'part', unitary: 'all' }],
  ['environment-regulatory', 'all', ALL],
  [
    'planning-regeneration',
    'district/unitary (minerals and waste planning: county)',
    { upper: 'part', lower: 'all', unitary: 'all' },
  ],
  ['culture-leisure', 'all', ALL],
  ['revenues-benefits', 'district/unitary', DISTRICT_UNITARY],
  ['digital-ict', 'all', ALL],
  ['finance', 'all', ALL],
  ['procurement', 'all', ALL],
  ['people-hr', 'all', ALL],
  ['legal-democratic', 'all', ALL],
  ['customer-comms', 'all', ALL],
  ['property-assets', 'all', ALL],
  ['corporate-strategy', 'all', ALL],
];

describe('parseWhoProvides', () => {
  test('the table covers every spec row, in order, with the spec text', () => {
    const rows = parseCsvRecords(readShared('spec/service-groups.csv'));
    expect(rows.map((r) => [r['id'], r['who_provides']])).toEqual(SPEC_ROWS.map(([id, text]) => [id, text]));
  });

  test.each(SPEC_ROWS)('%s: %s', (_id, text, expected) => {
    expect(parseWhoProvides(text)).toEqual(expected);
  });

  test.each([
    // The LGSL file's Providing Tier values.
    ['county/unitary', COUNTY_UNITARY],
    ['district/unitary', DISTRICT_UNITARY],
    ['all', ALL],
    // Variations the grammar allows.
    [' county / unitary ', COUNTY_UNITARY],
    ['district', { upper: 'none', lower: 'all', unitary: 'none' }],
    ['district/unitary (a: county; b: county)', { upper: 'part', lower: 'all', unitary: 'all' }],
    ['a: county; b: district; c: unitary', { upper: 'part', lower: 'part', unitary: 'part' }],
  ])('%j', (text, expected) => {
    expect(parseWhoProvides(text)).toEqual(expected);
  });

  test.each([
    ['parish'],
    ['county, unitary'],
    ['county/unitary (county)'],
    ['collection: district; county'],
    [': county'],
    [''],
  ])('rejects %j', (text) => {
    expect(() => parseWhoProvides(text)).toThrow();
  });
});
