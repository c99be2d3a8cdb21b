import { describe, expect, test } from 'vitest';
import { contractsFinderNotice } from '@/lib/sites/contracts-finder-notice';
import { ContractsFinderNoticeFactsSchema, type ContractsFinderNoticeFacts } from '@/lib/sites/types';
import { firstMatching, loadFixture, parseHtml } from './fixture';

const notice = (id: string, suffix = '') => new URL(`https://www.contractsfinder.service.gov.uk/Notice/${id}${suffix}`);

function extract(doc: ParentNode, url: URL): ContractsFinderNoticeFacts | null {
  const facts = contractsFinderNotice.extract(doc, url);
  return facts === null ? null : ContractsFinderNoticeFactsSchema.parse(facts);
}

interface Case {
  fixture: string;
  url: URL;
  expected: ContractsFinderNoticeFacts;
}

const base = { kind: 'contracts-finder-notice', site: 'contracts-finder', readVia: 'structure', ocid: null, noticeId: null, text: '' } as const;

// Expected facts written by hand from the fixtures.
const cases: Case[] = [
  {
    // A buyer that is not a council (NHS England): the panel's "not a council" case.
    fixture: 'contracts-finder--award-nhs-adalimumab.html',
    url: notice('05c544dc-9e6f-452d-87c1-bf00f3ce73ac'),
    expected: {
      ...base,
      pageId: '05c544dc-9e6f-452d-87c1-bf00f3ce73ac',
      title: 'NHS National Framework Agreement for the Supply of Adalimumab',
      buyer: { name: 'NHS England', address: '2ND FLOOR, RUTLAND HOUSE, RUNCORN, WA7 2ES, England' },
      stage: 'award',
      status: 'Awarded contract',
      deadline: '2018-10-22',
      publishedAt: '2019-05-07',
      // "Total value of contract" under Award information, not the summary's £164,000,000 estimate.
      value: { amount: 159_371_013, currency: 'GBP' },
      contractStart: '2018-12-01',
      contractEnd: '2019-11-30',
      cpv: [{ code: '33600000', label: 'Pharmaceutical products' }],
      suppliers: [
        { name: 'Abbvie Ltd', companiesHouse: '08004972' },
        { name: 'Amgen Ltd', companiesHouse: '02354269' },
        { name: 'Biogen Idec UK Limited', companiesHouse: '01497267' },
        { name: 'Mylan', companiesHouse: '01558756' }, // printed "1558756"
        { name: 'Sandoz Ltd', companiesHouse: '01547204' },
      ],
      location: 'North East, North West, Yorkshire and the Humber, East Midlands, West Midlands, East of England, London, South East, South West',
    },
  },
  {
    fixture: 'contracts-finder--tender-north-yorkshire-retrofit.html',
    url: notice('fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38'),
    expected: {
      ...base,
      pageId: 'fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38',
      title: 'Building Retrofit & Refurbishment/Improvement Works Framework',
      buyer: { name: 'The North Yorkshire Council', address: 'White Rose House(2nd Floor), Northallerton Business Park, Thurston Road, Northallerton, DL6 2NA, England' },
      stage: 'tender',
      status: 'Open opportunity',
      deadline: '2025-02-26T12:00',
      publishedAt: '2025-01-23',
      value: { amount: 300_000_000, currency: 'GBP' },
      contractStart: '2025-04-01',
      contractEnd: '2029-03-31',
      cpv: [{ code: '45453100', label: 'Refurbishment work' }],
      suppliers: [],
      location: 'Yorkshire and the Humber',
    },
  },
  {
    fixture: 'contracts-finder--planning-lincolnshire-send-transport.html',
    url: notice('f4dd4a6d-e118-4d6c-a9e2-29efe07acd44'),
    expected: {
      ...base,
      pageId: 'f4dd4a6d-e118-4d6c-a9e2-29efe07acd44',
      title: 'School / College Transport - SEND Schools - TAXI- DPS000119',
      buyer: { name: 'Lincolnshire County Council', address: 'County Offices, Newland, Lincoln, LN1 1YL, United Kingdom' },
      stage: 'planning',
      status: 'Future opportunity',
      deadline: null,
      publishedAt: '2025-01-23',
      value: { amount: 213_750, currency: 'GBP' }, // "£26,410 to £213,750": the top of the range
      contractStart: '2025-02-24',
      contractEnd: '2030-07-31',
      cpv: [
        { code: '60120000', label: 'Taxi services' },
        { code: '60140000', label: 'Non-scheduled passenger transport' },
        { code: '60130000', label: 'Special-purpose road passenger-transport services' },
        { code: '60170000', label: 'Hire of passenger transport vehicles with driver' },
        { code: '60112000', label: 'Public road transport services' },
      ],
      suppliers: [],
      location: 'England',
    },
  },
];

describe.each(cases)('$fixture', ({ fixture, url, expected }) => {
  const doc = loadFixture('notices', fixture, url.href);

  test('the anchor resolves to the title', () => {
    expect(firstMatching(doc, contractsFinderNotice.anchor)).toBe('h1.govuk-heading-l');
  });

  test('extract() reads the facts written by hand', () => {
    expect(extract(doc, url)).toEqual(expected);
  });

  test('the page identity is the URL uuid, whatever its case or query', () => {
    expect(contractsFinderNotice.pageIdFromUrl(url)).toBe(expected.pageId);
    const upper = notice(expected.pageId.toUpperCase(), '?origin=SearchResults&p=1');
    expect(extract(doc, upper)).toEqual(expected);
  });

  test('a URL naming another notice gets null (the page shows a different notice)', () => {
    expect(extract(doc, notice('00000000-0000-4000-8000-000000000000'))).toBeNull();
  });

  test('no personal contact details are read', () => {
    const json = JSON.stringify(extract(doc, url));
    expect(json).not.toMatch(/@|Contact name|Telephone|noonan/i);
  });
});

describe('page identity', () => {
  test.each([
    ['https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac', '05c544dc-9e6f-452d-87c1-bf00f3ce73ac'],
    ['https://www.contractsfinder.service.gov.uk/Notice/05C544DC-9E6F-452D-87C1-BF00F3CE73AC/', '05c544dc-9e6f-452d-87c1-bf00f3ce73ac'],
    ['https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac?origin=SearchResults&p=1', '05c544dc-9e6f-452d-87c1-bf00f3ce73ac'],
    ['https://www.contractsfinder.service.gov.uk/Notice/Attachment/ffbe8b95-a284-4084-acc4-296517352a0b', null],
    ['https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac/extra', null],
    ['https://www.contractsfinder.service.gov.uk/Notice/not-a-uuid', null],
    ['https://www.contractsfinder.service.gov.uk/Search/Results', null],
    ['https://www.contractsfinder.service.gov.uk/', null],
    ['https://contractsfinder.service.gov.uk.evil.example/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac', null],
    ['https://www.find-tender.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac', null],
  ])('%s -> %s', (href, expected) => {
    expect(contractsFinderNotice.pageIdFromUrl(new URL(href))).toBe(expected);
    expect(contractsFinderNotice.isPage(new URL(href))).toBe(expected !== null);
  });
});

describe('reading states', () => {
  const url = notice('fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38');
  const load = () => loadFixture('notices', 'contracts-finder--tender-north-yorkshire-retrofit.html', url.href);

  test('an empty page is not read', () => {
    expect(extract(parseHtml('<div id="all-content-wrapper"> </div>'), url)).toBeNull();
    expect(extract(parseHtml('<p>Service unavailable</p>'), url)).toBeNull();
  });

  test('without the buyer heading it keeps what it read and hands over the visible text', () => {
    const doc = load();
    doc.querySelector('h2.breadcrumb-description')?.remove();
    const facts = extract(doc, url);
    expect(facts).toMatchObject({ readVia: 'text', buyer: null, title: 'Building Retrofit & Refurbishment/Improvement Works Framework', deadline: '2025-02-26T12:00' });
    expect(facts?.text).toContain('In Close Partnership with North Yorkshire Council');
    // The right column's duplicate "Closing:" line is left out.
    expect(facts?.text.match(/Closing: 26 February 2025/g)).toHaveLength(1);
  });

  test('unreadable values become nulls, never an exception', () => {
    const doc = load();
    const setField = (label: string, value: string) => {
      const h4 = [...doc.querySelectorAll('h4')].find((h) => h.textContent?.trim() === label);
      const p = h4?.nextElementSibling;
      if (p) p.textContent = value;
    };
    setField('Closing date', 'To be confirmed');
    setField('Value of contract', 'Not disclosed');
    setField('Contract start date', '31 February 2025');
    doc.querySelector('#content-block-left')?.remove();
    expect(extract(doc, url)).toMatchObject({ deadline: null, value: null, contractStart: null, stage: null, status: null, publishedAt: '2025-01-23' });
  });

  test.each(['h1', 'h2', 'h3', 'h4', 'strong', 'p', 'ul', 'li', 'dl', 'form', '.content-block', '#content-block-left', '#content'])(
    'removing every %s never throws and still gives valid facts',
    (selector) => {
      const doc = load();
      for (const el of doc.querySelectorAll(selector)) el.remove();
      expect(() => extract(doc, url)).not.toThrow();
    },
  );

  test('a stage or status field, when shown, wins over the stage line', () => {
    const doc = load();
    const h4 = doc.createElement('h4');
    h4.innerHTML = '<strong>Procurement stage</strong>';
    const p = doc.createElement('p');
    p.textContent = 'Awarded contract';
    doc.querySelector('.content-block h3')?.after(h4, p);
    expect(extract(doc, url)).toMatchObject({ stage: 'award', status: 'Awarded contract' });
  });
});
