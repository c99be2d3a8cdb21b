import { addMonths } from '@/lib/ocds/dates';
import type { NoticeRow } from '@/lib/ocds/row';
import { isBeyondHistory, isExpiredTender, isLongFinishedContract, isStaleUndated } from '@/lib/sync/retention-rules';
import type { SyncSource } from '@/lib/sync/sources';
import type { CouncilLensDB } from '../../db';

export {
  CONTRACT_KEEP_YEARS,
  isBeyondHistory,
  isExpiredTender,
  isLongFinishedContract,
  isStaleUndated,
  RETENTION_RULES,
  retentionRules,
  TENDER_GRACE_DAYS,
  UNDATED_KEEP_MONTHS,
} from '@/lib/sync/retention-rules';

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
 * Applies the retention rules on `today` (YYYY-MM-DD, the user's calendar date): two index range
 * reads (expires, and updatedAt for the history depth), the annotations' keys, then one delete, in
 * one transaction. An annotated notice is kept whatever its dates: annotations are keyed by OCID or
 * `site:noticeId` (lib/workspace/schema.ts), matched against the row's ocid and page id.
 */
export async function applyRetention(db: CouncilLensDB, today: string, options: RetentionOptions = {}): Promise<RetentionResult> {
  return db.transaction('rw', [db.notices, db.annotations], async () => {
    const annotated = new Set((await db.annotations.toCollection().primaryKeys()).map(String));
    const sources = options.sources ? new Set<string>(options.sources) : null;
    const removable = (row: NoticeRow): boolean =>
      (sources === null || sources.has(row.source)) && !annotated.has(row.ocid) && !(row.pageId !== undefined && annotated.has(`${row.source}:${row.pageId}`));

    // Every row a date rule removes has an `expires` day on or before today (lib/sync/retention-rules.ts
    // expiryCandidate); each candidate is checked with the rule itself.
    const months = options.historyMonths;
    const beyondDepth = (row: NoticeRow): boolean => months !== undefined && isBeyondHistory(row, today, months);
    let tenders = 0;
    let contracts = 0;
    let undated = 0;
    const dated = await db.notices
      .where('expires')
      .belowOrEqual(today)
      .filter((row) => {
        if (!removable(row)) return false;
        if (isExpiredTender(row, today)) tenders += 1;
        else if (isLongFinishedContract(row, today)) contracts += 1;
        // An undated row beyond the history depth counts as history, as the updatedAt read finds it.
        else if (isStaleUndated(row, today) && !beyondDepth(row)) undated += 1;
        else return false;
        return true;
      })
      .primaryKeys();
    const taken = new Set<string>(dated);
    let beyond = 0;
    const old =
      months === undefined
        ? []
        : await db.notices
            .where('updatedAt')
            .below(addMonths(today, -months))
            .filter((row) => {
              if (taken.has(row.ocid) || !removable(row) || !beyondDepth(row)) return false;
              beyond += 1;
              return true;
            })
            .primaryKeys();
    await db.notices.bulkDelete([...dated, ...old]);
    return { removedTenders: tenders, removedContracts: contracts, removedUndated: undated, removedBeyondHistory: beyond };
  });
}
