import { render } from 'preact';
import { InPageCard } from '@/components/inpage/inpage-card';
import { cardStyles } from '@/components/styles';
import type { TabContext } from '@/lib/protocol';
import { createShadowHost, type ShadowHost } from '@/lib/extension/shadow-host';
import { readSettings, updateSettings } from '@/lib/extension/settings';

let shown: ShadowHost | null = null;

/** Removes the in-page card, leaving the page exactly as LinkedIn built it. */
export function hideInPageCard(): void {
  if (!shown) return;
  render(null, shown.mount);
  shown.remove();
  shown = null;
}

/**
 * Shows (or updates) the compact in-page card for a council context. Only called when the user
 * turned the in-page card on in the options; by default nothing is added to LinkedIn's pages.
 */
export async function showInPageCard(context: TabContext): Promise<void> {
  const settings = await readSettings();
  shown ??= createShadowHost('cl-council-lens', cardStyles);
  // Diagnostics for tests and support: which council and page this card shows (no personal data).
  shown.host.dataset.clCouncil = context.card?.code ?? '';
  shown.host.dataset.clPage = context.pageId ?? '';
  const mount = shown.mount;
  let collapsed = settings.inPageCardCollapsed;
  const draw = () =>
    render(
      <InPageCard
        context={context}
        collapsed={collapsed}
        onToggle={() => {
          collapsed = !collapsed;
          void updateSettings({ inPageCardCollapsed: collapsed });
          draw();
        }}
        onClose={hideInPageCard}
      />,
      mount,
    );
  draw();
}
