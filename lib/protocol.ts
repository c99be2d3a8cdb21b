import type { CouncilSpendData } from '@/lib/spend/summary';
import { PORTAL_IDS } from '@/lib/ocds/portals';
import { SnapshotManifestSchema } from '@/lib/snapshot/format';
import type { LoadedSnapshot } from '@/lib/snapshot/loaded';
import { z } from 'zod';
import { CouncilCodeSchema, CouncilTypeSchema, NationSchema, ProvisionSchema, TierSchema } from '@/lib/councils/schema';
import { PageFactsSchema } from '@/lib/sites/types';
import type { SyncStatus } from '@/lib/sync/status';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
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

export const CouncilRefSchema = z.object({ code: CouncilCodeSchema, name: z.string() });
export type CouncilRef = z.infer<typeof CouncilRefSchema>;

/**
 * For a former council: today's councils that replaced it, following chains of abolitions
 * (Taunton Deane -> Somerset West and Taunton -> Somerset) and splits (Cumbria -> Cumberland and
 * Westmorland and Furness), in register order. Optional so that contexts without it still parse.
 */
const SuccessorsSchema = z.array(CouncilRefSchema).optional();

/** A council the person worked at before: named as it was, with today's successors when it was abolished. */
export const PreviousCouncilSchema = CouncilRefSchema.extend({ successors: SuccessorsSchema });
export type PreviousCouncil = z.infer<typeof PreviousCouncilSchema>;

export const CardServiceSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** What part of the group this council runs itself. */
  provision: ProvisionSchema,
  /** For a district: the county that runs this group (or the part it does not run). */
  providedBy: CouncilRefSchema.nullable(),
  note: z.string().nullable(),
});
export type CardService = z.infer<typeof CardServiceSchema>;

/** Everything the council card shows about one council; built in the background. */
export const CouncilCardSchema = z.object({
  code: CouncilCodeSchema,
  officialName: z.string(),
  niceName: z.string(),
  kind: z.enum(['council', 'combined-authority']),
  type: CouncilTypeSchema,
  /** Human label for type and tier, e.g. "District council (lower tier)". */
  typeLabel: z.string(),
  tier: TierSchema,
  nation: NationSchema,
  region: z.string(),
  population: z.number().nullable(),
  areaKm2: z.number().nullable(),
  homepage: z.string().nullable(),
  domain: z.string().nullable(),
  parentCounty: CouncilRefSchema.nullable(),
  combinedAuthority: CouncilRefSchema.nullable(),
  services: z.array(CardServiceSchema),
  /**
   * Set for a council that no longer exists (Harrogate Borough Council): when it went and today's
   * councils that replaced it, so every surface that shows the card says so (issue 12). Optional so
   * that cards stored before it still parse.
   */
  abolished: z.object({ endDate: z.string().nullable(), successors: z.array(CouncilRefSchema) }).nullable().optional(),
});
export type CouncilCard = z.infer<typeof CouncilCardSchema>;

/** How the page named the council: the text matched and, for an abolished council, what it was. */
export const CouncilMatchSchema = z.object({
  /** The text on the page that named the council, e.g. "Leeds City Council". */
  matchedText: z.string(),
  /** Set when the page names a former council; the card then shows its first current successor. */
  former: z
    .object({ code: z.string(), name: z.string(), endDate: z.string().nullable(), successors: SuccessorsSchema })
    .nullable(),
  /** Where on the page it was found. */
  source: z.enum(['employer', 'experience', 'company', 'buyer', 'text']),
  /**
   * The recogniser's confidence (lib/councils/index.ts confidenceBand): below 0.85 the name had no
   * council word ("Kent", "Leeds City") and the card says it is a likely, not a certain, match.
   */
  confidence: z.number().min(0).max(1).optional(),
});
export type CouncilMatch = z.infer<typeof CouncilMatchSchema>;

export const PersonSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  employer: z.string().nullable(),
});

/** What a job title says: service group, seniority and whether this is the budget holder to approach. */
export const RoleSchema = z.object({
  title: z.string(),
  serviceGroup: z.object({ id: z.string(), label: z.string() }).nullable(),
  seniority: z.object({ id: z.string(), label: z.string() }).nullable(),
  isServiceLead: z.boolean(),
  /** One plain sentence, e.g. "Likely budget holder for Adult social care". */
  guidance: z.string(),
});
export type Role = z.infer<typeof RoleSchema>;

/** The portal a cached notice comes from (the portal registry, lib/ocds/portals.ts). */
const NoticeSourceSchema = z.enum(PORTAL_IDS);

/** One cached notice as a card line: an open tender or a contract coming to an end. */
export const NoticeSummarySchema = z.object({
  ocid: z.string(),
  title: z.string(),
  noticeUrl: z.string(),
  source: NoticeSourceSchema,
  value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  /** Tender deadline (YYYY-MM-DD) and whole days left until it, for open tenders. */
  deadline: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  /** Contract end and end with every extension (YYYY-MM-DD), for contracts ending. */
  end: z.string().nullable(),
  maxEnd: z.string().nullable(),
  suppliers: z.array(z.string()),
  serviceGroups: z.array(z.string()),
  /** In the service group of the person on the page: listed first. */
  inPersonsGroup: z.boolean(),
  /** The same procurement published on the other portal too (lib/ocds/summary.ts collapseCrossPosted). */
  alsoOn: z.array(z.object({ source: NoticeSourceSchema, noticeUrl: z.string() })).optional(),
  /** The latest Procurement Act notice type of the process (`UK3`); absent or null before the Act. */
  noticeType: z.string().nullable().optional(),
  /** Every Procurement Act notice type of the process, oldest first. */
  noticeTypes: z.array(z.string()).optional(),
  /** Coming to market: when the tender is expected, and the market engagement deadline (YYYY-MM-DD). */
  expectedTenderDate: z.string().nullable().optional(),
  engagementDeadline: z.string().nullable().optional(),
  /** A forward notice stays "coming to market" until this day (lib/ocds/row.ts comingUntil): the section's order. */
  comingUntil: z.string().optional(),
});
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;

/** What the council is buying now and which contracts end soon, from the local cache. */
export const ProcurementSchema = z.object({
  openTenders: z.array(NoticeSummarySchema),
  openTotal: z.number().int(),
  contractsEnding: z.array(NoticeSummarySchema),
  endingTotal: z.number().int(),
  /** The window "ending soon" covers, in months. */
  endingWithinMonths: z.number().int(),
  /**
   * Coming to market: the council's forward notices (UK1 pipeline, UK2 market engagement, UK3
   * planned procurement, and the old regime's planning notices) still ahead, the person's service
   * first. Absent from answers of before issue 10.
   */
  comingToMarket: z.array(NoticeSummarySchema).optional(),
  comingTotal: z.number().int().optional(),
  /** When the cache was last refreshed from the live APIs; null when it only holds the packaged snapshot. */
  lastSyncedAt: z.number().nullable(),
});
export type Procurement = z.infer<typeof ProcurementSchema>;

/**
 * A council's card with its open tenders and contracts ending, for the places that show a card
 * without a tab context to carry them (the popup, the council-website badge): issue 4's "wherever
 * the card is shown". `procurement` is null when the notices cache could not be read.
 */
export const CouncilCardViewSchema = CouncilCardSchema.extend({ procurement: ProcurementSchema.nullable() });
export type CouncilCardView = z.infer<typeof CouncilCardViewSchema>;

/** What the side panel, badge and in-page card show for one tab. */
export const TabContextSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  pageId: z.string().nullable(),
  pageKind: z.string().nullable(),
  /**
   * `reading`: a new page view started and the page is still being read (the previous page's
   * council must not show meanwhile); `unreadable`: a supported page whose content could not be read.
   */
  status: z.enum(['reading', 'council', 'no-council', 'unreadable', 'unsupported']),
  person: PersonSchema.nullable(),
  /** The person's current role, classified; null off profiles or when no title was read. */
  role: RoleSchema.nullable(),
  match: CouncilMatchSchema.nullable(),
  card: CouncilCardSchema.nullable(),
  /** Open tenders and contracts ending for the card's council; null without a council. */
  procurement: ProcurementSchema.nullable(),
  /** Other councils the page names (e.g. past council roles), for "previously at". */
  previously: z.array(PreviousCouncilSchema),
  updatedAt: z.number(),
});
export type TabContext = z.infer<typeof TabContextSchema>;

export const LookupCouncilSchema = z.object({
  type: z.literal('lookupCouncil'),
  url: z.url(),
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
/** What the form sends: a new item (no id) or an edit of one (its id). */
export const SavingsDraftSchema = SavingsItemSchema.omit({ id: true, addedAt: true, addedBy: true }).extend({
  id: z.string().min(1).optional(),
  addedBy: z.enum(['form', 'capture']),
});
export type SavingsDraft = z.infer<typeof SavingsDraftSchema>;
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
  noticeUrl: z.url(),
  serviceGroup: z.string().nullable(),
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
export const GetSiteCouncilsSchema = z.object({ type: z.literal('getSiteCouncils'), url: z.url() });

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

export interface SearchResults {
  query: string;
  councils: { code: string; name: string; kind: string; type: string; current: boolean; matched: string }[];
  suppliers: SupplierHit[];
}

export interface SupplierHit {
  /** `ch:<Companies House number>` when any notice gives one, else `name:<normalised name>`. */
  key: string;
  /** The name as most often written. */
  name: string;
  companiesHouse: string | null;
  /** Council contracts in the cache. */
  awards: number;
  councils: number;
}

export interface SupplierAward {
  ocid: string;
  council: string;
  councilName: string;
  title: string;
  serviceGroups: string[];
  value: { amount: number; currency: string } | null;
  start: string | null;
  end: string | null;
  maxEnd: string | null;
  /** When the award was published (YYYY-MM-DD). */
  awardedAt: string | null;
  noticeUrl: string;
  /** The buyer's contact point as the notice publishes it: whom to ask for a reference. */
  contact: { name?: string; email?: string; telephone?: string } | null;
}

export interface SupplierReferences {
  key: string;
  name: string;
  /** Every spelling the notices use. */
  names: string[];
  companiesHouse: string | null;
  /** Newest first, at most 100. */
  awards: SupplierAward[];
  /** Every council contract of the supplier in the cache (the totals below count them all). */
  totalAwards: number;
  byCouncil: { code: string; name: string; count: number; value: number }[];
  byGroup: { group: string; count: number; value: number }[];
}

export interface WorkspaceExport {
  text: string;
  filename: string;
  mime: string;
}

type MergeCounts = { added: number; updated: number; unchanged: number };
/** A workspace import: what was merged, or every bad record (nothing written). */
export type WorkspaceImportOutcome =
  | { ok: true; annotations: MergeCounts; prospects: MergeCounts; savings: MergeCounts }
  | { ok: false; errors: { path: string; reason: string }[] };

export interface NoticeInsight {
  /** This notice as cached, when it is. */
  notice: NoticeSummary | null;
  /** The service group the earlier awards are of (the person's, else the notice's first). */
  serviceGroup: string | null;
  /** The council's awarded contracts in that service group, newest first. */
  earlierAwards: NoticeSummary[];
}

/** An import's result: how many were added and which rows were duplicates, or every bad row. */
export type SavingsImportOutcome =
  | { ok: true; added: number; duplicates: { line: number; reason: string }[] }
  | { ok: false; errors: { line: number; column?: string; reason: string }[] };

/** A contract end the timing engine weighs (from the notices cache). */
export interface TimingContract {
  end: string;
  maxEnd?: string;
  title: string;
  supplier?: string;
  url?: string;
  /** The contract's service groups, so the card can say which service it belongs to. */
  serviceGroups: string[];
}

export interface TimingData {
  council: string;
  serviceGroup: string | null;
  /** The council's savings items in that service (all its items without a service), by year. */
  savings: SavingsItem[];
  /** Its awarded contracts ending from today to five years on, soonest first. */
  contracts: TimingContract[];
  /** Savings items the council has in other services, for "see also". */
  otherServices: number;
  /** Forward notices in that service whose tender is expected from today on (issue 10): procurement-window evidence. */
  planned?: TimingPlanned[];
}

/** A forward notice the timing engine weighs (UK1 pipeline, UK2 engagement, UK3 planned procurement). */
export interface TimingPlanned {
  published: string;
  expectedTenderDate: string;
  title: string;
  /** "planned procurement notice". */
  noticeType?: string;
  url?: string;
}

/** Every response travels wrapped, so an error in the background reaches the caller as text. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background → extension pages broadcast when a tab's context changes. */
export const TabContextChangedSchema = z.object({
  type: z.literal('tabContextChanged'),
  tabId: z.number().int(),
  context: TabContextSchema.nullable(),
});
export type TabContextChanged = z.infer<typeof TabContextChangedSchema>;

/** Background → extension pages broadcast while a sync runs and when it ends: read getSyncStatus again. */
export const SyncChangedSchema = z.object({ type: z.literal('syncChanged') });
export type SyncChanged = z.infer<typeof SyncChangedSchema>;

/** Background → extension pages broadcast when savings items were added, changed or removed. */
export const SavingsChangedSchema = z.object({ type: z.literal('savingsChanged') });
export type SavingsChanged = z.infer<typeof SavingsChangedSchema>;

/** Background → extension pages and notice tabs: an annotation or prospect changed (another tab, an import). */
export const WorkspaceChangedSchema = z.object({
  type: z.literal('workspaceChanged'),
  kind: z.enum(['annotation', 'prospect', 'all']),
  id: z.string().nullable(),
});
export type WorkspaceChanged = z.infer<typeof WorkspaceChangedSchema>;
