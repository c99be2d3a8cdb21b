import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inShadow, launch, newRunDir, noticeHostsCert, noticeRoute, readShadowHosts, screenshotDir, startSiteServer, waitForSeed, type Launched, type SiteServer } from './harness';

/**
 * Issue 12, "the notice panel covers the notice": on the real Contracts Finder and Find a Tender
 * notice pages (tests/fixtures/notices), at 1280 and 800 px, the open panel stays inside the window,
 * clear of the notice's own heading, its body scrolls, and a "More below" cue shows while there is
 * more to read and goes once the reader reaches the end.
 */

const HOST = 'cl-council-lens-notice';
const PAGES = [
  ['contracts-finder', 'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38', 'North Yorkshire Council'],
  ['find-a-tender', 'https://www.find-tender.service.gov.uk/Notice/009871-2025', 'North Northamptonshire Council'],
] as const;
const WIDTHS = [1280, 800] as const;
const HEIGHT = 900;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function panelText(page: Page): Promise<string> {
  return (await readShadowHosts(page)).find((h) => h.tag === HOST)?.text ?? '';
}

/** The boxes a reader needs: the panel (its host: the shadow content sizes it) and the notice's heading. */
async function boxes(page: Page): Promise<{ panel: Box; heading: Box; viewport: { width: number; height: number } }> {
  return page.evaluate((host) => {
    const box = (el: Element | null): Box => {
      const r = el!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return { panel: box(document.querySelector(host)), heading: box(document.querySelector('h1')), viewport: { width: innerWidth, height: innerHeight } };
  }, HOST);
}

const body = (page: Page, fn: string) => inShadow<unknown>(page, HOST, '.cl-noticepanel__body', fn);
const cueShown = async (page: Page) => (await readShadowHosts(page)).find((h) => h.tag === HOST)?.text.includes('More below') ?? false;

describe('the notice panel is docked clear of the notice (real Chromium)', () => {
  let site: SiteServer;
  let browser: Launched;
  let runDir: string;

  beforeAll(async () => {
    site = await startSiteServer([noticeRoute], { tls: await noticeHostsCert() });
    runDir = newRunDir('notice-dock-');
    browser = await launch({ port: site.port, apiPort: site.port, profileDir: join(runDir, 'profile') });
    await waitForSeed(browser.worker);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  });

  for (const [site, url, council] of PAGES) {
    for (const width of WIDTHS) {
      test(`${site} at ${width} px: inside the window, clear of the heading, scrolling with a cue`, async () => {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height: HEIGHT });
        await page.goto(url);
        await expect.poll(() => panelText(page), { timeout: 15_000 }).toContain(council);
        // The cache look-up has answered: "Who won before" shows only then.
        await expect.poll(() => panelText(page), { timeout: 15_000 }).toContain('Who won before');
        await page.waitForTimeout(200);

        const { panel, heading, viewport } = await boxes(page);
        expect(panel.left).toBeGreaterThanOrEqual(0);
        expect(panel.top).toBeGreaterThanOrEqual(0);
        expect(panel.right).toBeLessThanOrEqual(viewport.width);
        expect(panel.bottom).toBeLessThanOrEqual(viewport.height);
        expect(overlaps(panel, heading), `panel ${JSON.stringify(panel)} covers the heading ${JSON.stringify(heading)}`).toBe(false);

        // The body holds more than it shows: it scrolls, and says so until the end is reached.
        expect(await body(page, 'function () { return this.scrollHeight > this.clientHeight; }')).toBe(true);
        expect(await cueShown(page)).toBe(true);
        await page.screenshot({ path: join(screenshotDir(), `notice-panel-docked-${site}-${width}.png`) });
        await body(page, 'function () { this.scrollTop = this.scrollHeight; return null; }');
        await expect.poll(() => cueShown(page)).toBe(false);
        // The last sections are now in view inside the body.
        const inView = await body(
          page,
          `function () {
            const b = this.getBoundingClientRect();
            const last = [...this.querySelectorAll('h3, summary')].at(-1).getBoundingClientRect();
            return last.top >= b.top && last.bottom <= b.bottom;
          }`,
        );
        expect(inView).toBe(true);
        // Nothing recorded on this notice yet: its status says so rather than "Watching".
        expect(await inShadow<string>(page, HOST, 'select[name="status"]', 'function () { return this.selectedOptions[0].textContent; }')).toBe('Not tracked');
        await page.screenshot({ path: join(screenshotDir(), `notice-panel-docked-${site}-${width}-end.png`) });
        await page.close();
      });
    }
  }
});
