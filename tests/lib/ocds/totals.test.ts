import { describe, expect, test } from 'vitest';
import { NO_DEADLINE, NO_END, procurementKeys, type NoticeRow } from '@/lib/ocds/row';
import { applyTotals, totalBetween, totalsDelta } from '@/lib/ocds/totals';

type KeyFields = Pick<NoticeRow, 'council' | 'stage' | 'status' | 'deadline' | 'contractEnd' | 'serviceGroups' | 'terminated' | 'updatedAt' | 'expectedTenderDate' | 'engagementDeadline'>;
const row = (over: Partial<KeyFields>): KeyFields => ({ council: 'LDS', stage: 'tender', serviceGroups: ['waste'], updatedAt: '2026-08-10T10:00:00Z', ...over });

describe('procurementKeys', () => {
  test.each<[string, Partial<KeyFields>, Pick<NoticeRow, 'tenderKeys' | 'endKeys' | 'comingKeys'>]>([
    ['tender with a deadline', { deadline: '2027-01-05' }, { tenderKeys: [['LDS', 'waste', '2027-01-05'], ['LDS', '*', '2027-01-05']], endKeys: [], comingKeys: [] }],
    ['tender without a deadline sorts last', {}, { tenderKeys: [['LDS', 'waste', NO_DEADLINE], ['LDS', '*', NO_DEADLINE]], endKeys: [], comingKeys: [] }],
    ['closed tender: no keys', { status: 'cancelled', deadline: '2027-01-05' }, { tenderKeys: [], endKeys: [], comingKeys: [] }],
    ['tender with a planned end: no end keys', { contractEnd: '2027-05-01' }, { tenderKeys: [['LDS', 'waste', NO_DEADLINE], ['LDS', '*', NO_DEADLINE]], endKeys: [], comingKeys: [] }],
    ['award with an end', { stage: 'award', contractEnd: '2028-03-31', serviceGroups: [] }, { tenderKeys: [], endKeys: [['LDS', '*', '2028-03-31']], comingKeys: [] }],
    ['contract, groups deduplicated', { stage: 'contract', contractEnd: '2028-03-31', serviceGroups: ['waste', 'waste'] }, { tenderKeys: [], endKeys: [['LDS', 'waste', '2028-03-31'], ['LDS', '*', '2028-03-31']], comingKeys: [] }],
    ['award without an end: dated before every day (who won before, never ending)', { stage: 'award' }, { tenderKeys: [], endKeys: [['LDS', 'waste', NO_END], ['LDS', '*', NO_END]], comingKeys: [] }],
    ['planning without dates: news for a year after its last update', { stage: 'planning', deadline: '2027-01-05' }, { tenderKeys: [], endKeys: [], comingKeys: [['LDS', 'waste', '2027-08-10'], ['LDS', '*', '2027-08-10']] }],
    ['UK3 planned procurement: until the tender is expected', { stage: 'planning', expectedTenderDate: '2027-03-01' }, { tenderKeys: [], endKeys: [], comingKeys: [['LDS', 'waste', '2027-03-01'], ['LDS', '*', '2027-03-01']] }],
    ['UK2 engagement and expected tender: the later of the two', { stage: 'planning', expectedTenderDate: '2027-03-01', engagementDeadline: '2027-04-01' }, { tenderKeys: [], endKeys: [], comingKeys: [['LDS', 'waste', '2027-04-01'], ['LDS', '*', '2027-04-01']] }],
    ['cancelled planning notice: no keys', { stage: 'planning', status: 'cancelled', expectedTenderDate: '2027-03-01' }, { tenderKeys: [], endKeys: [], comingKeys: [] }],
    ['UK11 terminated contract: not ending', { stage: 'contract', contractEnd: '2028-03-31', terminated: true }, { tenderKeys: [], endKeys: [['LDS', 'waste', NO_END], ['LDS', '*', NO_END]], comingKeys: [] }],
  ])('%s', (_, over, keys) => {
    expect(procurementKeys(row(over))).toEqual(keys);
  });
});

describe('totals', () => {
  const tender = { tenderKeys: [['LDS', 'waste', '2027-01-05'], ['LDS', '*', '2027-01-05']], endKeys: [] } as Partial<NoticeRow>;
  const award = { tenderKeys: [], endKeys: [['KEN', '*', '2028-03-31']] } as Partial<NoticeRow>;

  test.each<[string, (Partial<NoticeRow> | undefined)[], (Partial<NoticeRow> | undefined)[], [string, [string, number][]][]]>([
    ['new rows count their * key only', [undefined], [tender, award], [['LDS|tenderKeys', [['2027-01-05', 1]]], ['KEN|endKeys', [['2028-03-31', 1]]]]],
    ['a row rewritten unchanged: no change', [tender], [tender], []],
    ['a row removed', [award], [], [['KEN|endKeys', [['2028-03-31', -1]]]]],
  ])('totalsDelta: %s', (_, removed, added, expected) => {
    expect([...totalsDelta(removed, added)].map(([id, dates]) => [id, [...dates]])).toEqual(expected);
  });

  test('applyTotals keeps dates in order and drops zero counts; totalBetween includes both ends', () => {
    const row = applyTotals({ dates: ['2027-01-01', '2027-02-01'], counts: [2, 1] }, new Map([['2027-02-01', -1], ['2029-01-01', 3], ['2026-12-01', 1]]));
    expect(row).toEqual({ dates: ['2026-12-01', '2027-01-01', '2029-01-01'], counts: [1, 2, 3] });
    expect(totalBetween(row, '2027-01-01', '2029-01-01')).toBe(5);
    expect(totalBetween(row, '2027-01-02', '2029-01-01')).toBe(3);
    expect(totalBetween(undefined, '2027-01-01', '2029-01-01')).toBe(0);
  });
});
