import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { buildSupplierIndex, type SupplierSource } from '@/lib/suppliers/supplier-index';
import { readShared } from '../dataset/shared-files';

/** Every supplier of the five OCDS files in ../shared/data (only the Contracts Finder files name winners). */
const FILES = [
  'data/contracts_finder_ocds_search_2022-10-20.json',
  'data/contracts_finder_ocds_search_2025-01-23.json',
  'data/contracts_finder_ocds_releases_2025-01_to_03_extra.json',
  'data/pcs_scotland_ocds_releases_2019.json',
  'data/sell2wales_ocds_releases_2025.json',
];
const sources: SupplierSource[] = FILES.flatMap((file) =>
  parseReleases(JSON.parse(readShared(file))).notices.map((n) => ({ ocid: n.ocid, council: n.buyer.councilCode ?? '-', suppliers: n.suppliers })),
);
const index = buildSupplierIndex(sources);
const groupOf = (name: string) => index.groups.find((g) => g.names.includes(name));

describe('grouping the real suppliers', () => {
  test('every supplier written several ways in the files is one supplier, and only those', () => {
    const multi = index.groups
      .filter((g) => g.names.length > 1)
      .map((g) => [g.key, [...g.names].sort()])
      .sort();
    expect(multi).toEqual([
      ['ch:OC300001', ['ERNST AND YOUNG LLP', 'Ernst & Young LLP']], // the name-only spelling joins the number's group
      ['name:a and e elkins', ['A&E Elkins T/A Elkins Construction', 'A&E Elkins TA Elkins Construction']],
      ['name:anglian building products', ['Anglian Building Products', 'Anglian Building Products Ltd']],
      ['name:axis europe', ['Axis Europe Limited', 'Axis Europe PLC']],
      ['name:mullen property services', ['Mullen Property Services', 'Mullen Property Services Ltd']],
      ['name:novus property solutions', ['Novus Property Solutions', 'Novus Property Solutions Ltd']],
      ['name:vinci construction', ['Vinci Construction UK LTD', 'Vinci Construction UK Ltd']],
      ['name:wsp', ['WSP UK Limited', 'WSP UK Ltd']],
    ]);
  });

  test.each([
    ['Mullen Property Services', 'Mullen Property Solutions Ltd'],
    ['Civica Uk Ltd', 'Civica Election Services Ltd'],
    ['Trustmarque', 'TRUSTMARQUE SOLUTIONS LIMITED'],
    ['Skyline Taxi and Private Hire Limited', 'SKYLINE TAXIS'],
    ['Aurora Group', 'Aurora Fairway School'],
    ['Novus Property Solutions', 'Mullen Property Solutions Ltd'],
  ])('%j and %j stay apart', (a, b) => {
    expect(groupOf(a)).toBeDefined();
    expect(groupOf(b)).toBeDefined();
    expect(groupOf(a)).not.toBe(groupOf(b));
  });

  test('a Companies House number gathers every notice of the company; the display name is the commonest spelling', () => {
    const ey = index.resolve('ch:OC300001')!;
    expect(ey.name).toBe('Ernst & Young LLP');
    expect(ey.companiesHouse).toBe('OC300001');
    expect(ey.ocids).toHaveLength(3);
    const sandhills = index.resolve('GB-COH-06841377')!;
    expect(sandhills.name).toBe('SANDHILLS MANAGEMENT CONSULTANCY LTD');
    expect(sandhills.ocids.length).toBeGreaterThanOrEqual(5);
  });

  test.each([
    ['ch:OC300001', 'ch:OC300001'],
    ['name:ernst and young', 'ch:OC300001'],
    ['Ernst and Young', 'ch:OC300001'],
    ['ernst & young llp', 'ch:OC300001'],
    ['OC300001', 'ch:OC300001'],
    ['1628868', 'ch:01628868'],
    ['Anglian Building Products Limited', 'name:anglian building products'],
    ['Dennis Eagle Ltd', 'ch:03794455'],
    ['name:no such supplier', null],
    ['ch:99999999', null],
    ['Nobody Ltd', null],
  ])('resolve(%j) -> %j', (text, key) => {
    expect(index.resolve(text)?.key ?? null).toBe(key);
  });

  test.each([
    ['sand man', ['SANDHILLS MANAGEMENT CONSULTANCY LTD']],
    ['terberg', ['DENNIS EAGLE LIMITED (t/a Terberg Matec UK)']], // by the trading name
    ['01628868', ['Civica Uk Ltd']],
    ['0162886', ['Civica Uk Ltd']], // number prefix
    ['mullen property serv', ['Mullen Property Services']],
    ['ernst & young', ['Ernst & Young LLP']],
  ])('search(%j)', (query, names) => {
    expect(index.search(query, 10).map((g) => g.name)).toEqual(names);
  });

  test('names starting with the query come first', () => {
    expect(index.search('axis', 10).map((g) => g.name)).toEqual(['Axis Europe Limited']);
    // "europe" begins no name; a word of four ("European" by prefix), one notice each, so by name.
    expect(index.search('europe', 10).map((g) => g.name)).toEqual([
      'Axis Europe Limited',
      'CERN (European Organization For Nuclear Research)',
      'Fr Aviation t/a Draken Europe',
      'Hitachi Solutions Europe Ltd',
    ]);
    expect(index.search('civica', 10).map((g) => g.name).sort()).toEqual(['Civica Election Services Ltd', 'Civica Uk Ltd']);
    expect(index.search('services', 50).length).toBeGreaterThan(10);
    expect(index.search('services', 5)).toHaveLength(5);
    expect(index.search('', 5)).toEqual([]);
  });
});

describe('grouping rules', () => {
  const s = (ocid: string, council: string, ...suppliers: { name: string; companiesHouse?: string }[]): SupplierSource => ({ ocid, council, suppliers });

  test('two companies with different numbers and one normalised name stay apart; a name-only spelling of that name joins neither', () => {
    const idx = buildSupplierIndex([
      s('a', 'LDS', { name: 'Acme Ltd', companiesHouse: '00000001' }),
      s('b', 'KEN', { name: 'ACME LIMITED', companiesHouse: '00000002' }),
      s('c', 'BRD', { name: 'Acme' }),
    ]);
    expect(idx.groups.map((g) => g.key).sort()).toEqual(['ch:00000001', 'ch:00000002', 'name:acme']);
    expect(idx.resolve('Acme')?.key).toBe('name:acme');
  });

  test('counts notices and councils once each, however many spellings', () => {
    const idx = buildSupplierIndex([
      s('a', 'LDS', { name: 'Acme Ltd', companiesHouse: '00000001' }, { name: 'ACME LIMITED' }),
      s('b', 'LDS', { name: 'Acme (UK) Ltd' }),
      s('c', 'KEN', { name: 'Acme Ltd' }),
    ]);
    expect(idx.groups).toHaveLength(1);
    expect(idx.groups[0]).toMatchObject({ key: 'ch:00000001', name: 'Acme Ltd', ocids: ['a', 'b', 'c'], councils: 2 });
  });
});
