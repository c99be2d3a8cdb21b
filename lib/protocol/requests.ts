import type { CouncilSpendData } from '@/lib/spend/summary';
import { SnapshotManifestSchema } from '@/lib/snapshot/format';
import type { LoadedSnapshot } from '@/lib/snapshot/loaded';
import { z } from 'zod';
import { CouncilCodeSchema } from '@/lib/councils/schema';
import type { CouncilCardView } from '@/lib/councils/card';
import type { TabContext } from '@/lib/page-context';
import { PageFactsSchema } from '@/lib/sites/types';
import type { SyncStatus } from '@/lib/sync/status';
import type { SearchResults } from '@/lib/suppliers/search-results';
import type { SupplierReferences } from '@/lib/suppliers/references';
import type { TimingData } from '@/lib/timing/types';
import type { NoticeInsight } from '@/lib/ocds/summary';
import { SavingsDraftSchema, type SavingsItem } from '@/lib/savings/schema';
import type { SavingsImportOutcome } from '@/lib/savings/import';
import type { WorkspaceExport } from '@/lib/workspace/export';
import type { WorkspaceImportOutcome } from '@/lib/workspace/import';
import type { CapturePrefill } from '@/lib/savings/capture';
import { MAX_SAVINGS_FILE_BYTES, MAX_WORKSPACE_FILE_BYTES } from '@/lib/import-limits';
import {
  AnnotationEditSchema,
  AnnotationKeySchema,
  ProspectEditSchema,
  type Annotation,
  type Prospect,
  type Workspace,
} from '@/lib/workspace/schema';

/**
 * The background's API. Every message is a `{ type, ... }` object; the background re-validates
 * each one with these schemas, because a compromised renderer can forge messages.
 */

/**
 * A page address a content script sends (its own tab's, lib/extension/page-views.ts): bounded like
 * every other fact from a page. Real ones are far shorter (a LinkedIn profile with its tracking
 * query is under 300 characters).
 */
const PageUrlSchema = z.url().max(8_192);

export const LookupCouncilSchema = z.object({
  type: z.literal('lookupCouncil'),
  url: PageUrlSchema,
  /** What the adapter read; null when the page could not be read ("couldn't read this page"). */
  facts: PageFactsSchema.nullable(),
  /** A new page view has started and is still being read: clear what the previous page showed. */
  reading: z.boolean().optional(),
});
export const GetTabContextSchema = z.object({ type: z.literal('getTabContext'), tabId: z.number().int() });
export const GetCouncilCardSchema = z.object({ type: z.literal('getCouncilCard'), code: CouncilCodeSchema });
export const GetStatusSchema = z.object({ type: z.literal('getStatus') });
// ---- savings programmes (issue 5) ---------------------------------------------------------

const SavingsFormatSchema = z.enum(['csv', 'json']);
/** A council's savings items (all of them without `council`), for the options page and the card. */
export const ListSavingsSchema = z.object({ type: z.literal('listSavings'), council: CouncilCodeSchema.optional() });
/** An import file's text: validated, and written all or nothing in one transaction. */
export const ImportSavingsSchema = z.object({ type: z.literal('importSavings'), text: z.string().max(MAX_SAVINGS_FILE_BYTES), format: SavingsFormatSchema });
export const ExportSavingsSchema = z.object({ type: z.literal('exportSavings'), format: SavingsFormatSchema });
export const SaveSavingsItemSchema = z.object({ type: z.literal('saveSavingsItem'), item: SavingsDraftSchema });
export const DeleteSavingsItemSchema = z.object({ type: z.literal('deleteSavingsItem'), id: z.string().min(1) });
/** The form's prefill after "Add to savings programme" on a page's selected text. */
export const GetSavingsDraftSchema = z.object({ type: z.literal('getSavingsDraft'), draftId: z.string().min(1) });
/** Current councils for the form's picker. */
export const ListCouncilsSchema = z.object({ type: z.literal('listCouncils') });
/** What the Timing section needs for a council, and the person's service group when known. */
export const GetTimingSchema = z.object({ type: z.literal('getTiming'), council: CouncilCodeSchema, serviceGroup: z.string().nullable() });

// ---- bid writers' workspace (issue 6) ------------------------------------------------------

export const GetAnnotationSchema = z.object({ type: z.literal('getAnnotation'), key: AnnotationKeySchema });
/** One autosave of a notice's annotation from a tab. */
export const EditAnnotationSchema = z.object({ type: z.literal('editAnnotation'), edit: AnnotationEditSchema });
export const GetProspectSchema = z.object({ type: z.literal('getProspect'), id: z.string().min(1).max(300) });
export const EditProspectSchema = z.object({ type: z.literal('editProspect'), edit: ProspectEditSchema });
export const DeleteWorkspaceRecordSchema = z.object({ type: z.literal('deleteWorkspaceRecord'), kind: z.enum(['annotation', 'prospect']), id: z.string().min(1).max(300) });
export const ListWorkspaceSchema = z.object({ type: z.literal('listWorkspace') });
export const ExportWorkspaceSchema = z.object({ type: z.literal('exportWorkspace'), format: z.enum(['json', 'annotations-csv', 'prospects-csv', 'ics']) });
export const ImportWorkspaceSchema = z.object({ type: z.literal('importWorkspace'), text: z.string().max(MAX_WORKSPACE_FILE_BYTES) });
/** "Delete all my data": the page must send the word the person typed to confirm. */
export const DeleteAllUserDataSchema = z.object({ type: z.literal('deleteAllUserData'), confirm: z.literal('delete') });
/** For the panel on a notice page: the cached notice and who won this council's earlier contracts in the service. */
export const GetNoticeInsightSchema = z.object({
  type: z.literal('getNoticeInsight'),
  council: CouncilCodeSchema.nullable(),
  ocid: z.string().max(200).nullable(),
  noticeUrl: PageUrlSchema,
  serviceGroup: z.string().max(100).nullable(),
  /** The page's CPV codes and title: the service group when the notice is not in the cache yet. */
  cpv: z.array(z.string().regex(/^\d{8}$/)).max(200).optional(),
  title: z.string().max(1000).optional(),
});

// ---- supplier references and council websites (issue 7) -----------------------------------

/** The popup's one search box: councils (any name or abbreviation) and suppliers (name or Companies House number). */
export const SearchSchema = z.object({ type: z.literal('search'), query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() });
/** A supplier's contracts with councils; `key` from a search hit (`ch:<number>` or `name:<normalised name>`) or a name as written. */
export const SupplierReferencesSchema = z.object({ type: z.literal('supplierReferences'), key: z.string().min(1).max(300) });
/**
 * "All references" on a notice page: a page cannot link to an extension page (no
 * web_accessible_resources), so the content script asks the background to open the tab.
 */
export const OpenReferencesSchema = z.object({ type: z.literal('openReferences'), query: z.string().min(1).max(200) });
/** Which council's website a page is on (the register's homepage domains); several for a shared-service site. */
export const GetSiteCouncilsSchema = z.object({ type: z.literal('getSiteCouncils'), url: PageUrlSchema });

/** Where the procurement sync stands (options page). */
export const GetSyncStatusSchema = z.object({ type: z.literal('getSyncStatus') });
/** "Clear cached notices" (options page): the notices cache and the sync's cursors, never the user's own records. */
export const ClearNoticesSchema = z.object({ type: z.literal('clearNotices') });
/** "Refresh now": starts a sync run unless one is running; answers at once with the status. */
export const RefreshNowSchema = z.object({ type: z.literal('refreshNow') });
/** History to keep and Pause/Resume of the backfill (options page, side panel footer); answers the sync status. */
export const SetHistorySchema = z.object({
  type: z.literal('setHistory'),
  patch: z
    .object({
      historyMonths: z.union([z.literal(6), z.literal(12), z.literal(24), z.literal(36)]).optional(),
      historyPaused: z.boolean().optional(),
    })
    .strict(),
});

/** Issue 15: a council's spending by service (public/data/spend.json), and the business-case page for a council and service. */
export const GetCouncilSpendSchema = z.object({ type: z.literal('getCouncilSpend'), council: CouncilCodeSchema });
export const OpenBusinessCaseSchema = z.object({
  type: z.literal('openBusinessCase'),
  council: CouncilCodeSchema,
  serviceGroup: z.string().regex(/^[a-z-]+$/).max(60).nullable(),
});
/**
 * Loading a snapshot (issue 14; options page): the page checks the whole file first
 * (lib/snapshot/read.ts), takes the sync lock (`beginSnapshotLoad`; busy while a refresh runs: the
 * page asks again), then sends its lines in batches under that lock; the background checks each
 * line again. `finishSnapshotLoad` or, on a cancel, `endSnapshotLoad` releases the lock.
 */
const LoadIdSchema = z.string().startsWith('snapshot-load:').max(100);
export const BeginSnapshotLoadSchema = z.object({ type: z.literal('beginSnapshotLoad') });
export const StoreSnapshotLinesSchema = z.object({ type: z.literal('storeSnapshotLines'), loadId: LoadIdSchema, lines: z.array(z.string().max(200_000)).min(1).max(2_000) });
/** After the last batch: the sync edges moved over the snapshot's windows; answers where the history came from. */
export const FinishSnapshotLoadSchema = z.object({ type: z.literal('finishSnapshotLoad'), loadId: LoadIdSchema, manifest: SnapshotManifestSchema, via: z.enum(['file', 'published']) });
export const EndSnapshotLoadSchema = z.object({ type: z.literal('endSnapshotLoad'), loadId: LoadIdSchema });
export const GetLoadedSnapshotSchema = z.object({ type: z.literal('getLoadedSnapshot') });

export const RequestSchema = z.discriminatedUnion('type', [
  BeginSnapshotLoadSchema,
  StoreSnapshotLinesSchema,
  FinishSnapshotLoadSchema,
  EndSnapshotLoadSchema,
  GetLoadedSnapshotSchema,
  LookupCouncilSchema,
  GetTabContextSchema,
  GetCouncilCardSchema,
  GetStatusSchema,
  GetSyncStatusSchema,
  RefreshNowSchema,
  ClearNoticesSchema,
  SetHistorySchema,
  ListSavingsSchema,
  ImportSavingsSchema,
  ExportSavingsSchema,
  SaveSavingsItemSchema,
  DeleteSavingsItemSchema,
  GetSavingsDraftSchema,
  ListCouncilsSchema,
  GetTimingSchema,
  GetAnnotationSchema,
  EditAnnotationSchema,
  GetProspectSchema,
  EditProspectSchema,
  DeleteWorkspaceRecordSchema,
  ListWorkspaceSchema,
  ExportWorkspaceSchema,
  ImportWorkspaceSchema,
  DeleteAllUserDataSchema,
  GetNoticeInsightSchema,
  SearchSchema,
  SupplierReferencesSchema,
  GetSiteCouncilsSchema,
  OpenReferencesSchema,
  GetCouncilSpendSchema,
  OpenBusinessCaseSchema,
]);
export type Request = z.infer<typeof RequestSchema>;

export const DatasetStatusSchema = z.object({
  councils: z.number().int(),
  serviceGroups: z.number().int(),
  /** Procurement notices in the local cache (seed and refreshes). */
  notices: z.number().int(),
  loadedVersion: z.string().nullable(),
});
export type DatasetStatus = z.infer<typeof DatasetStatusSchema>;

/** Response type for each request type. */
export interface ResponseMap {
  lookupCouncil: TabContext;
  getTabContext: TabContext | null;
  getCouncilCard: CouncilCardView | null;
  getStatus: DatasetStatus;
  clearNotices: { removed: number };
  beginSnapshotLoad: { ok: true; loadId: string } | { ok: false; busy: true; reason: string };
  storeSnapshotLines: { ok: true; written: number; kept: number } | { ok: false; reason: string };
  finishSnapshotLoad: { ok: true; loaded: LoadedSnapshot } | { ok: false; reason: string };
  endSnapshotLoad: null;
  getLoadedSnapshot: LoadedSnapshot | null;
  getSyncStatus: SyncStatus;
  refreshNow: SyncStatus;
  setHistory: SyncStatus;
  listSavings: SavingsItem[];
  importSavings: SavingsImportOutcome;
  exportSavings: { text: string; filename: string; mime: string };
  saveSavingsItem: SavingsItem;
  deleteSavingsItem: { deleted: boolean };
  getSavingsDraft: CapturePrefill | null;
  listCouncils: { code: string; name: string; kind: string }[];
  getTiming: TimingData;
  getAnnotation: Annotation | null;
  editAnnotation: { annotation: Annotation; conflicts: string[] };
  getProspect: Prospect | null;
  editProspect: { prospect: Prospect; conflicts: string[] };
  deleteWorkspaceRecord: { deleted: boolean };
  listWorkspace: Workspace;
  exportWorkspace: WorkspaceExport;
  importWorkspace: WorkspaceImportOutcome;
  deleteAllUserData: { annotations: number; prospects: number; savings: number };
  getNoticeInsight: NoticeInsight;
  search: SearchResults;
  supplierReferences: SupplierReferences | null;
  getSiteCouncils: CouncilCardView[];
  openReferences: { opened: boolean };
  getCouncilSpend: CouncilSpendData;
  openBusinessCase: { opened: boolean };
}

/** Every response travels wrapped, so an error in the background reaches the caller as text. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
