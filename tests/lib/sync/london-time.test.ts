import { describe, expect, test } from 'vitest';
import { londonOffset, londonWallTime, londonWindowBounds } from '@/lib/sync/london-time';

/**
 * Find a Tender reads `updatedFrom`/`updatedTo` as Europe/London wall time and ignores a `Z`
 * (../shared/data/SOURCES.md §7). 2026's clock changes: 29 March 01:00 UTC (GMT -> BST) and
 * 25 October 01:00 UTC (BST -> GMT); 2025's: 30 March and 26 October.
 */
const at = Date.parse;

describe('London wall time', () => {
  test.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T12:00:00', '+00:00'],
    ['2026-08-09T23:00:00Z', '2026-08-10T00:00:00', '+01:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29T00:59:59', '+00:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29T02:00:00', '+01:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00', '+01:00'],
    ['2026-10-25T01:30:00Z', '2026-10-25T01:30:00', '+00:00'],
    ['2025-10-26T00:59:59.900Z', '2025-10-26T01:59:59', '+01:00'],
  ])('%s is %s (%s)', (instant, wall, offset) => {
    expect(londonWallTime(at(instant))).toBe(wall);
    expect(londonOffset(at(instant))).toBe(offset);
  });
});

describe('window bounds sent to Find a Tender', () => {
  test.each([
    // Ordinary winter and summer windows: the wall times of the bounds.
    ['winter', '2026-01-10T00:00:00Z', '2026-01-13T00:00:00Z', '2026-01-10T00:00:00', '2026-01-13T00:00:00'],
    ['summer: an hour ahead of UTC', '2026-08-09T23:00:00Z', '2026-08-10T23:00:00Z', '2026-08-10T00:00:00', '2026-08-11T00:00:00'],
    // Spanning the last Sunday of March: from in GMT, to in BST.
    ['across the March change', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z', '2026-03-28T00:00:00', '2026-03-31T01:00:00'],
    ['ending in the skipped hour', '2026-03-28T00:00:00Z', '2026-03-29T01:30:00Z', '2026-03-28T00:00:00', '2026-03-29T02:30:00'],
    // Spanning the last Sunday of October: from in BST, to in GMT.
    ['across the October change', '2026-10-23T12:00:00Z', '2026-10-26T12:00:00Z', '2026-10-23T13:00:00', '2026-10-26T12:00:00'],
    // A bound in the repeated hour is widened by an hour so either reading loses nothing.
    ['from in the first 01:30 (BST)', '2026-10-25T00:30:00Z', '2026-10-27T00:00:00Z', '2026-10-25T00:30:00', '2026-10-27T00:00:00'],
    ['from in the second 01:30 (GMT)', '2026-10-25T01:30:00Z', '2026-10-27T00:00:00Z', '2026-10-25T01:30:00', '2026-10-27T00:00:00'],
    ['to in the first 01:30 (BST)', '2026-10-22T00:00:00Z', '2026-10-25T00:30:00Z', '2026-10-22T01:00:00', '2026-10-25T01:30:00'],
    ['to in the second 01:30 (GMT)', '2026-10-22T00:00:00Z', '2026-10-25T01:30:00Z', '2026-10-22T01:00:00', '2026-10-25T02:30:00'],
  ])('%s', (_label, from, to, sentFrom, sentTo) => {
    expect(londonWindowBounds(at(from), at(to))).toEqual({ from: sentFrom, to: sentTo });
  });

  /** Both instants a London wall time can mean (one, or two in the repeated October hour). */
  function readings(wall: string): number[] {
    const naive = at(`${wall}Z`);
    return [naive - 3_600_000, naive].filter((ms) => londonWallTime(ms) === wall);
  }

  test.each(['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'])('every quarter hour around the change of %s as a bound: each reading of what is sent covers the window', (day) => {
    const misses: string[] = [];
    const start = at(`${day}T00:00:00Z`) - 86_400_000;
    for (let t = start; t < start + 2 * 86_400_000; t += 900_000) {
      for (const [from, to] of [[t, t + 3 * 86_400_000], [t - 3 * 86_400_000, t]] as const) {
        const sent = londonWindowBounds(from, to);
        const fromReadings = readings(sent.from);
        const toReadings = readings(sent.to);
        if (fromReadings.length === 0 || fromReadings.some((r) => r > from)) misses.push(`from ${new Date(from).toISOString()} sent ${sent.from}`);
        if (toReadings.length === 0 || toReadings.some((r) => r < to)) misses.push(`to ${new Date(to).toISOString()} sent ${sent.to}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
