import { describe, expect, test } from 'vitest';
import { findATenderNotice, findATenderStage } from '@/lib/sites/find-a-tender-notice';
import { companiesHouseNumber, parseCpv, parseDateRange, parseMoney, parseNoticeDate } from '@/lib/sites/notice-fields';
import { FindATenderNoticeFactsSchema, type FindATenderNoticeFacts } from '@/lib/sites/types';
import { firstMatching, loadFixture, parseHtml } from './fixture';

const notice = (id: string, suffix = '') => new URL(`https://www.find-tender.service.gov.uk/Notice/${id}${suffix}`);

function extract(doc: ParentNode, url: URL): FindATenderNoticeFacts | null {
  const facts = findATenderNotice.extract(doc, url);
  return facts === null ? null : FindATenderNoticeFactsSchema.parse(facts);
}

interface Case {
  fixture: string;
  url: URL;
  expected: FindATenderNoticeFacts;
}

const base = { kind: 'find-a-tender-notice', site: 'find-a-tender', readVia: 'structure', text: '' } as const;

// Expected facts written by hand from the fixtures.
const cases: Case[] = [
  {
    // TED-form F03; a buyer that is not a council (NHS England).
    fixture: 'find-a-tender--award-nhs-adalimumab.html',
    url: notice('008624-2023'),
    expected: {
      ...base,
      pageId: '008624-2023',
      ocid: 'ocds-h6vhtk-037c6c',
      noticeId: '2023/S 000-008624',
      title: 'National Framework Agreement for Adalimumab Injection 1 April 2023',
      buyer: { name: 'NHS England', address: 'Quarry House, Quarry Hill, Leeds, LS2 7UE' },
      stage: 'award',
      status: 'F03: Contract award notice',
      deadline: null,
      publishedAt: '2023-03-24T11:45',
      value: { amount: 507_314_000, currency: 'GBP' }, // II.1.7, not V.2.4's "Total value of the contract/lot: £1"
      contractStart: null,
      contractEnd: null,
      cpv: [{ code: '33600000', label: 'Pharmaceutical products' }],
      suppliers: [
        { name: 'Amgen Ltd', companiesHouse: '02354269' }, // printed "2354269"
        { name: 'Sandoz Ltd', companiesHouse: '01547204' },
        { name: 'Biogen', companiesHouse: '01497267' },
        { name: 'Abbvie Ltd', companiesHouse: '08004972' },
        { name: 'Fresenius Kabi Limited', companiesHouse: '02182135' },
        { name: 'Celltrion Healthcare United Kingdom Limited', companiesHouse: '11685363' },
      ],
      location: 'UK - United Kingdom',
    },
  },
  {
    fixture: 'find-a-tender--tender-north-yorkshire-retrofit.html',
    url: notice('002217-2025'),
    expected: {
      ...base,
      pageId: '002217-2025',
      ocid: 'ocds-h6vhtk-04c2b7',
      noticeId: '2025/S 000-002217',
      title: 'Building Retrofit & Refurbishment/Improvement Works Framework',
      buyer: { name: 'The North Yorkshire Council', address: 'White Rose House(2nd Floor), Northallerton Business Park, Thurston Road, Northallerton, DL6 2NA' },
      stage: 'tender',
      status: 'F02: Contract notice',
      deadline: '2025-02-26T12:00', // IV.2.2 Date + Local time "12:00pm"
      publishedAt: '2025-01-23T16:42',
      value: { amount: 300_000_000, currency: 'GBP' },
      contractStart: '2025-04-01',
      contractEnd: '2029-03-31',
      cpv: [{ code: '45453100', label: 'Refurbishment work' }],
      suppliers: [],
      location: 'UKE2 - North Yorkshire',
    },
  },
  {
    fixture: 'find-a-tender--planning-north-northamptonshire-engagement.html',
    url: notice('009871-2025'),
    expected: {
      ...base,
      pageId: '009871-2025',
      ocid: 'ocds-h6vhtk-04e5a9',
      noticeId: '2025/S 000-009871',
      title: 'Provider Event - North Northamptonshire Council - Mental Health & Autism Services',
      // The organisation number line is an identifier, not part of the address.
      buyer: { name: 'North Northamptonshire Council', address: '41 Meadow Road, Kettering, NN16 8TL, United Kingdom' },
      stage: 'planning',
      status: 'UK2: Preliminary market engagement notice',
      deadline: '2025-03-21', // "Engagement deadline"
      publishedAt: '2025-03-11T10:35',
      value: null,
      contractStart: null,
      contractEnd: null,
      cpv: [{ code: '85000000', label: 'Health and social work services' }],
      suppliers: [],
      location: 'UKF25 - North Northamptonshire',
    },
  },
];

describe.each(cases)('$fixture', ({ fixture, url, expected }) => {
  const doc = loadFixture('notices', fixture, url.href);

  test('the anchor resolves to the notice view', () => {
    expect(firstMatching(doc, findATenderNotice.anchor)).toBe('main.notice-view');
  });

  test('extract() reads the facts written by hand', () => {
    expect(extract(doc, url)).toEqual(expected);
  });

  test('the page identity is the URL notice id', () => {
    expect(findATenderNotice.pageIdFromUrl(url)).toBe(expected.pageId);
    expect(extract(doc, notice(expected.pageId, '/?origin=SearchResults&p=1'))).toEqual(expected);
  });

  test('a URL naming another notice gets null (the page shows a different notice)', () => {
    expect(extract(doc, notice('000001-2020'))).toBeNull();
  });

  test('heading ids are not relied on (they change per load)', () => {
    const copy = loadFixture('notices', fixture, url.href);
    for (const el of copy.querySelectorAll('#main-content [id]')) el.setAttribute('id', `x${Math.random().toString(36).slice(2)}`);
    expect(extract(copy, url)).toEqual(expected);
  });

  test('no personal contact details are read', () => {
    expect(JSON.stringify(extract(doc, url))).not.toMatch(/@|noonan|telephone/i);
  });
});

describe('Procurement Act layouts read from heading text', () => {
  const frame = (caption: string, type: string, body: string) => `<main class="notice-view">
    <span class="govuk-caption-l">${caption}</span><h1 class="govuk-heading-l">Highways Surfacing Framework</h1>
    <div class="govuk-grid-row"><div><ul class="govuk-list"><li>Leeds City Council</li></ul>
      <p class="govuk-body-s">${type}</p><p class="govuk-body-s">Notice identifier: 2025/S 000-012345</p>
      <p class="govuk-body-s">Procurement identifier (OCID): ocds-h6vhtk-04f00d</p><p class="govuk-body-s">Published 2 May 2025, 9:05am</p></div></div>
    <div class="govuk-grid-row"><div id="main-content">${body}</div></div></main>`;

  test('a UK4 tender notice: estimated value, contract dates and submission deadline', () => {
    const doc = parseHtml(
      frame(
        'Tender',
        'UK4: Tender notice - Procurement Act 2023 - <a href="#">view information about notice types</a>',
        `<h2 class="govuk-heading-l">Scope</h2>
         <h3 class="govuk-heading-m">Total value (estimated)</h3><p class="govuk-body">£12.5m excluding VAT</p><p class="govuk-body">£15m including VAT</p>
         <h3 class="govuk-heading-m">Contract dates (estimated)</h3><p class="govuk-body">1 September 2025 to 31 August 2029</p>
         <h3 class="govuk-heading-m">CPV classifications</h3><ul class="govuk-list"><li>45233220 - Surface work for roads</li></ul>
         <h2 class="govuk-heading-l">Submission</h2>
         <h3 class="govuk-heading-m">Enquiry deadline</h3><p class="govuk-body">2 June 2025, 5pm</p>
         <h3 class="govuk-heading-m">Tender submission deadline</h3><p class="govuk-body">16 June 2025, 12pm</p>`,
      ),
    );
    expect(extract(doc, notice('012345-2025'))).toMatchObject({
      readVia: 'structure',
      buyer: { name: 'Leeds City Council', address: null },
      stage: 'tender',
      status: 'UK4: Tender notice',
      deadline: '2025-06-16T12:00',
      publishedAt: '2025-05-02T09:05',
      value: { amount: 12_500_000, currency: 'GBP' },
      contractStart: '2025-09-01',
      contractEnd: '2029-08-31',
      cpv: [{ code: '45233220', label: 'Surface work for roads' }],
    });
  });

  test('a UK6 contract award notice: suppliers with Companies House numbers', () => {
    const doc = parseHtml(
      frame(
        'Award',
        'UK6: Contract award notice - Procurement Act 2023',
        `<h2 class="govuk-heading-l">Suppliers</h2>
         <h3 class="govuk-heading-m">Tarmac Trading Limited</h3><ul class="govuk-list"><li>Companies House: 453791</li></ul><p class="govuk-body">Portland House</p>
         <h3 class="govuk-heading-m">Eurovia UK Limited</h3><h4 class="govuk-heading-s">Identifiers</h4><p class="govuk-body">Companies House: 02891624</p>
         <h2 class="govuk-heading-l">Contracting authority</h2><h3 class="govuk-heading-m">Leeds City Council</h3>
         <ul class="govuk-list"><li>Public Procurement Organisation Number: PJBN-1234-ABCD</li></ul><p class="govuk-body">Civic Hall</p><p class="govuk-body">Leeds</p><p class="govuk-body">LS1 1UR</p>`,
      ),
    );
    expect(extract(doc, notice('012345-2025'))).toMatchObject({
      stage: 'award',
      buyer: { name: 'Leeds City Council', address: 'Civic Hall, Leeds, LS1 1UR' },
      suppliers: [
        { name: 'Tarmac Trading Limited', companiesHouse: '00453791' },
        { name: 'Eurovia UK Limited', companiesHouse: '02891624' },
      ],
    });
  });
});

describe('reading states', () => {
  const url = notice('002217-2025');
  const load = () => loadFixture('notices', 'find-a-tender--tender-north-yorkshire-retrofit.html', url.href);

  test('an empty page is not read', () => {
    expect(extract(parseHtml('<main class="notice-view"></main>'), url)).toBeNull();
    expect(extract(parseHtml('<p>Service unavailable</p>'), url)).toBeNull();
  });

  test('without any buyer it keeps what it read and hands over the visible text, screen-reader copies left out', () => {
    const doc = load();
    doc.querySelector('h1 + .govuk-grid-row ul.govuk-list')?.remove();
    doc.querySelector('#contracting_authority-heading')?.parentElement?.remove();
    const facts = extract(doc, url);
    expect(facts).toMatchObject({ readVia: 'text', buyer: null, title: 'Building Retrofit & Refurbishment/Improvement Works Framework', stage: 'tender' });
    expect(facts?.text).toContain('In Close Partnership with North Yorkshire Council');
    expect(facts?.text).toContain('Section II: Object');
    expect(facts?.text).not.toContain('Section two');
    expect(facts?.text).not.toContain('PDF version'); // side menu
  });

  test('the buyer falls back to "Name and addresses" when the header list is gone', () => {
    const doc = load();
    doc.querySelector('h1 + .govuk-grid-row ul.govuk-list')?.remove();
    expect(extract(doc, url)?.buyer?.name).toBe('The North Yorkshire Council');
  });

  test.each(['h1', 'h2', 'h3', 'h4', 'h5', 'p', 'ul', 'li', 'span', '.content-block', '#main-content', '.govuk-grid-row'])(
    'removing every %s never throws and still gives valid facts',
    (selector) => {
      const doc = load();
      for (const el of doc.querySelectorAll(selector)) el.remove();
      expect(() => extract(doc, url)).not.toThrow();
    },
  );

  test('unreadable values become nulls', () => {
    const doc = parseHtml(`<main class="notice-view"><h1 class="govuk-heading-l">T</h1><div class="govuk-grid-row"><ul class="govuk-list"><li>Somewhere Council</li></ul>
      <p class="govuk-body-s">Published sometime</p><p class="govuk-body-s">X99: Mystery notice</p></div>
      <div id="main-content"><h3>Tender submission deadline</h3><p>To be confirmed</p><h3>Total value (estimated)</h3><p>Not disclosed</p></div></main>`);
    expect(extract(doc, notice('000002-2025'))).toMatchObject({ deadline: null, value: null, publishedAt: null, stage: null, status: 'X99: Mystery notice', ocid: null, noticeId: null });
  });
});

describe('page identity', () => {
  test.each([
    ['https://www.find-tender.service.gov.uk/Notice/008624-2023', '008624-2023'],
    ['https://www.find-tender.service.gov.uk/Notice/008624-2023/?origin=SearchResults', '008624-2023'],
    ['https://www.find-tender.service.gov.uk/Notice/008624-2023/PDF', null],
    ['https://www.find-tender.service.gov.uk/Notice/008624-2023/OCDS/ReleasePackage', null],
    ['https://www.find-tender.service.gov.uk/notice/008624-2023', null],
    ['https://www.find-tender.service.gov.uk/Notice/8624-2023', null],
    ['https://www.find-tender.service.gov.uk/Search/Results', null],
    ['https://find-tender.service.gov.uk.evil.example/Notice/008624-2023', null],
    ['https://www.contractsfinder.service.gov.uk/Notice/008624-2023', null],
  ])('%s -> %s', (href, expected) => {
    expect(findATenderNotice.pageIdFromUrl(new URL(href))).toBe(expected);
  });
});

describe('stages', () => {
  test.each([
    ['F01: Prior information notice', null, 'planning'],
    ['F02: Contract notice', null, 'tender'],
    ['F03: Contract award notice', 'Contract', 'award'],
    ['F14: Corrigendum', null, null],
    ['F20: Modification notice', null, 'contract'],
    ['F21: Social and other specific services – public contracts (contract award notice)', null, 'award'],
    ['UK1: Pipeline notice', 'Planning', 'planning'],
    ['UK2: Preliminary market engagement notice', 'Planning', 'planning'],
    ['UK3: Planned procurement notice', null, 'planning'],
    ['UK4: Tender notice', 'Tender', 'tender'],
    ['UK6: Contract award notice', null, 'award'],
    ['UK7: Contract details notice', null, 'contract'],
    [null, 'Planning', 'planning'],
    [null, null, null],
  ] as const)('%s (%s) -> %s', (type, caption, stage) => {
    expect(findATenderStage(type, caption)).toBe(stage);
  });
});

describe('notice field parsers', () => {
  test.each([
    ['14 March 2025', '2025-03-14'],
    ['14 March 2025, 12pm', '2025-03-14T12:00'],
    ['Published 24 March 2023, 11:45am', '2023-03-24T11:45'],
    [' 1 December 2018', '2018-12-01'],
    ['26 February 2025, 12:00pm', '2025-02-26T12:00'],
    ['26 February 2025, 12am', '2025-02-26T00:00'],
    ['3 Sept 2025 17:30', '2025-09-03T17:30'],
    ['26/02/2025', '2025-02-26'],
    ['Closing: 22 October 2018', '2018-10-22'],
    ['31 February 2025', null],
    ['To be confirmed', null],
    ['', null],
  ])('date %j -> %j', (raw, expected) => {
    expect(parseNoticeDate(raw)).toBe(expected);
  });

  test('date ranges', () => {
    expect(parseDateRange('1 April 2025 to 31 March 2029')).toEqual({ start: '2025-04-01', end: '2029-03-31' });
    expect(parseDateRange('1 April 2025')).toEqual({ start: '2025-04-01', end: null });
  });

  test.each([
    ['£1,200,000', { amount: 1_200_000, currency: 'GBP' }],
    ['£1.2m', { amount: 1_200_000, currency: 'GBP' }],
    ['£1.2 million', { amount: 1_200_000, currency: 'GBP' }],
    ['£750k', { amount: 750_000, currency: 'GBP' }],
    ['Value excluding VAT: £507,314,000', { amount: 507_314_000, currency: 'GBP' }],
    ['£26,410 to £213,750', { amount: 213_750, currency: 'GBP' }],
    ['€2,000,000', { amount: 2_000_000, currency: 'EUR' }],
    ['GBP 45,000.50', { amount: 45_000.5, currency: 'GBP' }],
    ['Not disclosed', null],
  ])('money %j', (raw, expected) => {
    expect(parseMoney(raw)).toEqual(expected);
  });

  test.each([
    ['Pharmaceutical products - 33600000', { code: '33600000', label: 'Pharmaceutical products' }],
    ['33600000 - Pharmaceutical products', { code: '33600000', label: 'Pharmaceutical products' }],
    ['45453100-8 - Refurbishment work', { code: '45453100', label: 'Refurbishment work' }],
    ['Double/Triple Glazing installations - windows and doors', null],
    ['UK - United Kingdom', null],
  ])('CPV %j', (raw, expected) => {
    expect(parseCpv(raw)).toEqual(expected);
  });

  test.each([
    ['Companies House number: 1558756', '01558756'],
    ['Companies House: SC123456', 'SC123456'],
    ['08004972', '08004972'],
    ['FR 123 456 789', null],
    [undefined, null],
  ])('Companies House %j -> %j', (raw, expected) => {
    expect(companiesHouseNumber(raw)).toBe(expected);
  });
});
