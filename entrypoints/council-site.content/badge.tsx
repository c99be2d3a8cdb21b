import { render } from 'preact';
import { SiteBadge } from '@/components/site-badge/site-badge';
import { cardStyles } from '@/components/styles';
import type { CouncilCard } from '@/lib/protocol';
import { createShadowHost, type ShadowHost } from '@/lib/extension/shadow-host';
import { updateSettings } from '@/lib/extension/settings';

let shown: ShadowHost | null = null;

/** Removes the badge, leaving the council's page as it was. */
export function hideSiteBadge(): void {
  if (!shown) return;
  render(null, shown.mount);
  shown.remove();
  shown = null;
}

/** Shows the badge for the site's councils; the collapsed state is remembered for every site. */
export function showSiteBadge(cards: CouncilCard[], startCollapsed: boolean): void {
  shown ??= createShadowHost('cl-council-site', cardStyles);
  // Diagnostics for tests and support: which councils this badge names.
  shown.host.dataset.clCouncils = cards.map((card) => card.code).join(' ');
  const mount = shown.mount;
  let collapsed = startCollapsed;
  const draw = () =>
    render(
      <SiteBadge
        cards={cards}
        collapsed={collapsed}
        onToggle={(next) => {
          collapsed = next;
          void updateSettings({ councilSiteBadgeCollapsed: next });
          draw();
        }}
      />,
      mount,
    );
  draw();
}
