import { describe, expect, test } from 'vitest';
import { buildCouncilCard, type CouncilCard } from '@/lib/councils/card';
import { partsInTitle, SERVICE_PARTS, whoRuns, whoRunsSentence, type WhoRuns } from '@/lib/councils/who-runs';
import { register, services } from '../../support/public-data';

// Cards built from the committed datasets, as the background builds them.
const card = (code: string): CouncilCard => {
  const council = register.byCode(code);
  if (!council) throw new Error(`No council ${code}`);
  return buildCouncilCard(council, register, services);
};
const GROUP_IDS = services.groups.map((g) => g.id);

/** The verdict and its sentence together, so each row reads as what the role line says. */
const say = (code: string, groupId: string, title: string): [WhoRuns['kind'], string | null] => {
  const council = card(code);
  const result = whoRuns(council, groupId, title);
  return [result.kind, whoRunsSentence(council, result)];
};

describe('whoRuns: two-tier England', () => {
  test.each<[string, string, string, WhoRuns['kind'], string | null]>([
    // The example: county councils run no housing, districts do.
    ['KEN', 'housing', 'Head of Housing', 'not-run', "Kent County Council doesn't run Housing and homelessness; in Kent the district councils do."],
    ['KEN', 'revenues-benefits', 'Head of Revenues and Benefits', 'not-run', "Kent County Council doesn't run Revenues and benefits; in Kent the district councils do."],
    ['ASF', 'adult-social-care', 'Assistant Director Adult Social Care', 'not-run', "Ashford Borough Council doesn't run Adult social care; Kent County Council does."],
    ['ASF', 'education', 'Head of SEND', 'not-run', "Ashford Borough Council doesn't run Education and skills; Kent County Council does."],
    ['ASF', 'housing', 'Head of Housing', 'runs', null],
    ['KEN', 'adult-social-care', 'Director of Adult Social Services', 'runs', null],
    // Waste: "collection: district/unitary; disposal: county/unitary".
    ['ASF', 'waste', 'Head of Waste Collection', 'runs', null],
    ['KEN', 'waste', 'Head of Waste Collection', 'not-run', "Kent County Council doesn't run waste collection and recycling; in Kent the district councils do."],
    ['KEN', 'waste', 'Street Cleansing Manager', 'not-run', "Kent County Council doesn't run street cleansing; in Kent the district councils do."],
    ['KEN', 'waste', 'Waste Disposal Manager', 'runs', null],
    ['KEN', 'waste', 'Household Waste Recycling Centres Manager', 'runs', null],
    ['ASF', 'waste', 'Waste Disposal Manager', 'not-run', "Ashford Borough Council doesn't run waste disposal; Kent County Council does."],
    // The title names no part, or both: say how the group is split, flag nothing.
    ['KEN', 'waste', 'Head of Waste Services', 'runs-part', 'Kent County Council runs only part of Waste and street cleansing. Districts collect waste and recycling; the county disposes of it.'],
    ['KEN', 'waste', 'Head of Waste Collection & Disposal', 'runs-part', 'Kent County Council runs only part of Waste and street cleansing. Districts collect waste and recycling; the county disposes of it.'],
    ['ASF', 'waste', 'Recycling Manager', 'runs-part', 'Ashford Borough Council runs only part of Waste and street cleansing. Districts collect waste and recycling; the county disposes of it.'],
    // Highways: "county/unitary (parking: all)".
    ['ASF', 'highways-transport', 'Head of Highways', 'not-run', "Ashford Borough Council doesn't run roads and transport; Kent County Council does."],
    ['ASF', 'highways-transport', 'Parking Services Manager', 'runs', null],
    ['ASF', 'highways-transport', 'Fleet Manager', 'runs-part', 'Ashford Borough Council runs only part of Highways, transport and parking. The county runs roads and transport; districts run car parking too.'],
    ['KEN', 'highways-transport', 'Parking Services Manager', 'runs', null],
    // Planning: "district/unitary (minerals and waste planning: county)".
    ['KEN', 'planning-regeneration', 'Head of Development Management', 'not-run', "Kent County Council doesn't run planning applications and building control; in Kent the district councils do."],
    ['KEN', 'planning-regeneration', 'Building Control Manager', 'not-run', "Kent County Council doesn't run planning applications and building control; in Kent the district councils do."],
    ['KEN', 'planning-regeneration', 'Head of Minerals and Waste Planning', 'runs', null],
    ['KEN', 'planning-regeneration', 'Head of Planning', 'runs-part', 'Kent County Council runs only part of Planning, building control and regeneration. Districts handle planning and building control; the county decides minerals and waste planning.'],
    ['ASF', 'planning-regeneration', 'Head of Planning', 'runs', null],
    ['SRY', 'finance', 'Chief Finance Officer', 'runs', null],
  ])('%s %s "%s" -> %s', (code, groupId, title, kind, sentence) => {
    expect(say(code, groupId, title)).toEqual([kind, sentence]);
  });

  test('a district whose card names no county still says who', () => {
    const ashford = card('ASF');
    const orphan = { ...ashford, parentCounty: null, services: ashford.services.map((s) => ({ ...s, providedBy: null })) };
    const result = whoRuns(orphan, 'adult-social-care', 'Head of Adult Social Care');
    expect(whoRunsSentence(orphan, result)).toBe("Ashford Borough Council doesn't run Adult social care; the county council does.");
  });
});

describe('whoRuns: unitary councils run everything', () => {
  // Unitary, metropolitan borough, London borough, city corporation, Welsh and Scottish councils.
  const UNITARIES = ['CON', 'HAL', 'LDS', 'BIR', 'CMD', 'SWK', 'LND', 'CAY', 'EDH', 'GLG'];
  const TITLES = ['Head of Housing', 'Head of Waste Collection', 'Waste Disposal Manager', 'Head of Highways', 'Head of Development Management'];

  test.each(UNITARIES)('%s: nothing flagged for any group or title', (code) => {
    const council = card(code);
    expect(council.tier).toBe('unitary');
    for (const groupId of GROUP_IDS) {
      for (const title of TITLES) expect(whoRuns(council, groupId, title)).toEqual({ kind: 'runs' });
    }
  });
});

describe('whoRuns: Northern Ireland', () => {
  test.each<[string, string, WhoRuns['kind'], string | null]>([
    ['adult-social-care', 'Head of Adult Social Care', 'not-run', "Belfast City Council doesn't run Adult social care; in Northern Ireland no council does."],
    ['education', 'Head of Education', 'not-run', "Belfast City Council doesn't run Education and skills; in Northern Ireland no council does."],
    ['revenues-benefits', 'Head of Revenues', 'not-run', "Belfast City Council doesn't run Revenues and benefits; in Northern Ireland no council does."],
    // Part of it, and the data says no more: nothing to say.
    ['housing', 'Head of Housing', 'runs-part', null],
    ['highways-transport', 'Head of Highways', 'runs-part', null],
    ['waste', 'Head of Waste Collection', 'runs', null],
    ['waste', 'Waste Disposal Manager', 'runs', null],
  ])('BFS %s "%s" -> %s', (groupId, title, kind, sentence) => {
    expect(say('BFS', groupId, title)).toEqual([kind, sentence]);
  });
});

describe('whoRuns: when the data cannot tell, nothing is said', () => {
  test.each(['WYCA', 'GLA'])('%s, a combined or strategic authority', (code) => {
    for (const groupId of GROUP_IDS) expect(say(code, groupId, 'Director of Transport')).toEqual(['unknown', null]);
  });

  test('a group the card does not list', () => {
    expect(say('KEN', 'space-programme', 'Head of Rockets')).toEqual(['unknown', null]);
  });

  test('a unitary card that somehow lacks a group says nothing rather than guess who runs it', () => {
    const leeds = card('LDS');
    const odd = { ...leeds, services: leeds.services.map((s) => (s.id === 'housing' ? { ...s, provision: 'none' as const } : s)) };
    expect(whoRuns(odd, 'housing', 'Head of Housing')).toEqual({ kind: 'unknown' });
  });
});

describe('partsInTitle', () => {
  test.each<[string, string, string[]]>([
    ['waste', 'Waste Collection Manager', ['collection']],
    ['waste', 'Refuse & Recycling Team Leader', ['collection']],
    ['waste', 'Street-Cleansing Supervisor', ['street-cleansing']],
    ['waste', 'Fly-tipping Officer', ['street-cleansing']],
    ['waste', 'HWRC Site Manager', ['disposal']],
    ['waste', 'Waste Collection and Disposal Lead', ['collection', 'disposal']],
    ['waste', 'Recycling Officer', []],
    ['waste', 'Head of Waste', []],
    ['highways-transport', 'Head of Highways & Transport', ['roads-and-transport']],
    ['highways-transport', 'Car Parks Manager', ['parking']],
    ['highways-transport', 'Transport Manager', []],
    ['planning-regeneration', 'Development Control Team Leader', ['development-management']],
    ['planning-regeneration', 'Minerals Planning Officer', ['minerals-and-waste-planning']],
    ['planning-regeneration', 'Planning Officer', []],
    ['housing', 'Waste Collection Manager', []],
  ])('%s "%s" -> %j', (groupId, title, ids) => {
    expect(partsInTitle(groupId, title).map((p) => p.id)).toEqual(ids);
  });
});

describe('SERVICE_PARTS agrees with services.json', () => {
  test.each(Object.entries(SERVICE_PARTS))('%s', (groupId, parts) => {
    const group = services.groups.find((g) => g.id === groupId);
    expect(group, `services.json has no group ${groupId}`).toBeDefined();
    const { provision } = group!;
    // Listing parts only makes sense for a group the two tiers split.
    expect([provision.upper, provision.lower]).toContain('part');
    for (const tier of ['upper', 'lower', 'unitary'] as const) {
      const runs = parts.filter((part) => part.runBy.includes(tier));
      if (provision[tier] === 'none') expect(runs, `${tier} runs none of ${groupId}`).toEqual([]);
      if (provision[tier] === 'part') {
        expect(runs.length, `${tier} runs part of ${groupId}`).toBeGreaterThan(0);
        expect(runs.length, `${tier} runs only part of ${groupId}`).toBeLessThan(parts.length);
      }
    }
    expect(parts.every((part) => part.runBy.includes('unitary'))).toBe(provision.unitary === 'all');
  });

  test('every split group has its parts listed', () => {
    const split = services.groups.filter((g) => g.provision.upper === 'part' || g.provision.lower === 'part').map((g) => g.id);
    expect(Object.keys(SERVICE_PARTS).sort()).toEqual(split.sort());
  });

  // whoRuns names the other tier for a group one tier runs none of: that tier must run some of it.
  test.each(services.groups.map((g) => [g.id, g.provision] as const))('%s: one of county and district runs it', (_id, provision) => {
    expect(provision.upper === 'none' && provision.lower === 'none').toBe(false);
  });
});
