import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, LocationChangeEvent } from '@/lib/extension/content-script-context';

/** Every event the page could see on window and document, and every postMessage. */
function pageObserver() {
  const seen: string[] = [];
  const record = (where: string) => (event: Event) => seen.push(`${where}:${event.type}`);
  const types = ['message', 'wxt:content-script-started', 'wxt:locationchange'];
  const names = [...types, ...types.map((t) => `${fakeBrowser.runtime.id}:linkedin:${t}`)];
  for (const type of names) {
    window.addEventListener(type, record('window'), true);
    document.addEventListener(type, record('document'), true);
  }
  const post = vi.spyOn(window, 'postMessage');
  const windowDispatch = vi.spyOn(window, 'dispatchEvent');
  const documentDispatch = vi.spyOn(document, 'dispatchEvent');
  return { seen, post, windowDispatch, documentDispatch };
}

describe('ContentScriptContext (in place of WXT’s)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  test('starting, watching the URL and navigating put nothing on the page', async () => {
    const page = pageObserver();
    const ctx = new ContentScriptContext('linkedin', { noScriptStartedPostMessage: true });
    const urls: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event: LocationChangeEvent) => urls.push(event.newUrl.pathname));
    history.pushState({}, '', '/in/someone-else/');
    await vi.advanceTimersByTimeAsync(1100);
    expect(urls).toEqual(['/in/someone-else/']);
    expect(page.seen).toEqual([]);
    expect(page.post).not.toHaveBeenCalled();
    expect(page.windowDispatch).not.toHaveBeenCalled();
    expect(page.documentDispatch).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
  });

  test('the page dispatching WXT’s event names neither stops the script nor fakes a navigation', async () => {
    const ctx = new ContentScriptContext('linkedin');
    const stopped = vi.fn();
    ctx.onInvalidated(stopped);
    const urls: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event: LocationChangeEvent) => urls.push(event.newUrl.pathname));
    const id = fakeBrowser.runtime.id;
    for (const name of ['wxt:content-script-started', `${id}:linkedin:wxt:content-script-started`]) {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'linkedin', messageId: 'forged' } }));
      window.postMessage({ type: name, contentScriptName: 'linkedin', messageId: 'forged' }, '*');
    }
    window.dispatchEvent(new Event(`${id}:linkedin:wxt:locationchange`));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.advanceTimersByTimeAsync(1100);
    expect(stopped).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
    expect(urls).toEqual([]);
  });

  test('an orphaned script (the extension updated or removed) stops itself and its timers', async () => {
    const ctx = new ContentScriptContext('linkedin');
    const stopped = vi.fn();
    const ticks = vi.fn();
    ctx.onInvalidated(stopped);
    ctx.setInterval(ticks, 100);
    await vi.advanceTimersByTimeAsync(250);
    expect(ticks).toHaveBeenCalledTimes(2);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    await vi.advanceTimersByTimeAsync(250);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
  });

  test('listeners on the page are removed when the context is invalidated', () => {
    const ctx = new ContentScriptContext('linkedin');
    const clicks = vi.fn();
    ctx.addEventListener(document, 'click', clicks);
    document.body.click();
    ctx.notifyInvalidated();
    document.body.click();
    expect(clicks).toHaveBeenCalledTimes(1);
  });
});
