import { describe, expect, test } from 'vitest';
import { backfillComplete, estimateBackfill, FIND_A_TENDER_VOLUME, historyFloor, nextPace } from '@/lib/sync/backfill';
import { emptyCursor, type SourceCursor } from '@/lib/sync/cursor';
import { CONTRACTS_FINDER, FIND_A_TENDER } from '@/lib/sync/sources';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 86_400_000;

describe('history floor', () => {
  test.each([
    [12, '2025-12-06T12:00:00.000Z'],
    [6, '2026-06-06T12:00:00.000Z'],
    [36, '2023-12-06T12:00:00.000Z'],
  ])('%i months before 6 December 2026', (months, floor) => {
    expect(new Date(historyFloor(NOW, months)).toISOString()).toBe(floor);
  });

  test('the day is clamped to the month: 6 months before 31 August is 28 February', () => {
    expect(new Date(historyFloor(Date.parse('2026-08-31T00:00:00Z'), 6)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('time left', () => {
  const floor = historyFloor(NOW, 12);

  test('before any page: one year of Find a Tender is about 1,350 pages, about 4 hours at one request every 10 s', () => {
    const estimate = estimateBackfill('find-a-tender', FIND_A_TENDER, emptyCursor(), floor, NOW, 12);
    expect(estimate.complete).toBe(false);
    expect(Math.round(estimate.pagesLeft!)).toBe(Math.round(365 * FIND_A_TENDER_VOLUME.releasesPerDay / 100));
    expect(estimate.pagesLeft!).toBeGreaterThan(1300);
    expect(estimate.pagesLeft!).toBeLessThan(1400);
    expect(estimate.leftMs! / 3_600_000).toBeGreaterThan(3.6);
    expect(estimate.leftMs! / 3_600_000).toBeLessThan(3.9);
  });

  test('Contracts Finder: nothing to estimate from until its pace is measured', () => {
    expect(estimateBackfill('contracts-finder', CONTRACTS_FINDER, emptyCursor(), floor, NOW, 12)).toMatchObject({ leftMs: null, pagesLeft: null, complete: false });
  });

  test('from the measured pace: pages per day of history and time per page', () => {
    let pace: SourceCursor['pace'];
    let at = NOW;
    // 30 pages, 12 s apart, covering 10 days of history in completed windows (3 pages a day).
    for (let i = 1; i <= 30; i++) {
      at += 12_000;
      pace = nextPace(pace, at, i % 3 === 0 ? { spanMs: DAY, pages: 3 } : null);
    }
    expect(pace).toMatchObject({ pages: 30, coveredMs: 10 * DAY, coveredPages: 30 });
    const cursor: SourceCursor = { ...emptyCursor(), anchor: '2026-12-06T12:00:00Z', reachedBack: '2026-11-26T12:00:00Z', pace };
    const estimate = estimateBackfill('find-a-tender', FIND_A_TENDER, cursor, floor, at, 12);
    const daysLeft = (Date.parse('2026-11-26T12:00:00Z') - floor) / DAY;
    expect(estimate.pagesLeft).toBeCloseTo(daysLeft * 3, 5);
    // 29 gaps of 12 s over 30 pages: 11.6 s a page.
    expect(estimate.leftMs).toBeCloseTo(daysLeft * 3 * 11_600, -3);
  });

  test('a long gap (a paused run, a closed browser) is not counted as time spent', () => {
    const pace = nextPace(nextPace(undefined, NOW, null), NOW + 3 * 3_600_000, null);
    expect(pace.busyMs).toBe(0);
  });

  test('complete when the edge has reached the floor', () => {
    const cursor: SourceCursor = { ...emptyCursor(), anchor: '2026-12-06T12:00:00Z', reachedBack: '2025-12-06T12:00:00Z' };
    expect(backfillComplete(cursor, floor)).toBe(true);
    expect(estimateBackfill('find-a-tender', FIND_A_TENDER, cursor, floor, NOW, 12)).toMatchObject({ complete: true, leftMs: 0, reachedBack: '2025-12-06T12:00:00Z' });
    // Two years asked for: not complete any more.
    expect(backfillComplete(cursor, historyFloor(NOW, 24))).toBe(false);
  });
});
