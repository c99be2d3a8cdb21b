import type { SnapshotProgress } from '@/lib/snapshot/read';
import { durationText } from './history-line';

export type SnapshotLoadState =
  | { kind: 'idle' }
  /** `waiting`: the file passed, and the load waits for the refresh holding the sync lock (why, in words). */
  | { kind: 'running'; progress: SnapshotProgress | null; startedAt: number; waiting?: string }
  | { kind: 'done'; notices: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'cancelled' };

export interface SnapshotLoaderProps {
  state: SnapshotLoadState;
  now: number;
  /** Where the history came from, when a snapshot was loaded (lib/snapshot/loaded.ts loadedSnapshotText). */
  loadedText: string | null;
  /** The build's published snapshot address; null hides "Load from the published snapshot". */
  publishedUrl: string | null;
  onFiles(files: File[]): void;
  onPublished(): void;
  onCancel(): void;
}

/** Time left from the bytes read so far in the phase, or null until there is something to go on. */
export function snapshotTimeLeft(progress: SnapshotProgress, startedAt: number, now: number): number | null {
  const done = (progress.phase === 'checking' ? 0 : progress.totalBytes) + progress.bytes;
  const total = progress.totalBytes * 2;
  if (done <= 0 || now <= startedAt) return null;
  return ((now - startedAt) / done) * (total - done);
}

/**
 * "Load history from a snapshot" in the options page's History section: a file picker (manifest and
 * data file together), the published snapshot when the build has an address, a progress bar with
 * counts and time left, and Cancel.
 */
export function SnapshotLoader({ state, now, loadedText, publishedUrl, onFiles, onPublished, onCancel }: SnapshotLoaderProps) {
  const running = state.kind === 'running';
  const progress = running ? state.progress : null;
  const left = running && progress && !state.waiting ? snapshotTimeLeft(progress, state.startedAt, now) : null;
  return (
    <div class="cl-snapshot">
      <h3>Load history from a snapshot</h3>
      <p class="cl-hint">
        A snapshot holds years of council notices in a few megabytes: a colleague's, your own (<code>npm run data:snapshot</code>) or
        the published one. It is checked against its manifest before anything is stored; your notes, savings and prospects are
        never touched.
      </p>
      {loadedText ? <p id="cl-snapshot-loaded">{loadedText}</p> : null}
      <p>
        <label class="cl-button">
          Load from a file (manifest.json and its .ndjson.gz)
          <input
            id="cl-snapshot-file"
            type="file"
            multiple
            accept=".json,.gz,application/json,application/gzip"
            disabled={running}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
        </label>{' '}
        {publishedUrl ? (
          <button type="button" class="cl-button" disabled={running} onClick={onPublished}>
            Load from the published snapshot
          </button>
        ) : null}
      </p>
      {running ? (
        <div role="status" id="cl-snapshot-progress">
          <progress max={progress ? progress.totalBytes * 2 : 1} value={progress ? (progress.phase === 'loading' ? progress.totalBytes : 0) + progress.bytes : 0} />{' '}
          {running && state.waiting
            ? `Checked. Waiting: ${state.waiting}`
            : progress
            ? `${progress.phase === 'checking' ? 'Checking' : 'Loading'}: ${progress.notices.toLocaleString('en-GB')} of ${progress.totalNotices.toLocaleString('en-GB')} notices${left !== null ? `, ${durationText(left)} left` : ''}`
            : 'Starting…'}{' '}
          <button type="button" class="cl-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.kind === 'done' ? <p role="status" id="cl-snapshot-result">Loaded {state.notices.toLocaleString('en-GB')} notices.</p> : null}
      {state.kind === 'refused' ? (
        <p role="alert" id="cl-snapshot-result">
          Not loaded: {state.reason} Nothing was stored.
        </p>
      ) : null}
      {state.kind === 'cancelled' ? <p role="status" id="cl-snapshot-result">Cancelled. The notices stored so far stay; the history edges were not moved.</p> : null}
    </div>
  );
}
