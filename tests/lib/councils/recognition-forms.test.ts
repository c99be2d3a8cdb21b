import { describe, expect, test } from 'vitest';
import { confidenceBand, createCouncilIndex } from '@/lib/councils/council-index';
import { readCouncilsFile } from '../../fixtures/recognition/sets';

// Issue 18 (the forms people write) and issue 10 section 2 (buyer names of the Find a Tender 2026
// stream), against the committed public/data/councils.json. Examples are our own, of each class.
const index = createCouncilIndex(readCouncilsFile());
const resolve = (name: string) => index.resolveName(name).map((h) => h.code);
const mentions = (text: string) => index.findMentions(text).map((m) => m.code);

describe('an abbreviated designator with a possessive', () => {
  test.each([
    ["Wigan MBC's leader said the budget was balanced.", ['WGN'], 'Wigan MBC'],
    ['Barnet LBC’s finance director left in May.', ['BNE'], 'Barnet LBC'],
    ["Rhondda Cynon Taf CBC's cabinet approved it.", ['RCT'], 'Rhondda Cynon Taf CBC'],
    ["Mid Devon DC's planning committee", ['MDE'], 'Mid Devon DC'],
  ])('%s', (text, codes, matched) => {
    const found = index.findMentions(text);
    expect(found.map((m) => m.code)).toEqual(codes);
    expect(found[0]!.matched).toBe(matched);
    expect(confidenceBand(found[0]!.confidence)).toBe('high');
    expect(resolve(text.split(/[’']/)[0]!)).toEqual(codes);
  });
});

describe('a list sharing one abbreviated plural designator', () => {
  test.each([
    ['Babergh and Mid Suffolk DCs share one officer team.', ['BAB', 'MSU']],
    ['Dudley and Walsall MBCs bid jointly.', ['DUD', 'WLL']],
    ['Harrow, Brent and Barnet LBCs signed the deal.', ['HRW', 'BEN', 'BNE']],
    ['Devon and Kent CCs agreed.', ['DEV', 'KEN']],
  ])('%s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test.each([
    // A plural designator names more than one council, so commas alone make the list.
    ['Hart, Rushmoor, Waverley Councils met.', ['HAT', 'RUH', 'WAE']],
    ['Torridge, Mid Devon, East Devon Councils share it.', ['TOR', 'MDE', 'EDE']],
  ])('a comma-only list before a plural designator: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test.each([
    ['The seven Tyne and Wear councils met.', []],
    ['All twelve Kent councils signed the pact.', []],
    ['West Yorkshire councils agreed a joint bid.', []],
    ['Surrey county and district councils agreed.', []],
  ])('one place with a plural council word and no list is the councils of that area: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test.each([
    ['Lancashire County Council’s leader spoke.', ['LAN']],
    ["Leeds City Council's budget", ['LDS']],
    ['... and South Holland District Councils share a chief executive.', ['SHO']],
    ['Breckland, South Holland District Councils.', ['BRE', 'SHO']],
  ])('a possessive, or the end of a list, is still the council: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test.each([
    ['In West Sussex, Adur and Worthing councils saved £900,000.', ['ADU', 'WOT']],
    ['In Kent, Dartford and Gravesham councils share a team.', ['DAR', 'GRA']],
    ['The leaders of Kent, Dartford and Gravesham councils met.', ['KEN', 'DAR', 'GRA']],
    ['West Sussex, Adur and Worthing councils met.', ['WSX', 'ADU', 'WOT']],
  ])('a county after "In" and a comma sets the scene for its own districts listed next: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test.each([
    // A real trade-press sentence's form (mentions-press-2.csv's probe): the serial comma before "and".
    ['Leaders of Middlesbrough, Redcar & Cleveland, Darlington, Stockton-on-Tees, and Hartlepool borough councils met.', ['MDB', 'RCC', 'DAL', 'STT', 'HPL']],
    ['Hart, Rushmoor, and Waverley councils bid jointly.', ['HAT', 'RUH', 'WAE']],
    ['Ealing, Brent, and Harrow LBCs agreed.', ['EAL', 'BEN', 'HRW']],
    ['Babergh, and Mid Suffolk District Councils share a team.', ['BAB', 'MSU']],
    // Two places, a serial comma and one singular council: prose, as without the comma.
    ['He grew up in Leeds, and Bradford Council hired him.', ['BRD']],
    // An organisation's area is no list of councils, serial comma or not.
    ['NHS Kent, Medway, and Surrey County Council agreed.', ['SRY']],
  ])('a list with a serial comma before "and": %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test('a comma-only list before a singular designator is still prose', () => {
    expect(mentions('Leeds, Bradford Council agreed.')).toEqual(['BRD']);
  });

  test.each([
    ['Surrey Borough and Mole Valley Councils agreed.', ['MOL']],
    ['Staff of Kent District Council moved.', []],
    ['Norfolk District Council', []],
  ])('a county named with a district\'s designator is not the county: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test('the county with its own designators is still the county', () => {
    expect(mentions('Kent County Council, Kent CC and Kent Council.')).toEqual(['KEN', 'KEN', 'KEN']);
  });

  test.each([
    ['The new Mid Ulster super council met.', ['MUL']],
    ['The Fermanagh and Omagh super-council appointed a chief executive.', ['FMO']],
  ])('Northern Ireland\'s "super councils" of 2015: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
    expect(mentions('The eleven new super councils met.')).toEqual([]);
  });

  test('an abbreviation that does not fit the council is not one: "Kent DCs" are detective constables', () => {
    expect(mentions('Two Kent DCs investigated the burglary.')).toEqual([]);
    expect(mentions('The DCs and CCs of the region met.')).toEqual([]);
  });
});

describe('legal-style names', () => {
  test.each([
    ['The Council of the Borough of Kirklees', 'KIR'],
    ['The Council of the City of Wakefield', 'WKF'],
    ['The Council of the City of Coventry', 'COV'],
    ['The Council of the Metropolitan Borough of Wirral', 'WRL'],
    ['The Mayor and Burgesses of the Royal Borough of Kingston upon Thames', 'KTT'],
    ['The Lord Mayor and Citizens of the City of Westminster', 'WSM'],
    ['The Mayor and Commonalty and Citizens of the City of London', 'LND'],
    ['The County Council of the City and County of Cardiff', 'CRF'],
    ['Comhairle nan Eilean Siar', 'ELS'],
    ['Cyngor Sir Gâr', 'CMN'],
    ['Cyngor Sir Ynys Môn', 'AGY'],
    ['Cyngor Bwrdeistref Sirol Conwy', 'CWY'],
  ])('%s is %s, surely, as a name and in text', (name, code) => {
    const [hit] = index.resolveName(name);
    expect(hit?.code).toBe(code);
    expect(confidenceBand(hit!.confidence)).toBe('high');
    expect(mentions(`The contract is signed by ${name} today.`)).toEqual([code]);
  });

  test.each(['The Council of the Royal College of Nursing', 'The Mayor of London', 'Lord Mayor and Citizens of the future'])('not a council: %s', (name) => {
    expect(resolve(name)).toEqual([]);
    expect(mentions(name)).toEqual([]);
  });
});

describe('a city council below the principal tier is not the district around it', () => {
  // Parish-level city councils (Local Government Act 1972 s.245(6)) whose principal council is a
  // district or unitary that never calls itself "city".
  test.each(['Ripon City Council', 'Wells City Council', 'Ely City Council', 'Truro City Council', 'Lichfield City Council', 'Chichester City Council', 'Salisbury City Council', 'Hereford City Council', 'Durham City Council', 'St Davids City Council'])(
    '%s resolves to no principal council',
    (name) => {
      expect(resolve(name)).toEqual([]);
      expect(mentions(`Tenders from ${name} this week.`)).toEqual([]);
    },
  );

  test('the district is still found beside it', () => {
    expect(mentions('Lichfield City Council and Lichfield District Council agreed.')).toEqual(['LIF']);
  });

  test.each([
    ['Canterbury City Council', 'CAT'],
    ['Winchester City Council', 'WIN'],
    ['Lancaster City Council', 'LAC'],
    ['St Albans City Council', 'SAL'],
    // City status in 2022; the register still has the old names.
    ['Milton Keynes City Council', 'MIK'],
    ['Southend-on-Sea City Council', 'SOS'],
    ['Colchester City Council', 'COL'],
    ['City of Doncaster Council', 'DNC'],
  ])('a principal city council still resolves: %s', (name, code) => {
    const [hit] = index.resolveName(name);
    expect(hit?.code).toBe(code);
    expect(confidenceBand(hit!.confidence)).toBe('high');
  });
});

describe('former councils named in passing', () => {
  test.each([
    ['Before 2015 she was at the former Ballymena Borough Council.', 'NIR-G', ['MEA']],
    ['the former Harrogate Borough Council’s housing team', 'HAG', ['NYE']],
    ['Staff of the former Allerdale BC moved over.', 'ALL', ['CBD']],
    ['the old Down District Council offices', 'NIR-R', ['NMD']],
  ])('%s', (text, code, now) => {
    const [m] = index.findMentions(text);
    expect(m?.code).toBe(code);
    expect(m!.current).toBe(false);
    expect(m!.currentSuccessors).toEqual(now);
  });
});

describe('"the Council" on a council\'s own website', () => {
  const text = 'The Council will consult residents. Surrey County Council and the council agreed. Pay your Council Tax to the Council Tax team.';

  test('is that council, at medium confidence, beside the councils the text names', () => {
    const found = index.findMentions(text, { host: 'www.kent.gov.uk' });
    expect(found.map((m) => [m.code, m.via, m.matched])).toEqual([
      ['KEN', 'site', 'Council'],
      ['SRY', 'designated', 'Surrey County Council'],
      ['KEN', 'site', 'council'],
    ]);
    expect(confidenceBand(found[0]!.confidence)).toBe('medium');
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.matched);
    expect(found[0]!.reason).toMatch(/kent\.gov\.uk/);
  });

  test('any subdomain of the site counts; another site, a shared site or no host names nobody', () => {
    expect(mentions('the Council’s budget for 2027')).toEqual([]);
    expect(index.findMentions('the Council’s budget', { host: 'democracy.leeds.gov.uk' }).map((m) => m.code)).toEqual(['LDS']);
    expect(index.findMentions('the Council’s budget', { host: 'www.adur-worthing.gov.uk' })).toEqual([]);
    expect(index.findMentions('the Council’s budget', { host: 'www.bbc.co.uk' })).toEqual([]);
  });

  test.each([
    ['Minutes: Council considered the budget report and agreed it.', 'Council'],
    ['The item was referred to Council on 3 March.', 'Council'],
    ['The recommendation was approved by Council.', 'Council'],
    ['Members of this Council voted.', 'Council'],
    ['It is for the full Council to set the budget.', 'Council'],
  ])('minutes on the site say it other ways: %s', (text, matched) => {
    const found = index.findMentions(text, { host: 'democracy.kent.gov.uk' });
    expect(found.map((m) => [m.code, m.via, m.matched])).toEqual([['KEN', 'site', matched]]);
  });

  test.each([
    'Council Tax bills go out in March.',
    'Pay your bill to Council Tax.',
    'A grant from Arts Council England.',
    'Parish matters; Council considerations apart.',
    'She reported to Council Tax payers.',
  ])('not the site\'s council: %s', (text) => {
    expect(index.findMentions(text, { host: 'democracy.kent.gov.uk' })).toEqual([]);
  });

  test.each([
    ['The County Council sets the budget.', 'www.devon.gov.uk', 'DEV', 'County Council'],
    ['Under the City Council’s Constitution the decision stands.', 'www.birmingham.gov.uk', 'BIR', 'City Council'],
    ['the County Borough Council agreed', 'www.rctcbc.gov.uk', 'RCT', 'County Borough Council'],
    ['The Head of the Comhairle’s paid service is the Chief Executive.', 'www.cne-siar.gov.uk', 'ELS', 'Comhairle'],
    ['The Mayor asked Council to note the report.', 'democracy.kent.gov.uk', 'KEN', 'Council'],
  ])('the council\'s own words for itself: %s', (text, host, code, matched) => {
    expect(index.findMentions(text, { host }).map((m) => [m.code, m.via, m.matched])).toEqual([[code, 'site', matched]]);
  });

  test.each([
    ['The County Council will decide on the road.', 'www.midsuffolk.gov.uk'],
    ['The City Council was consulted.', 'www.devon.gov.uk'],
    ['The Comhairle met.', 'www.highland.gov.uk'],
    ['We asked Arts Council to consider the bid.', 'democracy.kent.gov.uk'],
  ])('another tier\'s or body\'s words are not the site\'s council: %s', (text, host) => {
    expect(index.findMentions(text, { host })).toEqual([]);
  });

  test.each([
    ['rctcbc.moderngov.co.uk', 'RCT'],
    ['birmingham.cmis.uk.com', 'BIR'],
    ['democracy.leeds.moderngov.co.uk', 'LDS'],
    ['meetings.derrycityandstrabanedistrict.com', 'DRS'],
  ])('minutes a vendor hosts under the council\'s short name, or a domain of its full name: %s', (host, code) => {
    expect(index.findMentions('The Council’s Code of Conduct applies.', { host }).map((m) => m.code)).toEqual([code]);
  });

  test.each(['www.moderngov.co.uk', 'moderngov.co.uk', 'leedscity.com', 'adur-worthing.moderngov.co.uk'])('a vendor\'s own site, a short name or a shared one names nobody: %s', (host) => {
    expect(index.findMentions('The Council’s Code of Conduct applies.', { host })).toEqual([]);
  });

  test('"the Council of ..." is a name, not the site\'s council', () => {
    expect(index.findMentions('A grant from the Council of the Isles of Scilly.', { host: 'www.kent.gov.uk' }).map((m) => m.code)).toEqual(['IOS']);
  });
});

describe('places that stand for their councils in a strong context', () => {
  /** The councils `text` names, each found by its context at medium confidence. */
  const expectContextMentions = (text: string, codes: string[]) => {
    const found = index.findMentions(text);
    expect(found.map((m) => m.code)).toEqual(codes);
    for (const m of found) {
      expect(m.via).toBe('context');
      expect(confidenceBand(m.confidence)).toBe('medium');
      expect(text.slice(m.start, m.end)).toBe(m.matched);
    }
  };

  test.each([
    ['The chief executives of Camden, Islington and Hackney wrote to the minister.', ['CMD', 'ISL', 'HCK']],
    ["Wirral appoints new director of children's services", ['WRL']],
    ['After ten years she is moving from Derbyshire to Nottingham as assistant director of adult care.', ['DBY', 'NGM']],
    ['He was director of public health at Sandwell until 2024.', ['SAW']],
    ['The leader of Cornwall said the budget was tight.', ['CON']],
  ])('%s', (text, codes) => {
    expectContextMentions(text, codes);
  });

  test.each([
    'She is director of Leeds Rhinos.',
    'He became chief executive of Leeds Teaching Hospitals.',
    'He is director of football at Derby.',
    'She is head of the University of Kent and one of its directors.',
    'Director of Kent Police',
    'The chief executive of NHS Kent and Medway said so.',
    'moving from Leeds to Bristol as a teacher',
    'She opened a shop at Camden Road; the director said so.',
    'Budgets at Camden Market are tight.',
    'The director lives in Kent.',
    'The Manchester Evening News director resigned.',
  ])('never an address, a club, a hospital, a university, a police force or a newspaper: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  test.each([
    // The cue word (lib/councils/recognise/context.ts) read where the anchor pass meets a word
    // start: after a typographic quote, a bracket, a hyphen or an underscore, in any case of its
    // first letter.
    ['She was named “Director of Children’s Services at Derbyshire” last year.', ['DBY']],
    ['(Chief Executives of Camden and Hackney) wrote.', ['CMD', 'HCK']],
    ['Co-directors of finance at Camden met.', ['CMD']],
    ['ref_Director of finance at Camden', ['CMD']],
  ])('a cue after punctuation: %s', (text, codes) => {
    expect(mentions(text)).toEqual(codes);
  });

  test('a title in capitals is no cue', () => {
    expect(mentions("THE DIRECTOR OF CHILDREN'S SERVICES AT DERBYSHIRE SPOKE.")).toEqual([]);
  });

  test.each([
    // The post after the place, with or without a possessive (forms of tests/fixtures/recognition/mentions-press.csv, our own examples).
    ['Croydon leader Sam Hale (Lab) said the budget would balance.', ['CRY']],
    ['Somerset deputy leader Jo Marsh spoke first.', ['SMT']],
    ['Highland councillors voted against the plan.', ['HLD']],
    ['Norfolk chief executive Tom Reed left in May.', ['NFK']],
    ['Derbyshire’s cabinet approved the cuts.', ['DBY']],
    ["Wigan's director of adult social care retired.", ['WGN']],
    ['Milton Keynes’s leader wrote to the minister.', ['MIK']],
    ["Tower Hamlets' chief executive resigned.", ['TWH']],
    ['Cornwall’s senior management and political leadership teams disagreed.', ['CON']],
    ['Westminster councillors voted for the scheme.', ['WSM']],
    // "for" as "of", "councillors in", and a list that goes on with "and the".
    ['She is director for Wokingham and the Vale of White Horse.', ['WOK', 'VAL']],
    ['Councillors in Bristol rejected the budget.', ['BST']],
  ])('the post after the place, "for" and "in": %s', (text, codes) => {
    expectContextMentions(text, codes);
  });

  test.each([
    // Councils sharing officers or services (the trade press of tests/fixtures/recognition/mentions-press-2.csv; our own
    // examples), in a sentence with a council post's cue like every form here.
    ['Hart shares a chief executive with Rushmoor.', ['HAT', 'RUH']],
    ['Stroud and Cotswold agreed to share a chief executive.', ['STO', 'COT']],
    ['Harrow runs a joint legal service with Barnet under one director.', ['HRW', 'BNE']],
    ['The Mayor of Hackney, Anna Kemp, wrote to the minister about the budget.', ['HCK']],
    ['The Lord Mayor of Leeds, Tom Hale, opened the budget debate.', ['LDS']],
    ['Mayor of Bristol Marvin Reece said the budget was set.', ['BST']],
    ['The Mayor of Newham and the Mayor of Hackney appointed a director.', ['NWM', 'HCK']],
  ])('sharing officers or services, and the Mayor of a place: %s', (text, codes) => {
    expectContextMentions(text, codes);
  });

  test.each([
    ['The councils affected include Kent, Surrey and Medway.', ['KEN', 'SRY', 'MDW']],
    ['Councils in the pilot included Hart and Rushmoor.', ['HAT', 'RUH']],
  ])('councils named as a class, then the ones it includes: %s', (text, codes) => {
    expectContextMentions(text, codes);
  });

  test.each([
    'Health authorities in the north include Leeds and York.',
    'Police authorities include Kent.',
    'Our clients include Leeds, Bradford and York.',
    'Councils say the clubs include Leeds United.',
  ])('a class that is not councils, or no class: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  test.each([
    'Kent shares a border with Sussex and Surrey.',
    'Surrey and Sussex police forces share services with Kent.',
    'Leeds United shares a training ground with Leeds Rhinos.',
    'Cardiff and Newport formed a joint venture with a developer.',
    'Kent and Sussex share a chief constable and a director of finance.',
    'Leeds and Bradford share a bus service, the director said.',
    'Essex and Suffolk run a joint fire service under one chief executive.',
    'The universities of Leeds and York share a chief executive.',
    'Bristol shares its director with the University of Bath.',
    'The Mayor of London, Sam Hale, spoke on the budget.',
    'Mayor of Cambridgeshire and Peterborough Nik Jones appointed a director.',
    'The Mayor of York and North Yorkshire appointed a director.',
    'The Mayor of West Yorkshire appointed a director.',
    'The Mayor of Bath Rugby Club appointed a director.',
  ])('sharing that is not councils\', and a mayor that is no council\'s: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  test.each([
    ['Shire counties such as Norfolk and Suffolk face the same gap.', []],
    ['County councils such as Norfolk and Suffolk face the same gap.', ['NFK', 'SFK']],
    ['Unitary authorities like Wiltshire and Cornwall gained most.', ['WIL', 'CON']],
    ['Metropolitan councils including Wigan, Bolton and Bury signed.', ['WGN', 'BOL', 'BUR']],
    ['Health authorities such as Leeds were merged.', []],
    ['Fire authorities including Kent and Essex met.', []],
    ['Cities like Leeds grew fastest.', []],
  ])('councils named as a class, then the places: %s', (text, codes) => {
    expectContextMentions(text, codes);
  });

  test.each([
    'Derby’s director of football resigned.',
    'Kent’s cricket chief executive said so.',
    'Leeds’s university leadership met.',
    'England’s leader spoke.',
    'Derby director Sam Hale joined the board.',
    'Kent Police leader said.',
    'Bristol’s Lord Mayor opened it.',
    'The councillors live in Bristol.',
    'She moved to Leeds where her director lives.',
    'Sutherland councillor Hugh Moss was elected.',
    // A post word in its everyday sense, and Westminster as Parliament.
    'Cornwall’s leadership in wave energy is well known.',
    'Manchester’s budget airline grew.',
    'Oxford’s cabinet of curiosities reopened.',
    'The Westminster cabinet agreed the plan.',
    'Westminster leaders met in Downing Street.',
    // A sentence about a club, a hospital or a university: the post is theirs.
    'Leeds chief executive Sam Hale told investors to contact the club.',
    'Bristol’s chief executive said the NHS trust would cut beds.',
    'Kent leader of the pack, the university rowing eight, won again.',
  ])('not a council post after the place: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  test('a designated mention is not repeated as a context one', () => {
    expect(mentions('The leader of Cornwall Council said the budget was tight.')).toEqual(['CON']);
    expect(index.findMentions('The leader of Cornwall Council said so.')[0]!.via).toBe('designated');
  });
});
