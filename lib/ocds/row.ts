import type { Notice } from './notice';
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
}

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
  const row: NoticeRow = {
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
  return row;
}

const CLOSED_STATUSES = new Set(['cancelled', 'unsuccessful', 'complete', 'withdrawn']);

/** Open for bids on `today`: a tender-stage notice, not closed, whose deadline has not passed. */
export function isOpenTender(row: Pick<NoticeRow, 'stage' | 'status' | 'deadline'>, today: string): boolean {
  if (row.stage !== 'tender') return false;
  if (row.status && CLOSED_STATUSES.has(row.status)) return false;
  return row.deadline === undefined || row.deadline >= today;
}
