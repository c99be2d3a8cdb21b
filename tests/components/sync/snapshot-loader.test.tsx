import { expect, test, vi } from 'vitest';
import { SnapshotLoader, snapshotTimeLeft, type SnapshotLoaderProps } from '@/components/sync/snapshot-loader';
import { loadedSnapshotText } from '@/lib/snapshot/loaded';
import { mount } from '../../support/dom';

const props = (over: Partial<SnapshotLoaderProps> = {}): SnapshotLoaderProps => ({
  state: { kind: 'idle' },
  now: 10_000,
  loadedText: null,
  publishedUrl: null,
  onFiles: vi.fn(),
  onPublished: vi.fn(),
  onCancel: vi.fn(),
  ...over,
});

test.each([
  // Checking half the file in 10 s: the rest of the check and the whole load, 30 s, are left.
  [{ phase: 'checking' as const, bytes: 500, totalBytes: 1000, notices: 50, totalNotices: 100 }, 0, 10_000, 30_000],
  [{ phase: 'loading' as const, bytes: 500, totalBytes: 1000, notices: 50, totalNotices: 100 }, 0, 15_000, 5_000],
  [{ phase: 'checking' as const, bytes: 0, totalBytes: 1000, notices: 0, totalNotices: 100 }, 0, 10_000, null],
])('time left for %j', (progress, startedAt, now, left) => {
  expect(snapshotTimeLeft(progress, startedAt, now)).toBe(left);
});

test('no published address: no published button; a file picker', () => {
  const root = mount(<SnapshotLoader {...props()} />);
  expect(root.textContent).toContain('Load from a file');
  expect(root.textContent).not.toContain('Load from the published snapshot');
  expect(root.querySelector('#cl-snapshot-file')).not.toBeNull();
});

test('running: counts, time left and Cancel; the published button when the build has an address', () => {
  const onCancel = vi.fn();
  const root = mount(
    <SnapshotLoader
      {...props({
        publishedUrl: 'https://example.org/manifest.json',
        onCancel,
        state: { kind: 'running', startedAt: 0, progress: { phase: 'loading', bytes: 500, totalBytes: 1000, notices: 20_000, totalNotices: 40_000 } },
        now: 3_600_000,
      })}
    />,
  );
  expect(root.querySelector('#cl-snapshot-progress')?.textContent).toMatch(/^\s*Loading: 20,000 of 40,000 notices, about 20 min left/);
  expect(root.textContent).toContain('Load from the published snapshot');
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
  expect(onCancel).toHaveBeenCalled();
});

test('refused: the reason, and that nothing was stored; where the history came from', () => {
  const loadedText = loadedSnapshotText({ file: 'council-notices-2024-01-01-2026-12-01.ndjson.gz', via: 'published', builtAt: '2026-12-01T03:00:00Z', loadedAt: 0, notices: 142_000, sources: [] });
  const root = mount(<SnapshotLoader {...props({ loadedText, state: { kind: 'refused', reason: 'The data file does not match its manifest (SHA-256 differs).' } })} />);
  expect(root.querySelector('[role="alert"]')?.textContent).toBe('Not loaded: The data file does not match its manifest (SHA-256 differs). Nothing was stored.');
  expect(root.querySelector('#cl-snapshot-loaded')?.textContent).toBe(
    'History loaded from the published snapshot, council-notices-2024-01-01-2026-12-01.ndjson.gz (built 1 Dec 2026): 142,000 council notices',
  );
});

test('waiting for a refresh: says why, no time left, Cancel still there', () => {
  const onCancel = vi.fn();
  const reason = 'A refresh is running; the snapshot loads as soon as it has stored its current page.';
  const progress = { phase: 'checking' as const, bytes: 1000, totalBytes: 1000, notices: 100, totalNotices: 100 };
  const root = mount(<SnapshotLoader {...props({ onCancel, state: { kind: 'running', startedAt: 0, progress, waiting: reason } })} />);
  expect(root.querySelector('#cl-snapshot-progress')?.textContent).toContain(`Checked. Waiting: ${reason}`);
  expect(root.textContent).not.toContain('left');
  (root.querySelector('#cl-snapshot-progress button') as HTMLButtonElement).click();
  expect(onCancel).toHaveBeenCalledOnce();
});
