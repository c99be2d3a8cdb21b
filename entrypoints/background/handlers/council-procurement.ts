import { ALL_GROUPS, type NoticeRow } from '@/lib/ocds/row';
import { totalBetween } from '@/lib/ocds/totals';
import { addMonths } from '@/lib/ocds/dates';
import { collapseCrossPosted, personsGroupFirst, summariseNotice, type NoticeSummary, type Procurement } from '@/lib/ocds/summary';
import type { CouncilLensDB } from '../db';

export const ENDING_WITHIN_MONTHS = 24;
/** How many lines each section lists; the totals say how many more there are. */
export const LIST_LIMIT = 8;

/** Above every date in a key's date slot (dates and NO_DEADLINE are ASCII). */
const AFTER_ALL_DATES = '\uffff';

type KeyIndex = 'tenderKeys' | 'endKeys' | 'comingKeys';

/**
 * "What is this council buying now, and which contracts end soon?" from the local cache: its open
 * tenders and its awarded contracts ending in the next 24 months (by the end with extensions where
 * published), the person's service group first. Lists come from the `[council, group, date]`
 * multi-entry indexes (lib/ocds/row.ts, procurementKeys), reading only the rows they can show;
 * totals from the council's counts by date (lib/ocds/totals.ts). So the cost does not grow with
 * the cache or the council.
 */
export async function councilProcurement(
  db: CouncilLensDB,
  council: string,
  personsGroup: string | null,
  today: string,
  lastSyncedAt: number | null,
): Promise<Procurement> {
  const horizon = addMonths(today, ENDING_WITHIN_MONTHS);
  const section = (index: KeyIndex, from: string, to: string) => ({ index, from, to });
  const [open, ending, coming] = await db.transaction('r', db.notices, db.noticeTotals, () =>
    Promise.all([
      firstAndTotal(db, council, personsGroup, today, section('tenderKeys', today, AFTER_ALL_DATES), (s) => s.deadline),
      firstAndTotal(db, council, personsGroup, today, section('endKeys', today, horizon), (s) => s.maxEnd ?? s.end),
      firstAndTotal(db, council, personsGroup, today, section('comingKeys', today, AFTER_ALL_DATES), (s) => s.comingUntil ?? null),
    ]),
  );
  return {
    openTenders: open.list,
    openTotal: open.total,
    contractsEnding: ending.list,
    endingTotal: ending.total,
    endingWithinMonths: ENDING_WITHIN_MONTHS,
    comingToMarket: coming.list,
    comingTotal: coming.total,
    lastSyncedAt,
  };
}

/**
 * One card section: the first LIST_LIMIT rows in the order `personsGroupFirst(sortKey)` gives, and
 * how many rows the section has. The first LIST_LIMIT of the person's group's range and of the
 * council's `*` range hold every row that can be listed: the group's first rows lead, and the `*`
 * prefix, of which at most that many are the group's, holds enough of the rest. Each read also
 * takes every row on its last row's date, as the sort breaks date ties by title, not by ocid.
 */
export async function firstAndTotal(
  db: CouncilLensDB,
  council: string,
  personsGroup: string | null,
  today: string,
  { index, from, to }: { index: KeyIndex; from: string; to: string },
  sortKey: (s: NoticeSummary) => string | null,
): Promise<{ list: NoticeSummary[]; total: number }> {
  const first = async (group: string): Promise<NoticeRow[]> => {
    const rows = await db.notices.where(index).between([council, group, from], [council, group, to], true, true).limit(LIST_LIMIT).toArray();
    if (rows.length < LIST_LIMIT) return rows;
    const last = rows[rows.length - 1]![index].find((key) => key[1] === group)![2];
    return [...rows, ...(await db.notices.where(index).equals([council, group, last]).toArray())];
  };
  const [total, inGroup, all] = await Promise.all([
    db.noticeTotals.get([council, index]).then((row) => totalBetween(row, from, to)),
    personsGroup === null ? [] : first(personsGroup),
    first(ALL_GROUPS),
  ]);
  const byOcid = new Map<string, NoticeRow>();
  for (const row of [...inGroup, ...all]) byOcid.set(row.ocid, row);
  // Ocid order first, as the index gave rows within a date: the sort is stable on equal titles.
  const rows = [...byOcid.values()].sort((a, b) => (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0));
  const sorted = rows.map((row) => summariseNotice(row, today, personsGroup)).sort(personsGroupFirst(sortKey));
  // A notice on both portals is one line; the total drops the copies seen here (those beyond the
  // rows read cannot be told apart without reading them).
  const { list, collapsed } = collapseCrossPosted(sorted);
  return { list: list.slice(0, LIST_LIMIT), total: Math.max(list.length, total - collapsed) };
}
