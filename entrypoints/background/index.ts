import '@/lib/zod-jitless';
import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { createCouncilIndex } from '@/lib/councils';
import { describeRole } from '@/lib/roles';
import { RequestSchema, type CouncilCard, type CouncilCardView, type Envelope, type Procurement, type Request, type TabContext } from '@/lib/protocol';
import { CouncilLensDB } from './db';
import { showBadge } from './badge';
import { getCouncilCard } from './handlers/get-council-card';
import { getStatus } from './handlers/get-status';
import { clearNotices } from './handlers/clear-notices';
import { beginSnapshotLoad, endSnapshotLoad, finishSnapshotLoad, loadedSnapshot, storeSnapshotLines } from './handlers/snapshot';
import { historyMonthsFor } from '@/lib/snapshot/loaded';
import { councilProcurement } from './handlers/council-procurement';
import { lastSyncedAt, localDate } from './clock';
import { lookupCouncil } from './handlers/lookup-council';
import { noteLayoutRead } from './layout-health';
import { buildKnowledge, type Knowledge } from './knowledge';
import { datasetMeta, loadDatasets } from './refresh/load-datasets';
import { TabState } from './tab-state';
import { createSyncRunner } from './sync-runner';
import { deleteSavingsItem, exportSavings, getTiming, importSavings, listSavings, saveSavingsItem } from './handlers/savings';
import { openReferencesTab, registerCapture, readDraft } from './capture';
import type { WorkspaceChanged } from '@/lib/protocol';
import { deleteAllUserData, deleteRecord, editAnnotation, editProspect, exportWorkspace, getAnnotation, getProspect, importWorkspace, listWorkspace, noticeInsight } from './handlers/workspace';
import { createReminders } from './reminders';
import { readSettings, updateSettings, watchSettings } from '@/lib/extension/settings';
import { getSiteCouncils } from './handlers/site-councils';
import { registerCouncilSites } from './council-sites';
import { search } from './handlers/search';
import { supplierReferences } from './handlers/supplier-references';
import { createSupplierIndexCache } from './supplier-index';
import { broadcast, isBroadcast } from './broadcast';
import { createSpendReader } from './handlers/council-spend';
import { NOTICE_PAGE_MATCHES } from '@/lib/ocds/portals';

/** Tender notice pages, whose open tabs hear about annotation changes (host permissions cover them). */
const NOTICE_TAB_PATTERNS = [...NOTICE_PAGE_MATCHES];

export default defineBackground(() => {
  const db = new CouncilLensDB();
  // Suppliers of council awards, in memory; rebuilt on the first search after the notices change.
  const supplierIndex = createSupplierIndexCache(db);
  const tabs = new TabState();
  const spend = createSpendReader(() => fetch(browser.runtime.getURL('/data/spend.json')).then((r) => r.text()));
  let loading: Promise<unknown> | null = null;
  let datasetsChecked = false;
  let knowledge: Promise<Knowledge> | null = null;
  // One lookup at a time per tab, in arrival order, so "reading" never lands after the result.
  const tabQueues = new Map<number, Promise<unknown>>();
  function queued<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run = (tabQueues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(job);
    tabQueues.set(tabId, run);
    void run.finally(() => tabQueues.get(tabId) === run && tabQueues.delete(tabId)).catch(() => undefined);
    return run;
  }

  /**
   * Loads the packaged datasets into Dexie when forced (install/update), when none are cached, or
   * when the cached ones came with another version of the extension: an update whose
   * onInstalled event met a load already running still gets its new register.
   */
  function ensureDatasets(force: boolean): Promise<unknown> {
    // Checked once per worker: every message asks for the knowledge, and the answer cannot change
    // until the next install or update (which forces a reload).
    if (!force && datasetsChecked) return Promise.resolve();
    loading ??= (async () => {
      const version = browser.runtime.getManifest().version;
      if (force || (await datasetMeta(db))?.version !== version) {
        const [councils, services, seed] = await Promise.all([
          fetch(browser.runtime.getURL('/data/councils.json')).then((r) => r.text()),
          fetch(browser.runtime.getURL('/data/services.json')).then((r) => r.text()),
          fetch(browser.runtime.getURL('/data/notices-seed.json')).then((r) => r.text()),
        ]);
        await loadDatasets(db, { councils, services, seed, version });
        knowledge = null;
      }
      datasetsChecked = true;
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

  /** The card's open tenders and contracts ending, from the cache: the person's service group first. */
  async function procurementFor(code: string, context: Pick<TabContext, 'role'> | null, now: number): Promise<Procurement> {
    const group = context?.role?.serviceGroup?.id ?? null;
    return councilProcurement(db, code, group, localDate(now), await lastSyncedAt(db));
  }

  /** A card shown outside a tab context (popup, council website) with its open tenders and contracts ending. */
  async function withProcurement(card: CouncilCard): Promise<CouncilCardView> {
    return { ...card, procurement: await procurementFor(card.code, null, Date.now()).catch(() => null) };
  }

  const sync = createSyncRunner({
    db,
    councilIndex: async () => (await getKnowledge()).resolver,
    settings: readSettings,
    updateSettings,
    // The open tenders and contracts on every card on screen, read again from the refreshed cache;
    // then the supplier index is rebuilt (and its snapshot kept) in the background, so the first
    // supplier search after a refresh does not wait for it. The refresh is reported finished first.
    onStored: async () => {
      await republishCards();
      void supplierIndex.get().catch(() => undefined);
    },
  });

  async function republishCards(): Promise<void> {
    for (const context of await tabs.all()) {
      if (!context.card) continue;
      const { tabId } = context;
      await queued(tabId, async () => {
        const current = await tabs.get(tabId);
        if (!current?.card || current.updatedAt !== context.updatedAt) return;
        const procurement = await procurementFor(current.card.code, current, Date.now());
        await publish({ ...current, procurement }, tabId);
      });
    }
  }

  const savingsChanged = (): void => void broadcast({ type: 'savingsChanged' });
  /** Runs a savings write and tells open extension pages (side panel, options) to read again. */
  async function changingSavings<T>(write: () => Promise<T>): Promise<T> {
    const result = await write();
    savingsChanged();
    return result;
  }

  const reminders = createReminders(db, async () => (await readSettings()).reminderDaysBefore);
  /** Tells extension pages and every open notice tab that a workspace record changed, then re-plans reminders. */
  function workspaceChanged(kind: WorkspaceChanged['kind'], id: string | null): void {
    const message: WorkspaceChanged = { type: 'workspaceChanged', kind, id };
    void broadcast(message);
    void browser.tabs
      .query({ url: NOTICE_TAB_PATTERNS })
      .then((open) => Promise.all(open.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, message).catch(() => undefined))))
      .catch(() => undefined);
    if (kind !== 'prospect') void reminders.sync().catch((error: unknown) => console.error('Council Lens reminders:', error));
  }

  async function publish(context: TabContext | null, tabId: number): Promise<void> {
    if (context) await tabs.set(context);
    else await tabs.delete(tabId);
    await showBadge(tabId, context);
    await broadcast({ type: 'tabContextChanged', tabId, context });
  }

  function unreadableContext(tabId: number, url: string, now: number): TabContext {
    return { tabId, url, pageId: null, pageKind: null, status: 'unreadable', person: null, role: null, match: null, card: null, procurement: null, previously: [], updatedAt: now };
  }

  async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'lookupCouncil': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('lookupCouncil comes from a tab');
        return queued(tabId, async () => {
          const now = Date.now();
          let known: Knowledge;
          try {
            known = await getKnowledge();
          } catch (error) {
            // The register could not be read: say so for this tab rather than leave the side panel
            // on "Reading this page" (or, worse, the previous page's council).
            await publish(unreadableContext(tabId, request.url, now), tabId);
            throw error;
          }
          const context = lookupCouncil(request, tabId, {
            knowledge: known,
            classifyTitle: (title) => (title.trim() ? describeRole(title.trim()) : null),
            now,
          });
          void noteLayoutRead(request.url, request.facts, now);
          // The card never waits on, or fails with, the notices cache: without it the card shows no
          // procurement sections, rather than the tab staying on "Reading this page".
          if (context.card) context.procurement = await procurementFor(context.card.code, context, now).catch(() => null);
          await publish(context, tabId);
          return context;
        });
      }
      case 'getTabContext':
        return tabs.get(request.tabId);
      case 'getCouncilCard': {
        const card = getCouncilCard(request.code, await getKnowledge());
        return card && withProcurement(card);
      }
      case 'getStatus':
        await ensureDatasets(false);
        return getStatus(db);
      case 'getSyncStatus':
        return sync.status();
      case 'clearNotices': {
        const cleared = await clearNotices(db);
        void broadcast({ type: 'syncChanged' });
        return cleared;
      }
      case 'beginSnapshotLoad': {
        const begun = await beginSnapshotLoad(db, Date.now());
        // The snapshot brings the history a running backfill is reading: that run stops after its
        // current page (as Pause does, the setting unchanged), so the load waits seconds, not hours.
        if (!begun.ok) sync.yieldBackfill();
        return begun;
      }
      case 'storeSnapshotLines':
        return storeSnapshotLines(db, request.loadId, request.lines, Date.now());
      case 'finishSnapshotLoad': {
        const now = Date.now();
        const finished = await finishSnapshotLoad(db, request.loadId, request.manifest, request.via, now);
        if (finished.ok) {
          // Keep what the snapshot holds (retention's history rule), then a run brings it up to date
          // and the backfill reads only what it lacks.
          const months = historyMonthsFor(finished.loaded.sources, localDate(now));
          if (months > (await readSettings()).historyMonths) await sync.setHistory({ historyMonths: months });
          void sync.run().catch(() => undefined);
          void republishCards();
        }
        void broadcast({ type: 'syncChanged' });
        return finished;
      }
      case 'endSnapshotLoad':
        await endSnapshotLoad(db, request.loadId);
        void broadcast({ type: 'syncChanged' });
        return null;
      case 'getLoadedSnapshot':
        return loadedSnapshot(db);
      case 'refreshNow':
        await ensureDatasets(false);
        return sync.refreshNow();
      case 'setHistory':
        await ensureDatasets(false);
        return sync.setHistory(request.patch);
      case 'listSavings':
        return listSavings(db, request.council);
      case 'importSavings': {
        const known = await getKnowledge();
        const outcome = await importSavings(db, known, request.text, request.format, new Date());
        if (outcome.ok && outcome.added > 0) savingsChanged();
        return outcome;
      }
      case 'exportSavings':
        return exportSavings(db, request.format, new Date());
      case 'saveSavingsItem': {
        const known = await getKnowledge();
        return changingSavings(() => saveSavingsItem(db, known, request.item, new Date()));
      }
      case 'deleteSavingsItem':
        return changingSavings(() => deleteSavingsItem(db, request.id));
      case 'getSavingsDraft':
        return readDraft(request.draftId);
      case 'listCouncils': {
        const known = await getKnowledge();
        return known.register.all
          .filter((c) => c.current)
          .map((c) => ({ code: c.code, name: c.officialName, kind: c.kind }))
          .sort((a, b) => a.name.localeCompare(b.name));
      }
      case 'getTiming':
        return getTiming(db, request.council, request.serviceGroup, localDate(Date.now()));
      case 'getAnnotation':
        return getAnnotation(db, request.key);
      case 'editAnnotation': {
        const result = await editAnnotation(db, request.edit);
        workspaceChanged('annotation', result.annotation.key);
        return result;
      }
      case 'getProspect':
        return getProspect(db, request.id);
      case 'editProspect': {
        const result = await editProspect(db, request.edit);
        workspaceChanged('prospect', result.prospect.id);
        return result;
      }
      case 'deleteWorkspaceRecord': {
        const result = await deleteRecord(db, request.kind, request.id);
        if (result.deleted) workspaceChanged(request.kind, request.id);
        return result;
      }
      case 'listWorkspace':
        return listWorkspace(db);
      case 'exportWorkspace':
        return exportWorkspace(db, request.format, new Date(), { daysBefore: (await readSettings()).reminderDaysBefore });
      case 'importWorkspace': {
        const outcome = await importWorkspace(db, request.text);
        if (outcome.ok) workspaceChanged('all', null);
        if (outcome.ok && outcome.savings.added > 0) savingsChanged();
        return outcome;
      }
      case 'deleteAllUserData': {
        const open = await tabs.all();
        const counts = await deleteAllUserData(db, browser.storage.session);
        // The tabs' contexts are gone from the session: clear them from memory, badges and panels too.
        await Promise.all(open.map((context) => publish(null, context.tabId)));
        workspaceChanged('all', null);
        savingsChanged();
        return counts;
      }
      case 'getNoticeInsight':
        return noticeInsight(db, request, localDate(Date.now()));
      case 'getSiteCouncils':
        return Promise.all(getSiteCouncils(request.url, await getKnowledge()).map(withProcurement));
      case 'openReferences':
        await openReferencesTab(request.query, sender.tab);
        return { opened: true };
      case 'search': {
        const known = await getKnowledge();
        return search(known, await supplierIndex.get(), request.query, request.limit);
      }
      case 'supplierReferences': {
        const known = await getKnowledge();
        return supplierReferences(db, known, await supplierIndex.get(), request.key);
      }
      case 'getCouncilSpend': {
        const council = (await getKnowledge()).register.byCode(request.council);
        return spend.forCouncil(request.council, council?.nation ?? null);
      }
      case 'openBusinessCase': {
        const query = new URLSearchParams({ council: request.council, ...(request.serviceGroup ? { group: request.serviceGroup } : {}) });
        await browser.tabs.create({ url: `${browser.runtime.getURL('/business-case.html')}?${query}` });
        return { opened: true };
      }
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (e: Envelope<unknown>) => void) => {
    // Only our own pages and content scripts; and every message is re-validated.
    if (sender.id !== browser.runtime.id) return;
    if (isBroadcast(message)) return;
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

  registerCapture(getKnowledge);
  registerCouncilSites();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void ensureDatasets(true);
    // A fresh install refreshes the packaged seed a minute later; an update keeps its schedule.
    void readSettings().then((settings) => sync.schedule(settings, reason === 'install'));
    // Chrome may drop alarms on an update: plan the reminders again from the annotations.
    void reminders.sync().catch(() => undefined);
  });
  // A backfill the worker was running when it stopped goes on (its alarm says one was going).
  void sync.resumeBackfill().catch((error: unknown) => console.error('Council Lens backfill:', error));
  browser.runtime.onStartup.addListener(() => {
    void ensureDatasets(false);
    void reminders.sync().catch(() => undefined);
    void readSettings().then((settings) => sync.schedule(settings, false));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void reminders
      .onAlarm(alarm.name)
      .then((handled) => (handled ? undefined : sync.onAlarm(alarm.name)))
      .catch((error: unknown) => console.error('Council Lens alarm:', error));
  });
  browser.notifications.onClicked.addListener((id) => void reminders.onNotificationClicked(id).catch(() => undefined));
  watchSettings((settings) => {
    void sync.schedule(settings, false);
    void reminders.sync().catch(() => undefined);
  });

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

  // The toolbar button opens the popup, which has "Open side panel". Chrome keeps the panel
  // behaviour across updates, so an install that once opened the panel is set back explicitly.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  void chromeSidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
