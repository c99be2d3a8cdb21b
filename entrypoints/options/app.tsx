import { useEffect, useState } from 'preact/hooks';
import { ask } from '@/lib/extension/messaging';
import { readSettings, updateSettings } from '@/lib/extension/settings';
import type { DatasetStatus } from '@/lib/protocol';
import type { Settings } from '@/lib/settings';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void readSettings().then(setSettings);
    ask({ type: 'getStatus' }).then(setStatus, (e: unknown) => setStatusError(e instanceof Error ? e.message : String(e)));
  }, []);

  const change = async (patch: Partial<Settings>) => {
    setSettings(await updateSettings(patch));
    setSaved('Saved.');
  };

  return (
    <main class="cl-root cl-options">
      <h1>Council Lens settings</h1>
      <p>UK council context where you already work. Everything stays in your browser.</p>

      <section aria-labelledby="cl-linkedin">
        <h2 id="cl-linkedin">LinkedIn</h2>
        <p>
          On LinkedIn the council card shows in the browser's side panel: click the Council Lens button in the toolbar.
          The extension only reads LinkedIn pages and adds nothing to them.
        </p>
        <label class="cl-switch">
          <input
            type="checkbox"
            checked={settings?.inPageCardOnLinkedIn ?? false}
            disabled={!settings}
            onChange={(e) => void change({ inPageCardOnLinkedIn: e.currentTarget.checked })}
          />
          <span>Also show a compact card inside LinkedIn pages</span>
        </label>
        <p class="cl-hint">
          Off by default. LinkedIn's user agreement does not allow extensions to overlay its pages, and LinkedIn looks
          for elements that extensions add. Turning this on adds one hidden-from-the-page element in a corner of the
          page; use it at your own risk.
        </p>
        <p class="cl-status" role="status">
          {saved}
        </p>
      </section>

      <section aria-labelledby="cl-data">
        <h2 id="cl-data">Data</h2>
        {statusError ? (
          <p role="alert">Couldn't read the local data: {statusError}</p>
        ) : status ? (
          <dl>
            <dt>Councils and authorities</dt>
            <dd>{status.councils.toLocaleString('en-GB')}</dd>
            <dt>Service groups</dt>
            <dd>{status.serviceGroups}</dd>
            <dt>Dataset</dt>
            <dd>{status.loadedVersion ? `packaged with version ${status.loadedVersion}` : 'not loaded yet'}</dd>
          </dl>
        ) : (
          <p>Loading…</p>
        )}
        <p>
          Council register: mySociety (CC BY 4.0). Homepages and service tiers: GOV.UK (OGL v3). Nothing you browse is
          sent anywhere.
        </p>
      </section>
    </main>
  );
}
