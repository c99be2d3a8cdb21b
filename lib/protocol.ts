import { z } from 'zod';
import { CouncilCodeSchema, CouncilTypeSchema, NationSchema, ProvisionSchema, TierSchema } from '@/lib/councils/schema';
import { PageFactsSchema } from '@/lib/sites/types';
import type { SyncStatus } from '@/lib/sync/status';

/**
 * The background's API. Every message is a `{ type, ... }` object; the background re-validates
 * each one with these schemas, because a compromised renderer can forge messages.
 */

export const CouncilRefSchema = z.object({ code: CouncilCodeSchema, name: z.string() });
export type CouncilRef = z.infer<typeof CouncilRefSchema>;

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
});
export type CouncilCard = z.infer<typeof CouncilCardSchema>;

/** How the page named the council: the text matched and, for an abolished council, what it was. */
export const CouncilMatchSchema = z.object({
  /** The text on the page that named the council, e.g. "Leeds City Council". */
  matchedText: z.string(),
  /** Set when the page names a former council; the card then shows its successor. */
  former: z.object({ code: z.string(), name: z.string(), endDate: z.string().nullable() }).nullable(),
  /** Where on the page it was found. */
  source: z.enum(['employer', 'experience', 'company', 'buyer', 'text']),
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

/** One cached notice as a card line: an open tender or a contract coming to an end. */
export const NoticeSummarySchema = z.object({
  ocid: z.string(),
  title: z.string(),
  noticeUrl: z.string(),
  source: z.enum(['contracts-finder', 'find-a-tender', 'public-contracts-scotland', 'sell2wales']),
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
  /** When the cache was last refreshed from the live APIs; null when it only holds the packaged snapshot. */
  lastSyncedAt: z.number().nullable(),
});
export type Procurement = z.infer<typeof ProcurementSchema>;

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
  previously: z.array(CouncilRefSchema),
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
/** Where the procurement sync stands (options page). */
export const GetSyncStatusSchema = z.object({ type: z.literal('getSyncStatus') });
/** "Refresh now": starts a sync run unless one is running; answers at once with the status. */
export const RefreshNowSchema = z.object({ type: z.literal('refreshNow') });

export const RequestSchema = z.discriminatedUnion('type', [
  LookupCouncilSchema,
  GetTabContextSchema,
  GetCouncilCardSchema,
  GetStatusSchema,
  GetSyncStatusSchema,
  RefreshNowSchema,
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
  getCouncilCard: CouncilCard | null;
  getStatus: DatasetStatus;
  getSyncStatus: SyncStatus;
  refreshNow: SyncStatus;
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
