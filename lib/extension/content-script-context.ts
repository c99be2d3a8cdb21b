import { browser } from 'wxt/browser';

/**
 * The content scripts' context, in place of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file, so `defineContentScript`'s `ctx` is one of these).
 *
 * Why: WXT 0.21's context announces itself to the page it runs in. On start it posts
 * `{type: "<extension id>:<script>:wxt:content-script-started"}` with `window.postMessage` and
 * dispatches a CustomEvent of that name on `document`; its SPA watcher dispatches
 * `<extension id>:<script>:wxt:locationchange` on `window`. Every one of those reaches LinkedIn's
 * own listeners (the DOM is shared between worlds), naming the extension and its id, which the
 * read-only design exists to avoid. And it stops itself when `document` receives that CustomEvent,
 * so a page that learned the name could stop the script and leave the badge on the previous
 * profile's council (issue 11).
 *
 * This context puts nothing on the page and listens to nothing the page can send:
 * - no start-up message or event; a script orphaned by an extension update or reload notices it
 *   itself, because `browser.runtime.id` is gone (checked by every timer and navigation here);
 * - `wxt:*` events (only `wxt:locationchange` is used) go through a private `EventTarget` that the
 *   page cannot reach, fed by the Navigation API's `navigate` event (trusted events only: a page
 *   can call `navigation.dispatchEvent(new Event('navigate'))`), or by polling the URL where that
 *   API is missing (Firefox before 147).
 * Same public API as WXT's class, so `ctx.setTimeout`, `ctx.onInvalidated`, `ctx.addEventListener`
 * and `ctx.isValid` behave as WXT documents them.
 */

/** The event a `wxt:locationchange` listener receives, as WXT's `WxtLocationChangeEvent`. */
export class LocationChangeEvent extends Event {
  constructor(
    readonly newUrl: URL,
    readonly oldUrl: URL,
  ) {
    super('wxt:locationchange');
  }
}

interface NavigateLike extends Event {
  destination?: { url?: string };
}

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateLike) => void, options?: AddEventListenerOptions): void;
}

/** How often the URL is polled where the Navigation API is missing (WXT polls every second too). */
const POLL_MS = 1000;

export class ContentScriptContext {
  readonly id = Math.random().toString(36).slice(2);
  private readonly abortController = new AbortController();
  /** Carries `wxt:*` events to this script's own listeners; never attached to the page. */
  private readonly bus = new EventTarget();
  private watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** True once the script is stopped, or orphaned (the extension was updated, reloaded or removed). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` when the context is invalidated; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles, for code that must not go on once the context is invalid. */
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((...args) => {
      if (this.isValid) callback(...args);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((...args) => {
      if (!this.signal.aborted) callback(...args);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * Listens on `target` until the context is invalidated. `wxt:*` types are this script's own
   * events and are listened for on its private bus, whatever `target` is.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    const listener = handler as unknown as EventListener;
    if (type.startsWith('wxt:')) {
      if (type === 'wxt:locationchange' && this.isValid) this.watchLocation();
      this.bus.addEventListener(type, listener, { ...options, signal: this.signal });
      return;
    }
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /** Aborts the context and runs every `onInvalidated` callback. */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watching) return;
    this.watching = true;
    let lastUrl = new URL(location.href);
    const changed = (next: URL) => {
      if (next.href === lastUrl.href) return;
      const event = new LocationChangeEvent(next, lastUrl);
      lastUrl = next;
      this.bus.dispatchEvent(event);
    };
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          // Only the browser's own navigations: an event the page dispatches is not trusted.
          const url = event.destination?.url;
          if (!event.isTrusted || !url || !this.isValid) return;
          changed(new URL(url));
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => changed(new URL(location.href)), POLL_MS);
    }
  }
}
