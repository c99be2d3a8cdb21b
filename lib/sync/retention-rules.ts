import { CONTRACT_KEEP_YEARS, TENDER_GRACE_DAYS, UNDATED_KEEP_MONTHS } from '@/lib/ocds/expiry';
import { HISTORY_LABELS, type HistoryMonths } from './backfill';

export * from '@/lib/ocds/expiry';

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

