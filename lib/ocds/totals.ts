import { ALL_GROUPS, type NoticeRow } from './row';

/** The card's two sections, by the index whose `*` keys they count. */
export type TotalsSection = 'tenderKeys' | 'endKeys' | 'comingKeys';

/**
 * How many of a council's rows carry each date in one section's `*` keys (its tender deadlines,
 * or its contract ends): a section total for any date range is then a sum over one small row,
 * where IDBIndex.count() walks the range, ~20 µs an entry in Chromium (tests/bench/notices-cache:
 * 14 ms for a busy council's ~700 contracts ending, against ~1.5 ms to read its totals).
 */
export interface NoticeTotalsRow {
  council: string;
  section: TotalsSection;
  /**
   * Dates (YYYY-MM-DD, or NO_DEADLINE) ascending, each once. Arrays rather than a date-keyed
   * object: a busy council has ~1,500 dates, and such an object read ~3x slower in the benchmark.
   */
  dates: string[];
  /** Rows per date, never zero. */
  counts: number[];
}

/** `${council}|${section}` -> date -> change in count. */
export type TotalsDelta = Map<string, Map<string, number>>;

const SECTIONS: readonly TotalsSection[] = ['tenderKeys', 'endKeys', 'comingKeys'];

/** The id of a {@link TotalsDelta} entry. */
export const totalsId = (council: string, section: TotalsSection) => `${council}|${section}`;

/**
 * The change in every council's per-date totals when `removed` rows are replaced by `added` ones
 * (either may hold undefined: no row). Rows whose keys do not change cancel out.
 */
export function totalsDelta(removed: readonly (Partial<NoticeRow> | undefined)[], added: readonly (Partial<NoticeRow> | undefined)[]): TotalsDelta {
  const delta: TotalsDelta = new Map();
  const count = (row: Partial<NoticeRow> | undefined, by: number) => {
    for (const section of SECTIONS) {
      for (const [council, group, date] of row?.[section] ?? []) {
        if (group !== ALL_GROUPS) continue;
        const id = totalsId(council, section);
        const dates = delta.get(id) ?? delta.set(id, new Map()).get(id)!;
        dates.set(date, (dates.get(date) ?? 0) + by);
      }
    }
  };
  for (const row of removed) count(row, -1);
  for (const row of added) count(row, +1);
  for (const [id, dates] of delta) {
    for (const [date, n] of dates) if (n === 0) dates.delete(date);
    if (dates.size === 0) delta.delete(id);
  }
  return delta;
}

/** The dates and counts of `row` with `change` applied, zero counts dropped. */
export function applyTotals(row: Pick<NoticeTotalsRow, 'dates' | 'counts'> | undefined, change: ReadonlyMap<string, number>): Pick<NoticeTotalsRow, 'dates' | 'counts'> {
  const byDate = new Map<string, number>();
  row?.dates.forEach((date, i) => byDate.set(date, row.counts[i]!));
  for (const [date, n] of change) byDate.set(date, (byDate.get(date) ?? 0) + n);
  const dates = [...byDate.keys()].filter((date) => byDate.get(date) !== 0).sort();
  return { dates, counts: dates.map((date) => byDate.get(date)!) };
}

/** Rows dated from `from` to `to`, both included. */
export function totalBetween(row: Pick<NoticeTotalsRow, 'dates' | 'counts'> | undefined, from: string, to: string): number {
  let total = 0;
  row?.dates.forEach((date, i) => {
    if (date >= from && date <= to) total += row.counts[i]!;
  });
  return total;
}
