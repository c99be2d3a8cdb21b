import { expect, test } from 'vitest';
import { shiftDate, shiftReleases } from '../../../../support/time-shift';

test('shiftDate crosses month, year and leap day boundaries', () => {
  expect(shiftDate('2025-01-23', 1)).toBe('2025-01-24');
  expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
  expect(shiftDate('2028-02-28', 1)).toBe('2028-02-29');
  expect(shiftDate('2025-03-01', -1)).toBe('2025-02-28');
});

test('shiftReleases moves every ISO date and keeps times, zones and everything else', () => {
  const release = {
    ocid: 'ocds-b5fd17-0000',
    date: '2025-01-23T22:10:05Z',
    tender: { title: 'Works 2025-26', tenderPeriod: { endDate: '2025-02-26T12:00:00+00:00' }, value: { amount: 2025 } },
    contracts: [{ period: { startDate: '2025-04-01', endDate: '2029-03-31T22:59:59Z' } }],
  };
  const [moved] = shiftReleases([release], 10);
  expect(moved).toEqual({
    ocid: 'ocds-b5fd17-0000',
    date: '2025-02-02T22:10:05Z',
    tender: { title: 'Works 2025-26', tenderPeriod: { endDate: '2025-03-08T12:00:00+00:00' }, value: { amount: 2025 } },
    contracts: [{ period: { startDate: '2025-04-11', endDate: '2029-04-10T22:59:59Z' } }],
  });
});
