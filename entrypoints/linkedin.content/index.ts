import { defineContentScript } from '#imports';
import { linkedInCompany } from '@/lib/sites/linkedin-company';
import { linkedInProfile } from '@/lib/sites/linkedin-profile';
import type { PageFacts, SiteAdapter } from '@/lib/sites/types';
import type { TabContext } from '@/lib/page-context';
import { ask } from '@/lib/extension/messaging';
import { runPageViews } from '@/lib/extension/page-views';
import { readInPageCardSettings, watchInPageCardSettings, type InPageCardSettings } from './card-settings';
import { hideInPageCard, showInPageCard } from './inpage';

/**
 * LinkedIn: read, never write. The script reads the page and asks the background which council it
 * shows; the card appears in the side panel. Only with the in-page option on does it add one
 * element (a closed shadow root) to the page.
 */
export default defineContentScript({
  // Every LinkedIn page: the site is a single-page app, so a profile is often reached from the feed.
  matches: ['*://www.linkedin.com/*'],
  runAt: 'document_idle',
  // No start-up postMessage to the page (it names the extension); see lib/extension/content-script-context.ts.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let current: TabContext | null = null;

    // Settings are read only when there is a council to show: most LinkedIn pages have none, and
    // every read costs LinkedIn's main thread a storage round trip.
    const sync = async (settings?: InPageCardSettings) => {
      const context = current;
      if (context?.status !== 'council') return hideInPageCard();
      if ((settings ?? (await readInPageCardSettings())).on && context === current) await showInPageCard(context);
      else hideInPageCard();
    };

    ctx.onInvalidated(watchInPageCardSettings((settings) => void sync(settings)));
    runPageViews(
      ctx,
      {
        reading(url, signal) {
          void ask({ type: 'lookupCouncil', url: url.href, facts: null, reading: true }).catch(() => undefined);
          signal.addEventListener('abort', () => {
            current = null;
            hideInPageCard();
          });
        },
        report(url, _adapter, facts, signal) {
          void ask({ type: 'lookupCouncil', url: url.href, facts })
            .then(async (context) => {
              if (signal.aborted) return;
              current = context;
              await sync();
            })
            .catch(() => {
              // The extension is being updated or reloaded: the next page view asks again.
            });
        },
      },
      { adapters: linkedInAdapterFor, complete: isComplete },
    );
  },
});

/**
 * Nothing more can render: a profile read from its structure with its experience list and title
 * (the 2026 Experience card loads lazily, so until then the page is watched), or a company page.
 */
function isComplete(facts: PageFacts): boolean {
  if (facts.readVia === 'text') return false;
  if (facts.kind === 'linkedin-profile') return facts.experience.length > 0 && facts.title !== null;
  return true;
}

/** Only LinkedIn's adapters: the other sites' code stays out of this script. */
const LINKEDIN_ADAPTERS: readonly SiteAdapter[] = [linkedInProfile, linkedInCompany];
function linkedInAdapterFor(url: URL): SiteAdapter | null {
  return LINKEDIN_ADAPTERS.find((adapter) => adapter.isPage(url)) ?? null;
}
