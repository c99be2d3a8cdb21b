import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { badgeText, launch, linkedInRoute, openSidePanel, screenshotDir, startSiteServer, tabIdOf, waitForBadge, type Launched, type SiteServer } from './harness';

const LI = 'http://www.linkedin.com';

// Fixtures derived from the real 2026 pages of ../shared/linkedin-real (tests/fixtures/linkedin/
// profile-sdui-2026--*.html, company-2026--*.html).
const JO = '/in/jo-harwood-7a8b9c/'; // Bristol City Council, Senior Planning Officer
const NADIA = '/in/nadia-hussain-0d1e2f/'; // Manchester City Council, Public Health Commissioning Manager
const HAMPSHIRE = '/company/hampshire-county-council/about/';

const spaNavigate = (page: Page, path: string, delayMs = 300) =>
  page.evaluate(([p, d]) => (window as unknown as { clSpaNavigate(p: string, d: number): Promise<void> }).clSpaNavigate(p as string, d as number), [path, delayMs]);

interface Recorded {
  target: string;
  type: string;
  trusted: boolean;
  /** Dispatched by the page's own script (its dispatchEvent or postMessage). */
  byPage: boolean;
  data: string;
}

/**
 * LinkedIn's point of view: a main-world script, installed before anything else runs, that records
 * every event of every type the browser defines on window and document (their `on*` properties),
 * the WXT event names this extension's scripts would use, and every `message`; and marks the
 * events the page itself dispatched or posted.
 */
async function installPageListener(page: Page, extensionId: string): Promise<void> {
  await page.addInitScript((id: string) => {
    const own = new WeakSet<Event>();
    const posted: unknown[] = [];
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      own.add(event);
      return dispatch.call(this, event);
    };
    const post = window.postMessage.bind(window);
    window.postMessage = ((message: unknown, ...rest: unknown[]) => {
      posted.push(message);
      return (post as (...args: unknown[]) => void)(message, ...rest);
    }) as typeof window.postMessage;
    const recorded: Recorded[] = [];
    const types = new Set<string>(['message']);
    for (const source of [window, document]) for (const key in source) if (key.startsWith('on')) types.add(key.slice(2));
    for (const script of ['linkedin', 'notices', 'council-site']) {
      for (const name of ['wxt:content-script-started', 'wxt:locationchange']) types.add(`${id}:${script}:${name}`);
    }
    types.add('wxt:content-script-started');
    types.add('wxt:locationchange');
    for (const [label, target] of [['window', window], ['document', document]] as const) {
      for (const type of types) {
        target.addEventListener(
          type,
          (event) => {
            const data = event instanceof MessageEvent ? event.data : (event as CustomEvent).detail;
            const byPage = own.has(event) || (event instanceof MessageEvent && posted.includes(event.data));
            recorded.push({ target: label, type, trusted: event.isTrusted, byPage, data: JSON.stringify(data ?? null) ?? '' });
          },
          true,
        );
      }
    }
    (window as unknown as { __clRecorded: Recorded[] }).__clRecorded = recorded;
  }, extensionId);
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __clRecorded: Recorded[] }).__clRecorded);

describe('LinkedIn 2026 layouts in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;

  beforeAll(async () => {
    server = await startSiteServer([linkedInRoute]);
    browser = await launch({ port: server.port });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path`, waits for the badge to show `code` and the side panel to name `council`; returns the panel's text. */
  async function cardFor(path: string, code: string, council: string, screenshot?: string): Promise<string> {
    const page = await browser.context.newPage();
    await page.goto(`${LI}${path}`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    await waitForBadge(browser.worker, tabId, (t) => t === code);
    const panel = await openSidePanel(browser, tabId);
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toContain(council);
    const text = await panel.locator('body').innerText();
    if (screenshot) await panel.screenshot({ path: join(screenshotDir(), screenshot) });
    await page.close();
    await panel.close();
    return text;
  }

  test('a 2026 profile: the badge and side panel show the council from the top card, and the role', async () => {
    const text = await cardFor(JO, 'BST', 'Bristol City Council', 'e2e-sidepanel-sdui-2026-bristol.png');
    expect(text).toContain('Senior Planning Officer');
    expect(text).toMatch(/Planning/);
    // From the structure, not the page-text fallback.
    expect(text).not.toContain('check it is the right council');
  });

  test('a 2026 company page: the council', async () => {
    expect(await cardFor(HAMPSHIRE, 'HAM', 'Hampshire County Council')).not.toContain('check it is the right council');
  });

  test('LinkedIn’s own listeners see nothing from the extension, and its events cannot stop it', async () => {
    const page = await browser.context.newPage();
    await installPageListener(page, browser.extensionId);
    await page.goto(`${LI}${JO}`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    await waitForBadge(browser.worker, tabId, (t) => t === 'BST');
    await spaNavigate(page, NADIA, 800);
    await waitForBadge(browser.worker, tabId, (t) => t === 'MAN');
    await spaNavigate(page, HAMPSHIRE, 200);
    await waitForBadge(browser.worker, tabId, (t) => t === 'HAM');
    await spaNavigate(page, NADIA, 200);
    await waitForBadge(browser.worker, tabId, (t) => t === 'MAN');

    const events = await recorded(page);
    // The listener works: the browser's own events (load, popstate-free pushState aside) reach it.
    expect(events.some((e) => e.type === 'load' && e.trusted)).toBe(true);
    const fromElsewhere = events.filter((e) => !e.byPage && (!e.trusted || e.type === 'message'));
    expect(fromElsewhere).toEqual([]);
    expect(events.filter((e) => e.type.includes(browser.extensionId) || e.type.includes('wxt') || e.data.includes(browser.extensionId))).toEqual([]);

    // The page dispatches WXT's event names (knowing the id, the worst case) and a fake navigation.
    await page.evaluate((id: string) => {
      for (const script of ['linkedin', 'notices', 'council-site']) {
        const started = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: script, messageId: 'page' } }));
        window.postMessage({ type: started, contentScriptName: script, messageId: 'page' }, '*');
        window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
      }
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      navigation?.dispatchEvent(new Event('navigate'));
    }, browser.extensionId);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badgeText(browser.worker, tabId)).toBe('MAN');

    // The script still runs: the next navigation updates the badge, never to the old council.
    await spaNavigate(page, JO, 600);
    await waitForBadge(browser.worker, tabId, (t) => t !== 'MAN', 1500);
    expect(['', 'BST']).toContain(await badgeText(browser.worker, tabId));
    await waitForBadge(browser.worker, tabId, (t) => t === 'BST');
    await page.close();
  });
});
