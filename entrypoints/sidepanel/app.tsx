import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TabPanel } from '@/components/panel/tab-panel';
import type { TimingState } from '@/components/panel/timing-panel';
import { SaveProspect, type ProspectState } from '@/components/panel/save-prospect';
import { ask } from '@/lib/extension/messaging';
import { SavingsChangedSchema, TabContextChangedSchema, WorkspaceChangedSchema } from '@/lib/protocol';
import type { TabContext } from '@/lib/page-context';
import { prospectId, type ProspectFieldTimes, type ProspectPatch } from '@/lib/workspace/schema';
import { errorText, localDate } from '@/components/format';
import { onBroadcast, onRuntimeMessage } from '@/lib/extension/runtime-messages';
import { lastValue, useBackgroundRead } from '@/hooks/use-background-read';
import { HistoryFooter } from '@/components/sync/history-footer';
import { SyncChangedSchema } from '@/lib/protocol';
import { SyncStatusSchema, type SyncStatus } from '@/lib/sync/status';

/** The sync status for the footer's history line, read again whenever the background says it changed. */
function useSyncStatus(): { status: SyncStatus | null; setPaused(paused: boolean): void } {
  const sync = useBackgroundRead(async () => SyncStatusSchema.parse(await ask({ type: 'getSyncStatus' })), {
    rereadOn: onBroadcast((m) => SyncChangedSchema.safeParse(m).success),
  });
  const setPaused = (historyPaused: boolean) =>
    void ask({ type: 'setHistory', patch: { historyPaused } }).then(
      (value) => {
        const parsed = SyncStatusSchema.safeParse(value);
        if (parsed.success) sync.set(parsed.data);
      },
      () => undefined,
    );
  return { status: lastValue(sync.state), setPaused };
}

/**
 * Which tab the panel follows: `?tab=<id>` when opened as a page (tests, "open in tab"), else the
 * active tab of this window, following tab switches.
 */
function useFollowedTab(): number | null {
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fixed) && fixed > 0 ? fixed : null);
  useEffect(() => {
    if (Number.isInteger(fixed) && fixed > 0) return;
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

/**
 * The Timing section's data for the card's council and the person's service group: fetched when
 * either changes, again whenever the background says savings items changed, and quietly when a
 * refresh brought new notices (`syncedAt`, the card's last refresh: contract ends may have moved).
 */
function useTiming(council: string | null, group: string | null, syncedAt: number | null = null): { state: TimingState | null; reload: () => void } {
  const timing = useBackgroundRead(async () => ({ data: await ask({ type: 'getTiming', council: council!, serviceGroup: group }), today: localDate() }), {
    inputs: [council, group],
    enabled: council !== null,
    // Same council and service, newer notices: keep what is shown while re-reading.
    refreshOn: [syncedAt],
    // A refresh after a savings change keeps what is shown until the answer arrives.
    rereadOn: onBroadcast((m) => SavingsChangedSchema.safeParse(m).success),
  });
  const { state } = timing;
  return {
    state: state.status === 'idle' ? null : state.status === 'ready' ? { status: 'ready', ...state.value } : state.status === 'error' ? { status: 'error', error: state.error } : state,
    reload: () => timing.reload(),
  };
}

/** The saved prospect for a council profile: read when the profile changes and when the workspace says it changed. */
function useProspect(id: string | null): { state: ProspectState; save(fields: ProspectPatch, baseTimes?: ProspectFieldTimes): ReturnType<typeof saveProspect> } {
  const prospect = useBackgroundRead(() => ask({ type: 'getProspect', id: id! }), {
    inputs: [id],
    enabled: id !== null,
    rereadOn: onBroadcast((message) => {
      const changed = WorkspaceChangedSchema.safeParse(message);
      return changed.success && (changed.data.kind === 'all' || (changed.data.kind === 'prospect' && changed.data.id === id));
    }),
  });
  const { state } = prospect;
  const save = async (fields: ProspectPatch, baseTimes?: ProspectFieldTimes) => {
    const result = await saveProspect(id!, fields, baseTimes);
    prospect.set(result.prospect);
    return result;
  };
  return {
    state: state.status === 'ready' ? { status: 'ready', prospect: state.value } : state.status === 'error' ? { status: 'error', error: state.error } : { status: 'loading' },
    save,
  };
}

function saveProspect(id: string, fields: ProspectPatch, baseTimes?: ProspectFieldTimes) {
  return ask({ type: 'editProspect', edit: { id, fields, at: Date.now(), ...(baseTimes ? { baseTimes } : {}) } });
}

export function App() {
  const tabId = useFollowedTab();
  const [context, setContext] = useState<TabContext | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (tabId === null) return;
    setLoading(true);
    setError(null);
    try {
      setContext(await ask({ type: 'getTabContext', tabId }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [tabId]);

  useEffect(() => {
    void load();
    return onRuntimeMessage((message) => {
      const changed = TabContextChangedSchema.safeParse(message);
      if (changed.success && changed.data.tabId === tabId) {
        setContext(changed.data.context);
        setError(null);
        setLoading(false);
      }
    });
  }, [load, tabId]);

  const card = context?.status === 'council' ? context.card : null;
  const group = context?.role?.serviceGroup?.id ?? null;
  const timing = useTiming(card?.code ?? null, group, context?.procurement?.lastSyncedAt ?? null);
  const profileProspectId = card && context?.pageKind === 'linkedin-profile' ? prospectId(context.url) : null;
  const prospect = useProspect(profileProspectId);
  const sync = useSyncStatus();
  const onAddSavings = () => {
    if (!card) return;
    const query = new URLSearchParams({ council: card.code });
    if (group) query.set('group', group);
    void browser.tabs.create({ url: `${browser.runtime.getURL('/savings.html')}?${query}` });
  };

  return (
    <div class="cl-root cl-app">
      <TabPanel
        context={context}
        loading={loading}
        error={error}
        onRetry={() => void load()}
        timing={timing.state}
        onAddSavings={onAddSavings}
        onRetryTiming={timing.reload}
        prospect={
          context && profileProspectId ? (
            <SaveProspect context={context} state={prospect.state} onSave={prospect.save} workspaceUrl={browser.runtime.getURL('/workspace.html')} />
          ) : null
        }
      />
      <footer class="cl-app__footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings
        </a>
        <a href={browser.runtime.getURL('/workspace.html')} target="_blank" rel="noopener">
          Workspace
        </a>
        <span>Everything stays in your browser.</span>
        <HistoryFooter history={sync.status?.history ?? null} running={sync.status?.running ?? false} onPause={sync.setPaused} />
        <p>Council data: mySociety (CC BY 4.0); GOV.UK (OGL v3).</p>
      </footer>
    </div>
  );
}
