import { describe, expect, test } from 'vitest';
import { ProcurementSections } from '@/components/procurement/procurement-sections';
import { formatDaysLeft, formatMoney } from '@/components/procurement/format-notice';
import type { NoticeSummary, Procurement } from '@/lib/protocol';
import { mount, seenText } from './dom';

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
