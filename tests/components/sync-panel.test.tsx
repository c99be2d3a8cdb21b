import { describe, expect, test, vi } from 'vitest';
import { SyncPanel, type SyncPanelProps } from '@/components/sync/sync-panel';
import type { SyncStatus } from '@/lib/sync/status';
import { mount } from './dom';

const NOW = Date.parse('2026-11-30T10:00:00Z');

const idle: SyncStatus = {
  running: false,
  lastRun: null,
  sources: [
    { source: 'contracts-finder', page: 0, totals: { pages: 0, releases: 0, notices: 0 } },
    { source: 'find-a-tender', page: 0, totals: { pages: 0, releases: 0, notices: 0 } },
  ],
  lastSuccessAt: null,
  retentionRules: ['Closed tenders are removed 90 days after their deadline.'],
};

function props(over: Partial<SyncPanelProps> = {}): SyncPanelProps {
  return {
    status: idle,
    error: null,
    notices: 160,
    dailyRefresh: true,
    keepAllBuyers: false,
    settingsReady: true,
    now: NOW,
    onRefresh: vi.fn(),
    onChange: vi.fn(),
    ...over,
  };
}

const button = (root: HTMLElement) => [...root.querySelectorAll('button')].find((b) => /Refresh/.test(b.textContent ?? ''))!;

describe('SyncPanel', () => {
  test('before any refresh: says the card uses the packaged notices, and offers Refresh now', () => {
    const onRefresh = vi.fn();
    const root = mount(<SyncPanel {...props({ onRefresh })} />);
    expect(root.textContent).toContain('never: the card uses the notices packaged with Council Lens');
    expect(root.textContent).toContain('Contracts Finder');
    expect(root.textContent).toContain('not refreshed yet');
    expect(root.textContent).toContain('Closed tenders are removed 90 days after their deadline.');
    button(root).click();
    expect(onRefresh).toHaveBeenCalledOnce();
  });

  test('while a refresh runs: the button is disabled and the progress names pages, notices and the window', () => {
    const running: SyncStatus = {
      ...idle,
      running: true,
      lastRun: {
        runId: 'r1',
        outcome: 'running',
        startedAt: NOW - 5000,
        sources: [
          { source: 'contracts-finder', window: { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' }, pages: 3, releases: 300, notices: 41, errors: [], state: 'running' },
        ],
      },
    };
    const root = mount(<SyncPanel {...props({ status: running })} />);
    expect(button(root).disabled).toBe(true);
    expect(button(root).textContent).toBe('Refreshing…');
    const progress = root.querySelector('[role="status"]')!;
    expect(progress.textContent).toContain('Contracts Finder: reading 2026-11-01 to 2026-11-04; 3 pages, 41 council notices stored');
  });

  test('a paused run says it waits for the service, and lists the problems', () => {
    const paused: SyncStatus = {
      ...idle,
      lastRun: {
        runId: 'r2',
        outcome: 'paused',
        startedAt: NOW - 60_000,
        finishedAt: NOW - 1000,
        resumeAt: NOW + 5 * 60_000,
        sources: [
          {
            source: 'contracts-finder',
            window: { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' },
            pages: 1,
            releases: 100,
            notices: 1,
            errors: [{ at: NOW - 2000, message: 'Contracts Finder answered 403' }],
            state: 'waiting',
            waitUntil: NOW + 5 * 60_000,
          },
        ],
      },
    };
    const root = mount(<SyncPanel {...props({ status: paused })} />);
    expect(root.textContent).toContain('Paused: a service asked us to wait');
    expect(root.textContent).toContain('waiting 5 min');
    expect(root.textContent).toContain('1 problem in the last refresh');
    expect(root.textContent).toContain('Contracts Finder answered 403');
    expect(root.textContent).toContain('1 page, 1 council notice stored');
  });

  test('an error reading the status is announced, and the switches still work', () => {
    const onChange = vi.fn();
    const root = mount(<SyncPanel {...props({ status: null, error: "Couldn't refresh: offline", onChange })} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("Couldn't refresh: offline");
    expect(button(root).disabled).toBe(true);
    const boxes = root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect([...boxes].map((b) => b.checked)).toEqual([true, false]);
    boxes[1]!.click();
    expect(onChange).toHaveBeenCalledWith({ keepAllBuyers: true });
  });
});

test('a saved switch says so inside this section, and nothing is announced otherwise', () => {
  const quiet = mount(<SyncPanel {...props()} />);
  expect([...quiet.querySelectorAll('[role="status"]')].map((s) => s.textContent)).not.toContain('Saved.');
  const saved = mount(<SyncPanel {...props({ saved: true })} />);
  expect([...saved.querySelectorAll('[role="status"]')].map((s) => s.textContent)).toContain('Saved.');
});
