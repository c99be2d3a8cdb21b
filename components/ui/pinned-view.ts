import { render, type ComponentChild } from 'preact';
import { createShadowHost, type ShadowHost } from '@/lib/extension/shadow-host';

/**
 * Our one element in a page we do not own (lib/extension/shadow-host.ts: `cl-` tag, closed shadow
 * root, outside <body>): made on the first `show`, rendered into on each, and removed whole by
 * `hide`, so the page is left exactly as it was. The LinkedIn card, the notice panel and the
 * council-site badge each keep one.
 */
export function pinnedView(tagName: `cl-${string}`, css: string) {
  let shown: ShadowHost | null = null;
  return {
    /** Renders `view`; `data` goes on the host as `data-*` diagnostics for tests and support (no personal data). */
    show(view: ComponentChild, data: Record<string, string>): void {
      shown ??= createShadowHost(tagName, css);
      Object.assign(shown.host.dataset, data);
      render(view, shown.mount);
    },
    hide(): void {
      if (!shown) return;
      render(null, shown.mount);
      shown.remove();
      shown = null;
    },
  };
}
