import { browser } from 'wxt/browser';
import { TabContextSchema, type TabContext } from '@/lib/page-context';

import { TAB_PREFIX as PREFIX } from './session-keys';
const key = (tabId: number) => `${PREFIX}${tabId}`;

/**
 * Per-tab contexts. Kept in storage.session as well as memory so that a side panel opened after
 * the service worker was stopped still shows the tab's council.
 */
export class TabState {
  private readonly cache = new Map<number, TabContext>();

  async get(tabId: number): Promise<TabContext | null> {
    const cached = this.cache.get(tabId);
    if (cached) return cached;
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
    const parsed = TabContextSchema.safeParse(stored);
    if (!parsed.success) return null;
    this.cache.set(tabId, parsed.data);
    return parsed.data;
  }

  async set(context: TabContext): Promise<void> {
    this.cache.set(context.tabId, context);
    await browser.storage.session.set({ [key(context.tabId)]: context });
  }

  /** Every tab's context, as kept in storage.session (a restarted worker's memory is empty). */
  async all(): Promise<TabContext[]> {
    const stored = await browser.storage.session.get(null);
    const out: TabContext[] = [];
    for (const [name, value] of Object.entries(stored)) {
      if (!name.startsWith(PREFIX)) continue;
      const parsed = TabContextSchema.safeParse(value);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async delete(tabId: number): Promise<void> {
    this.cache.delete(tabId);
    await browser.storage.session.remove(key(tabId));
  }
}
