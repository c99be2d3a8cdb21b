import type { Procurement } from '@/lib/protocol';
import { isOpenTender } from '@/lib/ocds/row';
import { addMonths, personsGroupFirst, summariseNotice } from '@/lib/ocds/summary';
import type { CouncilLensDB } from '../db';

export const ENDING_WITHIN_MONTHS = 24;
/** How many lines each section lists; the totals say how many more there are. */
export const LIST_LIMIT = 8;

/**
 * "What is this council buying now, and which contracts end soon?" from the local cache: its open
 * tenders and its awarded contracts ending in the next 24 months (by the end with extensions where
 * published), the person's service group first. Both are index range reads: [council+stage] and
 * [council+contractEnd].
 */
export async function councilProcurement(
  db: CouncilLensDB,
  council: string,
  personsGroup: string | null,
  today: string,
  lastSyncedAt: number | null,
): Promise<Procurement> {
  const horizon = addMonths(today, ENDING_WITHIN_MONTHS);
  const [tenders, ending] = await Promise.all([
    db.notices.where('[council+stage]').equals([council, 'tender']).toArray(),
    db.notices.where('[council+contractEnd]').between([council, today], [council, horizon], true, true).toArray(),
  ]);
  const open = tenders
    .filter((row) => isOpenTender(row, today))
    .map((row) => summariseNotice(row, today, personsGroup))
    .sort(personsGroupFirst((s) => s.deadline));
  const contracts = ending
    .filter((row) => row.stage === 'award' || row.stage === 'contract')
    .map((row) => summariseNotice(row, today, personsGroup))
    .sort(personsGroupFirst((s) => s.maxEnd ?? s.end));
  return {
    openTenders: open.slice(0, LIST_LIMIT),
    openTotal: open.length,
    contractsEnding: contracts.slice(0, LIST_LIMIT),
    endingTotal: contracts.length,
    endingWithinMonths: ENDING_WITHIN_MONTHS,
    lastSyncedAt,
  };
}
