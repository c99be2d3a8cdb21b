import { describe, expect, test } from 'vitest';
import { siteOf } from '@/lib/councils/register';
import { CAPTURE_DESCRIPTION_LIMIT, parseCapture, type CapturePrefill } from '@/lib/savings';
import { captureContext, register } from './support';

type Expected = {
  council: string | null;
  councilFrom: CapturePrefill['council']['from'];
  group: string | null;
  year: string | null;
  amount: number | undefined;
  kind: string;
  kindFound: boolean;
  status: string;
  statusFound: boolean;
};

/**
 * Selections written for these tests in the style of the savings-proposal tables and cabinet
 * reports that councils publish with their budgets (a service, an amount, a year, what changes),
 * and of local news reports of them. The pages are real council sites from the register.
 */
const CASES: Array<[string, { selection: string; pageUrl?: string; pageTitle?: string }, Expected]> = [
  [
    'budget paper on a council democracy site',
    { selection: 'Adult Social Care: £1.2m savings from the review of day services in 2027/28', pageUrl: 'https://democracy.leeds.gov.uk/documents/s250001/Revenue%20Budget.pdf', pageTitle: 'Revenue Budget and Council Tax 2027/28' },
    { council: 'LDS', councilFrom: 'domain', group: 'adult-social-care', year: '2027/28', amount: 1_200_000, kind: 'service-review', kindFound: true, status: 'proposed', statusFound: false },
  ],
  [
    'restructure approved by cabinet, FY year',
    { selection: 'Highways: restructure of the street lighting team, saving £350k in FY28 (approved by Cabinet)', pageUrl: 'https://www.kent.gov.uk/about-the-council/finance-and-budget' },
    { council: 'KEN', councilFrom: 'domain', group: 'highways-transport', year: '2027/28', amount: 350_000, kind: 'restructure', kindFound: true, status: 'approved', statusFound: true },
  ],
  [
    'news report naming the council',
    { selection: 'Birmingham City Council will cut £2.5 million from library opening hours in 2027-28.', pageUrl: 'https://www.bbc.co.uk/news/articles/example', pageTitle: 'Libraries face cuts - BBC News' },
    { council: 'BIR', councilFrom: 'selection', group: 'culture-leisure', year: '2027/28', amount: 2_500_000, kind: 'saving', kindFound: true, status: 'proposed', statusFound: false },
  ],
  [
    'shared site: the page title says which council',
    { selection: 'Investment of £750,000 in two new children\u2019s homes in 2026/2027 to bring placements in-house', pageUrl: 'https://www.adur-worthing.gov.uk/about-the-councils/budgets/', pageTitle: 'Worthing Borough Council - Budget 2026/27' },
    { council: 'WOT', councilFrom: 'title', group: 'childrens-social-care', year: '2026/27', amount: 750_000, kind: 'investment', kindFound: true, status: 'proposed', statusFound: false },
  ],
  [
    'shared site, no council named: the form must ask',
    { selection: 'Waste: 1,200,000 of efficiencies from route optimisation, delivered in 2025/26', pageUrl: 'https://www.adur-worthing.gov.uk/bins/' },
    { council: null, councilFrom: 'domain', group: 'waste', year: '2025/26', amount: 1_200_000, kind: 'saving', kindFound: true, status: 'delivered', statusFound: true },
  ],
  [
    'invest to save on a moderngov subdomain',
    { selection: 'Invest to save: £400k to move council tax and housing benefit claims online, 2027/28', pageUrl: 'https://moderngov.southwark.gov.uk/ieListDocuments.aspx?CId=302&MId=7000' },
    { council: 'SWK', councilFrom: 'domain', group: 'revenues-benefits', year: '2027/28', amount: 400_000, kind: 'saving', kindFound: true, status: 'proposed', statusFound: false },
  ],
  [
    'abolished council named off-site: today\u2019s council',
    { selection: 'Taunton Deane Borough Council agreed £300k of parks maintenance savings for 2018/19', pageUrl: 'https://example.org/archive' },
    { council: 'SMT', councilFrom: 'selection', group: 'culture-leisure', year: '2018/19', amount: 300_000, kind: 'saving', kindFound: true, status: 'approved', statusFound: true },
  ],
  [
    'the domain beats a council named in passing',
    { selection: 'Joint commissioning of home care with Bradford Metropolitan District Council, £2m over 2027/2028', pageUrl: 'https://www.leeds.gov.uk/budget' },
    { council: 'LDS', councilFrom: 'domain', group: 'adult-social-care', year: '2027/28', amount: 2_000_000, kind: 'saving', kindFound: false, status: 'proposed', statusFound: false },
  ],
  [
    'nothing to go on: every field a default',
    { selection: 'See appendix B for the detail.', pageUrl: 'https://example.org/' },
    { council: null, councilFrom: 'default', group: null, year: null, amount: undefined, kind: 'saving', kindFound: false, status: 'proposed', statusFound: false },
  ],
];

describe('parseCapture', () => {
  test.each(CASES)('%s', (_name, input, e) => {
    const p = parseCapture(input, captureContext);
    expect({
      council: p.council.value,
      councilFrom: p.council.from,
      group: p.serviceGroup.value,
      year: p.financialYear.value,
      amount: p.amountGbp.value,
      kind: p.kind.value,
      kindFound: p.kind.found,
      status: p.status.value,
      statusFound: p.status.found,
    }).toEqual(e);
    expect(p.council.found).toBe(e.council !== null);
    expect(p.serviceGroup.found).toBe(e.group !== null);
    expect(p.financialYear.found).toBe(e.year !== null);
    expect(p.amountGbp.found).toBe(e.amount !== undefined);
    expect(p.sourceUrl).toBe(input.pageUrl ? new URL(input.pageUrl).href : undefined);
    expect(p.sourceTitle).toBe(input.pageTitle);
    expect(p.description).toBe(input.selection);
  });

  test('says what it matched, for the form to show', () => {
    const p = parseCapture({ selection: 'Adult Social Care: £1.2m savings from the review of day services in FY28', pageUrl: 'https://democracy.leeds.gov.uk/x' }, captureContext);
    expect(p.council).toEqual({ value: 'LDS', found: true, from: 'domain', matched: 'democracy.leeds.gov.uk', candidates: ['LDS'] });
    expect(p.amountGbp).toEqual({ value: 1_200_000, found: true, from: 'selection', matched: '£1.2m' });
    expect(p.financialYear).toEqual({ value: '2027/28', found: true, from: 'selection', matched: 'FY28' });
    expect(p.kind).toEqual({ value: 'service-review', found: true, from: 'selection', matched: 'review' });
  });

  test('a shared site with no council named offers both councils', () => {
    const p = parseCapture({ selection: 'Parking charges review', pageUrl: 'https://www.adur-worthing.gov.uk/parking/' }, captureContext);
    expect(p.council).toEqual({ value: null, found: false, from: 'domain', matched: 'www.adur-worthing.gov.uk', candidates: ['ADU', 'WOT'] });
  });

  test('the year and service group fall back to the page title', () => {
    const p = parseCapture({ selection: 'Reduce opening hours at three sites: £120k', pageUrl: 'https://www.bristol.gov.uk/x', pageTitle: 'Libraries savings proposals 2027/28' }, captureContext);
    expect(p.financialYear).toEqual({ value: '2027/28', found: true, from: 'title', matched: '2027/28' });
    expect(p.serviceGroup).toEqual({ value: 'culture-leisure', found: true, from: 'title' });
  });

  test('prefers an amount written in pounds over a bare number', () => {
    const p = parseCapture({ selection: 'Removing 1,200 hours of cover saves £45,000 in 2027/28' }, captureContext);
    expect(p.amountGbp.value).toBe(45_000);
  });

  test('the description is the selection with white space collapsed, capped at a word break', () => {
    expect(parseCapture({ selection: '  Adult   social care:\n\t£1.2m  ' }, captureContext).description).toBe('Adult social care: £1.2m');
    const long = 'Redesign of the home care market with fewer, larger providers. '.repeat(20);
    const d = parseCapture({ selection: long }, captureContext).description;
    expect(d.length).toBeLessThanOrEqual(CAPTURE_DESCRIPTION_LIMIT);
    expect(d.endsWith('\u2026')).toBe(true);
    expect(long.startsWith(d.slice(0, -1))).toBe(true);
    expect(d.at(-2)).not.toBe(' ');
  });

  test('a page that is not a web page gives no source URL and no domain', () => {
    const p = parseCapture({ selection: 'Kent County Council: £1m saving in 2027/28', pageUrl: 'file:///home/me/budget.pdf' }, captureContext);
    expect(p.sourceUrl).toBeUndefined();
    expect(p.council).toMatchObject({ value: 'KEN', from: 'selection' });
  });
});

describe('council from the page domain (real homepages from the register)', () => {
  test.each([
    ['https://democracy.leeds.gov.uk/ieListDocuments.aspx?MId=1', 'LDS'],
    ['https://www.leeds.gov.uk/', 'LDS'],
    ['https://leeds.gov.uk', 'LDS'],
    ['https://WWW.LEEDS.GOV.UK:443/budget', 'LDS'],
    ['https://www.birmingham.gov.uk/budget', 'BIR'],
    ['https://moderngov.southwark.gov.uk/', 'SWK'],
    ['https://my.northtyneside.gov.uk/category/budget', 'NTY'],
    ['https://democracy.northtyneside.gov.uk/', 'NTY'],
    ['https://www.rbkc.gov.uk/council-councillors-and-democracy', 'KEC'],
    ['https://www.cardiff.gov.uk/ENG/Your-Council', 'CRF'],
    ['https://www.somerset.gov.uk/', 'SMT'],
    ['https://www.edinburgh.gov.uk/budget', 'EDH'],
    ['https://leeds.moderngov.co.uk/', null],
    ['https://leeds.gov.uk.example.com/', null],
    ['https://www.gov.uk/', null],
    ['https://example.org/', null],
  ])('%s -> %s', (pageUrl, code) => {
    const p = parseCapture({ selection: 'A £1m saving in 2027/28', pageUrl }, captureContext);
    expect(p.council.value).toBe(code);
    expect(p.council.from).toBe(code ? 'domain' : 'default');
  });

  test('every current council with its own site is recognised on a democracy subdomain of it', () => {
    const current = register.all.filter((c) => c.current && c.domain);
    const bySite = new Map<string, string[]>();
    for (const c of current) {
      const site = siteOf(c.domain!)!;
      bySite.set(site, [...(bySite.get(site) ?? []), c.code]);
    }
    const own = current.filter((c) => bySite.get(siteOf(c.domain!)!)!.length === 1);
    expect(own.length).toBeGreaterThan(350);
    const wrong = own
      .map((c) => [c.code, parseCapture({ selection: 'x', pageUrl: `https://democracy.${c.domain}/mgCalendarMonthView.aspx` }, captureContext).council.value])
      .filter(([code, found]) => code !== found);
    expect(wrong).toEqual([]);
  });
});
