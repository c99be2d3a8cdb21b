import { describe, expect, test } from 'vitest';
import { companiesHouseNumber, indexParties, laeCouncilCode, normaliseCompanyNumber, normaliseName, uniqueSuppliers } from '@/lib/ocds/parties';

describe('Companies House numbers', () => {
  test.each([
    ['06841377', '06841377'],
    ['4142000', '04142000'],
    ['115834', '00115834'],
    ['SC268016', 'SC268016'],
    ['oc301540', 'OC301540'],
    ['SC 24322', 'SC024322'],
    ['458577871', undefined],
    ['0', undefined],
    ['00000000', undefined],
    ['ABC', undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseCompanyNumber(raw)).toBe(expected);
  });

  test('from the party id, the identifier, or the supplier reference', () => {
    expect(companiesHouseNumber({ id: 'GB-COH-158718' })).toBe('00158718');
    expect(companiesHouseNumber({ id: 'GB-CFS-1', identifier: { scheme: 'GB-COH', id: '02227962' } })).toBe('02227962');
    expect(companiesHouseNumber({ id: 'org-1', additionalIdentifiers: [{ scheme: 'GB-COH', id: 'SC053003' }] })).toBe('SC053003');
    expect(companiesHouseNumber(undefined, 'GB-COH-00557725')).toBe('00557725');
    expect(companiesHouseNumber({ id: 'GB-CFS-312135', name: 'ROMAQUIP LTD' })).toBeUndefined();
  });
});

describe('GB-LAE council codes', () => {
  test.each([
    ['GB-LAE-IPS', 'IPS'],
    ['GB-LAE-DUR', 'DUR'],
    ['GB-LAE-abc', 'ABC'],
    ['GB-LAE-BIR-X', 'BIR-X'],
    ['GB-LAE-TOOLONG', undefined],
    ['GB-LAE-1', undefined],
    ['GB-CFS-18525', undefined],
  ])('%s -> %s', (id, expected) => {
    expect(laeCouncilCode(undefined, id)).toBe(expected);
  });

  test('from the identifier scheme', () => {
    expect(laeCouncilCode({ id: 'x', identifier: { scheme: 'GB-LAE', id: 'HAV' } })).toBe('HAV');
  });
});

describe('indexParties', () => {
  test('same id twice: one party, the later one fills gaps and roles (real: GB-COH-03794455)', () => {
    const { parties, byId } = indexParties([
      { id: 'GB-COH-03794455', name: 'DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', roles: ['supplier'] },
      { id: 'GB-COH-03794455', name: 'DENNIS EAGLE LIMITED', roles: ['tenderer'], address: { locality: 'Warwick' } },
    ]);
    expect(parties).toEqual([
      { id: 'GB-COH-03794455', name: 'DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', roles: ['supplier', 'tenderer'], address: { locality: 'Warwick' } },
    ]);
    expect(byId.get('GB-COH-03794455')).toBe(parties[0]);
  });

  test('same name under two ids: one party, both ids find it', () => {
    const { parties, byId } = indexParties([
      { id: 'org-1', name: 'Swansea Council', roles: ['buyer'] },
      { id: 'org-9', name: 'SWANSEA  COUNCIL.', roles: ['reviewBody'] },
      'not a party',
    ]);
    expect(parties).toHaveLength(1);
    expect(byId.get('org-9')).toBe(parties[0]);
  });

  test('no parties', () => {
    expect(indexParties(undefined).parties).toEqual([]);
  });
});

test.each([
  ['The Ace Cabs of Stamford Ltd.', 'ace cabs of stamford limited'],
  ['Ernst & Young LLP', 'ernst and young llp'],
])('normaliseName(%s)', (name, expected) => {
  expect(normaliseName(name)).toBe(expected);
});

test('uniqueSuppliers: by number, else by name; a repeat can add the number', () => {
  expect(
    uniqueSuppliers([
      { name: 'DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', companiesHouse: '03794455' },
      { name: 'DENNIS EAGLE LIMITED', companiesHouse: '03794455' },
      { name: 'Romaquip Ltd' },
      { name: 'ROMAQUIP LIMITED', companiesHouse: '01234567' },
      { name: 'Other' },
    ]),
  ).toEqual([
    { name: 'DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', companiesHouse: '03794455' },
    { name: 'Romaquip Ltd', companiesHouse: '01234567' },
    { name: 'Other' },
  ]);
});
