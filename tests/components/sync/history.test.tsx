import { describe, expect, test, vi } from 'vitest';
import { HistoryFooter } from '@/components/sync/history-footer';
import { historyText } from '@/components/sync/history-line';
import { HistoryPanel } from '@/components/sync/history-panel';
import type { HistoryStatus } from '@/lib/sync/status';
import { mount } from '../../support/dom';

const running: HistoryStatus = {
  months: 12,
  paused: false,
  councilNotices: 41_200,
  sources: [
    { source: 'contracts-finder', months: 12, floor: '2025-12-06T12:00:00Z', reachedBack: '2026-05-02T00:00:00Z', complete: false, leftMs: 20 * 60_000, pagesLeft: 100 },
    { source: 'find-a-tender', months: 12, floor: '2025-12-06T12:00:00Z', reachedBack: '2026-03-14T00:00:00Z', complete: false, leftMs: 2.6 * 3_600_000, pagesLeft: 940 },
  ],
};

describe('history line', () => {
  test('how far back, council notices cached and the time left at the measured pace', () => {
    // Back to May: the source that has got least far; 20 min + 2.6 h.
    expect(historyText(running, true)).toBe('History: back to May 2026 · 41,200 council notices · about 3 h left');
  });

  test('sources whose backfill has not begun yet (they run one after another) do not hold the line at "starting"', () => {
    const later = { source: 'sell2wales' as const, months: 12, floor: '2025-12-06T12:00:00Z', complete: false, leftMs: 25 * 60_000, pagesLeft: 299 };
    expect(historyText({ ...running, sources: [...running.sources, later] }, true)).toBe('History: back to May 2026 · 41,200 council notices · about 3.5 h left');
  });

  test('paused, not started, estimating, complete', () => {
    expect(historyText({ ...running, paused: true }, false)).toBe('History: back to May 2026 · 41,200 council notices · paused');
    expect(historyText({ ...running, sources: running.sources.map(({ reachedBack: _r, ...s }) => ({ ...s, leftMs: null })) }, true)).toBe(
      'History: starting · 41,200 council notices · estimating the time left',
    );
    expect(historyText({ ...running, councilNotices: 1, sources: running.sources.map((s) => ({ ...s, complete: true, leftMs: 0 })) }, false)).toBe('History: 1 year kept · 1 council notice');
  });
});

describe('HistoryPanel', () => {
  test('says what one year costs, offers the depths and pauses', () => {
    const onMonths = vi.fn();
    const onPause = vi.fn();
    const root = mount(<HistoryPanel history={running} running onMonths={onMonths} onPause={onPause} />);
    expect(root.textContent).toContain('One year of Find a Tender is about 1,351 pages of 100 notices');
    expect(root.textContent).toContain('about 4 h at the one request every 10 seconds');
    expect([...root.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['6 months', '1 year', '2 years', '3 years']);
    expect(root.querySelector('#cl-history-line')?.textContent).toBe('History: back to May 2026 · 41,200 council notices · about 3 h left');
    expect(root.textContent).toContain('back to 14 Mar 2026; about 2.5 h left');
    const select = root.querySelector('select')!;
    select.value = '24';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onMonths).toHaveBeenCalledWith(24);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Pause')!.click();
    expect(onPause).toHaveBeenCalledWith(true);
  });
});

describe('HistoryFooter', () => {
  test('one line with Resume when paused, no button when complete', () => {
    const onPause = vi.fn();
    const root = mount(<HistoryFooter history={{ ...running, paused: true }} running={false} onPause={onPause} />);
    expect(root.textContent).toBe('History: back to May 2026 · 41,200 council notices · paused · Resume');
    root.querySelector('button')!.click();
    expect(onPause).toHaveBeenCalledWith(false);
    const done = mount(<HistoryFooter history={{ ...running, sources: running.sources.map((s) => ({ ...s, complete: true })) }} running={false} onPause={onPause} />);
    expect(done.querySelector('button')).toBeNull();
  });
});
