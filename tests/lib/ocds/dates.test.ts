import { describe, expect, test } from 'vitest';
import { addDays, addMonths, normaliseDate } from '@/lib/ocds/dates';

describe('normaliseDate', () => {
  test.each([
    ['UTC instant', '2025-01-23T16:30:51Z', '2025-01-23T16:30:51Z'],
    ['British Summer Time offset (real: Contracts Finder award end)', '2025-04-23T23:59:59+01:00', '2025-04-23T22:59:59Z'],
    ['offset across midnight', '2022-10-20T00:30:00+01:00', '2022-10-19T23:30:00Z'],
    ['negative offset without a colon', '2025-01-01T20:00:00-0500', '2025-01-02T01:00:00Z'],
    ['milliseconds kept when not zero', '2025-01-01T10:00:00.25Z', '2025-01-01T10:00:00.250Z'],
    ['zero milliseconds dropped', '2025-01-01T10:00:00.000Z', '2025-01-01T10:00:00Z'],
    ['no seconds', '2025-01-01T10:00Z', '2025-01-01T10:00:00Z'],
    ['no offset is read as UTC', '2025-01-20T23:00:00', '2025-01-20T23:00:00Z'],
    ['date only stays a date', '2025-03-31', '2025-03-31'],
    ['24:00 is the next midnight', '2025-03-31T24:00:00Z', '2025-04-01T00:00:00Z'],
    ['surrounding spaces', ' 2025-03-31 ', '2025-03-31'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  test.each([
    ['not a date', 'next Tuesday'],
    ['UK order', '23/01/2025'],
    ['31 June', '2025-06-31'],
    ['29 February in a common year', '2023-02-29'],
    ['month 13', '2025-13-01'],
    ['hour 25', '2025-01-01T25:00:00Z'],
    ['placeholder year', '0001-01-01T00:00:00Z'],
    ['far future placeholder', '9999-12-31'],
    ['offset beyond 14 hours', '2025-01-01T00:00:00+15:00'],
    ['a number', 20250101],
    ['null', null],
  ])('%s is undefined', (_name, input) => {
    expect(normaliseDate(input)).toBeUndefined();
  });
});

describe('addMonths and addDays', () => {
  test.each([
    ['2028-10-06T00:00:00Z', 36, '2031-10-06T00:00:00Z'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31T12:00:00Z', 1, '2024-02-29T12:00:00Z'],
    ['2022-06-30T00:00:00Z', 12, '2023-06-30T00:00:00Z'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each([
    ['2025-02-01', 30, '2025-03-03'],
    ['2025-02-01T00:00:00Z', 1, '2025-02-02T00:00:00Z'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
