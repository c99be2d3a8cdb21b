import { browser } from 'wxt/browser';
import type { TabContext } from '@/lib/page-context';

/**
 * The toolbar badge says at a glance that this tab shows a council: the council's register code
 * (e.g. "LDS"), with the full name in the tooltip. A page without a council clears both.
 */
export async function showBadge(tabId: number, context: TabContext | null): Promise<void> {
  const card = context?.status === 'council' ? context.card : null;
  try {
    await browser.action.setBadgeText({ tabId, text: card ? card.code.slice(0, 4) : '' });
    await browser.action.setTitle({ tabId, title: card ? `Council Lens: ${card.officialName}` : 'Council Lens' });
    if (card) await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d70b8' });
  } catch {
    // The tab was closed between the page's message and the badge update: nothing to show.
  }
}
