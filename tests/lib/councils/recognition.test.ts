import { describe, expect, test } from 'vitest';
import { confidenceBand, createCouncilIndex, type CouncilHit } from '@/lib/councils/council-index';
import { readCouncilsFile } from '../../fixtures/recognition/sets';

// Every case issue 3 lists, positive and negative, against the committed public/data/councils.json.
const index = createCouncilIndex(readCouncilsFile());
const codesOf = (hits: CouncilHit[]) => hits.map((h) => h.code);
const resolve = (name: string) => codesOf(index.resolveName(name));

describe('resolveName: spelling and punctuation', () => {
  test.each([
    ['KENT COUNTY COUNCIL', 'KEN'],
    ['  kent   county council. ', 'KEN'],
    ['Brighton & Hove City Council', 'BNH'],
    ['Brighton and Hove City Council', 'BNH'],
    ["King's Lynn and West Norfolk Borough Council", 'KIN'],
    ['Kings Lynn & West Norfolk Borough Council', 'KIN'],
    ['St Helens Council', 'SHN'],
    ['St. Helens Council', 'SHN'],
    ['Saint Helens Council', 'SHN'],
    ['Stockton-on-Tees Borough Council', 'STT'],
    ['Stockton on Tees Borough Council', 'STT'],
    ['Newcastle-under-Lyme Borough Council', 'NEC'],
    ['Kingston upon Hull City Council', 'KHL'],
    ['Kingston-upon-Hull City Council', 'KHL'],
    ['The Highland Council', 'HLD'],
    ['The North Yorkshire Council', 'NYE'],
    ['Brighton &amp; Hove City Council', 'BNH'],
    ['King&#39;s Lynn &amp; West Norfolk Borough Council', 'KIN'],
    ['East Herts Council', 'EHE'],
  ])('%s -> %s', (name, code) => {
    expect(resolve(name)).toEqual([code]);
  });
});

describe('resolveName: department and portal suffixes, bracketed codes', () => {
  test.each([
    ['London Borough of Haringey - Parks and Leisure', 'HRY'],
    ['Walsall Council e-Tendering', 'WLL'],
    ['Warwickshire County Council (WCC)', 'WAR'],
    ['Bristol City Council t/a Bristol Waste', 'BST'],
    ['Leeds City Council [LCC-123]', 'LDS'],
    ["Hertfordshire County Council - Children's Services", 'HRT'],
    ['Suffolk County Council Passenger Transport', 'SFK'],
    ['Legal, Democratic and Business Intelligence, Swansea Council,', 'SWA'],
  ])('%s -> %s', (name, code) => {
    expect(resolve(name)).toEqual([code]);
  });
});

describe('resolveName: every form of the council words', () => {
  test.each([
    ['Wigan Council', 'WGN'],
    ['Leeds City Council', 'LDS'],
    ['City of York Council', 'YOR'],
    ['The Council of the City of Newcastle upon Tyne', 'NET'],
    ['London Borough of Ealing', 'EAL'],
    ['Royal Borough of Greenwich', 'GRE'],
    ['Rochdale Metropolitan Borough Council', 'RCH'],
    ['The Metropolitan Borough of Sandwell', 'SAW'],
    ['Borough Council of King’s Lynn & West Norfolk', 'KIN'],
    ['City of Bradford Metropolitan District Council', 'BRD'],
    ['Camden LBC', 'CMD'],
    ['LB Camden', 'CMD'],
    ['RB Greenwich', 'GRE'],
    ['Windsor and Maidenhead RBC', 'WNM'],
    ['Darlington BC', 'DAL'],
    ['Wealden DC', 'WEA'],
    ['Kent CC', 'KEN'],
    ['Wigan MBC', 'WGN'],
    ['Bradford MDC', 'BRD'],
    ['Rhondda Cynon Taf CBC', 'RCT'],
    ['RBKC', 'KEC'],
    ['B&NES', 'BAS'],
    ['BCP Council', 'BPC'],
    ['Tower Hamlets', 'TWH'],
    ['Brighton & Hove', 'BNH'],
    ['Cyngor Gwynedd', 'GWN'],
    ['Cyngor Sir Ceredigion County Council', 'CGN'],
    ['Comhairle nan Eilean Siar', 'ELS'],
    ['City & County of Swansea', 'SWA'],
  ])('%s -> %s', (name, code) => {
    expect(resolve(name)).toEqual([code]);
  });

  test('names that share a word stay single councils', () => {
    expect(resolve('Brighton and Hove City Council')).toEqual(['BNH']);
    expect(resolve('Bath and North East Somerset Council')).toEqual(['BAS']);
    expect(resolve('London Borough of Barking and Dagenham')).toEqual(['BDG']);
    expect(resolve('Armagh City, Banbridge and Craigavon Borough Council')).toEqual(['ABC']);
    expect(resolve('Bournemouth, Christchurch and Poole Council')).toEqual(['BPC']);
  });
});

describe('resolveName: two councils', () => {
  test.each([
    ['Adur and Worthing Councils', ['ADU', 'WOT']],
    ['Blackpool Council and Wyre Council', ['BPL', 'WYR']],
    ['Babergh and Mid Suffolk District Councils', ['BAB', 'MSU']],
    ['Westminster City Council / RBKC', ['WSM', 'KEC']],
  ])('%s -> %j', (name, codes) => {
    expect(resolve(name).sort()).toEqual([...codes].sort());
  });

  test('shared services are marked as such', () => {
    const [adur] = index.resolveName('Adur and Worthing Councils').filter((h) => h.code === 'ADU');
    expect(adur?.via).toBe('shared');
  });
});

describe('resolveName: abolished councils give the former council and its successors', () => {
  test.each([
    ['Corby Borough Council', 'COR', ['NNT']],
    ['Harrogate Borough Council', 'HAG', ['NYE']],
    ['Dorset County Council', 'DOR', ['DST']],
    ['Cumbria County Council', 'CMA', ['CBD', 'WAF']],
    ['Cumbria', 'CMA', ['CBD', 'WAF']],
  ])('%s -> %s, now %j', (name, code, successors) => {
    const [hit] = index.resolveName(name);
    expect(hit?.code).toBe(code);
    expect(hit?.current).toBe(false);
    expect([...(hit?.successors ?? [])].sort()).toEqual(successors);
    expect([...(hit?.currentSuccessors ?? [])].sort()).toEqual(successors);
  });

  test('chains of successors end at a current council (Taunton Deane -> SWT -> Somerset)', () => {
    const [hit] = index.resolveName('Taunton Deane Borough Council');
    expect(hit?.code).toBe('TAU');
    expect(hit?.currentSuccessors).toEqual(['SMT']);
  });

  test('the designator picks between a council and its predecessor of the same name', () => {
    expect(resolve('Somerset County Council')).toEqual(['SOM']);
    expect(resolve('Somerset Council')).toEqual(['SMT']);
    expect(resolve('North Yorkshire County Council')).toEqual(['NYK']);
    expect(resolve('Buckinghamshire Council')).toEqual(['BUC']);
    expect(resolve('Buckinghamshire County Council')).toEqual(['BKM']);
    const [somerset] = index.resolveName('Somerset');
    expect(somerset?.code).toBe('SMT');
    expect(somerset?.alternatives).toEqual(['SOM']);
  });
});

describe('resolveName: not principal councils', () => {
  test.each([
    'General Dental Council',
    'British Council',
    'Medical Research Council',
    'Economic and Social Research Council',
    'Nursing and Midwifery Council',
    'Local Government Association',
    'London Councils',
    'Lancing Parish Council',
    'Thame Town Council',
    'Wokingham Town Council',
    'Kirkcaldy Community Council',
    'Cyngor Tref Aberystwyth',
    'Lancashire and South Cumbria NHS Foundation Trust',
    'Somerset NHS Foundation Trust',
    'University of Leeds',
    'Durham University',
    'City of Glasgow College',
    'Kent Police',
    'City of London Police',
    'Lancashire Constabulary',
    'Wiltshire Fire And Rescue Service',
    'Mid and West Wales Fire and Rescue Authority',
    'North York Moors National Park Authority',
    'New Forest National Park Authority',
    'Newport City Homes',
    'Wolverhampton Homes',
    'Homes for Haringey',
    'Bradford Council for Mosques',
    'Leeds City Region Enterprise Partnership',
    'West Midlands',
    'Self-employed',
  ])('%s -> none', (name) => {
    expect(resolve(name)).toEqual([]);
  });

  test('combined authorities are recognised as combined authorities', () => {
    for (const [name, code] of [
      ['West Midlands Combined Authority', 'WMCA'],
      ['Cambridgeshire & Peterborough Combined Authority', 'CPCA'],
      ['Greater London Authority', 'GLA'],
      ['Sheffield City Region', 'SCR'],
      ['GMCA', 'GMCA'],
    ] as const) {
      const hits = index.resolveName(name);
      expect(codesOf(hits), name).toEqual([code]);
      expect(hits[0]?.kind, name).toBe('combined-authority');
    }
    expect(index.resolveName('Manchester City Council')[0]?.kind).toBe('council');
  });
});

describe('resolveName: confidence says how sure', () => {
  test('council words give high confidence; a place name alone is medium', () => {
    const full = index.resolveName('Kent County Council')[0]!;
    const bare = index.resolveName('Kent')[0]!;
    const city = index.resolveName('Leeds City')[0]!;
    expect(full.code).toBe('KEN');
    expect(bare.code).toBe('KEN');
    expect(city.code).toBe('LDS');
    expect(confidenceBand(full.confidence)).toBe('high');
    expect(confidenceBand(bare.confidence)).toBe('medium');
    expect(confidenceBand(city.confidence)).toBe('medium');
    expect(bare.via).toBe('place-name');
    expect(city.via).toBe('weak-designator');
    expect(full.confidence).toBeGreaterThan(city.confidence);
    expect(city.confidence).toBeGreaterThan(bare.confidence);
  });

  test('Durham is the county council: the principal council for both the county and the city', () => {
    // The City of Durham Council was abolished in 2009 and is not in the register; Durham
    // County Council (unitary) serves the city, so "Durham" as an employer means DUR.
    const [hit] = index.resolveName('Durham');
    expect(hit?.code).toBe('DUR');
    expect(confidenceBand(hit!.confidence)).toBe('medium');
    expect(resolve('Durham County Council')).toEqual(['DUR']);
  });

  test('a designator that does not fit the council lowers confidence ("Kent District Council")', () => {
    const [hit] = index.resolveName('Kent District Council');
    expect(hit?.code).toBe('KEN');
    expect(hit!.confidence).toBeLessThan(0.85);
  });

  test('the hit says what matched', () => {
    const [hit] = index.resolveName('London Borough of Haringey - Parks and Leisure');
    expect(hit?.matched).toBe('London Borough of Haringey');
    expect(hit?.name).toBe('London Borough of Haringey');
    expect(hit?.reason).toMatch(/Haringey/);
  });
});

describe('findMentions', () => {
  const mentions = (text: string) => index.findMentions(text);

  test.each(['she moved to Leeds in 2019', 'I was reading the report', 'Kent Police attended', 'Durham is a beautiful city', 'the council voted down council plans', 'reading council papers'])(
    'a bare place name is not a mention: %s',
    (text) => {
      expect(mentions(text)).toEqual([]);
    },
  );

  test('offsets point into the original text, across entities, emoji and accents', () => {
    const text = '😀 Contracts from Brighton &amp; Hove City Council, Wigan MBC and Ynys Môn; then Kent County Council’s budget.';
    const found = mentions(text);
    expect(found.map((m) => m.code)).toEqual(['BNH', 'WGN', 'KEN']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.matched);
    expect(found.map((m) => m.matched)).toEqual(['Brighton &amp; Hove City Council', 'Wigan MBC', 'Kent County Council']);
  });

  test('longest match wins and matches do not overlap', () => {
    const text = 'Bath and North East Somerset Council, North East Lincolnshire Council and Somerset Council.';
    const found = mentions(text);
    expect(found.map((m) => m.code)).toEqual(['BAS', 'NEL', 'SMT']);
    for (let k = 1; k < found.length; k++) expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
  });

  test('shared designators name every council in the list', () => {
    const text = 'Bedford Borough and Central Bedfordshire councils agreed; so did Adur and Worthing Councils.';
    expect(mentions(text).map((m) => m.code)).toEqual(['BDF', 'CBF', 'ADU', 'WOT']);
    expect(mentions('NHS Kent and Medway and Kent County Council').map((m) => m.code)).toEqual(['KEN']);
  });

  test('distinctive initials count in text only in capitals', () => {
    expect(mentions('Funding from B&NES, RBKC, LBTH and the GMCA.').map((m) => m.code)).toEqual(['BAS', 'KEC', 'TWH', 'GMCA']);
    expect(mentions('the rbkc and banes websites')).toEqual([]);
    expect(mentions('an RCT of the new service')).toEqual([]);
  });

  test('not principal councils in running text', () => {
    const text =
      'Lancing Parish Council, Thame Town Council, the General Dental Council, the British Council, Kent Police, Durham University, Newport City Homes and the North York Moors National Park Authority.';
    expect(mentions(text)).toEqual([]);
  });

  test('lower-case text still counts with specific council words', () => {
    const [m] = mentions('see leeds city council website');
    expect(m?.code).toBe('LDS');
    expect(m!.confidence).toBeLessThan(index.findMentions('Leeds City Council')[0]!.confidence);
  });

  test('combined authorities and former councils in text', () => {
    const found = mentions('Corby Borough Council was replaced by North Northamptonshire Council; the West of England Mayoral Combined Authority funds it.');
    expect(found.map((m) => [m.code, m.current, m.kind])).toEqual([
      ['COR', false, 'council'],
      ['NNT', true, 'council'],
      ['WECA', true, 'combined-authority'],
    ]);
  });
});
