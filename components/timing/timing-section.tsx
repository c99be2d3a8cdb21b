import { useId } from 'preact/hooks';
import { describeNextWindow, describeTiming, formatAmount, formatLongDate } from '@/lib/timing/describe';
import { isIsoDate } from '@/lib/timing/financial-year';
import type { SavingsKind } from '@/lib/timing/schema';
import type { TimingResult, TimingVerdict } from '@/lib/timing/assess-timing';
import { EmptyState } from '@/components/ui/empty-state';
import { ExternalLink } from '@/components/ui/external-link';
import { subLevel, type HeadingLevel } from '@/components/ui/heading';
import { Section } from '@/components/ui/section';
import { homepageLink } from '@/components/format';
import { KIND_LABELS, webUrl, type TimingContractLine, type TimingSavingsLine } from './timing-lines';
import { TimingTimeline } from './timing-timeline';

export type { TimingContractLine, TimingSavingsLine } from './timing-lines';

export interface TimingSectionProps {
  /** `assessTiming` over the same `savings` and `contracts`. */
  timing: TimingResult;
  /** The council's savings programme lines (for the person's service group, on a profile). */
  savings: readonly TimingSavingsLine[];
  /** Contract end dates behind the procurement windows. */
  contracts: readonly TimingContractLine[];
  councilName: string;
  /** Where the council publishes its budget papers; only http(s) URLs become a link. */
  councilHomepage?: string | null;
  /** On a profile, the person's service group label, e.g. "Adult social care". */
  groupLabel?: string | null;
  headingLevel: HeadingLevel;
  /** The in-page version: the section folds. */
  compact?: boolean;
  /** Opens the savings form for this council (and group); without it the button is not shown. */
  onAddSavings?: () => void;
}

/**
 * "Timing": whether now is the time to approach this council (issue 5). The verdict in one
 * sentence, a timeline of financial years, and the lines behind it with links to their sources;
 * with nothing recorded, an invitation to add the council's savings programme.
 */
export function TimingSection(props: TimingSectionProps) {
  const { timing, savings, contracts, councilName, groupLabel, headingLevel, compact = false } = props;
  const isEmpty = savings.length === 0 && contracts.length === 0;
  return (
    <Section title="Timing" headingLevel={headingLevel} collapsible={compact} defaultOpen>
      <div class="cl-timing" data-verdict={timing.verdict}>
        {isEmpty ? (
          <TimingEmpty {...props} />
        ) : (
          <>
            <Verdict timing={timing} councilName={councilName} groupLabel={groupLabel} />
            <TimingTimeline timing={timing} savings={savings} contracts={contracts} />
            {savings.length > 0 ? (
              <SavingsList savings={savings} />
            ) : (
              <p class="cl-timing__hint">
                No savings programme recorded for {councilName} yet: only contract end dates inform this.{' '}
                <HomepageHint homepage={props.councilHomepage} />
              </p>
            )}
            {contracts.length > 0 && <ContractsList contracts={contracts} />}
            <AddButton onAddSavings={props.onAddSavings} councilName={councilName} groupLabel={groupLabel} />
          </>
        )}
      </div>
    </Section>
  );
}

function Verdict({ timing, councilName, groupLabel }: { timing: TimingResult; councilName: string; groupLabel?: string | null }) {
  const sentence = describeTiming(timing, { councilName, groupLabel });
  const split = sentence.indexOf(': ');
  const lead = sentence.slice(0, split + 1);
  const rest = sentence.slice(split + 2);
  const next = nextWindowLine(timing, sentence);
  return (
    <div class={`cl-timing__verdict cl-timing__verdict--${toneOf(timing.verdict)}`}>
      <p>
        <strong>{lead}</strong> {rest}
      </p>
      {next && <p class="cl-timing__next">{next}</p>}
    </div>
  );
}

/**
 * The next window, unless the verdict already says it (issue 12: the same date twice). "Prepare"
 * already names the redesign year and the day it starts; "Bedding down" names the day before the
 * next window opens, so only what that window is remains to say.
 */
export function nextWindowLine(timing: TimingResult, sentence: string): string | null {
  const next = timing.nextWindow;
  if (timing.verdict === 'no-signal' || !next) return null;
  if (timing.verdict === 'prepare' && next.evidence.source === 'savings') return null;
  const full = describeNextWindow(timing);
  if (!full) return null;
  const opens = formatLongDate(next.opens);
  const dayBefore = formatLongDate(new Date(Date.parse(`${next.opens}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  if (!sentence.includes(opens) && !sentence.includes(dayBefore)) return full;
  return `After that: ${full.slice(full.indexOf(': ') + 2)}`;
}

/** The verdict's rule colour, as its band on the timeline: act now (lead green), urgent (red), wait (blue), quiet (grey). */
function toneOf(verdict: TimingVerdict): 'act' | 'urgent' | 'wait' | 'quiet' {
  if (verdict === 'redesign-now' || verdict === 'procurement-window') return 'act';
  if (verdict === 'tender-imminent') return 'urgent';
  // Bedding down is grey on the timeline: the verdict wears the same colour (issue 12).
  if (verdict === 'no-signal' || verdict === 'bedding-down') return 'quiet';
  return 'wait';
}

function SavingsList({ savings }: { savings: readonly TimingSavingsLine[] }) {
  const labelId = useId();
  const sorted = savings
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.financialYear.localeCompare(b.item.financialYear) || a.index - b.index);
  return (
    <div class="cl-timing__group">
      <p class="cl-timing__group-title" id={labelId}>
        Savings programme
      </p>
      <ul class="cl-timing__list" aria-labelledby={labelId}>
        {sorted.map(({ item, index }) => (
          <SavingsLine key={index} item={item} />
        ))}
      </ul>
    </div>
  );
}

function SavingsLine({ item }: { item: TimingSavingsLine }) {
  const url = webUrl(item.sourceUrl);
  const kind = KIND_LABELS[item.kind as SavingsKind] ?? item.kind;
  const meta = [item.financialYear, kind, capitalise(item.status), typeof item.amount === 'number' ? formatAmount(item.amount) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class={`cl-timing__item cl-timing__item--${item.kind === 'investment' ? 'investment' : 'saving'}`}>
      <span class="cl-timing__meta">{meta}</span>
      {item.description && <span>{item.description}</span>}
      <span class="cl-timing__meta">
        {url ? (
          <>
            Source: <ExternalLink href={url.href}>{item.sourceTitle || url.hostname.replace(/^www\./, '')}</ExternalLink>
          </>
        ) : (
          'No source recorded'
        )}
      </span>
    </li>
  );
}

function ContractsList({ contracts }: { contracts: readonly TimingContractLine[] }) {
  const labelId = useId();
  const sorted = contracts
    .map((contract, index) => ({ contract, index, end: contract.maxEnd ?? contract.end }))
    .sort((a, b) => a.end.localeCompare(b.end) || a.index - b.index);
  return (
    <div class="cl-timing__group">
      <p class="cl-timing__group-title" id={labelId}>
        Contract end dates
      </p>
      <ul class="cl-timing__list" aria-labelledby={labelId}>
        {sorted.map(({ contract, index }) => (
          <ContractLine key={index} contract={contract} />
        ))}
      </ul>
    </div>
  );
}

function ContractLine({ contract }: { contract: TimingContractLine }) {
  const url = webUrl(contract.url);
  const title = contract.title || 'Untitled contract';
  const extended = contract.maxEnd && contract.maxEnd !== contract.end && isIsoDate(contract.maxEnd);
  const ends = isIsoDate(contract.end) ? `Ends ${formatLongDate(contract.end)}` : 'End date not readable';
  return (
    <li class="cl-timing__item cl-timing__item--contract">
      {url ? <ExternalLink href={url.href}>{title}</ExternalLink> : <span>{title}</span>}
      <span class="cl-timing__meta">
        {[contract.supplier, extended ? `${ends}, up to ${formatLongDate(contract.maxEnd!)} with extensions` : ends]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </li>
  );
}

function TimingEmpty({ councilName, councilHomepage, groupLabel, headingLevel, onAddSavings }: TimingSectionProps) {
  const what = groupLabel ? `${groupLabel} is` : 'its services are';
  return (
    <EmptyState title={`No savings programme recorded for ${councilName}`} headingLevel={subLevel(headingLevel)}>
      <p>
        Councils publish savings programmes for the next three to five years in their budget papers. Add {councilName}’s
        to see when {what} being redesigned, which is when the people who run them want to hear from suppliers.
      </p>
      <p class="cl-empty__hint">
        <HomepageHint homepage={councilHomepage} />
      </p>
      <AddButton onAddSavings={onAddSavings} councilName={councilName} groupLabel={groupLabel} />
    </EmptyState>
  );
}

function HomepageHint({ homepage }: { homepage?: string | null }) {
  const link = homepageLink({ homepage: homepage ?? null, domain: null });
  if (!link) return <>Look for “budget” or “medium term financial strategy” on the council’s website.</>;
  return (
    <>
      Look for “budget” or “medium term financial strategy” on <ExternalLink href={link.href}>{link.label}</ExternalLink>.
    </>
  );
}

/** "Add a savings item for Leeds City Council / Adult social care": the form opens on both. */
function AddButton({ onAddSavings, councilName, groupLabel }: { onAddSavings?: () => void; councilName: string; groupLabel?: string | null }) {
  if (!onAddSavings) return null;
  return (
    <p class="cl-timing__actions">
      {/* Secondary: the timing verdict and the savings lines lead, the action follows (issue 12). */}
      <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={() => onAddSavings()}>
        Add a savings item for {councilName}
        {groupLabel ? ` / ${groupLabel}` : ''}
      </button>
    </p>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
