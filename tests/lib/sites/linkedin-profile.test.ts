import { describe, expect, test } from 'vitest';
import { linkedInProfile } from '@/lib/sites/linkedin-profile';
import { LinkedInProfileFactsSchema, type LinkedInProfileFacts } from '@/lib/sites/types';
import { MAIN_TEXT_CAP } from '@/lib/sites/visible-text';
import { firstMatching, loadFixture, parseHtml } from './fixture';

const profile = (slug: string, path = '') => new URL(`https://www.linkedin.com/in/${slug}/${path}`);

function extract(doc: ParentNode, url: URL): LinkedInProfileFacts | null {
  const facts = linkedInProfile.extract(doc, url);
  return facts === null ? null : LinkedInProfileFactsSchema.parse(facts);
}

interface Case {
  fixture: string;
  url: URL;
  /** The anchor selector that should match first: the layout's own, not the `main` fallback. */
  anchor: string;
  expected: LinkedInProfileFacts;
}

// Expected facts written by hand from the fixtures.
const cases: Case[] = [
  {
    fixture: 'profile-classic--priya-sharma.html',
    url: profile('priya-sharma'),
    anchor: 'h1.text-heading-xlarge',
    expected: {
      kind: 'linkedin-profile',
      pageId: 'priya-sharma',
      readVia: 'classic',
      name: 'Priya Sharma',
      headline: 'Head of Adult Social Care at Leeds City Council | Integrated care, safeguarding and prevention',
      location: null,
      employer: 'Leeds City Council',
      title: 'Head of Adult Social Care',
      experience: [
        { employer: 'Leeds City Council', title: 'Head of Adult Social Care', current: true, dates: 'Mar 2021 - Present · 5 yrs 9 mos' },
        { employer: 'Kirklees Council', title: 'Service Manager, Adult Social Care', current: false, dates: 'Apr 2017 - Feb 2021 · 3 yrs 11 mos' },
        { employer: 'Kirklees Council', title: 'Senior Social Worker', current: false, dates: 'Nov 2014 - Mar 2017 · 2 yrs 5 mos' },
        { employer: 'Northcare Quality Partners Ltd', title: 'Care Quality Consultant', current: false, dates: 'Sep 2011 - Oct 2014 · 3 yrs 2 mos' },
      ],
      text: '',
    },
  },
  {
    fixture: 'profile-classic--sam-hughes.html',
    url: profile('sam-hughes'),
    anchor: 'h1.text-heading-xlarge',
    expected: {
      kind: 'linkedin-profile',
      pageId: 'sam-hughes',
      readVia: 'classic',
      name: 'Sam Hughes',
      headline: 'Senior Product Manager at Brightwave Software · Planning and building-control software for local government',
      location: null,
      employer: 'Brightwave Software',
      title: 'Senior Product Manager',
      experience: [
        { employer: 'Brightwave Software', title: 'Senior Product Manager', current: true, dates: 'Jun 2022 - Present · 4 yrs 6 mos' },
        { employer: 'Ledgerline Systems Ltd', title: 'Product Manager', current: false, dates: 'Jan 2019 - May 2022 · 3 yrs 5 mos' },
        { employer: 'Calder Analytics', title: 'Graduate Business Analyst', current: false, dates: 'Sep 2016 - Dec 2018 · 2 yrs 4 mos' },
      ],
      text: '',
    },
  },
  {
    fixture: 'profile-sdui--tom-okafor.html',
    url: profile('tom-okafor'),
    anchor: '[componentkey$="Topcard"]',
    expected: {
      kind: 'linkedin-profile',
      pageId: 'tom-okafor',
      readVia: 'sdui',
      name: 'Tom Okafor',
      headline: 'Assistant Director, Highways & Transport at Kent County Council',
      location: 'Maidstone, England, United Kingdom',
      employer: 'Kent County Council',
      title: 'Assistant Director, Highways & Transport',
      experience: [
        { employer: 'Kent County Council', title: 'Assistant Director, Highways & Transport', current: true, dates: 'Jan 2023 - Present · 3 yrs 11 mos' },
        { employer: 'Medway Council', title: 'Head of Transport Planning', current: false, dates: 'Apr 2018 - Dec 2022 · 4 yrs 9 mos' },
        { employer: 'Harlow & Finch Consulting Engineers', title: 'Senior Transport Engineer', current: false, dates: 'Aug 2012 - Mar 2018 · 5 yrs 8 mos' },
      ],
      text: '',
    },
  },
  {
    fixture: 'profile-sdui--grace-lee.html',
    url: profile('grace-lee'),
    anchor: '[componentkey$="Topcard"]',
    expected: {
      kind: 'linkedin-profile',
      pageId: 'grace-lee',
      readVia: 'sdui',
      name: 'Grace Lee',
      headline: 'Planning Policy Manager at Ashford Borough Council | MRTPI | Local Plans, design codes and housing delivery',
      location: 'Ashford, England, United Kingdom',
      // No "Current company" link in this top card: the employer comes from the first current entry.
      employer: 'Ashford Borough Council',
      title: 'Planning Policy Manager',
      experience: [
        { employer: 'Ashford Borough Council', title: 'Planning Policy Manager', current: true, dates: 'Jun 2022 - Present · 4 yrs 6 mos' },
        { employer: 'Ashford Borough Council', title: 'Senior Planning Officer', current: false, dates: 'Sep 2018 - Jun 2022 · 3 yrs 10 mos' },
        { employer: 'Folkestone & Hythe District Council', title: 'Planning Officer', current: false, dates: 'May 2015 - Aug 2018 · 3 yrs 4 mos' },
        { employer: 'Marsh Lane Planning', title: 'Graduate Planner', current: false, dates: 'Jun 2014 - Apr 2015 · 11 mos' },
      ],
      text: '',
    },
  },
  {
    fixture: 'profile-unknown--ali-khan.html',
    url: profile('ali-khan'),
    anchor: 'main',
    expected: {
      kind: 'linkedin-profile',
      pageId: 'ali-khan',
      readVia: 'text',
      name: null,
      headline: null,
      location: null,
      employer: null,
      title: null,
      experience: [],
      // Left out: the hidden JSON blob (Blackburn with Darwen), the promoted aside inside main
      // (Lancaster), the template (Cumbria), [hidden], visually-hidden text, svg titles, and the
      // right rail outside main (Preston, Blackpool).
      text: [
        'Ali Khan (He/Him) · 2nd',
        'Category Manager, Procurement at Lancashire County Council',
        'Preston, England, United Kingdom · Contact info',
        '277 connections',
        'Connect',
        'Message',
        'About',
        'Buyer for social care and highways frameworks. CIPS qualified.',
        'Work history',
        'Category Manager, Procurement',
        'Lancashire County Council',
        'Feb 2022 – now',
        'Procurement Officer',
        'North West Fire Control',
        '2017 – 2022',
      ].join('\n'),
    },
  },
];

describe.each(cases)('$fixture', ({ fixture, url, anchor, expected }) => {
  const doc = loadFixture('linkedin', fixture, url.href);

  test('the anchor resolves to the layout it is', () => {
    expect(firstMatching(doc, linkedInProfile.anchor)).toBe(anchor);
  });

  test('extract() reads the facts written by hand', () => {
    expect(extract(doc, url)).toEqual(expected);
  });

  test('the page identity is the URL slug', () => {
    expect(linkedInProfile.pageIdFromUrl(url)).toBe(expected.pageId);
  });

  test('a URL naming another profile gets null (stale DOM after SPA navigation)', () => {
    expect(extract(doc, profile('someone-else-9f3a'))).toBeNull();
  });

  test('the same profile under another spelling or an overlay URL still reads', () => {
    const upper = profile(expected.pageId.toUpperCase(), '?trk=people-guest');
    expect(extract(doc, upper)).toEqual(expected);
    expect(extract(doc, profile(expected.pageId, 'overlay/contact-info/'))).toEqual(expected);
  });

  test('a sub-page of the profile is not read', () => {
    expect(extract(doc, profile(expected.pageId, 'details/experience/'))).toBeNull();
  });
});

describe('page identity', () => {
  test.each([
    ['https://www.linkedin.com/in/priya-sharma', 'priya-sharma'],
    ['https://www.linkedin.com/in/Priya-Sharma/?originalSubdomain=uk', 'priya-sharma'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m-123', 'jürgen-m-123'],
    ['https://www.linkedin.com/in/J%C3%9CRGEN-M-123/', 'jürgen-m-123'],
    ['https://www.linkedin.com/in/grace-lee/fr/', 'grace-lee'],
    ['https://www.linkedin.com/in/grace-lee/zh-cn', 'grace-lee'],
    ['https://www.linkedin.com/in/ali-khan/overlay/contact-info/', 'ali-khan'],
    ['https://www.linkedin.com/in/priya-sharma/details/experience/', null],
    ['https://www.linkedin.com/in/priya-sharma/recent-activity/all/', null],
    ['https://www.linkedin.com/in/priya-sharma/overlay/', null],
    ['https://www.linkedin.com/in/%E0%A4%A', null],
    ['https://www.linkedin.com/in/', null],
  ])('%s -> %s', (href, expected) => {
    expect(linkedInProfile.pageIdFromUrl(new URL(href))).toBe(expected);
  });

  test('a percent-encoded slug agrees with the DOM links that spell it the same way', () => {
    const doc = parseHtml(`<main>
      <div data-view-name="profile-top-card"><h2>Jürgen Müller</h2>
        <a aria-label="Current company: Sevenoaks District Council" href="/company/sevenoaks-district-council/">Sevenoaks District Council</a>
        <a href="/in/j%C3%BCrgen-m-123/overlay/contact-info/">Contact info</a></div></main>`);
    const facts = extract(doc, new URL('https://www.linkedin.com/in/J%C3%BCrgen-M-123'));
    expect(facts).toMatchObject({ pageId: 'jürgen-m-123', readVia: 'sdui', name: 'Jürgen Müller', employer: 'Sevenoaks District Council' });
  });
});

describe('reading states', () => {
  test('the SPA shell with an empty main is not read yet', () => {
    const doc = parseHtml('<header id="global-nav"><a href="/feed/">Home</a></header><main id="main" aria-label="Main content"><div class="scaffold-skeleton"></div></main>');
    expect(extract(doc, profile('priya-sharma'))).toBeNull();
  });

  test('a page without a main landmark is not read', () => {
    const doc = parseHtml('<div>Head of Finance at Leeds City Council</div>');
    expect(extract(doc, profile('priya-sharma'))).toBeNull();
  });

  test('a recognised layout without an employer keeps what it read and hands over the text', () => {
    const doc = loadFixture('linkedin', 'profile-classic--priya-sharma.html');
    doc.querySelector('#experience')?.closest('section')?.remove();
    doc.querySelector('[aria-label^="Current company"]')?.remove();
    const facts = extract(doc, profile('priya-sharma'));
    expect(facts).toMatchObject({
      readVia: 'text',
      name: 'Priya Sharma',
      headline: 'Head of Adult Social Care at Leeds City Council | Integrated care, safeguarding and prevention',
      employer: null,
      title: null,
      experience: [],
    });
    expect(facts?.text).toContain('Head of Adult Social Care at Leeds City Council');
    // The classic layout's screen-reader duplicates are not read twice, and the right rail is not read.
    expect(facts?.text.match(/Registered social worker/g)).toHaveLength(1);
    expect(facts?.text).not.toContain('Bradford Council');
  });

  test('classic grouped roles still read when the per-role entity markers are gone', () => {
    const doc = loadFixture('linkedin', 'profile-classic--priya-sharma.html');
    for (const el of doc.querySelectorAll('[data-view-name]')) el.removeAttribute('data-view-name');
    expect(extract(doc, profile('priya-sharma'))).toEqual(cases[0]?.expected);
  });

  test('the fallback text is capped', () => {
    const line = 'Works with Leeds City Council on adult social care commissioning. ';
    const doc = parseHtml(`<main>${`<p>${line.repeat(20)}</p>`.repeat(100)}</main>`);
    const facts = extract(doc, profile('priya-sharma'));
    expect(facts?.readVia).toBe('text');
    expect(facts?.text).toHaveLength(MAIN_TEXT_CAP);
  });

  test('the right rail never becomes the employer', () => {
    const doc = loadFixture('linkedin', 'profile-classic--sam-hughes.html');
    const facts = extract(doc, profile('sam-hughes'));
    const employers = facts?.experience.map((e) => e.employer);
    expect(employers).not.toContain('Sheffield City Council');
    expect(facts?.employer).toBe('Brightwave Software');
  });
});
