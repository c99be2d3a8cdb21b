import { defineContentScript } from '#imports';
import { ask } from '@/lib/extension/messaging';
import { readSettings, watchSettings } from '@/lib/extension/settings';
import { hideSiteBadge, showSiteBadge } from './badge';

/**
 * Council websites, opt-in. Registered at runtime by the background (council-sites.ts) for the
 * council sites the user granted, so it is not in the manifest and has no `matches`: WXT would
 * otherwise add them to the required host permissions. It reads the page's address only.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // No start-up postMessage to the page (it names the extension); see lib/extension/content-script-context.ts.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Top frame only: a council page's embedded maps and forms are not the site. Once per page:
    // the background also runs this script in tabs open when the option was turned on.
    if (window.top !== window || document.querySelector('cl-council-site')) return;
    const [cards, settings] = await Promise.all([
      ask({ type: 'getSiteCouncils', url: location.href }).catch(() => []),
      readSettings(),
    ]);
    // Not a council site (the register has no homepage on it): add nothing.
    if (cards.length === 0 || !settings.cardOnCouncilSites || ctx.isInvalid) return;
    showSiteBadge(cards, settings.councilSiteBadgeCollapsed);
    ctx.onInvalidated(hideSiteBadge);
    ctx.onInvalidated(
      watchSettings((next) => {
        if (!next.cardOnCouncilSites) hideSiteBadge();
      }),
    );
  },
});
