import type { CouncilSpend, SpendFile } from './schema';
import { SPEND_LINE_IDS, type SpendLineId } from './lines';

/** What the background sends for one council: its figures and what they mean (`getCouncilSpend`). */
export interface CouncilSpendData {
  code: string;
  /** Null when spend.json has no figures for the council; `missing` then says why. */
  spend: CouncilSpend | null;
  missing: string | null;
  lines: SpendFile['lines'];
  groups: SpendFile['groups'];
  nation: SpendFile['nations'][number] | null;
  /** Where the council's latest figures come from, as a file of ../shared. */
  sourceFile: string | null;
  /** The files every year's `source` index points into. */
  sources: SpendFile['sources'];
}

/** Cuts one council's part out of spend.json. */
export function councilSpendData(file: SpendFile, code: string, nation: string | null): CouncilSpendData {
  const spend = file.councils.find((c) => c.code === code) ?? null;
  return {
    code,
    spend,
    missing: spend ? null : (file.missing.find((m) => m.code === code)?.reason ?? 'no spend figures for this council'),
    lines: file.lines,
    groups: file.groups,
    nation: file.nations.find((n) => n.nation === nation) ?? null,
    sourceFile: spend ? (file.sources[spend.years[spend.years.length - 1]!.source]?.file ?? null) : null,
    sources: file.sources,
  };
}

const at = (line: SpendLineId) => SPEND_LINE_IDS.indexOf(line);

/** One line's figures for the latest published year: £ thousand, shares and change. */
export interface LineFigure {
  line: SpendLineId;
  label: string;
  year: string;
  /** Net current expenditure, £ thousand. */
  net: number;
  /** Share of the council's total net service spending, 0..1; null when the total is not positive. */
  share: number | null;
  /** Net spending per resident in pounds; null without a population. */
  perResident: number | null;
  /** Against an earlier published year: 0.06 is "up 6%"; null without one or from zero. */
  change: { from: string; ratio: number } | null;
  /** England: total expenditure and income (£ thousand). */
  expenditure: number | null;
  income: number | null;
}

/** What the card says about one service group's spending. */
export type GroupSpend =
  | { kind: 'figure'; own: boolean; figure: LineFigure; notSubmitted: string[] }
  /** The nation's figures hold this service inside another line (Scottish and Welsh social work). */
  | { kind: 'combined'; into: LineFigure | null; note: string }
  /** Every year on file is a return the council did not submit. */
  | { kind: 'not-submitted'; years: string[] }
  | { kind: 'no-data'; reason: string };

function published(data: CouncilSpendData) {
  return (data.spend?.years ?? []).flatMap((y) => (y.status === 'published' ? [y] : []));
}

/**
 * The line's figure for the latest year it is published, compared with the year two before it
 * (or the earliest other year on file): "£310m, 38% of its service spending, up 6% on 2022-23".
 */
export function lineFigure(data: CouncilSpendData, line: SpendLineId, population: number | null): LineFigure | null {
  const years = published(data).filter((y) => y.net[at(line)] !== null);
  const latest = years[years.length - 1];
  if (!latest) return null;
  const net = latest.net[at(line)]!;
  const total = latest.net[at('total')];
  const latestStart = Number(latest.year.slice(0, 4));
  const earlier = years.find((y) => Number(y.year.slice(0, 4)) === latestStart - 2) ?? years.find((y) => y !== latest) ?? null;
  const before = earlier ? earlier.net[at(line)]! : null;
  return {
    line,
    label: data.lines.find((l) => l.id === line)?.label ?? line,
    year: latest.year,
    net,
    share: total && total > 0 ? net / total : null,
    perResident: population ? (net * 1000) / population : null,
    change: earlier && before && before > 0 ? { from: earlier.year, ratio: net / before - 1 } : null,
    expenditure: latest.expenditure?.[at(line)] ?? null,
    income: latest.income?.[at(line)] ?? null,
  };
}

/** The spending behind one project service group, or why there is none to show. */
export function groupSpend(data: CouncilSpendData, groupId: string, population: number | null): GroupSpend {
  if (!data.spend) return { kind: 'no-data', reason: data.missing ?? 'no spend figures for this council' };
  const group = data.groups.find((g) => g.id === groupId);
  if (!group) return { kind: 'no-data', reason: 'this service has no line in the revenue outturn' };
  const combined = data.nation?.combined.find((c) => c.line === group.line);
  if (combined) return { kind: 'combined', into: lineFigure(data, combined.into, population), note: combined.note };
  const figure = lineFigure(data, group.line, population);
  const notSubmitted = data.spend.years.filter((y) => y.status === 'not-submitted').map((y) => y.year);
  if (!figure) return notSubmitted.length ? { kind: 'not-submitted', years: notSubmitted } : { kind: 'no-data', reason: 'no published year for this service' };
  return { kind: 'figure', own: group.own, figure, notSubmitted };
}

/** "£310m", "£1.2bn", "£4.5m", "£850k", "−£2.1m" from £ thousand. */
export function formatThousands(thousands: number): string {
  const sign = thousands < 0 ? '−' : '';
  const k = Math.abs(thousands);
  if (k >= 1_000_000) return `${sign}£${(k / 1_000_000).toFixed(1).replace(/\.0$/, '')}bn`;
  if (k >= 100_000) return `${sign}£${Math.round(k / 1000)}m`;
  if (k >= 1000) return `${sign}£${(k / 1000).toFixed(1).replace(/\.0$/, '')}m`;
  return `${sign}£${Math.round(k)}k`;
}

/** "up 6% on 2022-23", "down 3% on 2021-22", "level with 2022-23". */
export function formatChange(change: NonNullable<LineFigure['change']>): string {
  const pct = Math.round(change.ratio * 100);
  if (pct === 0) return `level with ${change.from}`;
  return `${pct > 0 ? 'up' : 'down'} ${Math.abs(pct)}% on ${change.from}`;
}

/**
 * The card's one line: "Spends £310m a year on adult social care (2024-25, net), 38% of its
 * service spending, up 6% on 2022-23; £380 per resident."
 */
export function spendSentence(spend: GroupSpend, groupLabel: string): string {
  const service = groupLabel.charAt(0).toLowerCase() + groupLabel.slice(1);
  switch (spend.kind) {
    case 'no-data':
      return `No spending figures for ${service}: ${spend.reason}.`;
    case 'not-submitted':
      return `No spending figures: the council did not submit its revenue outturn for ${spend.years.join(', ')}.`;
    case 'combined':
      return spend.into
        ? `No separate figure for ${service}: ${spend.note} That line is ${formatThousands(spend.into.net)} a year (${spend.into.year}, net).`
        : `No separate figure for ${service}: ${spend.note}`;
    case 'figure': {
      const f = spend.figure;
      if (!spend.own) {
        return `No spend line of its own: ${service} is counted in ${f.label.toLowerCase()}, ${formatThousands(f.net)} a year (${f.year}, net) across all of them.`;
      }
      // A district's adult social care, Northern Ireland's education: £0 is not a figure to quote.
      if (f.net === 0) return `No net spending on ${service} recorded for ${f.year}.`;
      const parts = [`Spends ${formatThousands(f.net)} a year on ${service} (${f.year}, net)`];
      if (f.share !== null) parts.push(`${Math.round(f.share * 100)}% of its service spending`);
      if (f.change) parts.push(formatChange(f.change));
      const perResident = f.perResident !== null ? `; £${Math.round(f.perResident).toLocaleString('en-GB')} per resident` : '';
      return `${parts.join(', ')}${perResident}.`;
    }
  }
}

/**
 * The table by service: every line the council spends on, the biggest first, the total last. A
 * line summed into another in the nation's figures stays, so the table can say where it is.
 */
export function spendTable(data: CouncilSpendData, population: number | null): LineFigure[] {
  const summed = new Set(data.nation?.combined.map((c) => c.line) ?? []);
  const rows = SPEND_LINE_IDS.filter((line) => line !== 'total')
    .map((line) => lineFigure(data, line, population))
    .filter((row): row is LineFigure => row !== null && (row.net !== 0 || summed.has(row.line)))
    .sort((a, b) => b.net - a.net);
  const total = lineFigure(data, 'total', population);
  return total ? [...rows, total] : rows;
}
