import { ENDING_WITHIN_MONTHS, LIST_LIMIT } from '@/entrypoints/background/handlers/council-procurement';
import { CLOSED_STATUSES, comingUntil, isOpenTender, type NoticeRow } from '@/lib/ocds/row';
import { addMonths, personsGroupFirst, summariseNotice, type Procurement } from '@/lib/ocds/summary';

const byOcid = (a: NoticeRow, b: NoticeRow) => (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0);

/**
 * The card's procurement answer from any set of rows by brute force: the schema v2 handler's
 * filters and sort, with its two index reads ([council+stage], [council+contractEnd]) replayed as
 * filters and sorts over the rows. Duplicate rows (by ocid) count once. What the index-driven
 * councilProcurement must equal, in tests and in the benchmark.
 */
export function referenceProcurement(
  rows: readonly NoticeRow[],
  council: string,
  personsGroup: string | null,
  today: string,
  lastSyncedAt: number | null,
): Procurement {
  const horizon = addMonths(today, ENDING_WITHIN_MONTHS);
  const mine = [...new Map(rows.filter((row) => row.council === council).map((row) => [row.ocid, row])).values()].sort(byOcid);
  // Index order: [council+stage] ends in the primary key, [council+contractEnd] in the date then the key.
  const tenders = mine.filter((row) => row.stage === 'tender');
  const ending = mine
    .filter((row) => row.contractEnd !== undefined && row.contractEnd >= today && row.contractEnd <= horizon)
    .sort((a, b) => (a.contractEnd! < b.contractEnd! ? -1 : a.contractEnd! > b.contractEnd! ? 1 : 0));
  const open = tenders
    .filter((row) => isOpenTender(row, today))
    .map((row) => summariseNotice(row, today, personsGroup))
    .sort(personsGroupFirst((s) => s.deadline));
  const contracts = ending
    .filter((row) => (row.stage === 'award' || row.stage === 'contract') && row.terminated !== true)
    .map((row) => summariseNotice(row, today, personsGroup))
    .sort(personsGroupFirst((s) => s.maxEnd ?? s.end));
  // Coming to market: forward notices not closed, still ahead (their comingUntil day from today on).
  const coming = mine
    .filter((row) => row.stage === 'planning' && !(row.status && CLOSED_STATUSES.has(row.status)) && comingUntil(row) >= today)
    .sort((a, b) => (comingUntil(a) < comingUntil(b) ? -1 : comingUntil(a) > comingUntil(b) ? 1 : 0))
    .map((row) => summariseNotice(row, today, personsGroup))
    .sort(personsGroupFirst((s) => s.comingUntil ?? null));
  return {
    openTenders: open.slice(0, LIST_LIMIT),
    openTotal: open.length,
    contractsEnding: contracts.slice(0, LIST_LIMIT),
    endingTotal: contracts.length,
    endingWithinMonths: ENDING_WITHIN_MONTHS,
    comingToMarket: coming.slice(0, LIST_LIMIT),
    comingTotal: coming.length,
    lastSyncedAt,
  };
}
