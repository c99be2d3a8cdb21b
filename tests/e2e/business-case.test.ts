import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXT_DIR, launch, linkedInRoute, newRunDir, openSidePanel, screenshotDir, startSiteServer, tabIdOf, waitForBadge, waitForSeed, type Launched, type SiteServer } from './harness';

/**
 * Issue 15 end to end: the side panel for a Leeds head of adult social care (the classic
 * LinkedIn fixture, priya-sharma) shows the service's spend line and the LinkedIn lead search;
 * "Business case (.xlsx)" opens the extension's page, whose download is a workbook with its
 * formulas. exceljs is in a chunk of that page only, never in a content script.
 */
const LI = 'http://www.linkedin.com';

describe('spend, lead search and business case in real Chromium', () => {
  let site: SiteServer;
  let browser: Launched;

  beforeAll(async () => {
    site = await startSiteServer([linkedInRoute]);
    browser = await launch({ port: site.port });
    await waitForSeed(browser.worker);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the built content scripts do not carry exceljs; the lazily loaded chunk does', () => {
    const scripts = readdirSync(join(EXT_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(join(EXT_DIR, 'content-scripts', file), 'utf8')).not.toMatch(/sharedStrings\.xml/);
    const chunks = readdirSync(join(EXT_DIR, 'chunks')).filter((f) => readFileSync(join(EXT_DIR, 'chunks', f), 'utf8').includes('sharedStrings.xml'));
    expect(chunks).toEqual([expect.stringMatching(/^write-xlsx-.*\.js$/)]);
  });

  test('a Leeds head of adult social care: spend line, lead search, and a workbook from the business case page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${LI}/in/priya-sharma`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    await waitForBadge(browser.worker, tabId, (t) => t === 'LDS');
    const panel = await openSidePanel(browser, tabId);
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 15_000 }).toMatch(/Spends £\d+m a year on adult social care \(2024-25, net\)/);
    const link = panel.getByRole('link', { name: /Find the adult social care lead on LinkedIn/ });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe('https://www.linkedin.com/search/results/people/');
    expect(href.searchParams.get('keywords')).toContain('"Leeds City Council"');
    await panel.getByText('Spending by service', { exact: true }).click();
    await expect.poll(() => panel.locator('.cl-spend__table').innerText()).toContain('Total service expenditure');
    await panel.screenshot({ path: join(screenshotDir(), 'e2e-sidepanel-spend-leeds.png'), fullPage: true });

    const opened = browser.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Business case (.xlsx)' }).click();
    const casePage = await opened;
    await casePage.waitForLoadState();
    expect(casePage.url()).toBe(`chrome-extension://${browser.extensionId}/business-case.html?council=LDS&group=adult-social-care`);
    const download = casePage.waitForEvent('download');
    await casePage.getByRole('button', { name: /^Download business-case-lds-adult-social-care-\d{4}-\d{2}-\d{2}\.xlsx$/ }).click();
    const file = await download;
    const saved = join(newRunDir('xlsx-'), file.suggestedFilename());
    await file.saveAs(saved);
    await expect.poll(() => casePage.getByRole('status').innerText()).toContain('Saved business-case-lds');
    await casePage.screenshot({ path: join(screenshotDir(), 'e2e-business-case-page.png'), fullPage: true });

    const bytes = readFileSync(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Local figures', 'Your case', 'Notes']);
    expect(book.getWorksheet('Local figures')!.getCell('B4').value).toBe('Leeds City Council');
    expect((book.getWorksheet('Your case')!.getCell('B19').value as ExcelJS.CellFormulaValue).formula).toBe('B18-B5');
    await casePage.close();
    await panel.close();
    await page.close();
  });
});
