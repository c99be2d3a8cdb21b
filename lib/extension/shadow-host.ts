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

/**
 * Events that carry what a person types. They are `composed`, so without a stop they leave a
 * closed shadow root (retargeted to the host) and the page's listeners read every key of the
 * notes typed into our panel (issue 16).
 */
export const TYPING_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
] as const;

/**
 * Stops typing events at `root` on their way out, so no bubbling listener of the page (on the
 * host, <html>, document or window) sees them. Listeners the page registers for the capture phase
 * on window or document run before any of ours and cannot be stopped from inside.
 */
export function containTyping(root: ShadowRoot): void {
  const stop = (event: Event) => event.stopPropagation();
  for (const type of TYPING_EVENTS) root.addEventListener(type, stop);
}

export function createShadowHost(tagName: `cl-${string}`, css: string): ShadowHost {
  const host = document.createElement(tagName);
  // Pin the host itself: page stylesheets can reach it (not its contents).
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px;';
  const root = host.attachShadow({ mode: 'closed' });
  containTyping(root);
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  mount.className = 'cl-root';
  root.append(style, mount);
  document.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
