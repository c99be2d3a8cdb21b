import type { Notice } from './notice';
import { noticePageId } from './portals';

/** Buyer key for notices whose buyer is not a council: compound indexes cannot hold undefined. */
export const NOT_A_COUNCIL = '-';

/**
 * A notice as the background caches it: the notice plus the derived keys its indexes need.
 * Derived fields are recomputed from the notice on every write, never edited on their own.
 */
export interface NoticeRow extends Notice {
  /** Buyer's council code, or {@link NOT_A_COUNCIL}. */
  council: string;
  /** The last day the contract can run: max end with extensions, else end (YYYY-MM-DD). */
  contractEnd?: string;
  /** Tender deadline as a calendar date (YYYY-MM-DD), for "days left". */
  deadline?: string;
  /** Where the row came from: the packaged seed snapshot or a sync from the live APIs. */
  origin: 'seed' | 'sync';
  /** The notice id of its Contracts Finder or Find a Tender page ({@link noticePageId}), when it has one: the `pageId` index. */
  pageId?: string;
  /**
   * Keys of the `*tenderKeys` index, for a tender that is not closed: `[council, group, deadline]`
   * per service group plus `[council, ALL_GROUPS, deadline]`, deadline {@link NO_DEADLINE} when none.
   * "Open on `today`" is then the range from `[council, group, today]` up.
   */
  tenderKeys: ProcurementKey[];
  /**
   * Keys of the `*endKeys` index, for every award or contract: `[council, group, end]` per service
   * group plus `[council, ALL_GROUPS, end]`, where `end` is its {@link NoticeRow.contractEnd}, or
   * {@link NO_END} when none is published or the contract was terminated (UK11). "Contracts ending
   * from today" is the range from `[council, group, today]`; "who won this council's contracts in
   * this service" is the whole `[council, group]` prefix.
   */
  endKeys: ProcurementKey[];
  /**
   * Keys of the `*comingKeys` index, for a process still at planning (UK1 pipeline, UK2 market
   * engagement, UK3 planned procurement, Contracts Finder's early engagement and future
   * opportunity notices): `[council, group, until]` per service group plus `[council, ALL_GROUPS,
   * until]`, where `until` is the day it stops being news ({@link comingUntil}).
   */
  comingKeys: ProcurementKey[];
}

/** `[council, service group or ALL_GROUPS, date]`: an IndexedDB array key, one entry of a multi-entry index. */
export type ProcurementKey = [council: string, group: string, date: string];

/** The group slot of the key every row gets besides its service groups' keys (no group id is `*`). */
export const ALL_GROUPS = '*';

/**
 * Deadline slot of a tender published without a deadline. It sorts after every real date, as the
 * card sorts such tenders last (`personsGroupFirst` reads a missing key as '9999').
 */
export const NO_DEADLINE = '9999';

/** End slot of an award with no end date, or of a terminated contract: before every real date, so never "ending". */
export const NO_END = '0000';

export const CLOSED_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'unsuccessful', 'complete', 'withdrawn']);

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/**
 * Longest description a row keeps: the card, panel and workspace show a line or two, and the
 * portal page has the rest. Real descriptions run to several kB (../shared/data), most of a row.
 */
export const DESCRIPTION_KEPT = 160;
/** CPV codes a row keeps: the main one first; service groups are derived from all of them before. */
const CPV_KEPT = 4;

/** A description cut at a word near {@link DESCRIPTION_KEPT} characters, with an ellipsis when cut. */
export function shortDescription(text: string): string {
  if (text.length <= DESCRIPTION_KEPT) return text;
  const cut = text.lastIndexOf(' ', DESCRIPTION_KEPT - 1);
  return `${text.slice(0, cut > DESCRIPTION_KEPT / 2 ? cut : DESCRIPTION_KEPT - 1).trimEnd()}…`;
}

/**
 * How long a planning notice stays "coming to market": until its expected tender date or its
 * engagement deadline, whichever is later; a notice that names neither, a year after its last
 * update (the expected-date slot of the `comingKeys` index).
 */
export const UNDATED_COMING_MONTHS = 12;
export function comingUntil(row: Pick<Notice, 'expectedTenderDate' | 'engagementDeadline' | 'updatedAt'>): string {
  const dated = [row.expectedTenderDate, row.engagementDeadline].filter((d): d is string => d !== undefined).sort();
  if (dated.length > 0) return dated[dated.length - 1]!;
  const updated = new Date(`${row.updatedAt.slice(0, 10)}T00:00:00Z`);
  updated.setUTCMonth(updated.getUTCMonth() + UNDATED_COMING_MONTHS);
  return updated.toISOString().slice(0, 10);
}

/**
 * Derives a notice's cache row: compact (issue 10, "storage that holds years"), keeping what the
 * card, notice panel, supplier references, workspace and Timing read. The description is cut
 * ({@link shortDescription}), CPV codes after the first {@link CPV_KEPT} are dropped (service
 * groups were derived from them already), and so are the fields nothing in the extension shows:
 * procurement method and details, suitability, regions, minimum value, release ids, the buyer's
 * locality and postcode. IndexedDB then holds it packed (lib/ocds/packed-row.ts).
 */
export function toNoticeRow(notice: Notice, origin: NoticeRow['origin']): NoticeRow {
  const council = notice.buyer.councilCode ?? NOT_A_COUNCIL;
  // What no card, panel, reference or workspace shows stays on the portal's page.
  const { procurementMethod: _m, procurementMethodDetails: _d, suitability: _s, minValue: _v, ...kept } = notice;
  const { locality: _l, postcode: _p, ...buyer } = notice.buyer;
  const row: Omit<NoticeRow, 'tenderKeys' | 'endKeys' | 'comingKeys'> = {
    ...kept,
    buyer,
    regions: [],
    // Release ids only told the merge which releases it had seen; nothing reads them.
    releaseIds: [],
    description: shortDescription(notice.description),
    cpv: notice.cpv.slice(0, CPV_KEPT),
    council,
    origin,
  };
  const { deadline, contractEnd } = noticeDays(notice);
  if (contractEnd) row.contractEnd = contractEnd;
  if (deadline) row.deadline = deadline;
  const pageId = noticePageId(notice.noticeUrl);
  if (pageId) row.pageId = pageId;
  return { ...row, ...procurementKeys(row) };
}

/** A row's calendar days: the tender deadline's, and the contract's last (max end with extensions, else end). */
export function noticeDays(notice: Pick<Notice, 'tenderDeadline' | 'contractPeriod'>): { deadline?: string; contractEnd?: string } {
  const out: { deadline?: string; contractEnd?: string } = {};
  const deadline = day(notice.tenderDeadline);
  if (deadline) out.deadline = deadline;
  const contractEnd = day(notice.contractPeriod?.maxEnd ?? notice.contractPeriod?.end);
  if (contractEnd) out.contractEnd = contractEnd;
  return out;
}

/**
 * The card's index keys of a row, from its derived fields (also what the v3 upgrade fills in):
 * `tenderKeys` for a tender not closed, whatever its deadline; `endKeys` for an award or contract
 * with an end. Kept in step with {@link isOpenTender} and the handler's "contracts ending" filter.
 */
export function procurementKeys(
  row: Pick<NoticeRow, 'council' | 'stage' | 'status' | 'deadline' | 'contractEnd' | 'serviceGroups' | 'terminated' | 'updatedAt'> &
    Partial<Pick<NoticeRow, 'expectedTenderDate' | 'engagementDeadline'>>,
): Pick<NoticeRow, 'tenderKeys' | 'endKeys' | 'comingKeys'> {
  const groups = [...new Set<string>(row.serviceGroups), ALL_GROUPS];
  const keys = (date: string): ProcurementKey[] => groups.map((g) => [row.council, g, date]);
  const closed = row.status !== undefined && CLOSED_STATUSES.has(row.status);
  const openable = row.stage === 'tender' && !closed;
  // A terminated contract (UK11) is not "ending": it has ended.
  const awarded = row.stage === 'award' || row.stage === 'contract';
  const end = awarded ? (row.terminated === true ? NO_END : (row.contractEnd ?? NO_END)) : undefined;
  const coming = row.stage === 'planning' && !closed;
  return {
    tenderKeys: openable ? keys(row.deadline ?? NO_DEADLINE) : [],
    endKeys: end !== undefined ? keys(end) : [],
    comingKeys: coming ? keys(comingUntil(row)) : [],
  };
}

/** Open for bids on `today`: a tender-stage notice, not closed, whose deadline has not passed. */
export function isOpenTender(row: Pick<NoticeRow, 'stage' | 'status' | 'deadline'>, today: string): boolean {
  if (row.stage !== 'tender') return false;
  if (row.status && CLOSED_STATUSES.has(row.status)) return false;
  return row.deadline === undefined || row.deadline >= today;
}
