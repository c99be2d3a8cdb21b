import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PortalSwitches } from '@/components/sync/portal-switches';
import { SyncPanel } from '@/components/sync/sync-panel';
import { CacheSpace } from '@/components/sync/cache-space';
import { storageSpace } from '@/lib/extension/storage-space';
import { HistoryPanel } from '@/components/sync/history-panel';
import { SnapshotLoader } from '@/components/sync/snapshot-loader';
import { useSnapshotLoad } from './snapshot-load';
import type { HistoryMonths } from '@/lib/sync/backfill';
import { SavingsManager } from '@/components/savings/savings-manager';
import { ReminderSettings } from '@/components/workspace/reminder-settings';
import { CouncilSitesSetting } from '@/components/site-badge/council-sites-setting';
import { ask } from '@/lib/extension/messaging';
import { readSettings, updateSettings } from '@/lib/extension/settings';
import { SavingsChangedSchema, SyncChangedSchema, type DatasetStatus } from '@/lib/protocol';
import type { Settings } from '@/lib/settings';
import { SyncStatusSchema, type SyncStatus } from '@/lib/sync/status';
import { useCouncilSites } from './council-sites';
import { LayoutHealthSection } from './layout-health';
import { errorText } from '@/components/format';
import { useCouncilList } from '@/components/live-data';
import { lastError, lastValue, useBackgroundRead } from '@/hooks/use-background-read';
import { onBroadcast, onRuntimeMessage } from '@/lib/extension/runtime-messages';

/** The sync's status, read again whenever the background says it changed (and each second while it runs). */
function useSyncStatus() {
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const read = (request: Promise<unknown>) =>
    request.then(
      (value) => {
        setSync(SyncStatusSchema.parse(value));
        setError(null);
        setNow(Date.now());
      },
      (e: unknown) => setError(`Couldn't refresh: ${errorText(e)}`),
    );
  useEffect(() => {
    void read(ask({ type: 'getSyncStatus' }));
    return onRuntimeMessage((m) => {
      if (SyncChangedSchema.safeParse(m).success) void read(ask({ type: 'getSyncStatus' }));
    });
  }, []);
  useEffect(() => {
    if (!sync?.running) return;
    const timer = setInterval(() => void read(ask({ type: 'getSyncStatus' })), 1000);
    return () => clearInterval(timer);
  }, [sync?.running]);
  return {
    sync,
    error,
    now,
    refresh: () => void read(ask({ type: 'refreshNow' })),
    setHistory: (patch: { historyMonths?: HistoryMonths; historyPaused?: boolean }) => void read(ask({ type: 'setHistory', patch })),
  };
}

/** The savings items and council names, read again whenever the background says they changed. */
function useSavings() {
  const { state } = useBackgroundRead(() => ask({ type: 'listSavings' }), { rereadOn: onBroadcast((m) => SavingsChangedSchema.safeParse(m).success) });
  const councils = useCouncilList();
  return { items: lastValue(state), councils, error: lastError(state) };
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  /** Which section's switch was saved last: its "Saved." shows beside that section only. */
  const [savedIn, setSavedIn] = useState<'linkedin' | 'sync' | null>(null);
  const sync = useSyncStatus();
  const savings = useSavings();
  const councilSites = useCouncilSites(settings, setSettings);
  const snapshot = useSnapshotLoad();
  const [space, setSpace] = useState<{ usage: number | null; persisted: boolean | null }>({ usage: null, persisted: null });

  useEffect(() => {
    void readSettings().then(setSettings);
    ask({ type: 'getStatus' }).then(setStatus, (e: unknown) => setStatusError(errorText(e)));
  }, []);
  // The notices count changes as a refresh stores pages.
  useEffect(() => {
    if (sync.sync) void ask({ type: 'getStatus' }).then(setStatus, () => undefined);
    void storageSpace().then(setSpace);
  }, [sync.sync]);

  const change = async (patch: Partial<Settings>, section: 'linkedin' | 'sync') => {
    setSettings(await updateSettings(patch));
    setSavedIn(section);
  };

  return (
    <main class="cl-root cl-options">
      <h1>Council Lens settings</h1>
      <p>UK council context where you already work. Everything stays in your browser.</p>

      <section aria-labelledby="cl-linkedin">
        <h2 id="cl-linkedin">LinkedIn</h2>
        <p>
          On LinkedIn the council card shows in the browser's side panel: click the Council Lens button in the toolbar, then “Open side panel”.
          The extension only reads LinkedIn pages and adds nothing to them.
        </p>
        <label class="cl-switch">
          <input
            type="checkbox"
            checked={settings?.inPageCardOnLinkedIn ?? false}
            disabled={!settings}
            onChange={(e) => void change({ inPageCardOnLinkedIn: e.currentTarget.checked }, 'linkedin')}
          />
          <span>Also show a compact card inside LinkedIn pages</span>
        </label>
        <p class="cl-hint">
          Off by default. LinkedIn's user agreement does not allow extensions to overlay its pages, and LinkedIn looks
          for elements that extensions add. Turning this on adds one hidden-from-the-page element in a corner of the
          page; use it at your own risk.
        </p>
        <p class="cl-status" role="status">
          {savedIn === 'linkedin' ? 'Saved.' : ''}
        </p>
      </section>

      <LayoutHealthSection />

      <CouncilSitesSetting
        enabled={councilSites.enabled}
        busy={councilSites.busy}
        message={councilSites.message}
        siteCount={councilSites.siteCount}
        onChange={councilSites.change}
      />

      <SyncPanel
        status={sync.sync}
        error={sync.error}
        notices={status?.notices ?? null}
        dailyRefresh={settings?.dailyRefresh ?? true}
        keepAllBuyers={settings?.keepAllBuyers ?? false}
        settingsReady={settings !== null}
        now={sync.now}
        onRefresh={sync.refresh}
        onChange={(patch) => void change(patch, 'sync')}
        saved={savedIn === 'sync'}
      />
      <PortalSwitches
        status={sync.sync}
        enabled={{ syncPublicContractsScotland: settings?.syncPublicContractsScotland ?? true, syncSell2Wales: settings?.syncSell2Wales ?? true }}
        historyMonths={settings?.historyMonths ?? 12}
        settingsReady={settings !== null}
        onChange={(patch) => void change(patch, 'sync')}
      />
      <CacheSpace
        usage={space.usage}
        notices={status?.notices ?? null}
        persisted={space.persisted}
        onClear={async () => {
          const cleared = await ask({ type: 'clearNotices' });
          setStatus(await ask({ type: 'getStatus' }));
          setSpace(await storageSpace());
          return cleared;
        }}
      />

      <HistoryPanel
        history={sync.sync?.history ?? null}
        running={sync.sync?.running ?? false}
        onMonths={(historyMonths) => sync.setHistory({ historyMonths })}
        onPause={(historyPaused) => sync.setHistory({ historyPaused })}
      >
        <SnapshotLoader {...snapshot} />
      </HistoryPanel>

      <SavingsManager
        items={savings.items}
        councils={savings.councils}
        error={savings.error}
        onImport={(text, format) => ask({ type: 'importSavings', text, format })}
        onExport={(format) => ask({ type: 'exportSavings', format })}
        onDelete={(id) => ask({ type: 'deleteSavingsItem', id })}
        onRestore={(item) => ask({ type: 'saveSavingsItem', item })}
      />

      <ReminderSettings
        days={settings?.reminderDaysBefore ?? null}
        workspaceUrl={browser.runtime.getURL('/workspace.html')}
        onSave={async (days) => setSettings(await updateSettings({ reminderDaysBefore: days }))}
      />

      <section aria-labelledby="cl-workspace">
        <h2 id="cl-workspace">Workspace</h2>
        <p>
          Your tender annotations and saved prospects, with search, filters, exports, import and “Delete all my data”:{' '}
          <a href={browser.runtime.getURL('/workspace.html')} target="_blank" rel="noopener">
            open the workspace
          </a>
          .
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
