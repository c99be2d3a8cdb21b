import { expect, test } from 'vitest';
import type { NoticeSummary } from '@/lib/ocds/summary';
import { collapseCrossPosted } from '@/lib/ocds/summary';

const line = (over: Partial<NoticeSummary>): NoticeSummary => ({
  ocid: 'ocds-b5fd17-1',
  title: 'Building Retrofit & Refurbishment/Improvement Works Framework',
  noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/1',
  source: 'contracts-finder',
  value: { amount: 300_000_000, currency: 'GBP' },
  deadline: '2027-01-01',
  daysLeft: 32,
  end: null,
  maxEnd: null,
  suppliers: [],
  serviceGroups: [],
  inPersonsGroup: false,
  ...over,
});

test('the same procurement on both portals is one line naming both', () => {
  const { list, collapsed } = collapseCrossPosted([
    line({}),
    line({ ocid: 'ocds-h6vhtk-1', source: 'find-a-tender', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000001-2026', title: 'BUILDING RETROFIT AND REFURBISHMENT / IMPROVEMENT WORKS FRAMEWORK' }),
    line({ ocid: 'ocds-b5fd17-2', title: 'Day services', deadline: '2027-02-01' }),
  ]);
  expect(collapsed).toBe(1);
  expect(list.map((s) => s.ocid)).toEqual(['ocds-b5fd17-1', 'ocds-b5fd17-2']);
  expect(list[0]!.alsoOn).toEqual([{ source: 'find-a-tender', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000001-2026' }]);
});

test('same title but another deadline, value or portal-internal repeat stays separate', () => {
  const { list, collapsed } = collapseCrossPosted([
    line({}),
    line({ ocid: 'ocds-h6vhtk-1', source: 'find-a-tender', deadline: '2027-03-01' }),
    line({ ocid: 'ocds-h6vhtk-2', source: 'find-a-tender', value: { amount: 1, currency: 'GBP' } }),
    line({ ocid: 'ocds-b5fd17-9' }),
  ]);
  expect(collapsed).toBe(0);
  expect(list).toHaveLength(4);
});
