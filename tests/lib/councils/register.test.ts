import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { normaliseName } from '@/lib/councils/normalise';
import { createRegister, siteOf } from '@/lib/councils/register';
import { CouncilsFileSchema, type Council, type CouncilsFile } from '@/lib/councils/schema';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';

const file = CouncilsFileSchema.parse(JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/councils.json'), 'utf8')));
const register = createRegister(file);
const codes = (councils: readonly Council[]): string[] => councils.map((c) => c.code);

describe('normaliseName', () => {
  test.each([
    ['Leeds City Council', 'leeds city council'],
    ['  LEEDS   City\tCouncil\n', 'leeds city council'],
    ['Brighton &amp; Hove City Council', 'brighton and hove city council'],
    ['Brighton & Hove', 'brighton and hove'],
    ['Brighton&Hove', 'brighton and hove'],
    ['Brighton &AMP; Hove', 'brighton and hove'],
    ['King&#39;s Lynn &amp; West Norfolk', 'kings lynn and west norfolk'],
    ["King's Lynn", 'kings lynn'],
    ['King\u2019s Lynn', 'kings lynn'],
    ['King&#x27;s Lynn', 'kings lynn'],
    ['&quot;Adur&quot; District Council', 'adur district council'],
    ['City&nbsp;of&nbsp;London', 'city of london'],
    ['City\u00a0of London', 'city of london'],
    ['Sir Ynys Môn', 'sir ynys mon'],
    ['Cyngor Gwynedd — Gwasanaethau', 'cyngor gwynedd gwasanaethau'],
    ['Rhondda, Cynon, Taf', 'rhondda cynon taf'],
    ['rhondda,cynon,taff', 'rhondda cynon taff'],
    ['Kingston-upon-Hull', 'kingston upon hull'],
    ['St. Helens', 'st helens'],
    ['Edinburgh (City of)', 'edinburgh city of'],
    ['Westminster City Council (WCC)', 'westminster city council wcc'],
    ['The Royal Borough of Kensington and Chelsea', 'royal borough of kensington and chelsea'],
    ['the city of brighton and hove', 'city of brighton and hove'],
    ['Theale Parish', 'theale parish'],
    ['The', 'the'],
    ['Bath & North East Somerset UA', 'bath and north east somerset ua'],
    ['', ''],
    // An entity it does not know stays text, so its & reads as "and".
    ['&unknown; Council', 'and unknown council'],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('createRegister', () => {
  test('all and byCode', () => {
    expect(register.all).toHaveLength(470);
    expect(register.byCode('LDS')?.officialName).toBe('Leeds City Council');
    expect(register.byCode('NIR-A')?.officialName).toBe('Derry City Council');
    expect(register.byCode('lds')).toBeNull();
    expect(register.byCode('NOPE')).toBeNull();
  });

  describe('lookupName', () => {
    test.each([
      ['Leeds City Council', 'LDS'],
      ['leeds', 'LDS'],
      ['LEEDS DISTRICT', 'LDS'],
      ['Kent County Council', 'KEN'],
      ['The Royal Borough of Kensington and Chelsea', 'KEC'],
      ['Royal Borough of Kensington &amp; Chelsea', 'KEC'],
      ['London Borough of Hammersmith & Fulham', 'HMF'],
      ['Hammersmith and Fulham', 'HMF'],
      ["King's Lynn & West Norfolk", 'KIN'],
      ['Armagh City, Banbridge and Craigavon', 'ABC'],
      ['Bristol, City of', 'BST'],
      ['City of Edinburgh Council', 'EDH'],
      ['Rhondda Cynon Taf County Borough Council', 'RCT'],
      ['Glasgow City Council', 'GLG'],
      ['West Yorkshire Combined Authority', 'WYCA'],
      ['Greater London Authority', 'GLA'],
      // Shared by a current and a former council: the current one wins.
      ['North Yorkshire', 'NYE'],
      ['Somerset', 'SMT'],
      // Only a former council had these names: the former council comes back.
      ['North Yorkshire County Council', 'NYK'],
      ['Corby Borough Council', 'COR'],
      ['Derry City Council', 'NIR-A'],
      ['Castlereagh', 'NIR-Y'],
    ])('%j -> %s', (name, code) => {
      expect(register.lookupName(name)?.code).toBe(code);
    });

    test.each([['Leeds City Council - Parks and Leisure'], ['Leeds Council'], ['NHS England'], [''], ['   ']])(
      '%j -> null (exact and alias lookup only)',
      (name) => {
        expect(register.lookupName(name)).toBeNull();
      },
    );

    test('a former council leads to today’s council through its successors', () => {
      const corby = register.lookupName('Corby Borough Council');
      expect(corby?.current).toBe(false);
      expect(corby?.successors).toEqual(['NNT']);
      expect(codes(register.currentSuccessors(register.byCode('TAU') as Council))).toEqual(['SMT']);
      expect(codes(register.currentSuccessors(register.byCode('CMA') as Council))).toEqual(['CBD', 'WAF']);
      expect(codes(register.currentSuccessors(register.byCode('LDS') as Council))).toEqual([]);
    });

    test('two current councils sharing a name are ambiguous', () => {
      const base = file.councils.find((c) => c.code === 'ASF') as Council;
      const twin: CouncilsFile = {
        sources: [],
        councils: [
          { ...base, code: 'AAA', names: ['Twin Council'] },
          { ...base, code: 'BBB', names: ['Twin Council'] },
          { ...base, code: 'CCC', current: false, names: ['Old Name'], successors: ['AAA'] },
          { ...base, code: 'DDD', current: false, names: ['Old Name'], successors: ['BBB'] },
        ],
      };
      const r = createRegister(twin);
      expect(r.lookupName('Twin Council')).toBeNull();
      expect(r.lookupName('Old Name')).toBeNull();
    });
  });

  describe('byDomain', () => {
    test.each([
      ['leeds.gov.uk', ['LDS']],
      ['www.leeds.gov.uk', ['LDS']],
      ['democracy.leeds.gov.uk', ['LDS']],
      ['WWW.LEEDS.GOV.UK.', ['LDS']],
      ['www.leeds.gov.uk:443', ['LDS']],
      ['www.adur-worthing.gov.uk', ['ADU', 'WOT']],
      ['www.devon.gov.uk', ['DEV']],
      ['new.devon.gov.uk', ['DEV']],
      ['www.carmarthenshire.gov.wales', ['CMN']],
      ['www.gwynedd.llyw.cymru', ['GWN']],
      ['www.derrystrabane.com', ['DRS']],
      ['www.glasgow.gov.uk', ['GLG']],
      ['www.gov.uk', []],
      ['gov.uk', []],
      ['leeds.gov.uk.example.com', []],
      ['www.linkedin.com', []],
      ['', []],
    ])('%j -> %j', (host, expected) => {
      expect(codes(register.byDomain(host))).toEqual(expected);
    });
  });

  test('siteOf', () => {
    expect(siteOf('my.northtyneside.gov.uk')).toBe('northtyneside.gov.uk');
    expect(siteOf('a.b.example.org')).toBe('example.org');
    expect(siteOf('localhost')).toBeNull();
  });

  test('no two councils with different domains share a site', () => {
    const domainsBySite = new Map<string, Set<string>>();
    for (const c of file.councils) {
      if (!c.domain) continue;
      const site = siteOf(c.domain) ?? '';
      domainsBySite.set(site, (domainsBySite.get(site) ?? new Set()).add(c.domain));
    }
    const clashes = [...domainsBySite].filter(([, domains]) => domains.size > 1);
    expect(clashes).toEqual([]);
  });

  test('every current council is found by its own official name and its own homepage host', () => {
    for (const c of file.councils.filter((x) => x.current)) {
      expect(register.lookupName(c.officialName)?.code, c.officialName).toBe(c.code);
      if (c.homepage) expect(codes(register.byDomain(new URL(c.homepage).host))).toContain(c.code);
    }
  });
});
