import { useState } from 'preact/hooks';

export interface CacheSpaceProps {
  /** Bytes this extension's storage uses (navigator.storage.estimate), or null while unknown. */
  usage: number | null;
  /** Notices in the cache, or null while unknown. */
  notices: number | null;
  /** Whether the browser keeps the storage under pressure (navigator.storage.persisted), null when it cannot say. */
  persisted: boolean | null;
  /** Clears the cached notices; resolves with how many went, rejects with the reason. */
  onClear(): Promise<{ removed: number }>;
}

/** "312 MB", "4.2 MB", "850 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 100 * 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/**
 * The space the cache uses and "Clear cached notices" (issue 10): a two-step button, because the
 * history takes hours to fetch again. It says plainly that the user's own records stay.
 */
export function CacheSpace({ usage, notices, persisted, onClear }: CacheSpaceProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const clear = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { removed } = await onClear();
      setMessage({ text: `Cleared ${removed.toLocaleString('en-GB')} cached notices. The next refresh fetches the history again.`, error: false });
    } catch (e) {
      setMessage({ text: `Couldn't clear the cache: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <div class="cl-cache-space">
      <h3>Space used</h3>
      <p>
        {usage === null ? 'Measuring…' : `${formatBytes(usage)} in this browser`}
        {notices !== null && `, ${notices.toLocaleString('en-GB')} cached notices with your own records`}.
        {persisted === true && ' The browser keeps it when disk space runs low.'}
        {persisted === false && ' The browser may clear it if disk space runs low; your own records are in the workspace export.'}
      </p>
      {confirming ? (
        <div class="cl-cache-space__confirm" role="group" aria-label="Confirm clearing the cached notices">
          <p>
            Clear {notices === null ? 'the' : notices.toLocaleString('en-GB')} cached notices? Your tender notes, prospects and savings items stay.
          </p>
          <button type="button" class="cl-button cl-button--danger" disabled={busy} onClick={() => void clear()}>
            {busy ? 'Clearing…' : 'Clear cached notices'}
          </button>{' '}
          <button type="button" class="cl-button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" class="cl-button" disabled={notices === 0} onClick={() => setConfirming(true)}>
          Clear cached notices…
        </button>
      )}
      {message && (
        <p class={message.error ? 'cl-sync__error' : 'cl-status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
