import { InPageCard } from '@/components/inpage/inpage-card';
import { cardStyles } from '@/components/styles';
import type { TabContext } from '@/lib/page-context';
import { readInPageCardSettings, rememberCollapsed } from './card-settings';
import { pinnedView } from '@/components/ui/pinned-view';

const card = pinnedView('cl-council-lens', cardStyles);

/** Removes the in-page card, leaving the page exactly as LinkedIn built it. */
export const hideInPageCard = (): void => card.hide();

/**
 * Shows (or updates) the compact in-page card for a council context. Only called when the user
 * turned the in-page card on in the options; by default nothing is added to LinkedIn's pages.
 */
export async function showInPageCard(context: TabContext): Promise<void> {
  let { collapsed } = await readInPageCardSettings();
  const draw = () =>
    card.show(
      <InPageCard
        context={context}
        collapsed={collapsed}
        onToggle={() => {
          collapsed = !collapsed;
          void rememberCollapsed(collapsed);
          draw();
        }}
        onClose={hideInPageCard}
      />,
      // Which council and page this card shows.
      { clCouncil: context.card?.code ?? '', clPage: context.pageId ?? '' },
    );
  draw();
}
