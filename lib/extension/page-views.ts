import type { ContentScriptContext } from '#imports';
import type { PageFacts, SiteAdapter } from '@/lib/sites/types';

export interface PageViewHandlers {
  /**
   * Called with what the page says, each time it changes during one page view. `facts` is null
   * when the page is a supported kind but could not be read; `adapter` is null on pages no adapter
   * handles (the panel then clears). `signal` aborts when the user navigates on.
   */
  report(url: URL, adapter: SiteAdapter | null, facts: PageFacts | null, signal: AbortSignal): void;
  /** Called first in every page view of a supported page, before anything is read. */
  reading(url: URL, signal: AbortSignal): void;
}

export interface PageViewOptions {
  adapters: (url: URL) => SiteAdapter | null;
  /** How long to wait for the structured layout before settling for the visible-text read. */
  textGraceMs?: number;
  /** When a supported page still has not rendered anything readable, say so. */
  unreadableAfterMs?: number;
  /** Stop watching the DOM after this long; LinkedIn keeps mutating long after the content is there. */
  watchForMs?: number;
  /**
   * True when a structural read has everything a later render could add (a profile with its
   * experience list): the view then stops watching the DOM. Until then, after the first structural
   * read, re-reads are spaced `settledRetryMs` apart, not 150 ms: LinkedIn's lazily loaded cards
   * still get read, at a fraction of the main-thread cost (tests/bench/linkedin-main-thread.bench.ts).
   */
  complete?: (facts: PageFacts) => boolean;
  settledRetryMs?: number;
}

function withoutIdentity(facts: PageFacts): string {
  const { pageId: _pageId, ...rest } = facts;
  return JSON.stringify(rest);
}

/**
 * One page view per URL: on every SPA navigation (`wxt:locationchange`) the previous view is
 * aborted and the page is read again from scratch. In Chromium that event fires inside
 * pushState, before the page re-renders (../shared/RECIPE-e2e.md), so reads are retried on DOM
 * mutations (throttled) and a read that is identical to the previous page's (the old DOM still
 * showing) is not reported.
 */
export function runPageViews(ctx: ContentScriptContext, handlers: PageViewHandlers, options: PageViewOptions): void {
  const textGraceMs = options.textGraceMs ?? 2500;
  const unreadableAfterMs = options.unreadableAfterMs ?? 8000;
  const watchForMs = options.watchForMs ?? 20_000;
  const settledRetryMs = options.settledRetryMs ?? 1000;
  let controller: AbortController | null = null;
  let previousRead: string | null = null;

  function start(url: URL): void {
    controller?.abort();
    const view = new AbortController();
    controller = view;
    const signal = view.signal;
    const adapter = options.adapters(url);
    if (!adapter) {
      previousRead = null;
      handlers.report(url, null, null, signal);
      return;
    }
    handlers.reading(url, signal);
    const started = performance.now();
    const stalePrevious = previousRead;
    let lastSent: string | null = null;
    let pending = false;
    let retryMs = 150;
    // Whether the DOM changed since this view started: before it has, an SPA view may still be
    // reading the previous page, so no read of it can be called complete.
    let changed = false;
    const observer = new MutationObserver(() => {
      changed = true;
      schedule();
    });

    const attempt = () => {
      pending = false;
      if (signal.aborted) return;
      const facts = adapter.extract(document, url);
      if (!facts) return;
      if (facts.readVia === 'text' && performance.now() - started < textGraceMs) return;
      // Most re-reads find what was sent already: one stringify decides that.
      const key = JSON.stringify(facts);
      if (key === lastSent) return;
      const read = withoutIdentity(facts);
      if (read === stalePrevious && performance.now() - started < unreadableAfterMs) return;
      lastSent = key;
      previousRead = read;
      if (facts.readVia !== 'text') retryMs = settledRetryMs;
      if ((changed || stalePrevious === null) && options.complete?.(facts)) observer.disconnect();
      handlers.report(url, adapter, facts, signal);
    };
    const schedule = () => {
      if (pending) return;
      pending = true;
      ctx.setTimeout(attempt, retryMs);
    };

    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect());
    ctx.setTimeout(() => observer.disconnect(), watchForMs);
    // Once the text grace period is over, a page that has not changed since may be read by its text;
    // a page already reported needs no second read (a change since would have scheduled one).
    ctx.setTimeout(() => lastSent === null && attempt(), textGraceMs + 10);
    ctx.setTimeout(() => {
      if (lastSent !== null) return;
      attempt();
      if (!signal.aborted && lastSent === null) {
        lastSent = 'unreadable';
        handlers.report(url, adapter, null, signal);
      }
    }, unreadableAfterMs);
    attempt();
  }

  // The event fires from the Navigation API before `location` is updated: use its newUrl.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => start(new URL(event.newUrl.href)));
  ctx.onInvalidated(() => controller?.abort());
  start(new URL(location.href));
}
