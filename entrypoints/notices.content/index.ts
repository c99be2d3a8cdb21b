import { defineContentScript } from '#imports';
import { noticeAdapters, noticeSiteOf } from '@/lib/sites/notice-adapters';
import { NOTICE_PAGE_MATCHES } from '@/lib/ocds/portals';
import type { SiteAdapter, TenderNoticeFacts } from '@/lib/sites/types';
import { ask } from '@/lib/extension/messaging';
import { runPageViews } from '@/lib/extension/page-views';
import { referencesKey } from '@/components/suppliers/notice-references';
import { hideNoticePanel, keyFor, listenForWorkspaceChanges, showNoticePanel, type NoticeView } from './panel';
import { errorText } from '@/components/format';

const NOTICE_ADAPTERS: readonly SiteAdapter[] = Object.values(noticeAdapters);
/** Awarded suppliers looked up on one page; a framework can list hundreds. */
const MAX_SUPPLIERS = 12;

/** Each awarded supplier's council contracts, once per supplier, redrawing the panel as they arrive. */
async function lookUpSuppliers(view: NoticeView, signal: AbortSignal): Promise<void> {
  const seen = new Set<string>();
  const suppliers = (view.facts?.suppliers ?? []).filter((s) => {
    const key = referencesKey(s).toLowerCase();
    return !seen.has(key) && (seen.add(key), true);
  });
  if (suppliers.length === 0) return;
  view.moreSuppliers = Math.max(0, suppliers.length - MAX_SUPPLIERS);
  view.references = suppliers.slice(0, MAX_SUPPLIERS).map((s) => ({ name: s.name, companiesHouse: s.companiesHouse, state: { status: 'loading' } }));
  await Promise.all(
    view.references.map(async (lookup) => {
      try {
        lookup.state = { status: 'ready', refs: await ask({ type: 'supplierReferences', key: referencesKey(lookup) }) };
      } catch (error) {
        lookup.state = { status: 'error', error: errorText(error) };
      }
    }),
  );
  if (!signal.aborted) await showNoticePanel(view);
}

/**
 * Notice pages of every portal with an adapter (lib/sites/notice-adapters.ts): read the notice, ask the background about its
 * buyer, and pin a compact panel (closed shadow root) with the council and the user's own notes.
 * These are government sites, where an overlay is fine; the page's own content is never changed.
 */
export default defineContentScript({
  // Every portal's notice pages, from the registry (lib/ocds/portals.ts).
  matches: [...NOTICE_PAGE_MATCHES],
  runAt: 'document_idle',
  // No start-up postMessage to the page (it names the extension); see lib/extension/content-script-context.ts.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let current: NoticeView | null = null;
    ctx.onInvalidated(listenForWorkspaceChanges(() => (current ? keyFor(current) : null)));
    ctx.onInvalidated(hideNoticePanel);

    runPageViews(
      ctx,
      {
        reading(url, signal) {
          void ask({ type: 'lookupCouncil', url: url.href, facts: null, reading: true }).catch(() => undefined);
          signal.addEventListener('abort', () => {
            current = null;
            hideNoticePanel();
          });
        },
        report(url, adapter, facts, signal) {
          const pageId = adapter?.pageIdFromUrl(url);
          const site = adapter ? noticeSiteOf(adapter) : null;
          if (!adapter || !pageId || !site) return hideNoticePanel();
          const notice = facts as TenderNoticeFacts | null;
          const view: NoticeView = { url, site, pageId, facts: notice, context: null, insight: null };
          current = view;
          void (async () => {
            try {
              view.context = await ask({ type: 'lookupCouncil', url: url.href, facts });
            } catch {
              // The extension is being updated or reloaded: the panel says it could not read the page.
            }
            if (signal.aborted) return;
            await showNoticePanel(view);
            void lookUpSuppliers(view, signal);
            try {
              view.insight = await ask({
                type: 'getNoticeInsight',
                council: view.context?.status === 'council' ? (view.context.card?.code ?? null) : null,
                ocid: notice?.ocid ?? null,
                noticeUrl: `${url.origin}${url.pathname}`,
                serviceGroup: null,
                cpv: notice?.cpv.map((c) => c.code) ?? [],
                title: notice?.title ?? undefined,
              });
            } catch (error) {
              view.insight = { error: errorText(error) };
            }
            if (!signal.aborted) await showNoticePanel(view);
          })();
        },
      },
      { adapters: (url) => NOTICE_ADAPTERS.find((a) => a.isPage(url)) ?? null, textGraceMs: 1500 },
    );
  },
});
