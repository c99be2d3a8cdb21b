import { describe, expect, test } from 'vitest';
import { ProcurementSections } from '@/components/procurement/procurement-sections';
import { formatDaysLeft, formatMoney } from '@/components/procurement/format-notice';
import type { NoticeSummary, Procurement } from '@/lib/ocds/summary';
import { mount, seenText } from '../../support/dom';

const tender: NoticeSummary = {
  ocid: 'ocds-b5fd17-1',
  title: 'Home care framework',
  noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/1',
  source: 'contracts-finder',
  value: { amount: 1_200_000, currency: 'GBP' },
  deadline: '2027-01-15',
  daysLeft: 54,
  end: null,
  maxEnd: null,
  suppliers: [],
  serviceGroups: ['adult-social-care'],
  inPersonsGroup: true,
};
const contract: NoticeSummary = {
  ...tender,
  ocid: 'ocds-b5fd17-2',
  title: 'Parking Pilot - CEO',
  source: 'find-a-tender',
  value: { amount: 93_007, currency: 'GBP' },
  deadline: null,
  daysLeft: null,
  end: '2027-04-23',
  maxEnd: '2028-04-23',
  suppliers: ['Marstons holdings plc'],
  inPersonsGroup: false,
};
const full: Procurement = {
  openTenders: [tender],
  openTotal: 3,
  contractsEnding: [contract],
  endingTotal: 1,
  endingWithinMonths: 24,
  lastSyncedAt: null,
};

describe('ProcurementSections', () => {
  test('open tenders with value, deadline and days left; contracts ending with supplier and extensions', () => {
    const view = mount(<ProcurementSections procurement={full} personsGroupLabel="Adult social care" headingLevel={2} />);
    const text = seenText(view);
    expect(text).toContain('Open tenders (3)');
    expect(text).toContain('Adult social care first.');
    expect(text).toContain('Home care framework');
    expect(text).toContain('£1.2m · closes 15 January 2027 · 54 days left · Contracts Finder');
    expect(text).toContain('and 2 more in the cache.');
    expect(text).toContain('Contracts ending (1)');
    expect(text).toContain('Marstons holdings plc · £93,007');
    expect(text).toContain('Ends 23 April 2027 · up to 23 April 2028 with extensions');
    expect(text).toContain('packaged with Council Lens');
    const link = view.querySelector('a[href="https://www.contractsfinder.service.gov.uk/Notice/1"]');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  test('empty states say what is and is not there', () => {
    const none: Procurement = { ...full, openTenders: [], openTotal: 0, contractsEnding: [], endingTotal: 0, lastSyncedAt: Date.UTC(2026, 10, 21) };
    const text = seenText(mount(<ProcurementSections procurement={none} headingLevel={2} />));
    expect(text).toContain('None open in the local cache.');
    expect(text).toContain('No awarded contracts in the local cache end in the next 24 months.');
    expect(text).toContain('refreshed 21 November 2026');
  });
});

describe.each([
  [{ amount: 93_007, currency: 'GBP' }, '£93,007'],
  [{ amount: 1_200_000, currency: 'GBP' }, '£1.2m'],
  [{ amount: 19_037_218, currency: 'GBP' }, '£19m'],
  [{ amount: 5000, currency: 'EUR' }, 'EUR 5,000'],
])('formatMoney(%o)', (value, expected) => {
  test(expected, () => expect(formatMoney(value)).toBe(expected));
});

test.each([
  [0, 'closes today'],
  [1, '1 day left'],
  [12, '12 days left'],
])('formatDaysLeft(%i)', (days, expected) => expect(formatDaysLeft(days)).toBe(expected));

describe('Coming to market', () => {
  const planned: NoticeSummary = {
    ...tender,
    ocid: 'ocds-h6vhtk-07c001',
    title: 'Highways maintenance framework',
    source: 'find-a-tender',
    noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/070001-2026',
    value: { amount: 12_000_000, currency: 'GBP' },
    deadline: null,
    daysLeft: null,
    serviceGroups: ['highways-transport'],
    inPersonsGroup: true,
    noticeType: 'UK3',
    noticeTypes: ['UK3'],
    expectedTenderDate: '2027-03-15',
    engagementDeadline: null,
    comingUntil: '2027-03-15',
  };
  const engagement: NoticeSummary = { ...planned, ocid: 'ocds-h6vhtk-07c002', title: 'Leisure centres operator', noticeType: 'UK2', noticeTypes: ['UK2'], expectedTenderDate: null, engagementDeadline: '2027-01-20', value: null, inPersonsGroup: false };

  test('each forward notice with what, when, value and its type in words, linked to the notice', () => {
    const view = mount(<ProcurementSections procurement={{ ...full, comingToMarket: [planned, engagement], comingTotal: 2 }} personsGroupLabel="Highways and transport" headingLevel={2} />);
    const text = seenText(view);
    expect(text).toContain('Coming to market (2)');
    expect(text).toContain('Highways maintenance framework');
    expect(text).toContain('tender expected March 2027 · £12m · planned procurement notice · Find a Tender');
    expect(text).toContain('market engagement until 20 January 2027 · preliminary market engagement notice');
    expect(view.querySelector('a[href="https://www.find-tender.service.gov.uk/Notice/070001-2026"]')?.textContent).toContain('Highways maintenance framework');
  });

  test('empty: says there is nothing ahead in the cache; an answer without the section shows none', () => {
    expect(seenText(mount(<ProcurementSections procurement={{ ...full, comingToMarket: [], comingTotal: 0 }} headingLevel={2} />))).toContain(
      'No pipeline, market engagement or planned procurement notices ahead in the local cache.',
    );
    expect(seenText(mount(<ProcurementSections procurement={full} headingLevel={2} />))).not.toContain('Coming to market');
  });
});
