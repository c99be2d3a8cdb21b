import { describe, expect, test } from 'vitest';
import { CouncilCard } from '@/components/council-card/council-card';
import {
  ashfordCard,
  cardiffCard,
  harrogateFormer,
  kentCard,
  leedsCard,
  northYorkshireCard,
  procurementRole,
  serviceLeadRole,
  westYorkshireCaCard,
} from '../../fixtures/preview-data';
import type { CouncilMatch } from '@/lib/councils/card';
import { describeRole } from '@/lib/roles/classify-role';
import { click, facts, headings, listNames, mount, namedList, seenText } from '../../support/dom';

const servicesSummary = (root: ParentNode) => root.querySelector('details > summary');

describe('a district (Ashford, two-tier Kent)', () => {
  test('header: official name and type/tier label', () => {
    const root = mount(<CouncilCard card={ashfordCard} />);
    expect(headings(root)[0]).toBe('h2: Ashford Borough Council');
    expect(seenText(root.querySelector('.cl-card__header')!)).toBe('Ashford Borough Council District council (lower tier)');
    expect(root.querySelector('article')?.getAttribute('aria-labelledby')).toBe(root.querySelector('h2')?.id);
  });

  test('facts: place, parent county, population, area, homepage', () => {
    const root = mount(<CouncilCard card={ashfordCard} />);
    expect(facts(root)).toEqual({
      Where: 'South East, England',
      'Part of': 'Kent County Council',
      Population: '131,018',
      Area: '581 km²',
      Website: 'ashford.gov.uk',
    });
  });

  test('the homepage opens in a new tab without opener or referrer, and says so', () => {
    const root = mount(<CouncilCard card={ashfordCard} />);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.ashford.gov.uk/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('ashford.gov.uk (opens in new tab)');
  });

  test('services: runs, runs part with the note, and one "Provided by" line for the county', () => {
    const root = mount(<CouncilCard card={ashfordCard} />);
    expect(seenText(servicesSummary(root)!)).toBe('Services it runs (15)');
    expect(listNames(root)).toEqual(['Runs all of', 'Runs part of', 'Provided by Kent County Council']);
    expect(namedList(root, 'Provided by Kent County Council')).toEqual([
      'Adult social care',
      'Children’s social care and early help',
      'Education and skills',
      'Public health',
    ]);
    expect(namedList(root, 'Runs part of')).toEqual([
      'Highways, transport and parking The county runs roads and transport; districts run car parking too. Shared with Kent County Council',
      'Waste and street cleansing Districts collect waste and recycling; the county disposes of it. Shared with Kent County Council',
    ]);
    expect(namedList(root, 'Runs all of')).toContain('Housing and homelessness');
    expect(namedList(root, 'Runs all of')).toContain('Revenues and benefits');
    expect(namedList(root, 'Runs all of')).not.toContain('Adult social care');
  });
});

describe('a county (Kent)', () => {
  test('no parent county; district-run services named as such', () => {
    const root = mount(<CouncilCard card={kentCard} />);
    expect(headings(root)[0]).toBe('h2: Kent County Council');
    expect(seenText(root)).toContain('County council (upper tier)');
    expect(facts(root)).toEqual({
      Where: 'South East, England',
      Population: '1,589,057',
      Area: '3,544 km²',
      Website: 'kent.gov.uk',
    });
    expect(listNames(root)).toEqual(['Runs all of', 'Runs part of', 'Run by the district councils']);
    expect(namedList(root, 'Run by the district councils')).toEqual(['Housing and homelessness', 'Revenues and benefits']);
    expect(namedList(root, 'Runs part of')).toEqual([
      'Waste and street cleansing Districts collect waste and recycling; the county disposes of it.',
      'Planning, building control and regeneration Districts handle planning and building control; the county decides minerals and waste planning.',
    ]);
    expect(seenText(root)).not.toContain('Provided by');
  });
});

describe('a unitary (Leeds, metropolitan borough)', () => {
  test('combined authority, population and area; runs every group', () => {
    const root = mount(<CouncilCard card={leedsCard} />);
    expect(seenText(root)).toContain('Metropolitan borough (unitary: runs all local services)');
    expect(facts(root)).toEqual({
      Where: 'Yorkshire and The Humber, England',
      'Member of': 'West Yorkshire Combined Authority',
      Population: '798,786',
      Area: '552 km²',
      Website: 'leeds.gov.uk',
    });
    expect(listNames(root)).toEqual(['Runs']);
    expect(namedList(root, 'Runs')).toHaveLength(19);
    expect(seenText(servicesSummary(root)!)).toBe('Services it runs (19)');
  });

  test('a Welsh council names the nation once', () => {
    const root = mount(<CouncilCard card={cardiffCard} />);
    expect(facts(root).Where).toBe('Wales');
  });

  test('missing facts are left out, not shown empty', () => {
    const root = mount(<CouncilCard card={{ ...leedsCard, population: null, areaKm2: null, homepage: null }} />);
    expect(Object.keys(facts(root))).toEqual(['Where', 'Member of']);
    expect(root.querySelector('.cl-facts a')).toBeNull();
  });

  test('a homepage that is not http(s) never becomes a link', () => {
    const root = mount(<CouncilCard card={{ ...leedsCard, homepage: 'javascript:alert(1)', domain: null }} />);
    expect(root.querySelector('.cl-facts a')).toBeNull();
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((href) => !href?.startsWith('https://www.linkedin.com/search/'))).toEqual([]);
  });
});

describe('a combined authority (West Yorkshire)', () => {
  test('says it is not a council, and lists no services', () => {
    const root = mount(<CouncilCard card={westYorkshireCaCard} />);
    expect(headings(root)).toEqual(['h2: West Yorkshire Combined Authority']);
    expect(seenText(root)).toContain('Combined authority');
    expect(seenText(root)).toContain('A combined authority, not a council.');
    expect(root.querySelector('details')).toBeNull();
    expect(seenText(root)).not.toContain('Services it runs');
    expect(facts(root)).toEqual({
      Where: 'Yorkshire and The Humber, England',
      Population: '2,345,235',
      Area: '2,030 km²',
    });
  });
});

describe('a card from the popup or a council website', () => {
  const procurement = { openTenders: [], openTotal: 0, contractsEnding: [], endingTotal: 0, endingWithinMonths: 24, lastSyncedAt: null };

  test('shows the open tenders and contracts ending it carries, folded when compact', () => {
    const root = mount(<CouncilCard card={{ ...leedsCard, procurement }} compact />);
    expect(seenText(root)).toMatch(/Open tenders \(0\)/);
    expect(seenText(root)).toMatch(/Contracts ending \(0\)/);
  });

  test('a procurement given by the tab context wins, and a card without one shows no sections', () => {
    const root = mount(<CouncilCard card={{ ...leedsCard, procurement }} procurement={{ ...procurement, openTotal: 0, endingTotal: 0, endingWithinMonths: 12 }} />);
    expect(seenText(root)).toContain('12 months');
    expect(seenText(mount(<CouncilCard card={leedsCard} />))).not.toContain('Open tenders');
  });
});

describe('a former council named on the page', () => {
  test('says what it was called, when it was abolished and what it is part of now', () => {
    const root = mount(<CouncilCard card={northYorkshireCard} match={harrogateFormer.match} />);
    expect(headings(root)[0]).toBe('h2: North Yorkshire Council');
    expect(seenText(root.querySelector('.cl-notice')!)).toBe(
      'Named as Harrogate Borough Council, abolished 1 April 2023; now part of North Yorkshire Council.',
    );
  });

  test('without an end date it still says the council was abolished', () => {
    const match: CouncilMatch = {
      matchedText: 'Corby Borough Council',
      former: { code: 'COR', name: 'Corby Borough Council', endDate: null },
      source: 'experience',
    };
    const root = mount(<CouncilCard card={{ ...northYorkshireCard, officialName: 'North Northamptonshire Council' }} match={match} />);
    expect(seenText(root.querySelector('.cl-notice')!)).toBe(
      'Named as Corby Borough Council, since abolished; now part of North Northamptonshire Council.',
    );
  });

  const SMT = { code: 'SMT', name: 'Somerset Council' };
  const CBD = { code: 'CBD', name: 'Cumberland Council' };
  const WAF = { code: 'WAF', name: 'Westmorland and Furness Council' };
  test.each<[string, NonNullable<CouncilMatch['former']>, string]>([
    [
      'two hops name the council of today',
      { code: 'TAU', name: 'Taunton Deane Borough Council', endDate: '2019-03-31', successors: [SMT] },
      'Named as Taunton Deane Borough Council, abolished 31 March 2019; now part of Somerset Council.',
    ],
    [
      'a split names every successor and which one the card shows',
      { code: 'CMA', name: 'Cumbria County Council', endDate: '2023-04-01', successors: [CBD, WAF] },
      'Named as Cumbria County Council, abolished 1 April 2023; now split between Cumberland Council and Westmorland and Furness Council. This card shows Cumberland Council.',
    ],
    [
      'three successors',
      { code: 'OLD', name: 'Old Borough Council', endDate: null, successors: [CBD, SMT, WAF] },
      'Named as Old Borough Council, since abolished; now split between Cumberland Council, Somerset Council and Westmorland and Furness Council. This card shows Cumberland Council.',
    ],
  ])('%s', (_label, former, notice) => {
    const first = former.successors![0]!;
    const card = { ...northYorkshireCard, code: first.code, officialName: first.name };
    const root = mount(<CouncilCard card={card} match={{ matchedText: former.name, former, source: 'employer' }} />);
    expect(headings(root)[0]).toBe(`h2: ${first.name}`);
    expect(seenText(root.querySelector('.cl-notice')!)).toBe(notice);
  });

  test('a current council match shows no notice, only where it was found', () => {
    const root = mount(
      <CouncilCard card={leedsCard} match={{ matchedText: 'Leeds City Council', former: null, source: 'employer' }} />,
    );
    expect(root.querySelector('.cl-notice')).toBeNull();
    expect(seenText(root)).toContain('Found as “Leeds City Council” in the current job.');
  });

  test.each([
    ['Leeds City', 0.75, 'Likely, not certain: found as “Leeds City” in the current job, with no council word in it.'],
    ['Leeds', 0.6, 'Likely, not certain: found as “Leeds” in the current job, with no council word in it.'],
  ])('an employer %j (confidence %d) says it is not certain, under the council name', (matchedText, confidence, line) => {
    const root = mount(<CouncilCard card={leedsCard} match={{ matchedText, former: null, source: 'employer', confidence }} />);
    // In the header, straight after the name, styled apart; not repeated at the bottom.
    expect(seenText(root.querySelector('.cl-card__header .cl-card__caveat')!)).toBe(line);
    expect(root.querySelector('.cl-card__source')).toBeNull();
  });

  test('a certain employer match has no caveat and says where it was found at the bottom', () => {
    const root = mount(<CouncilCard card={leedsCard} match={{ matchedText: 'Leeds City Council', former: null, source: 'employer', confidence: 0.98 }} />);
    expect(root.querySelector('.cl-card__caveat')).toBeNull();
    expect(seenText(root.querySelector('.cl-card__source')!)).toBe('Found as “Leeds City Council” in the current job.');
  });

  test('a match from loose page text asks the reader to check, under the council name', () => {
    const root = mount(<CouncilCard card={leedsCard} match={{ matchedText: 'Leeds', former: null, source: 'text' }} />);
    expect(seenText(root.querySelector('.cl-card__header .cl-card__caveat')!)).toBe(
      'Not certain: found as “Leeds” in the page text, not in a job. Check it is the right council.',
    );
  });
});

describe('a card opened on an abolished council itself (popup search, issue 12)', () => {
  const harrogate = {
    ...ashfordCard,
    code: 'HAG',
    officialName: 'Harrogate Borough Council',
    parentCounty: { code: 'NYK', name: 'North Yorkshire County Council' },
    abolished: { endDate: '2023-04-01', successors: [{ code: 'NYE', name: 'North Yorkshire Council' }] },
  };

  test('says it is abolished, when, and which council replaced it', () => {
    const root = mount(<CouncilCard card={harrogate} compact />);
    expect(seenText(root.querySelector('.cl-card__header')!)).toBe('Harrogate Borough Council District council (lower tier) Abolished');
    expect(seenText(root.querySelector('.cl-notice')!)).toBe(
      'Harrogate Borough Council no longer exists: abolished 1 April 2023; now part of North Yorkshire Council. Its services are run by today’s council.',
    );
  });

  test('lists no services or spending, and its county as what it was part of', () => {
    const root = mount(<CouncilCard card={harrogate} />);
    expect(seenText(root)).not.toContain('Services it runs');
    expect(seenText(root)).not.toContain('Spending by service');
    expect(seenText(root)).not.toContain('Business case');
    expect(seenText(root)).not.toContain('on LinkedIn');
    expect(facts(root)['Was part of']).toBe('North Yorkshire County Council');
    expect(facts(root)['Part of']).toBeUndefined();
  });

  test('a current council shows neither the badge nor the notice', () => {
    const root = mount(<CouncilCard card={{ ...ashfordCard, abolished: null }} />);
    expect(seenText(root)).not.toContain('Abolished');
    expect(root.querySelector('.cl-notice')).toBeNull();
  });
});

describe('the role line', () => {
  test('a service lead stands out as the likely budget holder', () => {
    const root = mount(<CouncilCard card={leedsCard} role={serviceLeadRole} />);
    const role = root.querySelector('section[aria-label="Their role"]')!;
    expect(role.classList.contains('cl-role--lead')).toBe(true);
    expect(seenText(role)).toBe(
      'Head of Commissioning, Adults and Health Likely budget holder Adult social care · Senior manager / head of service',
    );
    expect(headings(root)).toContain('h3: Head of Commissioning, Adults and Health');
  });

  test('a head of housing at a county: the card says the county does not run it, with no budget-holder badge', () => {
    const root = mount(<CouncilCard card={kentCard} role={describeRole('Head of Housing')} match={{ matchedText: 'Kent County Council', former: null, source: 'employer', confidence: 0.98 }} />);
    const text = seenText(root);
    expect(text).toContain("Kent County Council doesn't run Housing and homelessness; in Kent the district councils do.");
    expect(text).not.toContain('Likely budget holder');
  });

  test('anyone else gets the guidance without the badge', () => {
    const root = mount(<CouncilCard card={ashfordCard} role={procurementRole} />);
    const role = root.querySelector('section[aria-label="Their role"]')!;
    expect(role.classList.contains('cl-role--lead')).toBe(false);
    expect(seenText(role)).not.toContain('Likely budget holder');
    expect(seenText(role)).toContain('Procurement and commercial · Manager');
    expect(seenText(role)).toContain('Procurement: rarely the budget holder for service redesign');
  });

  test('an unclassified title shows just the title and guidance', () => {
    const role = { title: 'Team Assistant', serviceGroup: null, seniority: null, isServiceLead: false, guidance: '' };
    const root = mount(<CouncilCard card={leedsCard} role={role} />);
    expect(seenText(root.querySelector('.cl-role')!)).toBe('Team Assistant');
  });

  test('no role, no role line', () => {
    const root = mount(<CouncilCard card={leedsCard} />);
    expect(root.querySelector('.cl-role')).toBeNull();
  });
});

test('previously at lists the other councils', () => {
  const previously = [
    { code: 'BRD', name: 'City of Bradford Metropolitan District Council' },
    { code: 'KIR', name: 'Kirklees Council' },
  ];
  const root = mount(<CouncilCard card={leedsCard} previously={previously} />);
  expect(seenText(root.querySelector('.cl-previously')!)).toBe(
    'Previously at: City of Bradford Metropolitan District Council, Kirklees Council',
  );
  expect(namedList(root, 'Previously at:')).toEqual(['City of Bradford Metropolitan District Council,', 'Kirklees Council']);
});

test('previously at names a former council as it was, with what it is now', () => {
  const previously = [
    { code: 'HAG', name: 'Harrogate Borough Council', successors: [{ code: 'NYE', name: 'North Yorkshire Council' }] },
    {
      code: 'NTH',
      name: 'Northamptonshire County Council',
      successors: [
        { code: 'NNT', name: 'North Northamptonshire Council' },
        { code: 'WNT', name: 'West Northamptonshire Council' },
      ],
    },
    { code: 'KIR', name: 'Kirklees Council' },
  ];
  const root = mount(<CouncilCard card={leedsCard} previously={previously} />);
  expect(namedList(root, 'Previously at:')).toEqual([
    'Harrogate Borough Council (now part of North Yorkshire Council),',
    'Northamptonshire County Council (now split between North Northamptonshire Council and West Northamptonshire Council),',
    'Kirklees Council',
  ]);
});

describe('layout', () => {
  test('services start folded in the panel and when compact (issue 12); the summary toggles them', () => {
    for (const root of [mount(<CouncilCard card={ashfordCard} />), mount(<CouncilCard card={ashfordCard} compact />)]) {
      const details = root.querySelector('details')!;
      expect(details.open).toBe(false);
      click(details.querySelector('summary')!);
      expect(details.open).toBe(true);
    }
  });

  test.each([
    ['Head of Waste Services', 'waste', 'Runs part of', 'runs part of Waste and street cleansing'],
    ['Director of Adult Social Care', 'adult-social-care', 'Provided by Kent County Council', 'does not run Adult social care'],
    ['Head of Housing', 'housing', 'Runs all of', 'runs Housing and homelessness'],
  ])('a %s: their service leads its list, marked, and the folded summary says what the council does about it', (title, id, list, said) => {
    const role = describeRole(title);
    expect(role.serviceGroup?.id).toBe(id);
    const root = mount(<CouncilCard card={ashfordCard} role={role} />);
    expect(seenText(servicesSummary(root)!)).toBe(`Services it runs (15) · ${said}`);
    const first = namedList(root, list)[0]!;
    expect(first.startsWith(`${role.serviceGroup!.label} (their service)`)).toBe(true);
    expect(root.querySelectorAll('.cl-services__item--focus')).toHaveLength(1);
  });

  test('heading levels follow the host outline', () => {
    const root = mount(<CouncilCard card={leedsCard} role={serviceLeadRole} headingLevel={1} />);
    expect(headings(root)).toEqual(['h1: Leeds City Council', 'h2: Head of Commissioning, Adults and Health']);
  });
});
