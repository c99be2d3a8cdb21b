import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { createCouncilIndex } from '@/lib/councils';
import { describeRole } from '@/lib/roles';
import { RequestSchema, type Envelope, type Request, type TabContext, type TabContextChanged } from '@/lib/protocol';
import { CouncilLensDB } from './db';
import { showBadge } from './badge';
import { getCouncilCard } from './handlers/get-council-card';
import { getStatus } from './handlers/get-status';
import { councilProcurement } from './handlers/council-procurement';
import { lastSyncedAt, localDate } from './clock';
import { lookupCouncil } from './handlers/lookup-council';
import { buildKnowledge, type Knowledge } from './knowledge';
import { datasetMeta, loadDatasets } from './refresh/load-datasets';
import { TabState } from './tab-state';
import { createSyncRunner } from './sync-runner';
import { readSettings, watchSettings } from '@/lib/extension/settings';

export default defineBackground(() => {
  const db = new CouncilLensDB();
  const tabs = new TabState();
  let loading: Promise<unknown> | null = null;
  let knowledge: Promise<Knowledge> | null = null;
  // One lookup at a time per tab, in arrival order, so "reading" never lands after the result.
  const tabQueues = new Map<number, Promise<unknown>>();
  function queued<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run = (tabQueues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(job);
    tabQueues.set(tabId, run);
    void run.finally(() => tabQueues.get(tabId) === run && tabQueues.delete(tabId)).catch(() => undefined);
    return run;
  }

  /** Loads the packaged datasets into Dexie when forced (install/update) or when none are cached. */
  function ensureDatasets(force: boolean): Promise<unknown> {
    loading ??= (async () => {
      const version = browser.runtime.getManifest().version;
      if (!force && (await datasetMeta(db))) return;
      const [councils, services, seed] = await Promise.all([
        fetch(browser.runtime.getURL('/data/councils.json')).then((r) => r.text()),
        fetch(browser.runtime.getURL('/data/services.json')).then((r) => r.text()),
        fetch(browser.runtime.getURL('/data/notices-seed.json')).then((r) => r.text()),
      ]);
      await loadDatasets(db, { councils, services, seed, version });
      knowledge = null;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function getKnowledge(): Promise<Knowledge> {
    await ensureDatasets(false);
    knowledge ??= buildKnowledge(db, createCouncilIndex).catch((error: unknown) => {
      knowledge = null;
      throw error;
    });
    return knowledge;
  }

  const sync = createSyncRunner({
    db,
    councilIndex: async () => (await getKnowledge()).resolver,
    settings: readSettings,
  });

  async function publish(context: TabContext | null, tabId: number): Promise<void> {
    if (context) await tabs.set(context);
    else await tabs.delete(tabId);
    await showBadge(tabId, context);
    const message: TabContextChanged = { type: 'tabContextChanged', tabId, context };
    // No extension page may be open to hear it; that is fine.
    await browser.runtime.sendMessage(message).catch(() => undefined);
  }

  async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'lookupCouncil': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('lookupCouncil comes from a tab');
        return queued(tabId, async () => {
          const known = await getKnowledge();
          const now = Date.now();
          const context = lookupCouncil(request, tabId, {
            knowledge: known,
            classifyTitle: (title) => (title.trim() ? describeRole(title.trim()) : null),
            now,
          });
          if (context.card) {
            const group = context.role?.serviceGroup?.id ?? null;
            context.procurement = await councilProcurement(db, context.card.code, group, localDate(now), await lastSyncedAt(db));
          }
          await publish(context, tabId);
          return context;
        });
      }
      case 'getTabContext':
        return tabs.get(request.tabId);
      case 'getCouncilCard':
        return getCouncilCard(request.code, await getKnowledge());
      case 'getStatus':
        await ensureDatasets(false);
        return getStatus(db);
      case 'getSyncStatus':
        return sync.status();
      case 'refreshNow':
        await ensureDatasets(false);
        return sync.refreshNow();
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (e: Envelope<unknown>) => void) => {
    // Only our own pages and content scripts; and every message is re-validated.
    if (sender.id !== browser.runtime.id) return;
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'tabContextChanged' || type === 'syncChanged') return;
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `Invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
      return;
    }
    handle(parsed.data, sender).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void ensureDatasets(true);
    // A fresh install refreshes the packaged seed a minute later; an update keeps its schedule.
    void readSettings().then((settings) => sync.schedule(settings, reason === 'install'));
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureDatasets(false);
    void readSettings().then((settings) => sync.schedule(settings, false));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void sync.onAlarm(alarm.name).catch((error: unknown) => console.error('Council Lens sync:', error));
  });
  watchSettings((settings) => void sync.schedule(settings, false));

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.delete(tabId);
  });
  // A navigation to another site leaves no content script behind to clear the panel and badge;
  // within a site, the content script reports every page view itself.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const next = change.url;
    if (!next) return;
    void tabs.get(tabId).then((previous) => {
      if (previous && new URL(previous.url).host !== new URL(next).host) void publish(null, tabId);
    });
  });

  // Chrome: the toolbar button opens the side panel. Firefox: it toggles the sidebar.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  if (chromeSidePanel) {
    void chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action.onClicked.addListener(() => void sidebar?.toggle());
  }
});
