import { addDays, addMonths } from '@/lib/ocds/dates';
import type { NoticeRow } from '@/lib/ocds/row';
import { HISTORY_LABELS, type HistoryMonths } from '@/lib/sync/backfill';
import type { SyncSource } from '@/lib/sync/sources';
import type { CouncilLensDB } from '../../db';

/**
 * What the cache forgets, in the words the options page shows. A tender past its deadline is not
 * open, the card lists contracts ending from today on, a notice that says nothing about when is
 * stale after two years, and history beyond the depth the user chose (issue 10) goes; but a notice
 * the user annotated or saved in the workspace is theirs and stays.
 */
export const TENDER_GRACE_DAYS = 90;
export const CONTRACT_KEEP_YEARS = 2;
/** Notices with neither a deadline nor a contract end expire this long after their last update. */
export const UNDATED_KEEP_MONTHS = 24;
const DEFAULT_MONTHS: HistoryMonths = 12;

/** The rules in words, for a history depth of `months`. */
export function retentionRules(months: number = DEFAULT_MONTHS): string[] {
  const depth = HISTORY_LABELS[months as HistoryMonths] ?? `${months} months`;
  return [
    `Tenders whose deadline passed more than ${TENDER_GRACE_DAYS} days ago without an award are removed.`,
    `Contracts that ended more than ${CONTRACT_KEEP_YEARS} years ago (counting any extensions) are removed.`,
    `Notices with neither a deadline nor a contract end are removed ${UNDATED_KEEP_MONTHS} months after their last update.`,
    `Notices last updated more than ${depth} ago (the history you keep) are removed.`,
    'Notices you annotated or saved in the workspace are never removed.',
    'Everything else is kept: open tenders, tenders awaiting an award, and contracts still running or ended recently.',
  ];
}

/** The rules at the default depth (one year). */
export const RETENTION_RULES: readonly string[] = retentionRules();

/** The earliest tender deadline and contract end kept on `today` (lib/ocds/dates.ts, day clamped to the month's end). */
const tenderCutoff = (today: string): string => addDays(today, -TENDER_GRACE_DAYS);
const contractCutoff = (today: string): string => addMonths(today, -12 * CONTRACT_KEEP_YEARS);

type RetentionFields = Pick<NoticeRow, 'stage' | 'awards' | 'deadline' | 'contractEnd'>;

/** A tender (planning or tender stage, no award) whose deadline is more than 90 days before `today`. */
export function isExpiredTender(row: RetentionFields, today: string): boolean {
  if (row.stage !== 'planning' && row.stage !== 'tender') return false;
  if (row.awards.length > 0 || row.deadline === undefined) return false;
  return row.deadline < tenderCutoff(today);
}

/** An awarded contract whose end (with extensions) is more than 2 years before `today`. */
export function isLongFinishedContract(row: RetentionFields, today: string): boolean {
  const awarded = row.stage === 'award' || row.stage === 'contract' || row.awards.length > 0;
  if (!awarded || row.contractEnd === undefined) return false;
  return row.contractEnd < contractCutoff(today);
}

/** A notice with no deadline and no contract end, last updated more than 24 months before `today`. */
export function isStaleUndated(row: Pick<NoticeRow, 'deadline' | 'contractEnd' | 'updatedAt'>, today: string): boolean {
  return row.deadline === undefined && row.contractEnd === undefined && row.updatedAt < addMonths(today, -UNDATED_KEEP_MONTHS);
}

/** A notice last updated before the history depth (`months` before `today`). */
export function isBeyondHistory(row: Pick<NoticeRow, 'updatedAt'>, today: string, months: number): boolean {
  return row.updatedAt < addMonths(today, -months);
}

/**
 * The sources whose rules apply after a run: every source the run read, unless its own refresh
 * failed. One failing source does not keep the other's expired notices.
 */
export function retentionSources(report: { outcome: string; sources: readonly { source: SyncSource; state: string }[] }): SyncSource[] {
  if (report.outcome === 'busy' || report.outcome === 'aborted') return [];
  const failed = new Set(report.sources.filter((p) => p.state === 'failed').map((p) => p.source));
  return [...new Set(report.sources.map((p) => p.source))].filter((source) => !failed.has(source));
}

export interface RetentionResult {
  removedTenders: number;
  removedContracts: number;
  /** Undated notices past 24 months. */
  removedUndated: number;
  /** Notices older than the history depth. */
  removedBeyondHistory: number;
}

export interface RetentionOptions {
  /** Only these sources' notices (a source whose refresh failed keeps its rows for now). Default: all. */
  sources?: readonly SyncSource[];
  /** The history depth in months; default: no depth rule. */
  historyMonths?: number;
}

/**
 * Applies the retention rules on `today` (YYYY-MM-DD, the user's calendar date): three index
 * range reads (deadline, contractEnd, updatedAt), the annotations' keys, then one delete, in one
 * transaction. An annotated notice is kept whatever its dates: annotations are keyed by OCID or
 * `site:noticeId` (lib/workspace/schema.ts), matched against the row's ocid and page id.
 */
export async function applyRetention(db: CouncilLensDB, today: string, options: RetentionOptions = {}): Promise<RetentionResult> {
  return db.transaction('rw', [db.notices, db.annotations], async () => {
    const annotated = new Set((await db.annotations.toCollection().primaryKeys()).map(String));
    const sources = options.sources ? new Set<string>(options.sources) : null;
    const removable = (row: NoticeRow): boolean =>
      (sources === null || sources.has(row.source)) && !annotated.has(row.ocid) && !(row.pageId !== undefined && annotated.has(`${row.source}:${row.pageId}`));

    const tenders = await db.notices
      .where('deadline')
      .below(tenderCutoff(today))
      .filter((row) => isExpiredTender(row, today) && removable(row))
      .primaryKeys();
    const contracts = await db.notices
      .where('contractEnd')
      .below(contractCutoff(today))
      .filter((row) => isLongFinishedContract(row, today) && removable(row))
      .primaryKeys();
    const taken = new Set<string>([...tenders, ...contracts]);
    const months = options.historyMonths;
    const oldest = [addMonths(today, -UNDATED_KEEP_MONTHS), ...(months === undefined ? [] : [addMonths(today, -months)])].sort().at(-1)!;
    let undated = 0;
    let beyond = 0;
    const old = await db.notices
      .where('updatedAt')
      .below(oldest)
      .filter((row) => {
        if (taken.has(row.ocid) || !removable(row)) return false;
        if (months !== undefined && isBeyondHistory(row, today, months)) {
          beyond += 1;
          return true;
        }
        if (isStaleUndated(row, today)) {
          undated += 1;
          return true;
        }
        return false;
      })
      .primaryKeys();
    await db.notices.bulkDelete([...tenders, ...contracts, ...old]);
    return { removedTenders: tenders.length, removedContracts: contracts.length, removedUndated: undated, removedBeyondHistory: beyond };
  });
}
