import type { Notice } from './notice';
import { noticePageId } from './portals';
import { normaliseName } from './parties';

/** Buyer key for notices whose buyer is not a council: compound indexes cannot hold undefined. */
export const NOT_A_COUNCIL = '-';

/**
 * A notice as the background caches it: the notice plus the derived keys its indexes need.
 * Derived fields are recomputed from the notice on every write, never edited on their own.
 */
export interface NoticeRow extends Notice {
  /** Buyer's council code, or {@link NOT_A_COUNCIL}. */
  council: string;
  /** `${council}|${serviceGroup}` for each service group: "this council's notices in this service". */
  councilGroups: string[];
  /** `ch:<number>` per Companies House number and `name:<normalised name>` per supplier. */
  supplierKeys: string[];
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
   * Keys of the `*endKeys` index, for an award or contract with a {@link NoticeRow.contractEnd}:
   * `[council, group, contractEnd]` per service group plus `[council, ALL_GROUPS, contractEnd]`.
   */
  endKeys: ProcurementKey[];
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

const CLOSED_STATUSES = new Set(['cancelled', 'unsuccessful', 'complete', 'withdrawn']);

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/** Derives a notice's cache row. */
export function toNoticeRow(notice: Notice, origin: NoticeRow['origin']): NoticeRow {
  const council = notice.buyer.councilCode ?? NOT_A_COUNCIL;
  const supplierKeys = new Set<string>();
  for (const s of notice.suppliers) {
    if (s.companiesHouse) supplierKeys.add(`ch:${s.companiesHouse}`);
    const name = normaliseName(s.name);
    if (name) supplierKeys.add(`name:${name}`);
  }
  const row: Omit<NoticeRow, 'tenderKeys' | 'endKeys'> = {
    ...notice,
    council,
    councilGroups: notice.serviceGroups.map((g) => `${council}|${g}`),
    supplierKeys: [...supplierKeys],
    origin,
  };
  const end = day(notice.contractPeriod?.maxEnd ?? notice.contractPeriod?.end);
  if (end) row.contractEnd = end;
  const deadline = day(notice.tenderDeadline);
  if (deadline) row.deadline = deadline;
  const pageId = noticePageId(notice.noticeUrl);
  if (pageId) row.pageId = pageId;
  return { ...row, ...procurementKeys(row) };
}

/**
 * The card's index keys of a row, from its derived fields (also what the v3 upgrade fills in):
 * `tenderKeys` for a tender not closed, whatever its deadline; `endKeys` for an award or contract
 * with an end. Kept in step with {@link isOpenTender} and the handler's "contracts ending" filter.
 */
export function procurementKeys(
  row: Pick<NoticeRow, 'council' | 'stage' | 'status' | 'deadline' | 'contractEnd' | 'serviceGroups'>,
): Pick<NoticeRow, 'tenderKeys' | 'endKeys'> {
  const groups = [...new Set<string>(row.serviceGroups), ALL_GROUPS];
  const keys = (date: string): ProcurementKey[] => groups.map((g) => [row.council, g, date]);
  const openable = row.stage === 'tender' && !(row.status && CLOSED_STATUSES.has(row.status));
  const end = row.stage === 'award' || row.stage === 'contract' ? row.contractEnd : undefined;
  return {
    tenderKeys: openable ? keys(row.deadline ?? NO_DEADLINE) : [],
    endKeys: end !== undefined ? keys(end) : [],
  };
}

/** Open for bids on `today`: a tender-stage notice, not closed, whose deadline has not passed. */
export function isOpenTender(row: Pick<NoticeRow, 'stage' | 'status' | 'deadline'>, today: string): boolean {
  if (row.stage !== 'tender') return false;
  if (row.status && CLOSED_STATUSES.has(row.status)) return false;
  return row.deadline === undefined || row.deadline >= today;
}
