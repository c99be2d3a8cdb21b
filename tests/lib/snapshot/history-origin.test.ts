import { expect, test } from 'vitest';
import { historyText } from '@/components/sync/history-line';
import { historyMonthsFor } from '@/lib/snapshot/loaded';
import type { HistoryStatus } from '@/lib/sync/status';

/** Where the history came from, on the History line (issue 14), and the depth that keeps a loaded snapshot. */

const history: HistoryStatus = {
  months: 36,
  paused: false,
  councilNotices: 142_000,
  sources: [
    { source: 'contracts-finder', months: 36, floor: '2023-12-06T12:00:00Z', reachedBack: '2024-01-01T00:00:00Z', complete: false, leftMs: 20 * 60_000, pagesLeft: 40 },
    { source: 'find-a-tender', months: 36, floor: '2023-12-06T12:00:00Z', reachedBack: '2024-01-01T00:00:00Z', complete: false, leftMs: 40 * 60_000, pagesLeft: 240 },
  ],
};

test.each([
  [{ via: 'published' as const, builtAt: '2026-11-30T03:40:00Z', refreshed: true }, 'History: back to January 2024 · from the published snapshot of 30 Nov 2026, then refreshed · 142,000 council notices · about 60 min left'],
  [{ via: 'file' as const, builtAt: '2026-11-30T03:40:00Z', refreshed: false }, 'History: back to January 2024 · from a snapshot file of 30 Nov 2026 · 142,000 council notices · about 60 min left'],
  [undefined, 'History: back to January 2024 · 142,000 council notices · about 60 min left'],
])('snapshot %j', (snapshot, line) => {
  expect(historyText(snapshot ? { ...history, snapshot } : history, true)).toBe(line);
});

test('complete: the depth kept and where it came from', () => {
  const complete = { ...history, snapshot: { via: 'published' as const, builtAt: '2026-11-30T03:40:00Z', refreshed: true }, sources: history.sources.map((s) => ({ ...s, complete: true, leftMs: 0 })) };
  expect(historyText(complete, false)).toBe('History: 3 years kept · from the published snapshot of 30 Nov 2026, then refreshed · 142,000 council notices');
});

test.each([
  // A rolling three-year snapshot built a week ago: its start is a little beyond three years; the deepest is kept.
  [['2023-11-29T00:00:00Z'], '2026-12-06', 36],
  [['2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z'], '2026-12-06', 36],
  [['2025-01-01T00:00:00Z'], '2026-12-06', 24],
  [['2025-12-06T00:00:00Z'], '2026-12-06', 12],
  [['2026-09-01T00:00:00Z'], '2026-12-06', 6],
])('a snapshot from %j on %s is kept at %i months', (from, today, months) => {
  expect(historyMonthsFor(from.map((f) => ({ from: f })), today)).toBe(months);
});
