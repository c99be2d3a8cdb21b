import { SiteBadge } from '@/components/site-badge/site-badge';
import { cardStyles } from '@/components/styles';
import type { CouncilCard } from '@/lib/councils/card';
import { updateSettings } from '@/lib/extension/settings';
import { pinnedView } from '@/components/ui/pinned-view';

const badge = pinnedView('cl-council-site', cardStyles);

/** Removes the badge, leaving the council's page as it was. */
export const hideSiteBadge = (): void => badge.hide();

/** Shows the badge for the site's councils; the collapsed state is remembered for every site. */
export function showSiteBadge(cards: CouncilCard[], startCollapsed: boolean): void {
  let collapsed = startCollapsed;
  const draw = () =>
    badge.show(
      <SiteBadge
        cards={cards}
        collapsed={collapsed}
        onToggle={(next) => {
          collapsed = next;
          void updateSettings({ councilSiteBadgeCollapsed: next });
          draw();
        }}
      />,
      // Which councils this badge names.
      { clCouncils: cards.map((card) => card.code).join(' ') },
    );
  draw();
}
