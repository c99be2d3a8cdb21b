import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveSiteAccess,
  FIXTURES,
  inShadow,
  launch,
  readShadowHosts,
  screenshotDir,
  shiftFinancialYears,
  startSiteServer,
  waitForSeed,
  type Launched,
  type Route,
  type SiteServer,
} from './harness';

/**
 * The council-website badge (issue 7) in real Chromium: nothing on a council site without the
 * optional permission; after the options switch is turned on (a real click, a real grant), the
 * badge names the site's council, and both councils on a shared site; turning it off removes it.
 */

const LEEDS = 'http://www.leeds.gov.uk/your-council/budget-and-spending/budget-proposals';
const ADUR_WORTHING = 'http://www.adur-worthing.gov.uk/bins-and-recycling/';
const SWITCH = 'Show the council card on council websites';

const councilSites: Route = (host, path) => {
  if (`http://${host}${path}` === LEEDS) {
    return { body: shiftFinancialYears(readFileSync(join(FIXTURES, 'council-sites', 'leeds-budget-proposals.html'), 'utf8'), 2026) };
  }
  if (`http://${host}${path}` === ADUR_WORTHING) {
    return { body: readFileSync(join(FIXTURES, 'council-sites', 'adur-worthing-bins-and-recycling.html'), 'utf8') };
  }
  return null;
};

/** The extension APIs inside `worker.evaluate`. */
interface ChromeApis {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(f?: object): Promise<{ id: string; matches?: string[] }[]> };
  runtime: { getManifest(): { optional_host_permissions?: string[] } };
}
declare const chrome: ChromeApis;

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  let value = await read();
  while (!ok(value)) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('Council websites in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;
  let options: Page;
  let patterns: string[];
  const granted = () => browser.worker.evaluate((origins) => chrome.permissions.contains({ origins }), patterns);
  const registered = () => browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  const badges = async (page: Page) => (await readShadowHosts(page)).filter((h) => h.tag === 'cl-council-site');

  beforeAll(async () => {
    server = await startSiteServer([councilSites]);
    browser = await launch({ port: server.port, hosts: ['www.leeds.gov.uk', 'www.adur-worthing.gov.uk'] });
    await waitForSeed(browser.worker);
    patterns = await browser.worker.evaluate(() => chrome.runtime.getManifest().optional_host_permissions ?? []);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('without the permission, a council site gets no badge and no script', async () => {
    expect(patterns.length).toBeGreaterThan(350);
    expect(patterns).toContain('*://*.leeds.gov.uk/*');
    expect(await granted()).toBe(false);
    const page = await browser.context.newPage();
    await page.goto(LEEDS, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    expect(await readShadowHosts(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('[class^="cl-"], [id^="cl-"]').length)).toBe(0);
    expect(await registered()).toEqual([]);
    await page.close();
  });

  test('the options switch asks for the council sites; once granted, the script is registered', async () => {
    const started = Date.now();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const toggle = options.getByLabel(SWITCH);
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    // A Leeds page already open before the option is turned on.
    const early = await browser.context.newPage();
    await early.goto(LEEDS, { waitUntil: 'load' });
    await options.bringToFront();
    // Headless Chromium's prompt cannot be clicked: approve the hosts as chrome://extensions does.
    await approveSiteAccess(browser, patterns);
    expect(await granted()).toBe(false);

    await toggle.click();
    await poll(granted, (v) => v, 'the permission');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await options.getByRole('status').filter({ hasText: 'On.' }).count()).toBe(1);
    const scripts = await poll(registered, (s) => s.length === 1, 'the registration');
    expect(scripts[0]?.id).toBe('cl-council-site');
    expect(scripts[0]?.matches).toEqual(expect.arrayContaining(['*://*.leeds.gov.uk/*', '*://*.adur-worthing.gov.uk/*']));
    expect(scripts[0]?.matches).toHaveLength(patterns.length);
    console.log(`granted and registered in ${Date.now() - started} ms`);
    // The page open before gets its badge without a reload.
    await poll(() => badges(early), (b) => b.length === 1, 'the badge on the Leeds page already open');
    await early.close();
    const section = options.locator('section[aria-labelledby="cl-council-sites"]');
    await section.screenshot({ path: join(screenshotDir(), 'e2e-council-sites-options.png') });
  });

  test('Leeds: a collapsed badge naming Leeds City Council that opens its card', async () => {
    const started = Date.now();
    const page = await browser.context.newPage();
    await page.goto(LEEDS, { waitUntil: 'load' });
    const [badge] = await poll(() => badges(page), (b) => b.length === 1, 'the Leeds badge');
    console.log(`badge on ${LEEDS} after ${Date.now() - started} ms`);
    expect(badge!.mode).toBe('closed');
    expect(badge!.attributes['data-cl-councils']).toBe('LDS');
    expect(await inShadow(page, 'cl-council-site', 'button[aria-expanded]', 'function () { return [this.textContent, this.getAttribute("aria-expanded")]; }')).toEqual([
      'Council Lens · : Leeds City Council',
      'false',
    ]);
    await page.screenshot({ path: join(screenshotDir(), 'e2e-council-site-leeds-collapsed.png') });
    // Keyboard: focus the toggle and press Enter.
    await inShadow(page, 'cl-council-site', 'button[aria-expanded]', undefined, { focus: true });
    await page.keyboard.press('Enter');
    const open = await poll(() => badges(page), (b) => b[0]?.text.includes('Metropolitan borough') ?? false, 'the Leeds card');
    expect(open[0]!.text).toContain('Leeds City Council');
    expect(open[0]!.text).not.toContain('Worthing');
    // Its open tenders and contracts ending, as on every card (folded in this compact card).
    expect(open[0]!.text).toMatch(/Open tenders \(\d+\)/);
    expect(open[0]!.text).toMatch(/Contracts ending \(\d+\)/);
    await page.screenshot({ path: join(screenshotDir(), 'e2e-council-site-leeds-open.png') });
    // The page's own content is untouched.
    expect(await page.locator('h1').first().textContent()).toContain('Budget proposals');
    await page.close();
  });

  test('Adur & Worthing: one shared site, both councils; opens as last left', async () => {
    const page = await browser.context.newPage();
    await page.goto(ADUR_WORTHING, { waitUntil: 'load' });
    const [badge] = await poll(() => badges(page), (b) => b.length === 1 && b[0]!.text.includes('Worthing Borough Council'), 'the shared badge');
    expect(badge!.attributes['data-cl-councils']).toBe('ADU WOT');
    expect(await inShadow(page, 'cl-council-site', 'button[aria-expanded]', 'function () { return this.getAttribute("aria-expanded"); }')).toBe('true');
    expect(badge!.text).toContain('Council Lens · : Adur and Worthing councils');
    expect(badge!.text).toContain('This website is shared by 2 councils.');
    expect(await inShadow(page, 'cl-council-site', '.cl-site-badge__body', 'function () { return [...this.querySelectorAll("h2")].map((h) => h.textContent); }')).toEqual([
      'Adur District Council',
      'Worthing Borough Council',
    ]);
    await page.screenshot({ path: join(screenshotDir(), 'e2e-council-site-adur-worthing.png') });
    await page.close();
  });

  test('turning the switch off gives the permission back and unregisters the script', async () => {
    const toggle = options.getByLabel(SWITCH);
    await options.bringToFront();
    await toggle.click();
    await poll(granted, (v) => !v, 'the permission to go');
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await poll(registered, (s) => s.length === 0, 'the unregistration');
    const page = await browser.context.newPage();
    await page.goto(LEEDS, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    await page.close();
  });
});
