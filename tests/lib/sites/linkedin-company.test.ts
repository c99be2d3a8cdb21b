import { describe, expect, test } from 'vitest';
import { linkedInCompany } from '@/lib/sites/linkedin-company';
import { LinkedInCompanyFactsSchema, type LinkedInCompanyFacts } from '@/lib/sites/types';
import { firstMatching, loadFixture, parseHtml } from './fixture';

const company = (slug: string, path = '') => new URL(`https://www.linkedin.com/company/${slug}/${path}`);

function extract(doc: ParentNode, url: URL): LinkedInCompanyFacts | null {
  const facts = linkedInCompany.extract(doc, url);
  return facts === null ? null : LinkedInCompanyFactsSchema.parse(facts);
}

interface Case {
  fixture: string;
  url: URL;
  anchor: string;
  expected: LinkedInCompanyFacts;
}

// Expected facts written by hand from the fixtures.
const cases: Case[] = [
  {
    fixture: 'company-classic--leeds-city-council.html',
    url: company('leeds-city-council', 'about/'),
    anchor: 'h1.org-top-card-summary__title',
    expected: {
      kind: 'linkedin-company',
      pageId: 'leeds-city-council',
      readVia: 'classic',
      companyName: 'Leeds City Council',
      industry: 'Government Administration',
      text: '',
    },
  },
  {
    fixture: 'company-sdui--kent-county-council.html',
    url: company('kent-county-council'),
    anchor: '[componentkey$="Topcard"]:not([componentkey^="com.linkedin.sdui.profile"])',
    expected: {
      kind: 'linkedin-company',
      pageId: 'kent-county-council',
      readVia: 'sdui',
      companyName: 'Kent County Council',
      industry: 'Government Administration',
      text: '',
    },
  },
];

describe.each(cases)('$fixture', ({ fixture, url, anchor, expected }) => {
  const doc = loadFixture('linkedin', fixture, url.href);

  test('the anchor resolves to the layout it is', () => {
    expect(firstMatching(doc, linkedInCompany.anchor)).toBe(anchor);
  });

  test('extract() reads the facts written by hand', () => {
    expect(extract(doc, url)).toEqual(expected);
  });

  test('every tab of the same company reads the same', () => {
    for (const tab of ['', 'about/', 'people/?facetGeoRegion=102257491', 'posts/?feedView=all']) {
      expect(extract(doc, company(expected.pageId, tab))).toEqual(expected);
    }
  });

  test('a URL naming another company gets null (stale DOM after SPA navigation)', () => {
    expect(extract(doc, company('medway-council'))).toBeNull();
  });
});

describe('page identity', () => {
  test.each([
    ['https://www.linkedin.com/company/leeds-city-council', 'leeds-city-council'],
    ['https://www.linkedin.com/company/Kent-County-Council/about/', 'kent-county-council'],
    ['https://www.linkedin.com/company/1234567/', '1234567'],
    ['https://www.linkedin.com/company/caf%C3%A9-council/', 'café-council'],
    ['https://www.linkedin.com/company/leeds-city-council/admin/dashboard/', null],
    ['https://www.linkedin.com/company/setup/new/', null],
    ['https://www.linkedin.com/company/', null],
  ])('%s -> %s', (href, expected) => {
    expect(linkedInCompany.pageIdFromUrl(new URL(href))).toBe(expected);
  });
});

describe('reading states', () => {
  test('the SPA shell with an empty main is not read yet', () => {
    expect(extract(parseHtml('<main aria-label="Main content"></main>'), company('leeds-city-council'))).toBeNull();
  });

  test('an unrecognised layout falls back to the visible text of main', () => {
    const doc = parseHtml(`<main><div class="x1"><div class="x2">Wakefield Council</div><div>Government Administration · 19K followers</div></div></main>
      <aside><div>Pages people also viewed</div><div>Leeds City Council</div></aside>`);
    expect(extract(doc, company('wakefield-council'))).toEqual({
      kind: 'linkedin-company',
      pageId: 'wakefield-council',
      readVia: 'text',
      companyName: null,
      industry: null,
      text: 'Wakefield Council\nGovernment Administration · 19K followers',
    });
  });

  test('an SDUI info line in one paragraph still yields the industry', () => {
    const doc = parseHtml(`<main><section componentkey="com.linkedin.sdui.organization.card.ref42Topcard">
      <h2>Medway Council</h2><p>Serving Medway's communities</p>
      <p>Government Administration · Chatham, Kent · 21K followers</p></section></main>`);
    expect(extract(doc, company('medway-council'))).toMatchObject({ readVia: 'sdui', companyName: 'Medway Council', industry: 'Government Administration' });
  });
});
