import type { CouncilCard as CouncilCardData } from '@/lib/councils/card';
import { CouncilCard } from '@/components/council-card/council-card';
import { BrandMark } from '@/components/ui/brand-mark';
import { useCollapsible } from '@/components/ui/collapsible';

export interface SiteBadgeProps {
  /** The councils whose website this is: one, or several for a shared-service site. */
  cards: CouncilCardData[];
  /** Controlled by the caller, which remembers it. */
  collapsed: boolean;
  /** Called with the state the reader asked for: `true` to collapse, `false` to expand. */
  onToggle: (collapsed: boolean) => void;
}

/**
 * The badge in a corner of a council's own website (opt-in, in a closed shadow root): a small
 * button naming the council that opens its card; a shared site shows every council's card.
 * A native button, so Enter and Space work; Escape collapses it from anywhere inside.
 */
export function SiteBadge({ cards, collapsed, onToggle }: SiteBadgeProps) {
  const { bodyId, toggleRef, onRootKeyDown } = useCollapsible(collapsed, onToggle);
  const subject = siteSubject(cards);

  return (
    <aside class={`cl-root cl-site-badge${collapsed ? ' cl-site-badge--collapsed' : ''}`} aria-label="Council Lens" onKeyDown={onRootKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        class="cl-site-badge__toggle"
        aria-expanded={!collapsed}
        aria-controls={bodyId}
        title={`Council Lens · ${subject}`}
        onClick={() => onToggle(!collapsed)}
      >
        <BrandMark />
        <span class="cl-site-badge__label">
          <span class="cl-site-badge__brand">Council Lens</span>
          <span aria-hidden="true"> · </span>
          <span class="cl-visually-hidden">: </span>
          <span class="cl-site-badge__subject">{subject}</span>
        </span>
        <svg class="cl-site-badge__chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.8" />
        </svg>
      </button>
      <div id={bodyId} class="cl-site-badge__body" hidden={collapsed}>
        {cards.length > 1 && <p class="cl-site-badge__shared">This website is shared by {cards.length} councils.</p>}
        {cards.map((card) => (
          <CouncilCard key={card.code} card={card} compact headingLevel={2} />
        ))}
      </div>
    </aside>
  );
}

/** "Leeds City Council"; a shared site by short names: "Adur and Worthing councils", "A, B and C councils". */
export function siteSubject(cards: readonly CouncilCardData[]): string {
  if (cards.length <= 1) return cards[0]?.officialName ?? 'No council';
  const names = cards.map((card) => card.niceName);
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} councils`;
}
