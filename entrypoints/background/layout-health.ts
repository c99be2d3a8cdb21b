import { browser } from 'wxt/browser';
import { adapterFor } from '@/lib/sites/adapters';
import { LAYOUT_HEALTH_KEY, layoutReadOf, parseLayoutHealth, recordLayoutRead } from '@/lib/sites/layout-health';
import type { PageFacts } from '@/lib/sites/types';

let writing: Promise<void> = Promise.resolve();

/**
 * Adds how a LinkedIn page was read to the layout-health record (lib/sites/layout-health.ts).
 * Facts that do not belong to the URL's page are left out, as lookupCouncil leaves them out of the
 * card. Writes are chained, so reads from two tabs at once both land.
 */
export function noteLayoutRead(url: string, facts: PageFacts | null, now: number): Promise<void> {
  if (!facts) return writing;
  const page = new URL(url);
  const adapter = adapterFor(page);
  if (!adapter || adapter.id !== facts.kind || adapter.pageIdFromUrl(page) !== facts.pageId) return writing;
  const read = layoutReadOf(facts, now);
  if (!read) return writing;
  writing = writing
    .then(async () => {
      const stored = await browser.storage.local.get(LAYOUT_HEALTH_KEY);
      await browser.storage.local.set({ [LAYOUT_HEALTH_KEY]: recordLayoutRead(parseLayoutHealth(stored[LAYOUT_HEALTH_KEY]), read) });
    })
    .catch(() => {
      // A record that could not be written is a missing line in a diagnostic, never a broken card.
    });
  return writing;
}
