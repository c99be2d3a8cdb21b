/**
 * A host element for our UI inside a page we do not own: a `cl-` prefixed element with a CLOSED
 * shadow root, so the page can neither style nor read what is inside. It is appended to <html>,
 * outside <body>, so the page's own DOM tree stays exactly as the site built it.
 */
export interface ShadowHost {
  host: HTMLElement;
  /** The element to render into. */
  mount: HTMLElement;
  remove(): void;
}

export function createShadowHost(tagName: `cl-${string}`, css: string): ShadowHost {
  const host = document.createElement(tagName);
  // Pin the host itself: page stylesheets can reach it (not its contents).
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  mount.className = 'cl-root';
  root.append(style, mount);
  document.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
