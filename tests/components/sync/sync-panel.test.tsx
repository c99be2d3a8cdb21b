import { describe, expect, test, vi } from 'vitest';
import { SyncPanel, type SyncPanelProps } from '@/components/sync/sync-panel';
import type { SyncStatus } from '@/lib/sync/status';
import { mount } from '../../support/dom';

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
    expect(progress.querySelector('progress')?.getAttribute('aria-label')).toBe('Refreshing the notices');
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
    // In plain words with what to do; the technical message behind "Details"; not styled as an error (it waits).
    expect(root.querySelector('.cl-notice--info')?.textContent).toContain('Contracts Finder: a problem in the last refresh. Something went wrong while fetching notices.');
    expect(root.querySelector('.cl-notice--error')).toBeNull();
    expect(root.querySelector('details > summary')?.textContent).toBe('Details (1 message)');
    expect(root.querySelector('details')?.textContent).toContain('Contracts Finder answered 403');
    expect(root.textContent).toContain('1 page, 1 council notice stored');
  });

  test('a run stopped by a refused request: said plainly as an error, with what to do, the URL only under Details', () => {
    const technical = 'Contracts Finder: HTTP 404 for https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?publishedFrom=2026-11-01T00:00:00Z&limit=100';
    const failed: SyncStatus = {
      ...idle,
      lastRun: {
        runId: 'r3',
        outcome: 'failed',
        startedAt: NOW - 60_000,
        finishedAt: NOW - 1000,
        sources: [
          { source: 'contracts-finder', window: { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' }, pages: 0, releases: 0, notices: 0, errors: [{ at: NOW - 2000, message: technical }], state: 'failed' },
        ],
      },
    };
    const root = mount(<SyncPanel {...props({ status: failed })} />);
    expect(button(root).disabled).toBe(false);
    expect(root.querySelector('progress')).toBeNull();
    const notice = root.querySelector('.cl-notice--error')!;
    const [first, second] = [...notice.querySelectorAll(':scope > p')].map((p) => p.textContent);
    expect(first).toBe('The last refresh stopped: Contracts Finder. The service did not accept Council Lens’s request: it may have changed how it works.');
    expect(second).toContain('Try again later; if it keeps happening, Council Lens may need an update.');
    // The address is only inside the closed Details fold.
    const details = notice.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(technical);
    details.remove();
    expect(notice.textContent).not.toContain('HTTP 404');
    expect(notice.textContent).not.toContain('publishedFrom');
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

test('a finished run that got past problems says so calmly, with the messages under Details', () => {
  const done: SyncStatus = {
    ...idle,
    lastRun: {
      runId: 'r4',
      outcome: 'done',
      startedAt: NOW - 60_000,
      finishedAt: NOW - 1000,
      sources: [
        {
          source: 'find-a-tender',
          window: { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' },
          pages: 2,
          releases: 200,
          notices: 9,
          errors: [
            { at: NOW - 3000, message: 'Find a Tender: HTTP 502; retrying in 2 s' },
            { at: NOW - 2000, message: 'Find a Tender: network error: Failed to fetch; retrying in 4 s' },
          ],
          state: 'done',
        },
      ],
    },
  };
  const root = mount(<SyncPanel {...props({ status: done })} />);
  expect(root.querySelector('.cl-notice--error')).toBeNull();
  expect(root.querySelector('.cl-sync__problem')?.textContent).toMatch(/^The last refresh finished, getting past 2 problems on the way\.Details \(2 messages\)/);
});
