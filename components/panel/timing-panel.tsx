import type { TimingData } from '@/lib/timing/types';
import type { CouncilCard } from '@/lib/councils/card';
import { assessTiming, type TimingResult } from '@/lib/timing/assess-timing';
import { TimingSection, type TimingContractLine, type TimingSavingsLine } from '@/components/timing/timing-section';
import type { HeadingLevel } from '@/components/ui/heading';
import { Section } from '@/components/ui/section';

/** Where the side panel's `getTiming` request stands; the app owns the request. */
export type TimingState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  /** `today`: the reader's local date (YYYY-MM-DD) the answer is assessed on. */
  | { status: 'ready'; data: TimingData; today: string };

export interface TimingPanelProps {
  state: TimingState;
  card: CouncilCard;
  /** The person's service group, on a profile; null on company pages and unclassified roles. */
  group: { id: string; label: string } | null;
  headingLevel: HeadingLevel;
  onAddSavings?: () => void;
  onRetry?: () => void;
}

export const TIMING_LOADING_LABEL = 'Reading the savings programme and contract end dates…';

/**
 * The side panel's Timing section: the background's savings items and contract ends for this
 * council (and the person's service), weighed by the timing engine for today.
 */
export function TimingPanel({ state, card, group, headingLevel, onAddSavings, onRetry }: TimingPanelProps) {
  // An answer for another council or service (the tab moved on) is never shown: wait for the new one.
  const stale = state.status === 'ready' && (state.data.council !== card.code || state.data.serviceGroup !== (group?.id ?? null));
  if (state.status === 'loading' || stale) {
    return (
      <Section title="Timing" headingLevel={headingLevel}>
        <p class="cl-timing__hint" aria-busy="true">
          {TIMING_LOADING_LABEL}
        </p>
      </Section>
    );
  }
  if (state.status === 'error') return <TimingError detail={state.error} headingLevel={headingLevel} onRetry={onRetry} />;

  const savings = state.data.savings.map(toSavingsLine);
  const contracts = state.data.contracts.map(toContractLine);
  let timing: TimingResult;
  try {
    timing = assessTiming({ today: state.today, savings, contracts, planned: state.data.planned ?? [] });
  } catch (error) {
    return <TimingError detail={error instanceof Error ? error.message : String(error)} headingLevel={headingLevel} onRetry={onRetry} />;
  }
  return (
    <TimingSection
      timing={timing}
      savings={savings}
      contracts={contracts}
      councilName={card.officialName}
      councilHomepage={card.homepage}
      groupLabel={group?.label ?? null}
      headingLevel={headingLevel}
      onAddSavings={onAddSavings}
    />
  );
}

function TimingError({ detail, headingLevel, onRetry }: { detail: string; headingLevel: HeadingLevel; onRetry?: () => void }) {
  return (
    <Section title="Timing" headingLevel={headingLevel}>
      <div class="cl-timing" role="alert">
        <p>Council Lens couldn’t work out the timing for this council.</p>
        <p class="cl-timing__hint">Details: {detail}</p>
        {onRetry && (
          <p class="cl-timing__actions">
            <button type="button" class="cl-button" onClick={onRetry}>
              Try again
            </button>
          </p>
        )}
      </div>
    </Section>
  );
}

function toSavingsLine(item: TimingData['savings'][number]): TimingSavingsLine {
  return {
    financialYear: item.financialYear,
    kind: item.kind,
    status: item.status,
    amount: item.amountGbp ?? null,
    description: item.description,
    sourceUrl: item.sourceUrl ?? null,
    sourceTitle: item.sourceTitle ?? null,
  };
}

function toContractLine(contract: TimingData['contracts'][number]): TimingContractLine {
  return {
    end: contract.end,
    maxEnd: contract.maxEnd ?? null,
    title: contract.title,
    supplier: contract.supplier ?? null,
    url: contract.url ?? null,
  };
}
