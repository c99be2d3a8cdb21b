import type { CouncilCard as CouncilCardData, CouncilMatch } from '@/lib/councils/card';
import { CouncilCard } from '@/components/council-card/council-card';

export type TabCouncilsState =
  | { status: 'loading' }
  /** From the tab's context (a page Council Lens read) or from the site's domain. */
  | { status: 'ready'; source: 'page' | 'site'; cards: CouncilCardData[]; match?: CouncilMatch | null }
  | { status: 'none' };

/**
 * The current tab's council(s) above the search box: the page's council, or the council(s) whose
 * website the tab is on (a shared-service domain names several). Each is one line that unfolds
 * into the card, so the search box stays in view.
 */
export function TabCouncils({ state }: { state: TabCouncilsState }) {
  if (state.status !== 'ready' || state.cards.length === 0) return null;
  const label = state.source === 'page' ? 'On this page' : state.cards.length > 1 ? 'This website is shared by' : 'This is the website of';
  return (
    <section class="cl-popup__tab" aria-label="This tab">
      <p class="cl-popup__tab-label">{label}</p>
      {state.cards.map((card) => (
        <details class="cl-popup__tab-card" key={card.code}>
          <summary>
            <strong>{card.officialName}</strong> <span class="cl-proc__meta">· {card.typeLabel}</span>
          </summary>
          {/* The page's match, so a former name or an uncertain find is said here as in the side panel (issue 12). */}
          <CouncilCard card={card} match={state.source === 'page' ? state.match : null} compact headingLevel={2} />
        </details>
      ))}
    </section>
  );
}
