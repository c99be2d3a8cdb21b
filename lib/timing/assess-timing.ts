/**
 * Savings programme + contract expiry -> a timing verdict (issue 5): is this the year the council
 * redesigns the service, is a contract coming up for re-procurement, or is the service bedding
 * down after a change and not buying? Pure: no browser APIs, no I/O; `today` is an input.
 *
 * The rules, from the research behind the product (issue 5, "Timing engine"):
 *
 * | Evidence                                        | Window (both ends inclusive)                  | Phase today                          |
 * |-------------------------------------------------|-----------------------------------------------|--------------------------------------|
 * | saving, service-review or restructure in year N | redesign: all of year N-1                     | `redesign-now` in it, `prepare` before |
 * |                                                 | bedding down: 1 April of N to 31 March of N+2 | `bedding-down` in it                 |
 * | contract ending E (`maxEnd` when given)         | procurement: E-18 months to the day before E-6 months | `procurement-window` in it   |
 * |                                                 | tender: E-6 months to E                       | `tender-imminent` in it              |
 * | forward notice with tender expected on F (UK1/UK2/UK3) | procurement: its publication to F     | `procurement-window` in it           |
 * | investment                                      | none                                          | none (evidence only)                 |
 *
 * The procurement window stops the day before the tender window opens so that, as with the
 * financial years, every day belongs to one window. Month arithmetic clamps to the month's end
 * (financial-year.ts `addMonths`). The verdict is the first phase holding today in
 * `VERDICT_PRIORITY`; the status of a savings line is carried as evidence and moves nothing.
 */
import * as z from 'zod/mini';
import { addDays, addMonths, financialYearBounds, formatFinancialYear, parseFinancialYear } from './financial-year';
import { TimingInputError, TimingInputSchema, type SavingsKind, type SavingsStatus, type TimingInput } from './schema';

/** A phase some signal can hold today. */
export type TimingPhase = 'redesign-now' | 'procurement-window' | 'tender-imminent' | 'bedding-down' | 'prepare';
/** The headline: a phase, or `no-signal` when none holds today. */
export type TimingVerdict = TimingPhase | 'no-signal';

/** Which verdict wins when several phases hold today: earlier wins. */
export const VERDICT_PRIORITY: readonly TimingVerdict[] = [
  'redesign-now',
  'procurement-window',
  'tender-imminent',
  'bedding-down',
  'prepare',
  'no-signal',
];

/** A span of days, both ends inclusive, `YYYY-MM-DD`. */
export interface TimingWindow {
  from: string;
  to: string;
  /** For a redesign window: the financial year it covers, e.g. `2026/27`. */
  financialYear?: string;
}

/** A savings programme line as evidence; `index` is its position in the input's `savings`. */
export interface SavingsEvidence {
  source: 'savings';
  index: number;
  financialYear: string;
  kind: SavingsKind;
  status: SavingsStatus;
  amount?: number;
  description?: string;
  sourceUrl?: string;
}

/** A contract as evidence; `index` is its position in the input's `contracts`. */
export interface ContractEvidence {
  source: 'contract';
  index: number;
  end: string;
  maxEnd?: string;
  /** The date the windows count back from: `maxEnd` when given, else `end`. */
  effectiveEnd: string;
  title?: string;
  supplier?: string;
}

/** A forward notice as evidence (a planned procurement); `index` is its position in the input's `planned`. */
export interface PlannedEvidence {
  source: 'planned';
  index: number;
  published: string;
  expectedTenderDate: string;
  title?: string;
  noticeType?: string;
  url?: string;
}

/** Where a window sits relative to today. */
export type WindowWhen = 'past' | 'current' | 'upcoming';

interface WindowSignal<K extends string, E> {
  kind: K;
  /** The phase this signal gives today; null when it gives none (past, or not yet open). */
  phase: TimingPhase | null;
  window: TimingWindow;
  when: WindowWhen;
  evidence: E;
}

export type RedesignSignal = WindowSignal<'redesign', SavingsEvidence>;
export type BeddingDownSignal = WindowSignal<'bedding-down', SavingsEvidence>;
export type ProcurementSignal = WindowSignal<'procurement', ContractEvidence | PlannedEvidence>;
export type TenderSignal = WindowSignal<'tender', ContractEvidence>;
/** An investment line: shown as evidence, opens no window. */
export interface InvestmentSignal {
  kind: 'investment';
  phase: null;
  window: null;
  when: null;
  evidence: SavingsEvidence;
}

export type TimingSignal = RedesignSignal | BeddingDownSignal | ProcurementSignal | TenderSignal | InvestmentSignal;
export type TimingSignalKind = TimingSignal['kind'];

/** The next redesign or procurement window to open after today. */
export interface NextWindow {
  kind: 'redesign' | 'procurement';
  /** The day it opens (= `window.from`), strictly after today. */
  opens: string;
  window: TimingWindow;
  evidence: SavingsEvidence | ContractEvidence | PlannedEvidence;
}

export interface TimingResult {
  /** The day assessed (the input's `today`), so views can draw it. */
  today: string;
  verdict: TimingVerdict;
  /** Every signal: savings lines in input order (redesign, then bedding down), then contracts. */
  signals: TimingSignal[];
  nextWindow?: NextWindow;
}

/**
 * Assesses timing for one council (and, on a profile, one service group): the caller passes
 * only the savings lines and contracts that concern it.
 *
 * @throws TimingInputError when a date, financial year, kind, status or amount is malformed.
 */
export function assessTiming(input: TimingInput): TimingResult {
  const parsed = TimingInputSchema.safeParse(input);
  if (!parsed.success) throw new TimingInputError(z.prettifyError(parsed.error));
  const { today, savings, contracts, planned = [] } = parsed.data;
  const signals: TimingSignal[] = [];

  savings.forEach((item, index) => {
    const evidence: SavingsEvidence = compact({
      source: 'savings',
      index,
      financialYear: item.financialYear,
      kind: item.kind,
      status: item.status,
      amount: item.amount,
      description: item.description,
      sourceUrl: item.sourceUrl,
    });
    if (item.kind === 'investment') {
      signals.push({ kind: 'investment', phase: null, window: null, when: null, evidence });
      return;
    }
    const year = parseFinancialYear(item.financialYear);
    const redesign: TimingWindow = { ...financialYearBounds(year - 1), financialYear: formatFinancialYear(year - 1) };
    const redesignWhen = when(today, redesign);
    signals.push({
      kind: 'redesign',
      phase: redesignWhen === 'current' ? 'redesign-now' : redesignWhen === 'upcoming' ? 'prepare' : null,
      window: redesign,
      when: redesignWhen,
      evidence,
    });
    const bedding: TimingWindow = { from: financialYearBounds(year).from, to: financialYearBounds(year + 1).to };
    const beddingWhen = when(today, bedding);
    signals.push({
      kind: 'bedding-down',
      phase: beddingWhen === 'current' ? 'bedding-down' : null,
      window: bedding,
      when: beddingWhen,
      evidence,
    });
  });

  contracts.forEach((contract, index) => {
    const effectiveEnd = contract.maxEnd ?? contract.end;
    const evidence: ContractEvidence = compact({
      source: 'contract',
      index,
      end: contract.end,
      maxEnd: contract.maxEnd,
      effectiveEnd,
      title: contract.title,
      supplier: contract.supplier,
    });
    const tenderFrom = addMonths(effectiveEnd, -6);
    const procurement: TimingWindow = { from: addMonths(effectiveEnd, -18), to: addDays(tenderFrom, -1) };
    const tender: TimingWindow = { from: tenderFrom, to: effectiveEnd };
    const procurementWhen = when(today, procurement);
    const tenderWhen = when(today, tender);
    signals.push({
      kind: 'procurement',
      phase: procurementWhen === 'current' ? 'procurement-window' : null,
      window: procurement,
      when: procurementWhen,
      evidence,
    });
    signals.push({
      kind: 'tender',
      phase: tenderWhen === 'current' ? 'tender-imminent' : null,
      window: tender,
      when: tenderWhen,
      evidence,
    });
  });

  // The council said when it will go to tender: the service is choosing suppliers until then.
  planned.forEach((notice, index) => {
    if (notice.expectedTenderDate < notice.published) return;
    const evidence: PlannedEvidence = compact({
      source: 'planned',
      index,
      published: notice.published,
      expectedTenderDate: notice.expectedTenderDate,
      title: notice.title,
      noticeType: notice.noticeType,
      url: notice.url,
    });
    const window: TimingWindow = { from: notice.published, to: notice.expectedTenderDate };
    const windowWhen = when(today, window);
    signals.push({ kind: 'procurement', phase: windowWhen === 'current' ? 'procurement-window' : null, window, when: windowWhen, evidence });
  });

  const holding = new Set(signals.map((s) => s.phase));
  const verdict = VERDICT_PRIORITY.find((phase) => holding.has(phase as TimingPhase)) ?? 'no-signal';
  const nextWindow = findNextWindow(today, signals);
  return nextWindow ? { today, verdict, signals, nextWindow } : { today, verdict, signals };
}

function when(today: string, span: TimingWindow): WindowWhen {
  if (today < span.from) return 'upcoming';
  if (today > span.to) return 'past';
  return 'current';
}

/** Earliest opening after today; on a tie, a redesign window first (it ranks higher), then input order. */
function findNextWindow(today: string, signals: TimingSignal[]): NextWindow | undefined {
  let next: NextWindow | undefined;
  for (const signal of signals) {
    if (signal.kind !== 'redesign' && signal.kind !== 'procurement') continue;
    if (signal.window.from <= today) continue;
    const better =
      !next ||
      signal.window.from < next.opens ||
      (signal.window.from === next.opens && signal.kind === 'redesign' && next.kind === 'procurement');
    if (better) next = { kind: signal.kind, opens: signal.window.from, window: signal.window, evidence: signal.evidence };
  }
  return next;
}

/** Drops null and undefined fields, so evidence carries only what was given. */
function compact<T extends object>(value: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}
