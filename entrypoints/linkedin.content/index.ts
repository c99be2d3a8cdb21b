import { defineContentScript } from '#imports';
import { linkedInCompany } from '@/lib/sites/linkedin-company';
import { linkedInProfile } from '@/lib/sites/linkedin-profile';
import type { SiteAdapter } from '@/lib/sites/types';
import type { TabContext } from '@/lib/protocol';
import { ask } from '@/lib/extension/messaging';
import { runPageViews } from '@/lib/extension/page-views';
import { readSettings, watchSettings } from '@/lib/extension/settings';
import type { Settings } from '@/lib/settings';
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

    const sync = async (settings: Settings) => {
      if (settings.inPageCardOnLinkedIn && current?.status === 'council') await showInPageCard(current);
      else hideInPageCard();
    };

    ctx.onInvalidated(watchSettings((settings) => void sync(settings)));
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
              await sync(await readSettings());
            })
            .catch(() => {
              // The extension is being updated or reloaded: the next page view asks again.
            });
        },
      },
      { adapters: linkedInAdapterFor },
    );
  },
});

/** Only LinkedIn's adapters: the other sites' code stays out of this script. */
const LINKEDIN_ADAPTERS: readonly SiteAdapter[] = [linkedInProfile, linkedInCompany];
function linkedInAdapterFor(url: URL): SiteAdapter | null {
  return LINKEDIN_ADAPTERS.find((adapter) => adapter.isPage(url)) ?? null;
}
