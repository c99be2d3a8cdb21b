import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveSiteAccess,
  FIXTURES,
  inShadow,
  launch,
  turnOnInPageCard,
  linkedInRoute,
  newRunDir,
  noticeHostsCert,
  noticeRoute,
  readShadowHosts,
  screenshotDir,
  startSiteServer,
  waitForSeed,
  type Launched,
  type Route,
  type SiteServer,
} from './harness';

/**
 * Issue 12: axe-core on the card components that live in closed shadow roots on host pages, where
 * axe cannot reach them. Each is rendered for real by the built extension on its page (Contracts
 * Finder and Find a Tender notices, a LinkedIn profile with the in-page card on, a council's own
 * website with the badge on), its shadow root
 * is copied with its styles and every fold opened, mounted in an open shadow root of a test page,
 * and checked there in light and dark colour schemes. No violations are allowed.
 *
 * Also here: the popup path that showed a former council as current (Harrogate).
 */

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const NOTICE_HOST = 'cl-council-lens-notice';
const CF = 'https://www.contractsfinder.service.gov.uk/Notice';
const LEEDS_SITE = 'http://www.leeds.gov.uk/your-council/budget-and-spending/budget-proposals';
/** Leeds's budget page (tests/fixtures/council-sites), for the council-website badge. */
const leedsSite: Route = (host, path) =>
  `http://${host}${path}` === LEEDS_SITE ? { body: readFileSync(join(FIXTURES, 'council-sites', 'leeds-budget-proposals.html'), 'utf8') } : null;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The shadow root's markup, styles included, with every <details> opened and nothing left hidden by a fold. */
async function copyShadow(page: Page, host: `cl-${string}`): Promise<string> {
  return inShadow<string>(
    page,
    host,
    'style',
    `function () {
      const root = this.getRootNode();
      for (const d of root.querySelectorAll('details')) d.open = true;
      return root.innerHTML;
    }`,
  );
}

/** Mounts `markup` in an open shadow root of a plain test page and runs axe over the whole page. */
async function axeOnCopy(page: Page, markup: string, colorScheme: 'light' | 'dark'): Promise<AxeViolation[]> {
  await page.emulateMedia({ colorScheme });
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council Lens card test page</title></head>
     <body><main><h1>Card test page</h1></main><cl-card-copy></cl-card-copy></body></html>`,
  );
  await page.evaluate((html) => {
    document.querySelector('cl-card-copy')!.attachShadow({ mode: 'open' }).innerHTML = html;
  }, markup);
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** axe finds nothing on the copy, in the light colour scheme or the dark one. */
async function expectNoViolations(page: Page, markup: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const violations = await axeOnCopy(page, markup, scheme);
    expect(violations, `${scheme}:\n${describeViolations(violations)}`).toEqual([]);
  }
}

function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

describe('axe-core on the card components of host pages (real Chromium)', () => {
  let notices: SiteServer;
  let linkedin: SiteServer;
  let browser: Launched;
  let runDir: string;
  let testPage: Page;

  beforeAll(async () => {
    notices = await startSiteServer([noticeRoute], { tls: await noticeHostsCert() });
    linkedin = await startSiteServer([linkedInRoute, leedsSite]);
    runDir = newRunDir('card-axe-');
    browser = await launch({ port: linkedin.port, apiPort: notices.port, hosts: ['www.linkedin.com', 'www.leeds.gov.uk'], profileDir: join(runDir, 'profile') });
    await waitForSeed(browser.worker);
    testPage = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await notices?.close();
    await linkedin?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  });

  const cases = [
    ['notice panel: a council tender on Contracts Finder', `${CF}/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38`, 'Who won before'],
    ['notice panel: a council notice on Find a Tender', 'https://www.find-tender.service.gov.uk/Notice/009871-2025', 'Who won before'],
    ['notice panel: an NHS award with supplier references', `${CF}/05c544dc-9e6f-452d-87c1-bf00f3ce73ac`, 'Not a UK council buyer'],
  ] as const;

  for (const [name, url, ready] of cases) {
    test(`${name}: no violations, light and dark`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await expect.poll(async () => (await readShadowHosts(page)).find((h) => h.tag === NOTICE_HOST)?.text ?? '', { timeout: 15_000 }).toContain(ready);
      // The editor has loaded its record (its fields are disabled until then).
      await expect.poll(() => inShadow<string>(page, NOTICE_HOST, '.cl-annot__state', 'function () { return this.textContent; }')).toContain('Kept in this browser only');
      const markup = await copyShadow(page, NOTICE_HOST);
      await page.close();
      await expectNoViolations(testPage, markup);
    });
  }

  test('the in-page LinkedIn card: no violations, light and dark', async () => {
    const { options, toggle } = await turnOnInPageCard(browser);

    const page = await browser.context.newPage();
    await page.goto('http://www.linkedin.com/in/priya-sharma', { waitUntil: 'load' });
    await expect.poll(async () => (await readShadowHosts(page)).find((h) => h.tag === 'cl-council-lens')?.text ?? '', { timeout: 15_000 }).toContain('Leeds City Council');
    // Open it, as a reader does, so the whole card is rendered.
    const expanded = await inShadow<string>(page, 'cl-council-lens', 'button[aria-expanded]', 'function () { return this.getAttribute("aria-expanded"); }');
    if (expanded === 'false') await inShadow(page, 'cl-council-lens', 'button[aria-expanded]', 'function () { this.click(); return null; }');
    await expect.poll(async () => (await readShadowHosts(page)).find((h) => h.tag === 'cl-council-lens')?.text ?? '').toContain('Services it runs');
    const markup = await copyShadow(page, 'cl-council-lens');
    await toggle.uncheck();
    await page.close();
    await options.close();
    await expectNoViolations(testPage, markup);
  });

  test('the council-website badge, opened: no violations, light and dark', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const toggle = options.getByLabel('Show the council card on council websites');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    // Headless Chromium's permission prompt cannot be clicked: approve the hosts as chrome://extensions does.
    const patterns = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { optional_host_permissions?: string[] } } } }).chrome.runtime.getManifest().optional_host_permissions ?? []);
    await approveSiteAccess(browser, patterns);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);

    const page = await browser.context.newPage();
    await page.goto(LEEDS_SITE, { waitUntil: 'load' });
    await expect.poll(async () => (await readShadowHosts(page)).some((h) => h.tag === 'cl-council-site'), { timeout: 15_000 }).toBe(true);
    await inShadow(page, 'cl-council-site', 'button[aria-expanded]', 'function () { if (this.getAttribute("aria-expanded") === "false") this.click(); return null; }');
    await expect.poll(async () => (await readShadowHosts(page)).find((h) => h.tag === 'cl-council-site')?.text ?? '').toContain('Metropolitan borough');
    const markup = await copyShadow(page, 'cl-council-site');
    await page.close();
    await toggle.click();
    await options.close();
    await expectNoViolations(testPage, markup);
  });

  test('the popup opens a former council as abolished, with its successor and no services (Harrogate)', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?q=Harrogate`);
    const former = popup.getByRole('option', { name: /Harrogate Borough Council.*former/ });
    await former.click();
    const card = popup.locator('article.cl-card');
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Abolished');
    const text = await card.innerText();
    expect(text).toContain('Harrogate Borough Council no longer exists: abolished 1 April 2023; now part of North Yorkshire Council.');
    expect(text).not.toContain('Services it runs');
    expect(text).toContain('Was part of');
    await popup.screenshot({ path: join(screenshotDir(), 'popup-former-council-harrogate.png'), fullPage: true });
    await popup.close();
  });
});
