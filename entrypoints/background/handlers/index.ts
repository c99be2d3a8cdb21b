import { historyMonthsFor } from '@/lib/snapshot/loaded';
import { localDate } from '../clock';
import type { Audience } from './callers';
import { beginSnapshotLoad } from './begin-snapshot-load';
import { clearNotices } from './clear-notices';
import { deleteAllUserData } from './delete-all-user-data';
import { deleteSavingsItem } from './delete-savings-item';
import { deleteRecord } from './delete-workspace-record';
import { editAnnotation } from './edit-annotation';
import { editProspect } from './edit-prospect';
import { endSnapshotLoad } from './end-snapshot-load';
import { exportSavings } from './export-savings';
import { exportWorkspace } from './export-workspace';
import { finishSnapshotLoad } from './finish-snapshot-load';
import { getAnnotation } from './get-annotation';
import { getCouncilCard } from './get-council-card';
import { loadedSnapshot } from './get-loaded-snapshot';
import { noticeInsight } from './get-notice-insight';
import { getProspect } from './get-prospect';
import { getStatus } from './get-status';
import { getTiming } from './get-timing';
import type { HandlerRegistry } from './handler';
import { importSavings } from './import-savings';
import { importWorkspace } from './import-workspace';
import { listSavings } from './list-savings';
import { listWorkspace } from './list-workspace';
import { lookupCouncilForTab } from './lookup-council';
import { saveSavingsItem } from './save-savings-item';
import { search } from './search';
import { getSiteCouncils } from './site-councils';
import { storeSnapshotLines } from './store-snapshot-lines';
import { supplierReferences } from './supplier-references';

/** The extension's own pages only: the user's records, settings, imports, exports and deletions. */
const PAGES: readonly Audience[] = ['pages'];
/** What every overlay shows (in-page card, notice panel, council-site badge): the spending and the business-case link. */
const EVERY_OVERLAY: readonly Audience[] = ['pages', 'linkedin', 'notices', 'council-site'];
/** What the tender notice panel reads and writes (its annotation, its insight, supplier references). */
const NOTICE_PANEL: readonly Audience[] = ['pages', 'notices'];

/**
 * Every request the background answers: who may send it, and its handler. The `satisfies` makes
 * the compiler check that each request type has exactly one entry answering its ResponseMap type.
 */
export const handlers = {
  lookupCouncil: {
    // A content script's page view: only about its own tab (no extension page has one to report).
    from: ['linkedin', 'notices'],
    about: (request) => request.url,
    handle: (request, context, caller) => {
      if (caller.from === 'pages') throw new Error('lookupCouncil comes from a tab');
      return lookupCouncilForTab(request, caller.tabId, context);
    },
  },
  getTabContext: { from: PAGES, handle: async (request, context) => context.tabs.get(request.tabId) },
  getCouncilCard: {
    from: PAGES,
    handle: async (request, context) => {
      const card = getCouncilCard(request.code, await context.getKnowledge());
      return card && context.withProcurement(card);
    },
  },
  getStatus: {
    from: PAGES,
    handle: async (_request, context) => {
      await context.ensureDatasets(false);
      return getStatus(context.db);
    },
  },
  getSyncStatus: { from: PAGES, handle: async (_request, context) => context.sync.status() },
  clearNotices: {
    from: PAGES,
    handle: async (_request, context) => {
      const cleared = await clearNotices(context.db);
      void context.broadcast({ type: 'syncChanged' });
      return cleared;
    },
  },
  beginSnapshotLoad: {
    from: PAGES,
    handle: async (_request, context) => {
      const begun = await beginSnapshotLoad(context.db, context.now());
      // The snapshot brings the history a running backfill is reading: that run stops after its
      // current page (as Pause does, the setting unchanged), so the load waits seconds, not hours.
      if (!begun.ok) context.sync.yieldBackfill();
      return begun;
    },
  },
  storeSnapshotLines: { from: PAGES, handle: async (request, context) => storeSnapshotLines(context.db, request.loadId, request.lines, context.now()) },
  finishSnapshotLoad: {
    from: PAGES,
    handle: async (request, context) => {
      const now = context.now();
      const finished = await finishSnapshotLoad(context.db, request.loadId, request.manifest, request.via, now);
      if (finished.ok) {
        // Keep what the snapshot holds (retention's history rule), then a run brings it up to date
        // and the backfill reads only what it lacks.
        const months = historyMonthsFor(finished.loaded.sources, localDate(now));
        if (months > (await context.settings()).historyMonths) await context.sync.setHistory({ historyMonths: months });
        void context.sync.run().catch(() => undefined);
        void context.republishCards();
      }
      void context.broadcast({ type: 'syncChanged' });
      return finished;
    },
  },
  endSnapshotLoad: {
    from: PAGES,
    handle: async (request, context) => {
      await endSnapshotLoad(context.db, request.loadId);
      void context.broadcast({ type: 'syncChanged' });
      return null;
    },
  },
  getLoadedSnapshot: { from: PAGES, handle: async (_request, context) => loadedSnapshot(context.db) },
  refreshNow: {
    from: PAGES,
    handle: async (_request, context) => {
      await context.ensureDatasets(false);
      return context.sync.refreshNow();
    },
  },
  setHistory: {
    from: PAGES,
    handle: async (request, context) => {
      await context.ensureDatasets(false);
      return context.sync.setHistory(request.patch);
    },
  },
  listSavings: { from: PAGES, handle: async (request, context) => listSavings(context.db, request.council) },
  importSavings: {
    from: PAGES,
    handle: async (request, context) => {
      const outcome = await importSavings(context.db, await context.getKnowledge(), request.text, request.format, new Date(context.now()));
      if (outcome.ok && outcome.added > 0) context.savingsChanged();
      return outcome;
    },
  },
  exportSavings: { from: PAGES, handle: async (request, context) => exportSavings(context.db, request.format, new Date(context.now())) },
  saveSavingsItem: {
    from: PAGES,
    handle: async (request, context) => {
      const saved = await saveSavingsItem(context.db, await context.getKnowledge(), request.item, new Date(context.now()));
      context.savingsChanged();
      return saved;
    },
  },
  deleteSavingsItem: {
    from: PAGES,
    handle: async (request, context) => {
      const result = await deleteSavingsItem(context.db, request.id);
      context.savingsChanged();
      return result;
    },
  },
  getSavingsDraft: { from: PAGES, handle: async (request, context) => context.readDraft(request.draftId) },
  listCouncils: {
    from: PAGES,
    handle: async (_request, context) =>
      (await context.getKnowledge()).register.all
        .filter((c) => c.current)
        .map((c) => ({ code: c.code, name: c.officialName, kind: c.kind }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  },
  getTiming: { from: PAGES, handle: async (request, context) => getTiming(context.db, request.council, request.serviceGroup, localDate(context.now())) },
  getAnnotation: { from: NOTICE_PANEL, handle: async (request, context) => getAnnotation(context.db, request.key) },
  editAnnotation: {
    from: NOTICE_PANEL,
    handle: async (request, context) => {
      const result = await editAnnotation(context.db, request.edit);
      context.workspaceChanged('annotation', result.annotation.key);
      return result;
    },
  },
  getProspect: { from: PAGES, handle: async (request, context) => getProspect(context.db, request.id) },
  editProspect: {
    from: PAGES,
    handle: async (request, context) => {
      const result = await editProspect(context.db, request.edit);
      context.workspaceChanged('prospect', result.prospect.id);
      return result;
    },
  },
  deleteWorkspaceRecord: {
    from: PAGES,
    handle: async (request, context) => {
      const result = await deleteRecord(context.db, request.kind, request.id);
      if (result.deleted) context.workspaceChanged(request.kind, request.id);
      return result;
    },
  },
  listWorkspace: { from: PAGES, handle: async (_request, context) => listWorkspace(context.db) },
  exportWorkspace: {
    from: PAGES,
    handle: async (request, context) =>
      exportWorkspace(context.db, request.format, new Date(context.now()), { daysBefore: (await context.settings()).reminderDaysBefore }),
  },
  importWorkspace: {
    from: PAGES,
    handle: async (request, context) => {
      const outcome = await importWorkspace(context.db, request.text);
      if (outcome.ok) context.workspaceChanged('all', null);
      if (outcome.ok && outcome.savings.added > 0) context.savingsChanged();
      return outcome;
    },
  },
  deleteAllUserData: {
    from: PAGES,
    handle: async (_request, context) => {
      const open = await context.tabs.all();
      const counts = await deleteAllUserData(context.db, context.session);
      // The tabs' contexts are gone from the session: clear them from memory, badges and panels too.
      await Promise.all(open.map((tab) => context.publish(null, tab.tabId)));
      context.workspaceChanged('all', null);
      context.savingsChanged();
      return counts;
    },
  },
  getNoticeInsight: {
    from: NOTICE_PANEL,
    about: (request) => request.noticeUrl,
    handle: async (request, context) => noticeInsight(context.db, request, localDate(context.now())),
  },
  getSiteCouncils: {
    // The council-site badge asks about its own page; the popup about the active tab.
    from: ['pages', 'council-site'],
    about: (request) => request.url,
    handle: async (request, context) => Promise.all(getSiteCouncils(request.url, await context.getKnowledge()).map(context.withProcurement)),
  },
  openReferences: {
    from: NOTICE_PANEL,
    handle: async (request, context, caller) => {
      await context.openReferencesTab(request.query, caller.tab);
      return { opened: true };
    },
  },
  search: {
    from: PAGES,
    handle: async (request, context) => search(await context.getKnowledge(), await context.supplierIndex.get(), request.query, request.limit),
  },
  supplierReferences: {
    from: NOTICE_PANEL,
    handle: async (request, context) => supplierReferences(context.db, await context.getKnowledge(), await context.supplierIndex.get(), request.key),
  },
  getCouncilSpend: {
    from: EVERY_OVERLAY,
    handle: async (request, context) => {
      const council = (await context.getKnowledge()).register.byCode(request.council);
      return context.spend.forCouncil(request.council, council?.nation ?? null);
    },
  },
  openBusinessCase: {
    from: EVERY_OVERLAY,
    handle: async (request, context) => {
      const query = new URLSearchParams({ council: request.council, ...(request.serviceGroup ? { group: request.serviceGroup } : {}) });
      await context.openPage(`/business-case.html?${query}`);
      return { opened: true };
    },
  },
} satisfies HandlerRegistry;
