import { describe, expect, test } from 'vitest';
import { buyerCouncilResolver, WHOLE_PLACE_MIN_CONFIDENCE } from '@/lib/councils/buyer';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { loadNames, NAME_SETS, readCouncilsFile } from '../../fixtures/recognition/sets';

// lib/councils/buyer.ts against the committed public/data/councils.json. Buyer names marked
// "real" are published buyer names from tests/fixtures/recognition/buyers-fts-2026.csv (the Find a
// Tender 2026 stream in ../shared/data); the rest are our own examples of each class.
const index = createCouncilIndex(readCouncilsFile());
const resolve = buyerCouncilResolver(index);

describe('a buyer field that is exactly a place name', () => {
  test.each([
    ['Tower Hamlets', 'TWH'], // real
    ['Blackburn with Darwen', 'BBD'], // real
    ['Rushmoor', 'RUH'],
    ['tower hamlets', 'TWH'],
    ['  Newport ', 'NWP'],
    // A short form of the council's name (0.6): Epsom and Ewell, Bath and North East Somerset.
    ['Epsom', 'EPS'],
    ['Bath', 'BAS'],
    // An abolished council maps to its current successor, or keeps its code when it split.
    ['Taunton Deane', 'SMT'],
    ['Northamptonshire', 'NTH'],
  ])('“%s” is %s', (name, code) => {
    expect(resolve(name)).toBe(code);
  });

  test('counts below the default threshold only as the whole field, and only down to its own floor', () => {
    const hit = index.resolveName('Tower Hamlets')[0]!;
    expect(hit.via).toBe('place-name');
    expect(hit.confidence).toBeLessThan(0.7);
    expect(hit.confidence).toBeGreaterThanOrEqual(WHOLE_PLACE_MIN_CONFIDENCE);
    // The same words as part of a longer field say where, not who is buying.
    expect(index.resolveName('Tower Hamlets - Street Cleansing')[0]?.confidence).toBeLessThan(0.7);
    expect(resolve('Tower Hamlets - Street Cleansing')).toBeNull();
  });

  test.each([
    // Two living councils share the name: Kingston upon Thames and Kingston upon Hull.
    'Kingston',
    // Another body named after the place.
    'Tower Hamlets Homes',
    'Barnsley Hospital NHS Foundation Trust',
    'NHS Kent and Medway',
    'Kent Police',
    'Leeds Beckett University',
    'Durham County Cricket Club',
    'Leeds Rhinos',
    // Town and parish councils are not principal councils.
    'Frome Town Council',
    'Sutton Coldfield Town Council',
    // Two places, or a combined authority's area without its designator.
    'Kent, Surrey',
    'Kent and Medway',
    'Greater Manchester',
    'London',
  ])('“%s” names no council', (name) => {
    expect(resolve(name)).toBeNull();
  });

  test('every labelled buyer name still resolves to its labelled council, and no buyer to another', () => {
    const data = readCouncilsFile();
    const byCode = new Map(data.councils.map((c) => [c.code, c]));
    // The code the resolver should give for a labelled council: itself, or its one current successor.
    const today = (code: string): string => {
      const c = byCode.get(code)!;
      if (c.current) return code;
      const next = c.successors.filter((s) => byCode.has(s));
      return next.length === 1 ? today(next[0]!) : code;
    };
    for (const file of [NAME_SETS['buyers (CF, PCS, Sell2Wales)'], NAME_SETS['buyers (Find a Tender 2026)']]) {
      for (const c of loadNames(file)) {
        const got = resolve(c.name);
        const councils = c.expected.filter((code) => byCode.get(code)?.kind === 'council').map(today);
        if (got !== null) expect(councils, c.name).toContain(got);
        else if (councils.length === 1) expect.fail(`${c.name} should resolve to ${councils[0]}`);
      }
    }
  });
});
