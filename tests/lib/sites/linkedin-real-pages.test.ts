import { describe, expect, test } from 'vitest';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { resolvePageContext } from '@/lib/page-context';
import { describeRole } from '@/lib/roles/classify-role';
import { linkedInCompany } from '@/lib/sites/linkedin-company';
import { linkedInProfile } from '@/lib/sites/linkedin-profile';
import { LinkedInCompanyFactsSchema, LinkedInProfileFactsSchema, type LinkedInProfileFacts } from '@/lib/sites/types';
import { councilsFile, register, services } from '../../support/public-data';
import { loadFixture, parseHtml } from './fixture';

// Fixtures derived from the real saved pages in ../shared/linkedin-real/ (each says which in its
// first line), with the employer swapped for a council. Expected facts written by hand.

const profileUrl = (slug: string) => new URL(`https://www.linkedin.com/in/${slug}/`);
const deps = { register, services, resolver: createCouncilIndex(councilsFile), classifyTitle: describeRole };

function read(fixture: string, slug: string): LinkedInProfileFacts {
  return LinkedInProfileFactsSchema.parse(linkedInProfile.extract(loadFixture('linkedin', fixture), profileUrl(slug)));
}

interface Case {
  fixture: string;
  slug: string;
  expected: Omit<LinkedInProfileFacts, 'kind' | 'pageId' | 'text' | 'experience'>;
  /** How many experience entries, and which are current. */
  entries: number;
  current: string[];
  /** What the card shows: council code, service group, seniority. */
  card: { code: string; group: string; seniority: string };
}

const cases: Case[] = [
  {
    fixture: 'profile-sdui-2026--jo-harwood-7a8b9c.html',
    slug: 'jo-harwood-7a8b9c',
    // No Experience card: the employer is the "Company · School" line's company, the title the headline's.
    expected: {
      readVia: 'sdui',
      name: 'Jo Harwood',
      headline: 'Senior Planning Officer @ Bristol City Council, UK',
      location: 'Bristol, England, United Kingdom',
      employer: 'Bristol City Council',
      title: 'Senior Planning Officer',
    },
    entries: 0,
    current: [],
    card: { code: 'BST', group: 'planning-regeneration', seniority: 'officer' },
  },
  {
    fixture: 'profile-sdui-2026--nadia-hussain-0d1e2f.html',
    slug: 'nadia-hussain-0d1e2f',
    // The headline names "Manchester City Council Public Health", the company line "Manchester City Council".
    expected: {
      readVia: 'sdui',
      name: 'Nadia Hussain',
      headline:
        'Public Health Commissioning Manager at Manchester City Council Public Health | FFPH | Sexual health, substance misuse and healthy weight | Commissioning, contracts and outcomes',
      location: 'Manchester, England, United Kingdom',
      employer: 'Manchester City Council',
      title: 'Public Health Commissioning Manager',
    },
    entries: 0,
    current: [],
    card: { code: 'MAN', group: 'public-health', seniority: 'manager' },
  },
  {
    fixture: 'profile-classic-hashed--morgan-ellis-1a2b3c.html',
    slug: 'morgan-ellis-1a2b3c',
    expected: {
      readVia: 'classic',
      name: 'Morgan Ellis',
      headline: 'Head of Housing Services at Sheffield City Council',
      location: null,
      employer: 'Sheffield City Council',
      title: 'Head of Housing Services',
    },
    // Two grouped employers (two roles each) among seven roles.
    entries: 7,
    current: ['Sheffield City Council'],
    card: { code: 'SHF', group: 'housing', seniority: 'senior-manager' },
  },
  {
    fixture: 'profile-classic-hashed--alex-trewin-4d5e6f.html',
    slug: 'alex-trewin-4d5e6f',
    // Three current positions; the top card's current company says which one the card is about,
    // and the headline names another.
    expected: {
      readVia: 'classic',
      name: 'Alex Trewin',
      headline: 'Board member of Tamar Community Energy Ltd',
      location: null,
      employer: 'Cornwall Council',
      title: 'Service Manager, Waste and Recycling',
    },
    entries: 5,
    current: ['Cornwall Council', 'Kernow Reuse Partnership CIC', 'Tamar Community Energy Ltd'],
    card: { code: 'CON', group: 'waste', seniority: 'manager' },
  },
  {
    fixture: 'profile-public-2026--helen-marsh.html',
    slug: 'helen-marsh',
    expected: {
      readVia: 'public',
      name: 'Helen Marsh',
      headline: null,
      location: null,
      employer: 'Essex County Council',
      title: "Director of Children's Services",
    },
    entries: 3,
    current: ['Essex County Council', 'Colne Valley Youth Trust', 'Essex Safeguarding Children Partnership'],
    card: { code: 'ESS', group: 'childrens-social-care', seniority: 'chief-officer' },
  },
];

describe.each(cases)('$fixture', ({ fixture, slug, expected, entries, current, card }) => {
  test('reads the council employer and the title from the structure', () => {
    const facts = read(fixture, slug);
    expect(facts).toMatchObject({ kind: 'linkedin-profile', pageId: slug, text: '', ...expected });
    expect(facts.experience).toHaveLength(entries);
    expect(facts.experience.filter((e) => e.current).map((e) => e.employer)).toEqual(current);
  });

  test('the card shows the council from the employer, with the service group and seniority', () => {
    const ctx = resolvePageContext(read(fixture, slug), 'linkedin-profile', deps);
    expect(ctx.status).toBe('council');
    expect(ctx.card?.code).toBe(card.code);
    expect(ctx.match?.source).toBe('employer');
    expect(ctx.role?.serviceGroup?.id).toBe(card.group);
    expect(ctx.role?.seniority?.id).toBe(card.seniority);
  });

  test('with the employer swapped back to a company, no council', () => {
    const facts = read(fixture, slug);
    const employer = facts.employer ?? '';
    const swapped = { ...facts, employer: 'Brightwave Software Ltd', experience: facts.experience.map((e) => (e.employer === employer ? { ...e, employer: 'Brightwave Software Ltd' } : e)) };
    const ctx = resolvePageContext(swapped, 'linkedin-profile', deps);
    expect(ctx.card).toBeNull();
  });
});

test('classic entries carry title, employer and dates, grouped roles under their employer', () => {
  const facts = read('profile-classic-hashed--morgan-ellis-1a2b3c.html', 'morgan-ellis-1a2b3c');
  expect(facts.experience.slice(3, 5)).toEqual([
    { employer: 'Brightside Homes Ltd', title: 'General Manager', current: false, dates: 'Jan 2014 - Dec 2017 · 4 yrs' },
    { employer: 'Brightside Homes Ltd', title: 'Project Lead', current: false, dates: 'Feb 2012 - Dec 2013 · 1 yr 11 mos' },
  ]);
});

describe('2026 server-driven top card', () => {
  const fixture = 'profile-sdui-2026--jo-harwood-7a8b9c.html';
  const slug = 'jo-harwood-7a8b9c';

  test('the Experience card loading later: its current entry gives the title', () => {
    const doc = loadFixture('linkedin', fixture);
    const before = linkedInProfile.extract(doc, profileUrl(slug));
    expect(before?.title).toBe('Senior Planning Officer');
    // The lazily loaded card, in the shape the 2026-11 SDUI fixtures use (profile-sdui--tom-okafor.html).
    const card = doc.createElement('section');
    card.setAttribute('componentkey', 'com.linkedin.sdui.profile.card.refACoAAFixtureMemberJoHarwood0000000000000Experience');
    card.innerHTML = `<h2>Experience</h2><ul>
      <li componentkey="entity-collection-item-1"><p>Principal Planning Officer</p><p>Bristol City Council · Full-time</p><p>Feb 2025 - Present · 1 yr 10 mos</p></li>
      <li componentkey="entity-collection-item-2"><p>Planning Officer</p><p>South Gloucestershire Council</p><p>2019 - 2025 · 6 yrs</p></li></ul>`;
    doc.querySelector('[componentkey$="Topcard"]')!.parentElement!.after(card);
    const after = linkedInProfile.extract(doc, profileUrl(slug));
    expect(after).toMatchObject({ readVia: 'sdui', employer: 'Bristol City Council', title: 'Principal Planning Officer' });
    expect(after?.experience.map((e) => e.employer)).toEqual(['Bristol City Council', 'South Gloucestershire Council']);
  });

  test('a top card naming only a school gives no employer from it', () => {
    const doc = loadFixture('linkedin', fixture);
    const buttons = doc.querySelectorAll('[componentkey$="Topcard"] [role="button"]');
    buttons[0]!.remove();
    for (const p of doc.querySelectorAll('[componentkey$="Topcard"] p')) {
      if (p.textContent === 'Bristol City Council · University of the West of England') p.textContent = 'University of the West of England';
    }
    const facts = linkedInProfile.extract(doc, profileUrl(slug));
    expect(facts).toMatchObject({ readVia: 'text', employer: null, title: null, name: 'Jo Harwood' });
    // The text fallback still has the headline, which names the council.
    expect(facts?.text).toContain('Senior Planning Officer @ Bristol City Council, UK');
  });

  test('the headline gives no title when it names another employer', () => {
    const doc = loadFixture('linkedin', fixture);
    for (const p of doc.querySelectorAll('[componentkey$="Topcard"] p')) {
      if (p.textContent === 'Senior Planning Officer @ Bristol City Council, UK') p.textContent = 'Senior Planning Officer @ North Somerset Council';
    }
    expect(linkedInProfile.extract(doc, profileUrl(slug))).toMatchObject({ employer: 'Bristol City Council', title: null });
  });

  test('a stale top card of another member reads as nothing', () => {
    expect(linkedInProfile.extract(loadFixture('linkedin', fixture), profileUrl('someone-else'))).toBeNull();
  });
});

test('classic: an Experience card that a parser put outside main is still read', () => {
  // Mis-nested end tags (the Activity card of profile-classic-hashed-2024-07--a.html) end main
  // early in happy-dom's parser, though not in Chromium's.
  const html = `<!DOCTYPE html><html><body><main><section><h1 class="text-heading-xlarge">Morgan Ellis</h1>
    <div class="text-body-medium break-words">Head of Housing Services at Sheffield City Council</div></section>
    <section><div><li>post</div></li></section></main>
    <section><div id="experience"></div><ul><li class="artdeco-list__item"><div data-view-name="profile-component-entity">
      <span aria-hidden="true">Head of Housing Services</span><span aria-hidden="true">Sheffield City Council · Full-time</span>
      <span aria-hidden="true">Jul 2021 - Present · 3 yrs 1 mo</span></div></li></ul></section></body></html>`;
  const facts = linkedInProfile.extract(parseHtml(html), profileUrl('morgan-ellis'));
  expect(facts).toMatchObject({ readVia: 'classic', employer: 'Sheffield City Council', title: 'Head of Housing Services' });
});

describe('logged-out public profile', () => {
  test('JSON-LD alone, without the Experience section', () => {
    const doc = loadFixture('linkedin', 'profile-public-2026--helen-marsh.html');
    doc.querySelector('section[data-section="experience"]')!.remove();
    expect(linkedInProfile.extract(doc, profileUrl('helen-marsh'))).toMatchObject({
      readVia: 'public',
      employer: 'Essex County Council',
      title: "Director of Children's Services",
      experience: [],
    });
  });

  test('bad JSON-LD is ignored, and the Experience section still reads', () => {
    const doc = loadFixture('linkedin', 'profile-public-2026--helen-marsh.html');
    doc.querySelector('script[type="application/ld+json"]')!.textContent = '{"@type": "Person", ';
    expect(linkedInProfile.extract(doc, profileUrl('helen-marsh'))).toMatchObject({
      readVia: 'public',
      employer: 'Essex County Council',
      title: "Director of Children's Services",
    });
  });

  test('a page with neither main nor the public layout reads as nothing', () => {
    expect(linkedInProfile.extract(parseHtml('<html><body><p>Loading</p></body></html>'), profileUrl('helen-marsh'))).toBeNull();
  });
});

test('2026 company page: the council and its industry', () => {
  const doc = loadFixture('linkedin', 'company-2026--hampshire-county-council.html');
  const url = new URL('https://www.linkedin.com/company/hampshire-county-council/about/');
  const facts = LinkedInCompanyFactsSchema.parse(linkedInCompany.extract(doc, url));
  expect(facts).toEqual({
    kind: 'linkedin-company',
    pageId: 'hampshire-county-council',
    readVia: 'classic',
    companyName: 'Hampshire County Council',
    industry: 'Government Administration',
    text: '',
  });
  const ctx = resolvePageContext(facts, 'linkedin-company', deps);
  expect(ctx.card?.code).toBe('HAM');
  // The page's own tabs name the company: under another company's URL it is a stale page.
  expect(linkedInCompany.extract(doc, new URL('https://www.linkedin.com/company/kent-county-council/'))).toBeNull();
});

test('a 2026 profile still in the DOM after an SPA move to a company page is not read as the company', () => {
  const doc = loadFixture('linkedin', 'profile-sdui-2026--nadia-hussain-0d1e2f.html');
  const facts = linkedInCompany.extract(doc, new URL('https://www.linkedin.com/company/hampshire-county-council/'));
  expect(facts).toMatchObject({ readVia: 'text', companyName: null });
});
