import { expect, test } from 'vitest';
import { groupServices } from '@/components/council-card/group-services';
import { ashfordCard, kentCard, leedsCard, westYorkshireCaCard } from '../../fixtures/preview-data';

const ids = (services: { id: string }[]) => services.map((s) => s.id);

test('a district: county-run groups under one provider, in spec order', () => {
  const groups = groupServices(ashfordCard.services);
  expect(groups.providedBy).toHaveLength(1);
  expect(groups.providedBy[0]?.provider).toEqual({ code: 'KEN', name: 'Kent County Council' });
  expect(ids(groups.providedBy[0]!.services)).toEqual([
    'adult-social-care',
    'childrens-social-care',
    'education',
    'public-health',
  ]);
  expect(ids(groups.runsPart)).toEqual(['highways-transport', 'waste']);
  expect(groups.runs).toHaveLength(13);
  expect(groups.elsewhere).toEqual([]);
});

test('a county: district-run groups have no single provider', () => {
  const groups = groupServices(kentCard.services);
  expect(ids(groups.elsewhere)).toEqual(['housing', 'revenues-benefits']);
  expect(ids(groups.runsPart)).toEqual(['waste', 'planning-regeneration']);
  expect(groups.providedBy).toEqual([]);
});

test('a unitary runs everything', () => {
  const groups = groupServices(leedsCard.services);
  expect(groups.runs).toHaveLength(19);
  expect([groups.runsPart, groups.providedBy, groups.elsewhere]).toEqual([[], [], []]);
});

test('a combined authority has no services', () => {
  expect(groupServices(westYorkshireCaCard.services)).toEqual({ runs: [], runsPart: [], providedBy: [], elsewhere: [] });
});

test('two providers stay apart', () => {
  const surrey = { code: 'SRY', name: 'Surrey County Council' };
  const groups = groupServices([
    ...ashfordCard.services.slice(0, 2),
    { id: 'education', label: 'Education and skills', provision: 'none', providedBy: surrey, note: null },
  ]);
  expect(groups.providedBy.map((g) => [g.provider.code, ids(g.services)])).toEqual([
    ['KEN', ['adult-social-care', 'childrens-social-care']],
    ['SRY', ['education']],
  ]);
});
