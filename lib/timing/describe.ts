import { formatFinancialYear, parseFinancialYear } from './financial-year';
import type { ContractEvidence, NextWindow, PlannedEvidence, SavingsEvidence, TimingResult, TimingSignal } from './assess-timing';

export interface DescribeOptions {
  /** The council as the card names it, e.g. "Leeds City Council". */
  councilName: string;
  /** On a profile, the person's service group label, e.g. "Adult social care". */
  groupLabel?: string | null;
  /** Formats a GBP amount; defaults to `formatAmount` ("£1.2m", "£350k"). */
  amountFormatter?: (amount: number) => string;
}

// ISO dates are calendar dates: format them in UTC so no time zone can shift the day.
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2028-04-01` -> "1 April 2028". */
export function formatLongDate(isoDate: string): string {
  return longDate.format(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))));
}

/** A budget line as budget papers quote it: "£1.2m", "£12m", "£350k", "£800". */
export function formatAmount(amount: number): string {
  if (amount >= 9_950_000) return `£${Math.round(amount / 1_000_000)}m`;
  if (amount >= 999_500) return `£${Math.round(amount / 100_000) / 10}m`;
  if (amount >= 1000) return `£${Math.round(amount / 1000)}k`;
  return `£${Math.round(amount)}`;
}

/**
 * The verdict as one or two plain sentences with its reason, e.g. "Redesign year: savings of
 * £1.2m in Adult social care are planned for 2027/28. Now is the time to talk to the head of
 * service." With no signal today, the next window to open is named when there is one.
 */
export function describeTiming(result: TimingResult, options: DescribeOptions): string {
  const format = options.amountFormatter ?? formatAmount;
  const where = options.groupLabel ? `in ${options.groupLabel}` : `at ${options.councilName}`;
  const holding = result.signals.filter((s) => s.phase === result.verdict);

  switch (result.verdict) {
    case 'redesign-now': {
      const { year, items } = savingsForYear(holding, 'earliest');
      const s = subject(items, format);
      return `Redesign year: ${s.text} ${where} ${s.plural ? 'are' : 'is'} planned for ${year}. Now is the time to talk to the head of service.`;
    }
    case 'prepare': {
      const { year, items } = savingsForYear(holding, 'earliest');
      const s = subject(items, format);
      const redesignYear = formatFinancialYear(parseFinancialYear(year) - 1);
      return (
        `Prepare: ${s.text} ${where} ${s.plural ? 'are' : 'is'} planned for ${year}, so ${redesignYear} will be the redesign year. ` +
        `Get to know the service before it starts on ${formatLongDate(`${redesignYear.slice(0, 4)}-04-01`)}.`
      );
    }
    case 'bedding-down': {
      const { year, items } = savingsForYear(holding, 'latest');
      const s = subject(items, format);
      const settledBy = formatLongDate(`${parseFinancialYear(year) + 2}-03-31`);
      return (
        `Bedding down: ${s.text} ${where} ${s.plural ? 'were' : 'was'} planned for ${year}. ` +
        `The service is settling into its new shape until ${settledBy}: expect polite interest, not buying.`
      );
    }
    case 'procurement-window': {
      const planned = soonestPlanned(holding);
      if (planned) {
        return (
          `Procurement window: the council has published ${plannedPhrase(planned)}, with the tender expected on ${formatLongDate(planned.expectedTenderDate)}. ` +
          `Now is the time to talk to the service lead, before the specification is written.`
        );
      }
      const contract = soonestContract(holding);
      return (
        `Procurement window: ${contractPhrase(contract)} ends ${endPhrase(contract)}, so the council should be planning what replaces it. ` +
        `Now is the time to talk to the service and procurement leads.`
      );
    }
    case 'tender-imminent': {
      const contract = soonestContract(holding);
      return (
        `Tender imminent: ${contractPhrase(contract)} ends ${endPhrase(contract)}. ` +
        `A tender is likely to be out or about to be: watch Contracts Finder and Find a Tender.`
      );
    }
    case 'no-signal': {
      const subjectName = options.groupLabel ? `${options.groupLabel} at ${options.councilName}` : options.councilName;
      const first =
        result.signals.length === 0
          ? `No timing signal: no savings programme or contract end dates are recorded for ${subjectName}.`
          : `No timing signal: nothing recorded for ${subjectName} points to now.`;
      const next = describeNextWindow(result);
      return next ? `${first} ${next}` : first;
    }
  }
}

/**
 * The next window to open, e.g. "The next window opens on 1 April 2028: the redesign year before
 * savings planned for 2029/30."; null when none is ahead.
 */
export function describeNextWindow(result: TimingResult): string | null {
  const next: NextWindow | undefined = result.nextWindow;
  if (!next) return null;
  const opens = formatLongDate(next.opens);
  if (next.evidence.source === 'savings') {
    return `The next window opens on ${opens}: the redesign year before ${kindNoun(next.evidence)} planned for ${next.evidence.financialYear}.`;
  }
  if (next.evidence.source === 'planned') {
    return `The next window opens on ${opens}: ${plannedPhrase(next.evidence)}, tender expected on ${formatLongDate(next.evidence.expectedTenderDate)}.`;
  }
  return `The next window opens on ${opens}: re-procurement of ${contractPhrase(next.evidence)}, which ends ${endPhrase(next.evidence)}.`;
}

/** The savings lines behind the holding signals for one financial year (the earliest or latest). */
function savingsForYear(signals: TimingSignal[], pick: 'earliest' | 'latest'): { year: string; items: SavingsEvidence[] } {
  const items = signals.flatMap((s) => (s.evidence.source === 'savings' ? [s.evidence] : []));
  const years = [...new Set(items.map((i) => i.financialYear))].sort();
  const year = (pick === 'earliest' ? years[0] : years[years.length - 1]) ?? '';
  return { year, items: items.filter((i) => i.financialYear === year) };
}

/** "savings of £1.2m", "savings of at least £1.2m" (some lines have no amount), "a restructure". */
function subject(items: SavingsEvidence[], format: (amount: number) => string): { text: string; plural: boolean } {
  const savings = items.filter((i) => i.kind === 'saving');
  if (savings.length > 0) {
    const amounts = savings.flatMap((i) => (i.amount === undefined ? [] : [i.amount]));
    if (amounts.length === 0) return { text: 'savings', plural: true };
    const total = format(amounts.reduce((a, b) => a + b, 0));
    return { text: amounts.length === savings.length ? `savings of ${total}` : `savings of at least ${total}`, plural: true };
  }
  if (items.some((i) => i.kind === 'restructure')) return { text: 'a restructure', plural: false };
  return { text: 'a service review', plural: false };
}

function kindNoun(item: SavingsEvidence): string {
  if (item.kind === 'restructure') return 'a restructure';
  if (item.kind === 'service-review') return 'a service review';
  return 'savings';
}

/** The forward notice whose tender is expected soonest, if any holds. */
function soonestPlanned(signals: TimingSignal[]): PlannedEvidence | undefined {
  const planned = signals.flatMap((s) => (s.evidence.source === 'planned' ? [s.evidence] : []));
  return planned.length === 0 ? undefined : planned.reduce((a, b) => (b.expectedTenderDate < a.expectedTenderDate ? b : a));
}

/** "a planned procurement notice for “Highways maintenance framework”". */
function plannedPhrase(notice: PlannedEvidence): string {
  const what = notice.noticeType ?? 'a forward notice';
  const article = notice.noticeType ? (/^[aeiou]/i.test(what) ? 'an ' : 'a ') : '';
  return notice.title ? `${article}${what} for “${notice.title}”` : `${article}${what}`;
}

function soonestContract(signals: TimingSignal[]): ContractEvidence {
  const contracts = signals.flatMap((s) => (s.evidence.source === 'contract' ? [s.evidence] : []));
  // Only called for a contract verdict, so there is at least one.
  return contracts.reduce((a, b) => (b.effectiveEnd < a.effectiveEnd ? b : a));
}

/** "“Home care framework” (Acme Care Ltd)", or "a contract" when the title is not known. */
function contractPhrase(contract: ContractEvidence): string {
  const name = contract.title ? `“${contract.title}”` : 'a contract';
  return contract.supplier ? `${name} (${contract.supplier})` : name;
}

/** "on 31 August 2028", "on 31 August 2029 with every extension". */
function endPhrase(contract: ContractEvidence): string {
  const extended = contract.maxEnd !== undefined && contract.maxEnd !== contract.end;
  return `on ${formatLongDate(contract.effectiveEnd)}${extended ? ' with every extension' : ''}`;
}
