import { describe, expect, test } from 'vitest';
import type { Council, Tier } from '@/lib/councils/schema';
import { servicesForCouncil, tierProvides } from '@/lib/councils/services';
import type { CardService } from '@/lib/councils/card';
import { register, services } from '../../support/public-data';

const council = (code: string): Council => {
  const c = register.byCode(code);
  if (!c) throw new Error(`No council ${code}`);
  return c;
};
/** `id: provision` for compact comparisons. */
const provisions = (code: string): Record<string, string> =>
  Object.fromEntries(servicesForCouncil(council(code), services, register).map((s) => [s.id, s.provision]));

const ALL_GROUPS = [
  'adult-social-care',
  'childrens-social-care',
  'education',
  'public-health',
  'housing',
  'highways-transport',
  'waste',
  'environment-regulatory',
  'planning-regeneration',
  'culture-leisure',
  'revenues-benefits',
  'digital-ict',
  'finance',
  'procurement',
  'people-hr',
  'legal-democratic',
  'customer-comms',
  'property-assets',
  'corporate-strategy',
];
const CORPORATE = ['digital-ict', 'finance', 'procurement', 'people-hr', 'customer-comms', 'property-assets', 'corporate-strategy'];

describe('tierProvides', () => {
  test.each<[Tier, string, string]>([
    ['upper', 'waste', 'part'], // waste collection at a county: a mismatch
    ['lower', 'waste', 'part'],
    ['unitary', 'waste', 'all'],
    ['ni-district', 'waste', 'all'],
    ['upper', 'adult-social-care', 'all'],
    ['lower', 'adult-social-care', 'none'],
    ['ni-district', 'adult-social-care', 'none'],
    ['lower', 'housing', 'all'],
    ['upper', 'housing', 'none'],
    ['upper', 'planning-regeneration', 'part'],
    ['lower', 'highways-transport', 'part'],
    ['ni-district', 'education', 'none'],
    ['combined', 'finance', 'none'],
  ])('%s runs %s of %s', (tier, groupId, expected) => {
    expect(tierProvides(tier, groupId, services)).toBe(expected);
  });

  test('an unknown group is an error', () => {
    expect(() => tierProvides('upper', 'parks', services)).toThrow(/Unknown service group/);
  });
});

describe('servicesForCouncil', () => {
  test('every group in spec order, in the CardService shape', () => {
    const list: CardService[] = servicesForCouncil(council('LDS'), services, register);
    expect(list.map((s) => s.id)).toEqual(ALL_GROUPS);
    expect(list[0]).toEqual({ id: 'adult-social-care', label: 'Adult social care', provision: 'all', providedBy: null, note: null });
  });

  test('LDS Leeds, a metropolitan district, runs everything, with no notes', () => {
    const list = servicesForCouncil(council('LDS'), services, register);
    expect(list.every((s) => s.provision === 'all' && s.providedBy === null && s.note === null)).toBe(true);
  });

  test('KEN Kent, a county, runs care, education, highways; part of waste and planning; no housing or revenues', () => {
    expect(provisions('KEN')).toMatchObject({
      'adult-social-care': 'all',
      'childrens-social-care': 'all',
      education: 'all',
      'public-health': 'all',
      'highways-transport': 'all',
      waste: 'part',
      'planning-regeneration': 'part',
      housing: 'none',
      'revenues-benefits': 'none',
      finance: 'all',
    });
    const waste = servicesForCouncil(council('KEN'), services, register).find((s) => s.id === 'waste');
    expect(waste).toEqual({
      id: 'waste',
      label: 'Waste and street cleansing',
      provision: 'part',
      providedBy: null,
      note: 'Districts collect waste and recycling; the county disposes of it.',
    });
  });

  test('ASF Ashford, a district in Kent, names Kent for the groups it runs none or part of', () => {
    const list = servicesForCouncil(council('ASF'), services, register);
    const kent = { code: 'KEN', name: 'Kent County Council' };
    const byCounty = list.filter((s) => s.providedBy !== null).map((s) => [s.id, s.provision]);
    expect(byCounty).toEqual([
      ['adult-social-care', 'none'],
      ['childrens-social-care', 'none'],
      ['education', 'none'],
      ['public-health', 'none'],
      ['highways-transport', 'part'],
      ['waste', 'part'],
    ]);
    expect(list.filter((s) => s.providedBy !== null).every((s) => s.providedBy?.code === kent.code && s.providedBy.name === kent.name)).toBe(true);
    expect(provisions('ASF')).toMatchObject({ housing: 'all', 'planning-regeneration': 'all', 'revenues-benefits': 'all' });
    expect(list.find((s) => s.id === 'planning-regeneration')?.note).toMatch(/minerals and waste/);
  });

  test('BFS Belfast, an NI district: no social care, education or revenues; runs waste and its corporate services', () => {
    const list = servicesForCouncil(council('BFS'), services, register);
    expect(list.every((s) => s.providedBy === null && s.note === null)).toBe(true);
    expect(provisions('BFS')).toMatchObject({
      'adult-social-care': 'none',
      'childrens-social-care': 'none',
      education: 'none',
      'public-health': 'none',
      'revenues-benefits': 'none',
      housing: 'part',
      'highways-transport': 'part',
      waste: 'all',
      ...Object.fromEntries(CORPORATE.map((id) => [id, 'all'])),
    });
  });

  test('CAY Caerphilly, a Welsh unitary, runs everything', () => {
    expect(council('CAY').type).toBe('welsh-unitary');
    expect(Object.values(provisions('CAY'))).toEqual(ALL_GROUPS.map(() => 'all'));
  });

  test('combined and strategic authorities get no service list', () => {
    expect(servicesForCouncil(council('WYCA'), services, register)).toEqual([]);
    expect(servicesForCouncil(council('GLA'), services, register)).toEqual([]);
  });

  test('a former district still names its (former) county', () => {
    const corby = servicesForCouncil(council('COR'), services, register);
    expect(corby.find((s) => s.id === 'education')?.providedBy).toEqual({ code: 'NTH', name: 'Northamptonshire County Council' });
  });
});
