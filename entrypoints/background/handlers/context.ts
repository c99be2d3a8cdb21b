import { browser, type Browser } from 'wxt/browser';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { CouncilCard, CouncilCardView } from '@/lib/councils/card';
import type { Procurement } from '@/lib/ocds/summary';
import type { TabContext } from '@/lib/page-context';
import type { WorkspaceChanged } from '@/lib/protocol';
import type { CapturePrefill } from '@/lib/savings/capture';
import { readSettings, updateSettings } from '@/lib/extension/settings';
import type { Settings } from '@/lib/settings';
import type { CouncilLensDB } from '../db';
import { showBadge } from '../badge';
import { broadcast, type Broadcast } from '../broadcast';
import { openReferencesTab, readDraft } from '../capture';
import { lastSyncedAt, localDate } from '../clock';
import { buildKnowledge, type Knowledge } from '../knowledge';
import { datasetMeta, loadDatasets } from '../refresh/load-datasets';
import { createReminders } from '../reminders';
import { createSupplierIndexCache, type SupplierIndexCache } from '../supplier-index';
import { createSyncRunner } from '../sync-runner';
import { TabState } from '../tab-state';
import { councilProcurement } from './council-procurement';
import { createSpendReader } from './council-spend';
import type { SessionKeys } from './delete-all-user-data';
import { NOTICE_PAGE_MATCHES } from '@/lib/ocds/portals';

/** Tender notice pages, whose open tabs hear about annotation changes (host permissions cover them). */
const NOTICE_TAB_PATTERNS = [...NOTICE_PAGE_MATCHES];

/**
 * The background's shared services, built once per service worker and passed to every handler
 * (handlers/index.ts). Handlers are plain functions of (request, context, caller): a test builds
 * the parts a handler uses by hand over a fake-indexeddb database.
 */
export interface HandlerContext {
  db: CouncilLensDB;
  /** Loads the packaged datasets when forced, when none are cached, or when another version cached them. */
  ensureDatasets(force: boolean): Promise<unknown>;
  /** The register, services and name resolver, built once from the cached datasets. */
  getKnowledge(): Promise<Knowledge>;
  /** One job at a time per tab, in arrival order, so "reading" never lands after the result. */
  queued<T>(tabId: number, job: () => Promise<T>): Promise<T>;
  tabs: Pick<TabState, 'get' | 'all' | 'delete'>;
  /** Stores a tab's context (null: forgets it), sets its badge and tells the extension pages. */
  publish(context: TabContext | null, tabId: number): Promise<void>;
  /** The card's open tenders and contracts ending, from the cache: the person's service group first. */
  procurementFor(code: string, context: Pick<TabContext, 'role'> | null, now: number): Promise<Procurement>;
  /** A card shown outside a tab context (popup, council website) with its open tenders and contracts ending. */
  withProcurement(card: CouncilCard): Promise<CouncilCardView>;
  /** Every card on screen read again from the cache (after a refresh or a snapshot load). */
  republishCards(): Promise<void>;
  sync: ReturnType<typeof createSyncRunner>;
  reminders: ReturnType<typeof createReminders>;
  supplierIndex: SupplierIndexCache;
  spend: ReturnType<typeof createSpendReader>;
  settings(): Promise<Settings>;
  broadcast(message: Broadcast): Promise<void>;
  /** Tells open extension pages (side panel, options) to read the savings again. */
  savingsChanged(): void;
  /** Tells extension pages and every open notice tab that a workspace record changed, then re-plans reminders. */
  workspaceChanged(kind: WorkspaceChanged['kind'], id: string | null): void;
  /** The session storage "Delete all my data" clears the user's entries from. */
  session: SessionKeys;
  readDraft(draftId: string): Promise<CapturePrefill | null>;
  openReferencesTab(query: string, tab?: Browser.tabs.Tab): Promise<void>;
  /** Opens one of the extension's pages (`/business-case.html?…`) in a new tab. */
  openPage(path: `/${string}`): Promise<void>;
  now(): number;
}

/** The context of the running service worker: the browser's storage, tabs and packaged data. */
export function createHandlerContext(db: CouncilLensDB): HandlerContext {
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

  async function procurementFor(code: string, context: Pick<TabContext, 'role'> | null, now: number): Promise<Procurement> {
    const group = context?.role?.serviceGroup?.id ?? null;
    return councilProcurement(db, code, group, localDate(now), await lastSyncedAt(db));
  }

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

  const reminders = createReminders(db, async () => (await readSettings()).reminderDaysBefore);
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

  return {
    db,
    ensureDatasets,
    getKnowledge,
    queued,
    tabs,
    publish,
    procurementFor,
    withProcurement,
    republishCards,
    sync,
    reminders,
    supplierIndex,
    spend,
    settings: readSettings,
    broadcast,
    savingsChanged: () => void broadcast({ type: 'savingsChanged' }),
    workspaceChanged,
    session: browser.storage.session,
    readDraft,
    openReferencesTab,
    openPage: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') })),
    now: Date.now,
  };
}
