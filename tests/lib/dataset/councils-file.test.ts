import { describe, expect, test } from 'vitest';
import { CouncilsFileSchema, type Council } from '@/lib/councils/schema';
import { parseCsvRecords } from '@/lib/dataset/csv';
import { readCommitted } from './committed-files';
import { readShared } from './shared-files';

const file = CouncilsFileSchema.parse(JSON.parse(readCommitted('councils.json')));
const councils = file.councils;
const byCode = new Map(councils.map((c) => [c.code, c]));
const get = (code: string): Council => {
  const council = byCode.get(code);
  if (!council) throw new Error(`No council ${code}`);
  return council;
};
const count = (predicate: (c: Council) => boolean): number => councils.filter(predicate).length;

describe('councils.json counts', () => {
  // Counts from ../shared/data/SOURCES.md.
  test('470 register rows: 397 current, 73 former', () => {
    expect(councils).toHaveLength(470);
    expect(count((c) => c.current)).toBe(397);
    expect(count((c) => !c.current)).toBe(73);
  });

  test('current principal councils are 397 minus 14 combined and 1 strategic authority', () => {
    expect(count((c) => c.current && c.kind === 'council')).toBe(397 - 15);
    expect(count((c) => c.current && c.kind === 'combined-authority')).toBe(15);
    expect(count((c) => !c.current && c.kind === 'combined-authority')).toBe(0);
  });

  test('current rows by type, as SOURCES.md lists them', () => {
    const types: Record<string, number> = {};
    for (const c of councils.filter((x) => x.current)) types[c.type] = (types[c.type] ?? 0) + 1;
    expect(types).toEqual({
      county: 21,
      district: 164,
      'metropolitan-district': 36,
      'london-borough': 32,
      unitary: 63,
      'scottish-unitary': 32,
      'welsh-unitary': 22,
      'ni-district': 11,
      'combined-authority': 14,
      'strategic-authority': 1,
      'city-corporation': 1,
    });
  });

  test('combined and strategic authorities are flagged with the combined tier', () => {
    for (const c of councils.filter((x) => x.type === 'combined-authority' || x.type === 'strategic-authority')) {
      expect([c.code, c.kind, c.tier]).toEqual([c.code, 'combined-authority', 'combined']);
    }
    expect(get('GLA')).toMatchObject({ type: 'strategic-authority', kind: 'combined-authority', tier: 'combined', homepage: null });
  });

  test('sorted by code, codes unique', () => {
    const codes = councils.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('councils.json rows (checked by eye against uk_local_authorities.csv)', () => {
  test('LDS Leeds: metropolitan district, unitary tier, in WYCA', () => {
    expect(get('LDS')).toEqual({
      code: 'LDS',
      kind: 'council',
      current: true,
      officialName: 'Leeds City Council',
      niceName: 'Leeds',
      gss: 'E08000035',
      type: 'metropolitan-district',
      typeName: 'Metropolitan district',
      tier: 'unitary',
      nation: 'England',
      region: 'Yorkshire and The Humber',
      parentCounty: null,
      combinedAuthority: 'WYCA',
      population: 798786,
      areaKm2: 552,
      lat: 53.8257463987,
      long: -1.506016367,
      homepage: 'https://www.leeds.gov.uk/',
      domain: 'leeds.gov.uk',
      names: ['Leeds City Council', 'Leeds', 'leeds district'],
      startDate: '2005-06-08',
      endDate: null,
      successors: [],
    });
  });

  test('KEN Kent: county, upper tier', () => {
    expect(get('KEN')).toMatchObject({
      officialName: 'Kent County Council',
      gss: 'E10000016',
      type: 'county',
      tier: 'upper',
      parentCounty: null,
      population: 1589057,
      areaKm2: 3544,
      homepage: 'http://www.kent.gov.uk/',
      domain: 'kent.gov.uk',
      startDate: null,
    });
  });

  test('ASF Ashford: district in KEN, lower tier', () => {
    expect(get('ASF')).toMatchObject({
      officialName: 'Ashford Borough Council',
      type: 'district',
      typeName: 'Non-metropolitan district',
      tier: 'lower',
      parentCounty: 'KEN',
      population: 131018,
      domain: 'ashford.gov.uk',
    });
  });

  test('CMD Camden: London borough in the GLA', () => {
    expect(get('CMD')).toMatchObject({
      officialName: 'London Borough of Camden',
      type: 'london-borough',
      tier: 'unitary',
      region: 'London',
      combinedAuthority: 'GLA',
      homepage: 'https://www.camden.gov.uk/',
      names: ['London Borough of Camden', 'Camden', 'camden london boro'],
    });
  });

  test('LND City of London: city corporation, a council', () => {
    expect(get('LND')).toMatchObject({ type: 'city-corporation', kind: 'council', tier: 'unitary', domain: 'cityoflondon.gov.uk' });
  });

  test('GLG Glasgow: GSS does not join GOV.UK, homepage joined on slug', () => {
    expect(get('GLG')).toMatchObject({
      gss: 'S12000049',
      type: 'scottish-unitary',
      nation: 'Scotland',
      homepage: 'https://www.glasgow.gov.uk/',
      domain: 'glasgow.gov.uk',
    });
  });

  test.each([
    ['FIF', 'https://www.fife.gov.uk/'],
    ['NLK', 'https://www.northlanarkshire.gov.uk/'],
    ['PKN', 'https://www.pkc.gov.uk/'],
    ['NYE', 'http://www.northyorks.gov.uk/'],
    ['SMT', 'http://www.somerset.gov.uk/'],
  ])('%s, another council whose GSS does not join, has %s', (code, homepage) => {
    expect(get(code).homepage).toBe(homepage);
  });

  test('COR Corby: former district, replaced by NNT', () => {
    expect(get('COR')).toMatchObject({
      current: false,
      officialName: 'Corby Borough Council',
      parentCounty: 'NTH',
      population: null,
      areaKm2: null,
      lat: null,
      homepage: null,
      domain: null,
      endDate: '2021-04-01',
      successors: ['NNT'],
    });
  });

  test('CMA Cumbria: former county, replaced by CBD and WAF', () => {
    expect(get('CMA')).toMatchObject({ current: false, type: 'county', endDate: '2023-04-01', successors: ['CBD', 'WAF'] });
  });

  test.each([
    ['NIR-A', 'Derry City Council', ['DRS']],
    ['NIR-J', 'Strabane District Council', ['DRS']],
    ['NIR-E', 'Moyle District Council', ['CCG']],
    ['NIR-M', 'Dungannon and South Tyrone Borough Council', ['MUL']],
    ['NIR-Q', 'Banbridge District Council', ['ABC']],
    ['NIR-Y', 'Castlereagh Borough Council', ['LBC', 'BFS']],
  ])('%s %s: former NI district, successors %j', (code, officialName, successors) => {
    expect(get(code)).toMatchObject({ current: false, officialName, type: 'ni-district', endDate: '2015-03-31', successors });
  });

  test('every former NI district has successors among the 11 current NI districts', () => {
    const current = councils.filter((c) => c.current && c.type === 'ni-district').map((c) => c.code);
    const former = councils.filter((c) => !c.current && c.type === 'ni-district');
    expect(current).toHaveLength(11);
    expect(former.map((c) => c.code)).toEqual('ABCDEFGHIJKLMNOPQRSTUVWXY'.split('').map((l) => `NIR-${l}`));
    for (const c of former) {
      expect(c.successors.length).toBeGreaterThan(0);
      for (const s of c.successors) expect(current).toContain(s);
    }
    // Every new council but Belfast (which kept its own name and has no former row) replaced at least one.
    const named = new Set(former.flatMap((c) => c.successors.slice(0, 1)));
    expect([...named].sort()).toEqual(current.filter((c) => c !== 'BFS').sort());
  });

  test('every former council has successors that exist; no current council has any', () => {
    for (const c of councils) {
      if (c.current) expect(c.successors).toEqual([]);
      else expect(c.successors.length, c.code).toBeGreaterThan(0);
      for (const s of c.successors) expect(byCode.has(s), `${c.code} -> ${s}`).toBe(true);
      if (c.parentCounty) expect(get(c.parentCounty).type).toBe('county');
      if (c.combinedAuthority) expect(get(c.combinedAuthority).kind).toBe('combined-authority');
    }
  });

  test('every current district has a current parent county', () => {
    for (const c of councils.filter((x) => x.current && x.type === 'district')) {
      expect(c.parentCounty, c.code).not.toBeNull();
      expect(get(c.parentCounty ?? '').current).toBe(true);
    }
  });
});

describe('councils.json homepages', () => {
  test('every current council (England, Wales, Scotland, NI) has a homepage and a domain', () => {
    const missing = councils.filter((c) => c.current && c.kind === 'council' && (c.homepage === null || c.domain === null));
    expect(missing.map((c) => c.code)).toEqual([]);
    const nations = new Set(councils.filter((c) => c.current && c.kind === 'council').map((c) => c.nation));
    expect([...nations].sort()).toEqual(['England', 'Northern Ireland', 'Scotland', 'Wales']);
  });

  test('each of the 382 GOV.UK rows is used by exactly one council', () => {
    const rows = parseCsvRecords(readShared('data/govuk_local_authorities_homepages.csv'));
    expect(rows).toHaveLength(382);
    const withHomepage = councils.filter((c) => c.homepage !== null);
    expect(withHomepage).toHaveLength(382);
    expect(withHomepage.every((c) => c.current && c.kind === 'council')).toBe(true);
  });

  test('domains are lower-case hosts without www.', () => {
    for (const c of councils.filter((x) => x.domain !== null)) {
      expect(c.domain).toMatch(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(new URL(c.homepage ?? '').hostname.toLowerCase().endsWith(c.domain ?? '-')).toBe(true);
    }
  });

  test('shared-service domains', () => {
    const shared = (domain: string): string[] => councils.filter((c) => c.domain === domain).map((c) => c.code);
    expect(shared('adur-worthing.gov.uk')).toEqual(['ADU', 'WOT']);
    expect(shared('lewes-eastbourne.gov.uk')).toHaveLength(2);
    expect(shared('southnorfolkandbroadland.gov.uk')).toHaveLength(2);
  });
});

describe('councils.json names', () => {
  test('names start with the official and nice names and have no case-insensitive duplicates', () => {
    for (const c of councils) {
      expect(c.names[0]).toBe(c.officialName);
      if (c.niceName.toLowerCase() !== c.officialName.toLowerCase()) expect(c.names[1]).toBe(c.niceName);
      const lower = c.names.map((n) => n.toLowerCase());
      expect(new Set(lower).size, c.code).toBe(lower.length);
      for (const n of c.names) expect(n).toBe(n.trim());
    }
  });

  test('names with commas stay whole', () => {
    expect(get('ABC').names).toEqual([
      'Armagh City, Banbridge and Craigavon Borough Council',
      'Armagh City, Banbridge and Craigavon',
      'armagh, banbridge and craigavon',
    ]);
    expect(get('NMD').names).toEqual(['Newry, Mourne and Down District Council', 'Newry, Mourne and Down']);
    expect(get('BST').names).toContain('Bristol, City of');
    expect(get('RCT').names).toContain('rhondda,cynon,taff');
    expect(get('RCT').names).not.toContain('cynon');
  });

  test('every lookup_name_to_registry.csv name is among its council names (bar two damaged ones)', () => {
    const missing: string[] = [];
    for (const r of parseCsvRecords(readShared('data/lookup_name_to_registry.csv'))) {
      const names = get(r['local-authority-code'] ?? '').names.map((n) => n.toLowerCase());
      const name = (r['la-name'] ?? '').trim().toLowerCase();
      if (!names.includes(name)) missing.push(`${r['local-authority-code']}: ${r['la-name']}`);
    }
    expect(missing).toEqual(['AGY: Sir Ynys M\u00ef\u00bf\u00bdn', 'SWA: City\u00ef\u00be\u00a0and County of Swansea']);
  });

  test('alt-names from the register are kept, including ones the lookup file lacks', () => {
    expect(get('DNC').names).toEqual(expect.arrayContaining(['city of doncaster', 'doncaster city council', 'doncaster city']));
    expect(get('EMCA').names).toContain('East Midlands CC');
  });
});

describe('councils.json sources', () => {
  test('name the shared files relatively, with licence and attribution', () => {
    expect(file.sources.map((s) => s.file)).toEqual([
      '../shared/data/uk_local_authorities.csv',
      '../shared/data/lookup_name_to_registry.csv',
      '../shared/data/mysociety_local_authority_type.csv',
      '../shared/data/mysociety_local_authority_powers.csv',
      '../shared/data/govuk_local_authorities_homepages.csv',
      'lib/dataset/ni-successors.ts',
    ]);
    expect(file.sources[0]).toMatchObject({ licence: 'CC BY 4.0', attribution: expect.stringContaining('mySociety') });
    expect(file.sources[4]).toMatchObject({ licence: 'OGL v3', attribution: expect.stringContaining('Crown copyright, Government Digital Service') });
  });
});
