import type { TimingData } from '@/lib/timing/types';
import type { NoticeSummary } from '@/lib/ocds/summary';
import { assessTiming } from '@/lib/timing/assess-timing';
import { describeNextWindow, describeTiming } from '@/lib/timing/describe';
import { TimingInputError } from '@/lib/timing/schema';
import { SPEND_LINE_IDS } from '@/lib/spend/schema';
import { groupSpend, type CouncilSpendData } from '@/lib/spend/summary';
import { addMonths } from '@/lib/timing/financial-year';

/** What the business-case page gathers from the background for one council and service. */
export interface BusinessCaseInput {
  council: { code: string; name: string; typeLabel: string; population: number | null; nation: string };
  group: { id: string; label: string } | null;
  spend: CouncilSpendData;
  /** getTiming: the savings items recorded for the service, and its contracts ending. */
  timing: TimingData;
  /** getCouncilCard's procurement: open tenders (and, where the cache has them, notices coming to market). */
  openTenders: NoticeSummary[];
  /** When the notices cache was last refreshed; null for the packaged snapshot. */
  noticesAsOf: string | null;
  /** The reader's local date, YYYY-MM-DD. */
  today: string;
}

export interface SpendRow {
  year: string;
  status: 'published' | 'not-submitted';
  /** Pounds (the file's £ thousand × 1000); null where not published. */
  net: number | null;
  expenditure: number | null;
  income: number | null;
  lineLabel: string;
  /** The file this year's figure comes from. */
  source: string;
}

/** Everything the workbook lists, as plain values; the writer adds the formulas. */
export interface BusinessCaseModel {
  title: string;
  councilName: string;
  councilCode: string;
  typeLabel: string;
  population: number | null;
  serviceLabel: string;
  /** What the spend rows measure: the service's own line, a shared line, or the total. */
  spendNote: string;
  spendSource: string;
  spend: SpendRow[];
  savings: { year: string; kind: string; amount: number | null; status: string; description: string; source: string }[];
  contracts: { supplier: string; title: string; value: number | null; end: string; source: string }[];
  tenders: { title: string; value: number | null; deadline: string; source: string }[];
  timingVerdict: string;
  timingNext: string | null;
  timingEvidence: string[];
  notes: string[];
  today: string;
  filename: string;
}

const pounds = (thousands: number | null | undefined) => (thousands === null || thousands === undefined ? null : thousands * 1000);

function spendRows(input: BusinessCaseInput): { rows: SpendRow[]; note: string } {
  const { spend, group, council } = input;
  const years = spend.spend?.years ?? [];
  const lineOf = (id: (typeof SPEND_LINE_IDS)[number]) => ({ k: SPEND_LINE_IDS.indexOf(id), label: spend.lines.find((l) => l.id === id)?.label ?? id });
  let line = lineOf('total');
  let note = `Total net service spending of ${council.name}.`;
  if (group) {
    const found = groupSpend(spend, group.id, council.population);
    const mapped = spend.groups.find((g) => g.id === group.id);
    if (found.kind === 'combined') {
      const into = spend.nation?.combined.find((c) => c.line === mapped?.line)?.into ?? 'total';
      line = lineOf(into);
      note = `${found.note} The figures are that line's.`;
    } else if (mapped) {
      line = lineOf(mapped.line);
      note = mapped.own
        ? `${group.label}: the revenue outturn's ${line.label.toLowerCase()} line.`
        : `${group.label} has no spend line of its own: these are ${line.label.toLowerCase()}, which it shares with other services.`;
    }
  }
  const rows = years.map((y): SpendRow => {
    const source = `${spend.nation?.source ?? 'Revenue outturn'} (${spend.sources[y.source]?.file ?? 'packaged with Council Lens'})`;
    if (y.status !== 'published') return { year: y.year, status: y.status, net: null, expenditure: null, income: null, lineLabel: line.label, source };
    return {
      source,
      year: y.year,
      status: y.status,
      net: pounds(y.net[line.k]),
      expenditure: pounds(y.expenditure?.[line.k]),
      income: pounds(y.income?.[line.k]),
      lineLabel: line.label,
    };
  });
  return { rows, note };
}

/**
 * The business case's content for one council and service: local figures with their sources,
 * the savings items and contracts in the service, and the timing verdict.
 */
export function businessCaseModel(input: BusinessCaseInput): BusinessCaseModel {
  const serviceLabel = input.group?.label ?? 'All services';
  const { rows, note } = spendRows(input);
  const horizon = addMonths(input.today, 24);
  const savings = input.timing.savings.map((s) => ({
    year: s.financialYear,
    kind: s.kind,
    amount: s.amountGbp ?? null,
    status: s.status,
    description: s.description,
    source: s.sourceUrl ?? s.sourceTitle ?? `recorded by you (${s.addedBy})`,
  }));
  const contracts = input.timing.contracts
    .filter((c) => (c.maxEnd ?? c.end) <= horizon)
    .map((c) => ({ supplier: c.supplier ?? '', title: c.title, value: null as number | null, end: c.maxEnd ?? c.end, source: c.url ?? '' }));
  const tenders = input.openTenders
    .filter((t) => !input.group || t.serviceGroups.includes(input.group.id))
    .map((t) => ({ title: t.title, value: t.value?.currency === 'GBP' ? t.value.amount : null, deadline: t.deadline ?? '', source: t.noticeUrl }));

  let timingVerdict: string;
  let timingNext: string | null = null;
  let timingEvidence: string[] = [];
  try {
    const result = assessTiming({
      today: input.today,
      savings: input.timing.savings.map((s) => ({ financialYear: s.financialYear, kind: s.kind, status: s.status, amount: s.amountGbp ?? null, description: s.description })),
      contracts: input.timing.contracts.map((c) => ({ end: c.end, maxEnd: c.maxEnd ?? null, title: c.title, supplier: c.supplier ?? null })),
    });
    timingVerdict = describeTiming(result, { councilName: input.council.name, groupLabel: input.group?.label ?? null });
    timingNext = describeNextWindow(result);
    timingEvidence = [
      ...savings.map((s) => `Savings programme ${s.year}: ${s.kind}, ${s.status}${s.amount !== null ? `, £${s.amount.toLocaleString('en-GB')}` : ''}: ${s.description} (${s.source})`),
      ...input.timing.contracts.map((c) => `Contract ending ${c.maxEnd ?? c.end}: ${c.title}${c.supplier ? ` (${c.supplier})` : ''}`),
    ];
  } catch (error) {
    timingVerdict = `The timing could not be worked out: ${error instanceof TimingInputError ? error.message : String(error)}`;
  }

  const spendSource = input.spend.spend
    ? `${input.spend.nation?.source ?? 'Revenue outturn'}, one file a year (named beside each year on "Local figures"); £ thousand in the source, shown here in pounds.`
    : `No spend figures: ${input.spend.missing ?? 'none published'}.`;
  const notes = [
    'Yellow cells on "Your case" are yours to change; every other figure there is a formula.',
    `Population: ${input.council.population?.toLocaleString('en-GB') ?? 'unknown'}, from the council register (mySociety, 2020 estimate).`,
    `Spend: ${spendSource}`,
    note,
    ...(input.spend.nation?.combined.map((c) => c.note) ?? []),
    ...(input.spend.nation?.caveats ?? []),
    `Savings items: the ones you recorded in Council Lens for ${input.council.name}${input.group ? ` in ${input.group.label}` : ''}, with the papers they came from.`,
    `Contracts and tenders: Contracts Finder and Find a Tender notices in Council Lens's local cache${input.noticesAsOf ? `, refreshed ${input.noticesAsOf}` : ' (the packaged snapshot)'}.`,
    `Written by Council Lens on ${input.today}.`,
  ];
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    title: `Business case: ${serviceLabel} at ${input.council.name}`,
    councilName: input.council.name,
    councilCode: input.council.code,
    typeLabel: input.council.typeLabel,
    population: input.council.population,
    serviceLabel,
    spendNote: note,
    spendSource,
    spend: rows,
    savings,
    contracts,
    tenders,
    timingVerdict,
    timingNext,
    timingEvidence,
    notes,
    today: input.today,
    filename: `business-case-${slug(input.council.code)}-${input.group ? slug(input.group.id) : 'all-services'}-${input.today}.xlsx`,
  };
}
