import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deadlineInstant, localTime, missedReminders, parseReminderAlarmName, planReminderAlarms, reminderAlarmName, reminderTimes } from '@/lib/workspace';
import { annotation, CF_KEY, FTS_KEY } from './support';

const LONDON = { timeZone: 'Europe/London' };
const NOW = Date.parse('2026-11-30T09:00:00.000Z');
const at = (iso: string) => Date.parse(iso);

describe('reminderTimes in Europe/London', () => {
  test.each([
    ['month end, non-leap year', '2027-03-01', 1, '2027-02-28T09:00:00Z'],
    ['month end, 3 days back', '2027-03-01', 3, '2027-02-26T09:00:00Z'],
    ['leap day', '2028-03-01', 1, '2028-02-29T09:00:00Z'],
    ['year end', '2027-01-02', 3, '2026-12-30T09:00:00Z'],
    ['before the clocks go forward (GMT)', '2027-03-30T12:00', 3, '2027-03-27T09:00:00Z'],
    ['after the clocks go forward (BST)', '2027-03-30T12:00', 1, '2027-03-29T08:00:00Z'],
    ['on the day the clocks go forward', '2027-03-29', 1, '2027-03-28T08:00:00Z'],
    ['before the clocks go back (BST)', '2027-11-01', 3, '2027-10-29T08:00:00Z'],
    ['on the day the clocks go back (GMT)', '2027-11-01', 1, '2027-10-31T09:00:00Z'],
    ['on the day itself', '2027-01-15', 0, '2027-01-15T09:00:00Z'],
  ])('%s: %s, %i day(s) before -> %s', (_name, deadline, days, fireAt) => {
    const [reminder] = reminderTimes([annotation({ bidDeadline: deadline })], { daysBefore: [days] }, NOW, LONDON);
    expect(reminder).toEqual({ key: CF_KEY, title: 'Day opportunities for older people', deadline, fireAt: at(fireAt), daysBefore: days });
  });

  test('one reminder per day setting, sorted by time, across annotations', () => {
    const list = [annotation({ key: CF_KEY, bidDeadline: '2027-01-20' }), annotation({ key: FTS_KEY, bidDeadline: '2027-01-18' })];
    const reminders = reminderTimes(list, { daysBefore: [3, 1] }, NOW, LONDON);
    expect(reminders.map((r) => [r.key, r.daysBefore, new Date(r.fireAt).toISOString()])).toEqual([
      [FTS_KEY, 3, '2027-01-15T09:00:00.000Z'],
      [FTS_KEY, 1, '2027-01-17T09:00:00.000Z'],
      [CF_KEY, 3, '2027-01-17T09:00:00.000Z'],
      [CF_KEY, 1, '2027-01-19T09:00:00.000Z'],
    ]);
  });

  test('the bid deadline overrides the notice deadline, which is the fallback', () => {
    expect(reminderTimes([annotation({ noticeDeadline: '2027-01-15T12:00' })], { daysBefore: [1] }, NOW, LONDON)[0]!.deadline).toBe('2027-01-15T12:00');
    expect(reminderTimes([annotation({ bidDeadline: '2027-01-10' })], { daysBefore: [1] }, NOW, LONDON)[0]!.deadline).toBe('2027-01-10');
    expect(reminderTimes([annotation({ noticeDeadline: undefined })], { daysBefore: [1] }, NOW, LONDON)).toEqual([]);
  });

  test.each(['no-go', 'submitted', 'won', 'lost'] as const)('no reminders once %s', (status) => {
    expect(reminderTimes([annotation({ status, bidDeadline: '2027-01-10' })], { daysBefore: [3, 1] }, NOW, LONDON)).toEqual([]);
  });

  test.each(['watching', 'go', 'bidding'] as const)('reminders while %s', (status) => {
    expect(reminderTimes([annotation({ status, bidDeadline: '2027-01-10' })], { daysBefore: [3, 1] }, NOW, LONDON)).toHaveLength(2);
  });

  test('past reminders are dropped, future ones kept', () => {
    const now = at('2027-01-08T10:00:00Z');
    const reminders = reminderTimes([annotation({ bidDeadline: '2027-01-10' })], { daysBefore: [3, 1] }, now, LONDON);
    expect(reminders.map((r) => r.daysBefore)).toEqual([1]);
    expect(reminderTimes([annotation({ bidDeadline: '2027-01-10' })], { daysBefore: [3, 1] }, at('2027-01-09T09:00:00Z'), LONDON)).toEqual([]);
  });

  test('a reminder at or after an early deadline is left out', () => {
    expect(reminderTimes([annotation({ bidDeadline: '2027-01-10T08:30' })], { daysBefore: [0] }, NOW, LONDON)).toEqual([]);
    expect(reminderTimes([annotation({ bidDeadline: '2027-01-10T09:00' })], { daysBefore: [0] }, NOW, LONDON)).toEqual([]);
    expect(reminderTimes([annotation({ bidDeadline: '2027-01-10T17:00' })], { daysBefore: [0] }, NOW, LONDON)).toHaveLength(1);
  });

  test('no days set, no reminders', () => {
    expect(reminderTimes([annotation()], { daysBefore: [] }, NOW, LONDON)).toEqual([]);
  });
});

describe('local time helpers', () => {
  test('another zone gives another instant for the same wall time', () => {
    expect(localTime(2027, 7, 1, 9, 0, { timeZone: 'America/New_York' })).toBe(at('2027-07-01T13:00:00Z'));
    expect(localTime(2027, 7, 1, 9, 0, LONDON)).toBe(at('2027-07-01T08:00:00Z'));
  });

  test('a date-only deadline passes at the end of its day', () => {
    expect(deadlineInstant('2027-03-27', LONDON)).toBe(at('2027-03-28T00:00:00Z'));
    expect(deadlineInstant('2027-03-28', LONDON)).toBe(at('2027-03-28T23:00:00Z'));
    expect(deadlineInstant('2027-03-28T12:00', LONDON)).toBe(at('2027-03-28T11:00:00Z'));
    expect(deadlineInstant('nope', LONDON)).toBeNull();
  });
});

describe('the runtime zone (process.env.TZ)', () => {
  const saved = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = 'Europe/London';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  test('without a zone option, reminders follow the runtime zone across the clock change', () => {
    const reminders = reminderTimes([annotation({ bidDeadline: '2027-03-30T12:00' })], { daysBefore: [3, 1] }, NOW);
    expect(reminders.map((r) => new Date(r.fireAt).toISOString())).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });
});

describe('alarm names', () => {
  test.each([
    [CF_KEY, 3],
    [FTS_KEY, 0],
    ['contracts-finder:2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d', 14],
  ])('%s, %i days round-trips', (key, days) => {
    const name = reminderAlarmName(key, days);
    expect(name.startsWith('cl-reminder:')).toBe(true);
    expect(parseReminderAlarmName(name)).toEqual({ key, daysBefore: days });
  });

  test.each(['notices-refresh', 'cl-reminder:x:ocds-b5fd17-1', 'cl-reminder:3:', 'cl-reminder:3:not a key', 'reminder:3:find-a-tender:1'])('%s is not a reminder', (name) => {
    expect(parseReminderAlarmName(name)).toBeNull();
  });

  test('planReminderAlarms creates missing, re-creates moved and clears stale reminders only', () => {
    const wanted = reminderTimes([annotation({ bidDeadline: '2027-01-20' })], { daysBefore: [3, 1] }, NOW, LONDON);
    const plan = planReminderAlarms(wanted, [
      { name: reminderAlarmName(CF_KEY, 3), scheduledTime: wanted[0]!.fireAt },
      { name: reminderAlarmName(CF_KEY, 1), scheduledTime: wanted[1]!.fireAt - 86_400_000 },
      { name: reminderAlarmName(FTS_KEY, 3), scheduledTime: 1 },
      { name: 'notices-refresh', scheduledTime: 1 },
    ]);
    expect(plan).toEqual({
      clear: [reminderAlarmName(FTS_KEY, 3)],
      create: [{ name: reminderAlarmName(CF_KEY, 1), when: wanted[1]!.fireAt }],
    });
  });
});

describe('missedReminders: what came due while the browser was closed', () => {
  // annotation() was saved at 2026-11-30T09:00Z (T0), its deadline fields with it.
  const seen = (list: ReturnType<typeof missedReminders>) => list.map((r) => [r.key, r.daysBefore, new Date(r.fireAt).toISOString()]);
  const none = new Set<string>();

  test.each<[string, Parameters<typeof annotation>[0], number[], string, string[], [string, number, string][]]>([
    ['closed at 09:00 the day before, opened at 14:00: the 1-day reminder', { bidDeadline: '2026-12-03' }, [3, 1], '2026-12-02T14:00:00Z', [], [[CF_KEY, 1, '2026-12-02T09:00:00.000Z']]],
    ['two missed for one tender: only the latest', { bidDeadline: '2026-12-06' }, [3, 2], '2026-12-04T10:00:00Z', [], [[CF_KEY, 2, '2026-12-04T09:00:00.000Z']]],
    ['already shown (its alarm fired): nothing', { bidDeadline: '2026-12-03' }, [1], '2026-12-02T14:00:00Z', [reminderAlarmName(CF_KEY, 1)], []],
    ['the deadline has passed: nothing', { bidDeadline: '2026-12-03T12:00' }, [1], '2026-12-03T13:00:00Z', [], []],
    ['due more than two days ago: no longer news', { bidDeadline: '2026-12-09' }, [7], '2026-12-05T10:00:00Z', [], []],
    ['a tender marked submitted: nothing', { bidDeadline: '2026-12-03', status: 'submitted' }, [1], '2026-12-02T14:00:00Z', [], []],
    ['not yet due: nothing (the alarm will fire)', { bidDeadline: '2026-12-03' }, [1], '2026-12-02T08:00:00Z', [], []],
  ])('%s', (_name, extra, days, now, shown, expected) => {
    expect(seen(missedReminders([annotation(extra)], { daysBefore: days }, at(now), new Set(shown), LONDON))).toEqual(expected);
  });

  test('a deadline set after the reminder time was never missed: the person set it knowing', () => {
    const late = annotation({ bidDeadline: '2026-12-03', fieldTimes: { ...annotation().fieldTimes, bidDeadline: at('2026-12-02T10:00:00Z') } });
    expect(missedReminders([late], { daysBefore: [1] }, at('2026-12-02T14:00:00Z'), none, LONDON)).toEqual([]);
  });
});
