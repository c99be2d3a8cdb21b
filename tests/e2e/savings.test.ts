import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatFinancialYear, parseFinancialYear } from '@/lib/timing/financial-year';
import {
  financialYearStartOn,
  FIXTURES,
  launch,
  linkedInRoute,
  MAPPED_HOSTS,
  openSidePanel,
  screenshotDir,
  sendMessage,
  shiftFinancialYears,
  startSiteServer,
  tabIdOf,
  waitForBadge,
  waitForSeed,
  type Launched,
  type Route,
  type SiteServer,
} from './harness';

/**
 * Capture end to end (issue 5): select a proposal on a council's budget page, "Add to savings
 * programme", check the prefilled form, save, and see the item under Timing in the side panel.
 * Playwright cannot click a native context menu, so the test calls the background's menu handler
 * with what Chrome would pass (entrypoints/background/capture.ts `councilLensCaptureForTests`).
 */

const LEEDS_HOST = 'www.leeds.gov.uk';
const BUDGET_PATH = '/your-council/budget-and-spending/budget-proposals';
const BUDGET_URL = `http://${LEEDS_HOST}${BUDGET_PATH}`;
const PROFILE_URL = 'http://www.linkedin.com/in/priya-sharma'; // Head of Adult Social Care, Leeds

/** Next financial year, e.g. `2027/28` during 2026/27: the page's proposal year once shifted. */
const YEAR = formatFinancialYear(financialYearStartOn() + 1);

const leedsRoute: Route = (host, path) => {
  if (host !== LEEDS_HOST || path !== BUDGET_PATH) return null;
  const html = readFileSync(join(FIXTURES, 'council-sites', 'leeds-budget-proposals.html'), 'utf8');
  return { body: shiftFinancialYears(html, 2026) };
};

/** The extension APIs inside `worker.evaluate`. */
interface ChromeApis {
  tabs: { query(q: object): Promise<{ index: number; url?: string; title?: string }[]> };
}
declare const chrome: ChromeApis;
type CaptureForTests = (info: object, tab: object) => Promise<void>;

describe('Capture from a council budget page in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;
  let budget: Page;
  let form: Page;
  let selectionText = '';

  beforeAll(async () => {
    server = await startSiteServer([linkedInRoute, leedsRoute]);
    browser = await launch({ port: server.port, hosts: [...MAPPED_HOSTS, LEEDS_HOST] });
    await waitForSeed(browser.worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('selecting a proposal and "Add to savings programme" opens the form prefilled', async () => {
    const started = Date.now();
    budget = await browser.context.newPage();
    await budget.goto(BUDGET_URL, { waitUntil: 'load' });
    // What a person drags over: the adult social care row, from its service to its amount.
    selectionText = await budget.evaluate(() => {
      const row = document.getElementById('proposal-asc-01') as HTMLTableRowElement;
      const range = document.createRange();
      range.setStart(row.cells[0]!, 0);
      range.setEnd(row.cells[3]!, row.cells[3]!.childNodes.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(selectionText).toContain('Adult social care');
    expect(selectionText).toContain(YEAR);
    expect(selectionText).toContain('£1.2m');

    // The tab as the menu passes it: without the "tabs" permission or a host permission for this
    // site, Chrome leaves out its url and title, so they come through only when the manifest allows.
    await budget.bringToFront();
    const tab = await browser.worker.evaluate(async () => {
      const [found] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (!found) throw new Error('No active tab');
      return { index: found.index, url: found.url, title: found.title };
    });
    const opened = browser.context.waitForEvent('page', { timeout: 15_000 });
    await browser.worker.evaluate(
      (a) => (globalThis as unknown as { councilLensCaptureForTests: CaptureForTests }).councilLensCaptureForTests(a.info, a.tab),
      { info: { menuItemId: 'council-lens-add-savings', selectionText, pageUrl: BUDGET_URL }, tab },
    );
    form = await opened;
    await form.waitForLoadState('load');
    expect(form.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/savings\\.html\\?draft=[\\w-]+$`));

    // The council from the page's domain, the rest from the selected words.
    const council = form.getByLabel('Council', { exact: true });
    // The form names councils as the register's short name (listCouncils: "Leeds") and reads it back with the code.
    await expect.poll(() => council.inputValue(), { timeout: 10_000 }).toMatch(/^Leeds( City Council)?$/);
    expect(await form.locator('.cl-field', { has: council }).locator('.cl-field__reading').innerText()).toContain('(LDS)');
    expect(await form.getByLabel('Service', { exact: true }).inputValue()).toBe('adult-social-care');
    expect(await form.getByLabel('Financial year', { exact: true }).inputValue()).toBe(YEAR);
    expect(await form.getByLabel('Amount (£)', { exact: true }).inputValue()).toBe('1,200,000');
    expect(await form.getByLabel('Kind', { exact: true }).inputValue()).toBe('saving');
    expect(await form.getByLabel('Description', { exact: true }).inputValue()).toContain('redesigning reablement and home care');
    expect(await form.getByLabel('Source URL', { exact: true }).inputValue()).toBe(BUDGET_URL);
    // Nothing is saved until the person confirms.
    expect(await listSavings(form)).toEqual([]);
    console.log(`capture -> prefilled form: ${Date.now() - started} ms`);
  });

  test('"Save savings item" records it', async () => {
    await form.getByRole('button', { name: 'Save savings item' }).click();
    await expect.poll(() => form.getByRole('status').innerText(), { timeout: 10_000 }).toContain('Saved:');
    const items = await listSavings(form);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      council: 'LDS',
      serviceGroup: 'adult-social-care',
      financialYear: YEAR,
      amountGbp: 1_200_000,
      kind: 'saving',
      sourceUrl: BUDGET_URL,
      addedBy: 'capture',
    });
  });

  test('the side panel on a Leeds head of adult social care shows it under Timing', async () => {
    const page = await browser.context.newPage();
    await page.goto(PROFILE_URL, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    await waitForBadge(browser.worker, tabId, (text) => text === 'LDS');
    const panel = await openSidePanel(browser, tabId);
    const timing = panel.locator('section', { has: panel.getByRole('heading', { name: 'Timing', exact: true }) });
    await expect.poll(() => timing.locator('[data-verdict]').getAttribute('data-verdict').catch(() => null), { timeout: 10_000 }).toBe('redesign-now');
    const text = await timing.innerText();
    expect(text.replace(/\s+/g, ' ')).toContain(
      `Redesign year: savings of £1.2m in Adult social care are planned for ${YEAR}. Now is the time to talk to the head of service.`,
    );
    expect(text).toContain('Savings from redesigning reablement and home care');
    expect(text).toContain(`${YEAR} · Saving · Proposed · £1.2m`);
    await timing.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(screenshotDir(), 'e2e-sidepanel-timing-after-capture.png'), fullPage: true });

    // A second item saved elsewhere reaches the open panel without a reload (savingsChanged).
    const saved = await sendMessage(panel, {
      type: 'saveSavingsItem',
      item: {
        council: 'LDS',
        serviceGroup: 'adult-social-care',
        financialYear: formatFinancialYear(parseFinancialYear(YEAR) + 1),
        kind: 'service-review',
        status: 'proposed',
        description: 'Review of day opportunities',
        addedBy: 'form',
      },
    });
    expect(saved.ok).toBe(true);
    await expect.poll(() => timing.innerText(), { timeout: 10_000 }).toContain('Review of day opportunities');

    // "Add a savings item" opens the form on this council and service.
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await timing.getByRole('button', { name: 'Add a savings item' }).click();
    const add = await opened;
    await add.waitForLoadState('load');
    expect(add.url()).toBe(`chrome-extension://${browser.extensionId}/savings.html?council=LDS&group=adult-social-care`);
    await expect.poll(() => add.getByLabel('Service', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('adult-social-care');
    expect(await add.getByLabel('Council', { exact: true }).inputValue()).toMatch(/^Leeds( City Council)?$/);
  });
});

async function listSavings(page: Page): Promise<Record<string, unknown>[]> {
  const envelope = await sendMessage(page, { type: 'listSavings', council: 'LDS' });
  if (!envelope.ok) throw new Error(envelope.error);
  return (envelope.value as Record<string, unknown>[] | undefined) ?? [];
}
