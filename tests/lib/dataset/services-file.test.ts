import { describe, expect, test } from 'vitest';
import { ServicesFileSchema } from '@/lib/councils/schema';
import { parseCsvRecords } from '@/lib/dataset/csv';
import { readCommitted } from './committed-files';
import { readShared } from './shared-files';

const file = ServicesFileSchema.parse(JSON.parse(readCommitted('services.json')));
const spec = parseCsvRecords(readShared('spec/service-groups.csv'));
const group = (id: string) => {
  const g = file.groups.find((x) => x.id === id);
  if (!g) throw new Error(`No group ${id}`);
  return g;
};

describe('services.json', () => {
  test('one group per spec row, same ids, order, label, covers and who_provides', () => {
    expect(file.groups.map((g) => [g.id, g.label, g.covers, g.whoProvides])).toEqual(
      spec.map((r) => [r['id'], r['label'], r['covers'], r['who_provides']]),
    );
  });

  test.each([
    ['adult-social-care', { upper: 'all', lower: 'none', unitary: 'all', 'ni-district': 'none' }],
    ['education', { upper: 'all', lower: 'none', unitary: 'all', 'ni-district': 'none' }],
    ['housing', { upper: 'none', lower: 'all', unitary: 'all', 'ni-district': 'part' }],
    ['highways-transport', { upper: 'all', lower: 'part', unitary: 'all', 'ni-district': 'part' }],
    ['waste', { upper: 'part', lower: 'part', unitary: 'all', 'ni-district': 'all' }],
    ['planning-regeneration', { upper: 'part', lower: 'all', unitary: 'all', 'ni-district': 'part' }],
    ['revenues-benefits', { upper: 'none', lower: 'all', unitary: 'all', 'ni-district': 'none' }],
    ['finance', { upper: 'all', lower: 'all', unitary: 'all', 'ni-district': 'all' }],
  ])('%s provision', (id, provision) => {
    expect(group(id).provision).toEqual(provision);
  });

  test('NI districts run no social care, education, public health or revenues and benefits; they run waste and corporate services', () => {
    const ni = Object.fromEntries(file.groups.map((g) => [g.id, g.provision['ni-district']]));
    for (const id of ['adult-social-care', 'childrens-social-care', 'education', 'public-health', 'revenues-benefits']) {
      expect(ni[id], id).toBe('none');
    }
    for (const id of ['waste', 'digital-ict', 'finance', 'procurement', 'people-hr', 'customer-comms', 'corporate-strategy']) {
      expect(ni[id], id).toBe('all');
    }
  });

  test('notes exactly where county and district split a group', () => {
    const noted = file.groups.filter((g) => g.note !== null).map((g) => g.id);
    expect(noted).toEqual(['highways-transport', 'waste', 'planning-regeneration']);
    expect(group('waste').note).toBe('Districts collect waste and recycling; the county disposes of it.');
  });

  test('every LGSL service is evidence for at most one group, with its GOV.UK tier, sorted', () => {
    const lgsl = parseCsvRecords(readShared('data/govuk_local_services_lgsl_tier.csv'));
    const tierOf = new Map(lgsl.map((r) => [Number(r['LGSL']), r['Providing Tier']]));
    const all = file.groups.flatMap((g) => g.evidence);
    expect(new Set(all.map((e) => e.lgsl)).size).toBe(all.length);
    expect(all.length / lgsl.length).toBeGreaterThanOrEqual(0.9);
    for (const e of all) expect(e.tier).toBe(tierOf.get(e.lgsl));
    for (const g of file.groups) {
      const ids = g.evidence.map((e) => e.lgsl);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    expect(group('waste').evidence.map((e) => e.lgsl)).toEqual(expect.arrayContaining([524, 528, 530, 533]));
    expect(group('revenues-benefits').evidence.map((e) => e.lgsl)).toEqual([55, 57, 59, 63, 69, 72]);
  });

  test('sources name the spec and GOV.UK file', () => {
    expect(file.sources.map((s) => s.file)).toEqual([
      '../shared/spec/service-groups.csv',
      '../shared/data/govuk_local_services_lgsl_tier.csv',
      'lib/dataset/ni-provision.ts',
    ]);
  });
});
