import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launch,
  linkedInRoute,
  openSidePanel,
  screenshotDir,
  sendMessage,
  startSiteServer,
  tabIdOf,
  waitForBadge,
  waitForSeed,
  type Launched,
  type SiteServer,
} from './harness';

/**
 * The workspace end to end (issue 6): save a prospect from a LinkedIn council profile in the side
 * panel, see it on the workspace page with a seeded annotation, filter, export, import a bad file,
 * and delete everything.
 */

const PROFILE_URL = 'http://www.linkedin.com/in/priya-sharma'; // Head of Adult Social Care, Leeds

/** A date `days` from today, YYYY-MM-DD (UTC is close enough for a date weeks away). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// Keyed as the notice panel keys them (lib/workspace/schema.ts annotationKey): a Contracts Finder
// page shows no OCID, so `contracts-finder:<notice id>`; a Find a Tender page shows its OCID.
const ANNOTATIONS = [
  {
    key: 'contracts-finder:6f2c1a9e-0c44-4a2e-9a51-2f3b8c1d7e01',
    fields: {
      site: 'contracts-finder',
      noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/6f2c1a9e-0c44-4a2e-9a51-2f3b8c1d7e01',
      title: 'Home care framework for older people',
      buyerName: 'Leeds City Council',
      council: 'LDS',
      serviceGroup: 'adult-social-care',
      status: 'bidding',
      owner: 'ab',
      bidDeadline: `${inDays(20)}T12:00`,
      tags: ['care', 'framework'],
      notes: 'Lot 2 only; partner with a local provider.',
    },
  },
  {
    key: 'ocds-h6vhtk-05a1c3',
    fields: {
      site: 'find-a-tender',
      noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/031337-2026',
      title: 'Highways resurfacing programme',
      buyerName: 'Kent County Council',
      council: 'KEN',
      serviceGroup: 'highways-transport',
      status: 'watching',
      noticeDeadline: inDays(40),
      tags: ['roads'],
      notes: '',
    },
  },
];

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])) as [Download, void];
  const path = await download.path();
  const bytes = readFileSync(path);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

describe('Workspace in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;
  let workspace: Page;

  beforeAll(async () => {
    server = await startSiteServer([linkedInRoute]);
    browser = await launch({ port: server.port });
    await waitForSeed(browser.worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('"Save prospect" in the side panel stores the prospect, and the panel then shows it as saved', async () => {
    const started = Date.now();
    const page = await browser.context.newPage();
    await page.goto(PROFILE_URL, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.worker, page);
    await waitForBadge(browser.worker, tabId, (t) => t === 'LDS');
    const panel = await openSidePanel(browser, tabId);
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await expect.poll(() => panel.getByLabel('Name (as shown on the page)').inputValue()).toBe('Priya Sharma');
    expect(await panel.getByLabel('Title').inputValue()).toMatch(/Head of Adult Social Care/i);
    await panel.getByLabel('Notes').fill('Met at the ADASS conference; interested in reablement.');
    await panel.getByLabel('Follow-up date').fill(inDays(14));
    await panel.screenshot({ path: join(screenshotDir(), 'e2e-sidepanel-save-prospect-form.png') });
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => panel.getByRole('heading', { name: 'Saved prospect' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByLabel('Notes').inputValue()).toBe('Met at the ADASS conference; interested in reablement.');
    expect(await panel.getByRole('link', { name: 'Open workspace' }).getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/workspace.html`);
    await panel.screenshot({ path: join(screenshotDir(), 'e2e-sidepanel-saved-prospect.png') });

    // A fresh panel for the same profile reads it back from the database.
    await panel.reload();
    await expect.poll(() => panel.getByRole('heading', { name: 'Saved prospect' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByLabel('Follow-up date').inputValue()).toBe(inDays(14));
    await panel.close();
    await page.close();
    console.log(`save prospect: ${Date.now() - started} ms`);
  });

  test('the workspace lists the prospect and seeded annotations, and filters and sorts them', async () => {
    const started = Date.now();
    workspace = await browser.context.newPage();
    await workspace.goto(`chrome-extension://${browser.extensionId}/workspace.html`);
    expect(await workspace.title()).toBe('Workspace · Council Lens');
    const prospects = workspace.getByRole('table', { name: 'Prospects' });
    await expect.poll(() => prospects.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    const prospectRow = await prospects.getByRole('row').nth(1).innerText();
    expect(prospectRow).toContain('Priya Sharma');
    expect(prospectRow).toContain('Leeds City Council');
    expect(prospectRow).toContain('Met at the ADASS conference');
    expect(await prospects.getByRole('link', { name: 'Priya Sharma' }).getAttribute('href')).toBe('https://www.linkedin.com/in/priya-sharma/');

    for (const a of ANNOTATIONS) {
      const answer = await sendMessage(workspace, { type: 'editAnnotation', edit: { ...a, at: Date.now() } });
      expect(answer.ok, answer.error).toBe(true);
    }
    // workspaceChanged refreshes the page without a reload.
    const tenders = workspace.getByRole('table', { name: 'Tenders' });
    await expect.poll(() => tenders.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    expect(await workspace.getByText(/2 of 2 tenders/).count()).toBe(1);
    // Sorted by deadline: the home care bid (20 days) before the highways notice (40 days).
    expect(await tenders.getByRole('row').nth(1).innerText()).toContain('Home care framework');
    expect(await tenders.getByRole('row').nth(1).innerText()).toMatch(/(19|20) days left/);

    await workspace.getByRole('search', { name: 'Filter tenders' }).getByLabel('Status').selectOption('watching');
    await expect.poll(() => tenders.getByRole('row').count()).toBe(2);
    expect(await tenders.innerText()).toContain('Highways resurfacing programme');
    expect(await workspace.getByText('1 of 2 tenders').count()).toBe(1);
    await workspace.getByRole('button', { name: 'Clear filters' }).click();
    await workspace.getByLabel('Search tenders').fill('lot 2');
    await expect.poll(() => tenders.getByRole('row').count()).toBe(2);
    expect(await tenders.innerText()).toContain('Home care framework');
    await workspace.getByRole('button', { name: 'Clear filters' }).click();

    // Keyboard: the title header is a button; Enter sorts, and aria-sort says so.
    const titleHeader = tenders.getByRole('columnheader', { name: /Title/ });
    await titleHeader.getByRole('button').focus();
    await workspace.keyboard.press('Enter');
    expect(await titleHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await tenders.getByRole('row').nth(1).innerText()).toContain('Highways resurfacing');
    await workspace.screenshot({ path: join(screenshotDir(), 'e2e-workspace.png'), fullPage: true });
    console.log(`workspace list and filters: ${Date.now() - started} ms`);
  });

  test('delete asks first, and Undo puts the record back', async () => {
    const tenders = workspace.getByRole('table', { name: 'Tenders' });
    await tenders.getByRole('button', { name: 'Delete Highways resurfacing programme' }).click();
    await workspace.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => tenders.getByRole('row').count()).toBe(2);
    expect(((await sendMessage(workspace, { type: 'listWorkspace' })).value as { annotations: unknown[] }).annotations).toHaveLength(1);
    await workspace.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tenders.getByRole('row').count()).toBe(3);
    expect(await workspace.getByText('Restored “Highways resurfacing programme”.').count()).toBe(1);
  });

  test('exports download with the returned file names: CSV with a BOM, JSON in the workspace format', async () => {
    const csv = await downloaded(workspace, 'Export tenders CSV');
    expect(csv.name).toMatch(/^council-lens-tenders-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('Home care framework for older people');
    const people = await downloaded(workspace, 'Export prospects CSV');
    expect([...people.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(people.text).toContain('Priya Sharma');
    const json = await downloaded(workspace, 'Export all (JSON)');
    expect(json.name).toMatch(/^council-lens-workspace-.*\.json$/);
    const parsed = JSON.parse(json.text) as { format: string; annotations: unknown[]; prospects: unknown[] };
    expect(parsed.format).toBe('council-lens-workspace');
    expect(parsed.annotations).toHaveLength(2);
    expect(parsed.prospects).toHaveLength(1);
    const ics = await downloaded(workspace, 'Calendar (.ics)');
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
  });

  test('a bad import shows each problem and changes nothing', async () => {
    const before = await sendMessage(workspace, { type: 'listWorkspace' });
    const bad = JSON.stringify({
      format: 'council-lens-workspace',
      version: 1,
      annotations: [{ key: 'not a key', title: '' }],
      prospects: [],
    });
    await workspace.getByLabel('Import JSON').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const alert = workspace.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    const problems = await workspace.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem').allInnerTexts();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/annotations/);
    const after = await sendMessage(workspace, { type: 'listWorkspace' });
    expect(after).toEqual(before);
  });

  test('options: the Reminders setting saves the days and links to the workspace', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'Reminders' });
    const input = section.getByLabel('Days before each bid deadline');
    await expect.poll(() => input.inputValue()).toBe('3, 1');
    await input.fill('7, 1, 7');
    await section.getByRole('button', { name: 'Save reminders' }).click();
    await expect.poll(() => section.getByRole('status').innerText()).toBe('Saved: reminders 7 days before, 1 day before.');
    expect(await section.getByRole('link', { name: 'workspace' }).getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/workspace.html`);
    await options.reload();
    await expect.poll(() => options.getByRole('region', { name: 'Reminders' }).getByLabel('Days before each bid deadline').inputValue()).toBe('7, 1');
    await options.getByRole('region', { name: 'Reminders' }).screenshot({ path: join(screenshotDir(), 'e2e-options-reminders.png') });
    await options.close();
  });

  test('"Delete all my data" needs the word typed, then empties both tables', async () => {
    await workspace.getByRole('button', { name: /Delete all my data/ }).click();
    const confirm = workspace.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await workspace.getByLabel('Type “delete” to confirm').fill('delete');
    await confirm.click();
    await expect.poll(() => workspace.getByText(/Deleted 2 tender annotations, 1 prospect and 0 savings items/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => workspace.getByRole('heading', { name: 'No tenders yet' }).count()).toBe(1);
    expect(await workspace.getByRole('heading', { name: 'No prospects yet' }).count()).toBe(1);
    const left = (await sendMessage(workspace, { type: 'listWorkspace' })).value as { annotations: unknown[]; prospects: unknown[] };
    expect(left).toEqual({ annotations: [], prospects: [] });
    // Public data stays.
    const councils = (await sendMessage(workspace, { type: 'listCouncils' })).value as unknown[];
    expect(councils.length).toBeGreaterThan(300);
  });
});
