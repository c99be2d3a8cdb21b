import { addDays, addMonths } from '@/lib/ocds/dates';
import type { NoticeRow } from '@/lib/ocds/row';
import type { CouncilLensDB } from '../../db';

/**
 * What the cache forgets, in the words the options page shows. The rules only ever remove rows
 * that can no longer be on the card: a tender past its deadline is not open, and the card lists
 * contracts ending from today on.
 */
export const TENDER_GRACE_DAYS = 90;
export const CONTRACT_KEEP_YEARS = 2;

export const RETENTION_RULES: readonly string[] = [
  `Tenders whose deadline passed more than ${TENDER_GRACE_DAYS} days ago without an award are removed.`,
  `Contracts that ended more than ${CONTRACT_KEEP_YEARS} years ago (counting any extensions) are removed.`,
  'Everything else is kept: open tenders, tenders awaiting an award, contracts still running or ended recently, and notices without those dates.',
];

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

export interface RetentionResult {
  removedTenders: number;
  removedContracts: number;
}

/**
 * Applies {@link RETENTION_RULES} on `today` (YYYY-MM-DD, the user's calendar date): two index
 * range reads (deadline, contractEnd), then one delete, in one transaction.
 */
export async function applyRetention(db: CouncilLensDB, today: string): Promise<RetentionResult> {
  return db.transaction('rw', db.notices, async () => {
    const tenders = await db.notices
      .where('deadline')
      .below(tenderCutoff(today))
      .filter((row) => isExpiredTender(row, today))
      .primaryKeys();
    const contracts = await db.notices
      .where('contractEnd')
      .below(contractCutoff(today))
      .filter((row) => isLongFinishedContract(row, today))
      .primaryKeys();
    // The two rules never pick the same row: one needs no award, the other an award.
    await db.notices.bulkDelete([...tenders, ...contracts]);
    return { removedTenders: tenders.length, removedContracts: contracts.length };
  });
}
