import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SnapshotLoadState } from '@/components/sync/snapshot-loader';
import { ask } from '@/lib/extension/messaging';
import { checkManifest, MANIFEST_FILE, type SnapshotManifest } from '@/lib/snapshot/format';
import { loadedSnapshotText } from '@/lib/snapshot/loaded';
import { snapshotOrigins } from '@/lib/snapshot/published';
import { loadSnapshot, type OpenStream, type SnapshotProgress } from '@/lib/snapshot/read';
import { SyncChangedSchema } from '@/lib/protocol';
import { onBroadcast } from '@/lib/extension/runtime-messages';
import { lastValue, useBackgroundRead } from '@/hooks/use-background-read';

/** The published snapshot's manifest address, set at build time (README: "Publishing snapshots"); empty: none. */
export const PUBLISHED_SNAPSHOT_URL: string | null = (import.meta.env['WXT_SNAPSHOT_URL'] as string | undefined)?.trim() || null;

/** How often a load waiting for a refresh asks for the sync lock again. */
const LOCK_POLL_MS = 1_000;

/** The manifest and the data file among picked files: `manifest.json` (or the one .json) and the .gz it names. */
async function pickedSnapshot(files: File[]): Promise<{ manifest: SnapshotManifest; open: OpenStream } | string> {
  const manifestFile = files.find((f) => f.name === MANIFEST_FILE) ?? files.find((f) => f.name.endsWith('.json'));
  if (!manifestFile) return 'Pick the snapshot’s manifest.json together with its .ndjson.gz data file.';
  const check = checkManifest(await manifestFile.text());
  if (!check.ok) return check.reason;
  const data = files.find((f) => f.name === check.manifest.file) ?? files.filter((f) => f.name.endsWith('.gz')).at(0);
  if (!data) return `Pick the data file ${check.manifest.file} together with its manifest.`;
  return { manifest: check.manifest, open: () => data.stream() };
}

/**
 * The options page's snapshot load: checks and streams the file here (File.stream and
 * DecompressionStream, memory flat), takes the sync lock (waiting while a refresh holds it), sends
 * the lines to the background in batches, and at the end asks it to move the sync edges and
 * release the lock. Cancel stops between batches and releases the lock.
 */
export function useSnapshotLoad() {
  const [state, setState] = useState<SnapshotLoadState>({ kind: 'idle' });
  const [now, setNow] = useState(Date.now());
  const controller = useRef<AbortController | null>(null);

  // What the last load brought, read again whenever the sync's state changed.
  const loaded = useBackgroundRead(async () => {
    const snapshot = await ask({ type: 'getLoadedSnapshot' });
    return snapshot ? loadedSnapshotText(snapshot) : null;
  }, { rereadOn: onBroadcast((m) => SyncChangedSchema.safeParse(m).success) });

  const run = async (source: () => Promise<{ manifest: SnapshotManifest; open: OpenStream } | string>, via: 'file' | 'published') => {
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    setState({ kind: 'running', progress: null, startedAt });
    /** The sync lock, once the background gave it: held from the first batch to the end. */
    let loadId: string | null = null;
    let finished = false;
    try {
      const picked = await source();
      if (typeof picked === 'string') return setState({ kind: 'refused', reason: picked });
      let last: SnapshotProgress | null = null;
      const result = await loadSnapshot(
        picked.open,
        picked.manifest,
        async (lines) => {
          const stored = await ask({ type: 'storeSnapshotLines', loadId: loadId!, lines });
          if (!stored.ok) throw new Error(stored.reason);
        },
        {
          signal: abort.signal,
          onProgress: (progress) => {
            last = progress;
            setNow(Date.now());
            setState({ kind: 'running', progress, startedAt });
          },
          // The file has passed: take the sync lock, waiting while a refresh stores its page.
          beforeStore: async () => {
            while (!abort.signal.aborted) {
              const begun = await ask({ type: 'beginSnapshotLoad' });
              if (begun.ok) {
                loadId = begun.loadId;
                return;
              }
              setState({ kind: 'running', progress: last, startedAt, waiting: begun.reason });
              await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
            }
          },
        },
      );
      if (!result.ok) return setState(result.cancelled ? { kind: 'cancelled' } : { kind: 'refused', reason: result.reason });
      const done = await ask({ type: 'finishSnapshotLoad', loadId: loadId!, manifest: picked.manifest, via });
      finished = true;
      if (!done.ok) return setState({ kind: 'refused', reason: done.reason });
      loaded.set(loadedSnapshotText(done.loaded));
      setState({ kind: 'done', notices: result.notices });
    } catch (error) {
      setState({ kind: 'refused', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      controller.current = null;
      // Cancelled or refused after the lock was taken: release it, so refreshes go on at once.
      if (loadId !== null && !finished) void ask({ type: 'endSnapshotLoad', loadId }).catch(() => undefined);
    }
  };

  return {
    state,
    now,
    loadedText: lastValue(loaded.state),
    publishedUrl: PUBLISHED_SNAPSHOT_URL,
    onFiles: (files: File[]) => void run(() => pickedSnapshot(files), 'file'),
    onPublished: () =>
      void run(async () => {
        const url = PUBLISHED_SNAPSHOT_URL!;
        // Optional host permission, asked for at the click (a user gesture).
        if (!(await browser.permissions.request({ origins: snapshotOrigins(url) }))) return 'Council Lens was not allowed to read the snapshot’s address.';
        const manifestResponse = await fetch(url, { credentials: 'omit' });
        if (!manifestResponse.ok) return `The published manifest could not be read (HTTP ${manifestResponse.status}).`;
        const check = checkManifest(await manifestResponse.text());
        if (!check.ok) return check.reason;
        const dataResponse = await fetch(new URL(check.manifest.file, url), { credentials: 'omit' });
        if (!dataResponse.ok) return `The published data file could not be read (HTTP ${dataResponse.status}).`;
        // Kept as a Blob (the gzipped bytes, a few MB) so it can be read twice: checked, then stored.
        const blob = await dataResponse.blob();
        return { manifest: check.manifest, open: () => blob.stream() };
      }, 'published'),
    onCancel: () => controller.current?.abort(),
  };
}
