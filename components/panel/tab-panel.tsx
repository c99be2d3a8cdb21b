import type { ComponentChildren } from 'preact';
import type { TabContext } from '@/lib/page-context';
import { BrandMark } from '@/components/ui/brand-mark';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ContextView, READING_LABEL } from './context-view';
import { TimingPanel, type TimingState } from './timing-panel';

export interface TabPanelProps {
  /** The background's context for this tab; null when it has none (a page Council Lens does not read). */
  context: TabContext | null;
  /** True while waiting for the background; shows a skeleton. */
  loading?: boolean;
  /** A failure to reach the background, as text; wins over everything else. */
  error?: string | null;
  /** Shown as "Try again" on the error state. */
  onRetry?: () => void;
  /** The Timing section's request for the card's council; without it the card has no Timing section. */
  timing?: TimingState | null;
  /** "Add a savings item" in the Timing section. */
  onAddSavings?: () => void;
  onRetryTiming?: () => void;
  /** "Save prospect" for a council profile (components/panel/save-prospect.tsx). */
  prospect?: ComponentChildren;
}

const LOADING_LABEL = 'Looking for a council on this page…';

/** The side panel body for one tab: a council card, or a clear word on why there is none. */
export function TabPanel({ context, loading = false, error = null, onRetry, timing, onAddSavings, onRetryTiming, prospect }: TabPanelProps) {
  const card = context?.status === 'council' ? context.card : null;
  const timingSection =
    timing && card ? (
      <TimingPanel
        state={timing}
        card={card}
        group={context?.role?.serviceGroup ?? null}
        headingLevel={2}
        onAddSavings={onAddSavings}
        onRetry={onRetryTiming}
      />
    ) : null;
  return (
    <div class="cl-root cl-panel">
      <header class="cl-panel__bar">
        <BrandMark />
        <span class="cl-panel__brand">Council Lens</span>
      </header>
      <main class="cl-panel__main" aria-busy={isBusy(context, loading, error) ? 'true' : undefined}>
        {/* Always in the DOM so screen readers announce each change in one short sentence. */}
        <p class="cl-visually-hidden" role="status" aria-live="polite">
          {announcement(context, loading, error)}
        </p>
        {error !== null ? (
          <EmptyState title="Council Lens couldn’t load this tab" headingLevel={1} tone="error">
            <p>Council Lens could not get this tab’s details from the extension. Nothing on the page has changed.</p>
            <p class="cl-empty__hint">Details: {error}</p>
            {onRetry && (
              <p>
                <button type="button" class="cl-button" onClick={onRetry}>
                  Try again
                </button>
              </p>
            )}
          </EmptyState>
        ) : loading ? (
          <Skeleton label={LOADING_LABEL} />
        ) : (
          <ContextView context={context} headingLevel={1} timing={timingSection} prospect={prospect} />
        )}
      </main>
    </div>
  );
}

function announcement(context: TabContext | null, loading: boolean, error: string | null): string {
  if (error !== null) return 'Couldn’t load council details for this tab.';
  if (loading) return LOADING_LABEL;
  switch (context?.status) {
    case 'reading':
      return READING_LABEL;
    case 'council':
      return context.card ? `Showing ${context.card.officialName}.` : 'No supported page in this tab.';
    case 'no-council':
      return 'No UK council found on this page.';
    case 'unreadable':
      return 'Couldn’t read this page.';
    default:
      return 'No supported page in this tab.';
  }
}

function isBusy(context: TabContext | null, loading: boolean, error: string | null): boolean {
  return error === null && (loading || context?.status === 'reading');
}
