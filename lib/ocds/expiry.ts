import { addDays, addMonths } from './dates';
import type { NoticeRow } from './row';

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
 * The first day on which a date rule above ({@link isExpiredTender}, {@link isLongFinishedContract},
 * {@link isStaleUndated}) can remove the row, or undefined when none can (only the history depth
 * then). It is never later than the real day, a few days early at most where month ends clamp, so
 * the `expires` index finds every row a rule removes and retention checks each with the rule itself.
 */
const CLAMP_SLACK_DAYS = 3;
export function expiryCandidate(row: Pick<NoticeRow, 'stage' | 'awards' | 'deadline' | 'contractEnd' | 'updatedAt'>): string | undefined {
  const days: string[] = [];
  if ((row.stage === 'planning' || row.stage === 'tender') && row.awards.length === 0 && row.deadline !== undefined)
    days.push(addDays(row.deadline, TENDER_GRACE_DAYS + 1));
  const awarded = row.stage === 'award' || row.stage === 'contract' || row.awards.length > 0;
  if (awarded && row.contractEnd !== undefined) days.push(addDays(addMonths(row.contractEnd, 12 * CONTRACT_KEEP_YEARS), -CLAMP_SLACK_DAYS));
  if (row.deadline === undefined && row.contractEnd === undefined)
    days.push(addDays(addMonths(row.updatedAt.slice(0, 10), UNDATED_KEEP_MONTHS), -CLAMP_SLACK_DAYS));
  // A date past year 9999 (a placeholder end) is never reached.
  return days.filter((d) => /^\d{4}-/.test(d)).sort()[0];
}
