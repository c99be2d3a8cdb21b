import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  badgeText,
  launch,
  linkedInRoute,
  openSidePanel,
  readShadowHosts,
  screenshotDir,
  startSiteServer,
  tabIdOf,
  turnOnInPageCard,
  waitForBadge,
  waitForSeed,
  type Launched,
  type SiteServer,
} from './harness';

const LI = 'http://www.linkedin.com';

/** The page's DOM as the site built it, recorded at DOMContentLoaded before any content script ran. */
async function recordInitialDom(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __clInitial: string }).__clInitial = document.documentElement.outerHTML;
    });
  });
}

async function domNow(page: Page): Promise<{ initial: string; now: string; nowWithoutOurs: string }> {
  return page.evaluate(() => {
    const initial = (window as unknown as { __clInitial: string }).__clInitial;
    const now = document.documentElement.outerHTML;
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('*')) if (el.tagName.toLowerCase().startsWith('cl-')) el.remove();
    return { initial, now, nowWithoutOurs: clone.outerHTML };
  });
}

describe('LinkedIn in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;
  const timings: number[] = [];

  beforeAll(async () => {
    server = await startSiteServer([linkedInRoute]);
    browser = await launch({ port: server.port });
  });

  afterAll(async () => {
    if (timings.length) console.log(`page load -> badge (ms): ${timings.join(', ')}`);
    await browser?.close();
    await server?.close();
  });

  test('the extension loads and seeds the council register into IndexedDB', async () => {
    const seeded = await waitForSeed(browser.worker);
    expect(seeded.councils).toBeGreaterThanOrEqual(470);
    expect(seeded.groups).toBe(19);
  });

  test('a council profile sets the badge and the side panel shows the council; SPA navigation updates and clears it', async () => {
    const page = await browser.context.newPage();
    await recordInitialDom(page);
    await page.goto(`${LI}/in/priya-sharma`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    const first = await waitForBadge(browser.worker, tabId, (t) => t === 'LDS');
    timings.push(first.ms);

    const panel = await openSidePanel(browser, tabId);
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toContain('Leeds City Council');
    const panelText = await panel.locator('body').innerText();
    expect(panelText).toContain('Metropolitan borough');
    expect(panelText).toContain('West Yorkshire');
    // The badge says it once; the line under the title names the service (issue 12).
    expect(panelText).toMatch(/Likely budget holder\s+Adult social care · /);
    expect(panelText).toMatch(/Previously at:?\s*Kirklees Council/);
    await panel.screenshot({ path: join(screenshotDir(), 'e2e-sidepanel-leeds.png') });

    // Default: nothing at all is added to LinkedIn's page.
    const dom = await domNow(page);
    expect(dom.now).toBe(dom.initial);
    expect(await readShadowHosts(page)).toEqual([]);

    // SPA navigation: the URL changes 1.5 s before the new profile renders. Meanwhile the old
    // council must not show against the new URL.
    await page.evaluate(() => (window as unknown as { clSpaNavigate(p: string, d: number): Promise<void> }).clSpaNavigate('/in/tom-okafor', 1500));
    await waitForBadge(browser.worker, tabId, (t) => t === '', 1400);
    expect(await panel.locator('body').innerText()).not.toContain('Leeds City Council');
    await waitForBadge(browser.worker, tabId, (t) => t === 'KEN');
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toContain('Kent County Council');

    // To a profile of someone who does not work for a council: badge and card clear.
    await page.evaluate(() => (window as unknown as { clSpaNavigate(p: string, d: number): Promise<void> }).clSpaNavigate('/in/sam-hughes', 300));
    await waitForBadge(browser.worker, tabId, (t) => t === '');
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toMatch(/not a (UK )?council/i);
    expect(await panel.locator('body').innerText()).not.toContain('Kent County Council');

    // And to a page no adapter reads.
    await page.evaluate(() => (window as unknown as { clSpaNavigate(p: string, d: number): Promise<void> }).clSpaNavigate('/feed/', 100));
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toMatch(/Open a LinkedIn profile/i);
    expect(await badgeText(browser.worker, tabId)).toBe('');
    await page.close();
    await panel.close();
  });

  test('a district council profile on the newer layout, and a council company page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${LI}/in/grace-lee`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    timings.push((await waitForBadge(browser.worker, tabId, (t) => t === 'ASF')).ms);
    const panel = await openSidePanel(browser, tabId);
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toContain('Ashford Borough Council');
    expect(await panel.locator('body').innerText()).toContain('Kent County Council');

    await page.goto(`${LI}/company/leeds-city-council`, { waitUntil: 'load' });
    await waitForBadge(browser.worker, tabId, (t) => t === 'LDS');
    await page.close();
    await panel.close();
  });

  test('with the in-page option on, the card appears inside a closed shadow root and LinkedIn’s DOM is otherwise unchanged', async () => {
    const { options, toggle } = await turnOnInPageCard(browser);

    const page = await browser.context.newPage();
    await recordInitialDom(page);
    await page.goto(`${LI}/in/priya-sharma`, { waitUntil: 'load' });
    await expect
      .poll(async () => (await readShadowHosts(page)).map((h) => `${h.tag}|${h.mode}|${h.text}`).join('\n'), { timeout: 10_000 })
      .toMatch(/^cl-council-lens\|closed\|.*Leeds City Council/);
    const hosts = await readShadowHosts(page);
    expect(hosts).toHaveLength(1);
    const dom = await domNow(page);
    expect(dom.now).not.toBe(dom.initial);
    expect(dom.nowWithoutOurs).toBe(dom.initial);

    // Turning it off removes the card straight away.
    await toggle.uncheck();
    await expect.poll(async () => (await readShadowHosts(page)).length, { timeout: 10_000 }).toBe(0);
    expect((await domNow(page)).now).toBe(dom.initial);

    // A screenshot of the card for people (taken last: Playwright's screenshot touches inputs' style).
    await toggle.check();
    await expect.poll(async () => (await readShadowHosts(page)).length, { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(screenshotDir(), 'e2e-inpage-leeds.png') });
    await toggle.uncheck();
    await page.close();
    await options.close();
  });
});
