/**
 * `npm run demo`: builds the extension and opens Chromium with it loaded on the bundled sample
 * pages, served locally under their real host names, so anyone can see it work without a LinkedIn
 * account or a network. `npm run demo -- --headless --screenshots DIR` writes one PNG per sample
 * page instead: the page on the left, the whole side panel beside it.
 *
 * Before that it imports an illustrative savings programme (tests/fixtures/savings/demo-savings.csv)
 * through the background, so the cards' Timing sections have something to weigh, and runs a
 * procurement refresh against the fake API (tests/support/fake-procurement-api.ts) replaying the
 * real Contracts Finder tenders moved forward in time, so North Yorkshire's card lists an open
 * tender beside the contracts ending from the packaged seed (the README's first screenshot).
 * The sample notice pages are styled with the GOV.UK Frontend package's CSS, as the real portals
 * are (harness.ts `styledNoticeRoute`).
 *
 * It also saves one prospect and two tender annotations, so the workspace page has something to
 * list (`workspace.png` among the screenshots).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureReleases, startFakeProcurementApi, type Release } from '../support/fake-procurement-api';
import { daysBetween, shiftReleases } from '../support/time-shift';
import { sampleWorkspaceMessages } from './sample-workspace';
import {
  FIXTURES,
  launch,
  linkedInRoute,
  noticeHostsCert,
  openSidePanel,
  ROOT,
  sendMessage,
  setSyncSpacing,
  shiftFinancialYears,
  startSiteServer,
  styledNoticeRoute,
  tabIdOf,
  waitForBadge,
  waitForSeed,
  type Launched,
} from './harness';

interface Sample {
  name: string;
  url: string;
  /** The badge text once the page is read ('' for pages without a council). */
  badge: string;
  /** The Timing verdict the demo savings give (checked, so a stale file fails loudly). */
  verdict?: string;
  /** Card sections that must list something after the demo refresh (checked likewise). */
  full?: string[];
}

const LI = 'http://www.linkedin.com';
export const SAMPLES: Sample[] = [
  { name: 'linkedin-profile-leeds-head-of-adult-social-care', url: `${LI}/in/priya-sharma`, badge: 'LDS', verdict: 'redesign-now' },
  { name: 'linkedin-profile-kent-assistant-director-highways', url: `${LI}/in/tom-okafor`, badge: 'KEN', verdict: 'bedding-down' },
  { name: 'linkedin-profile-ashford-district-council', url: `${LI}/in/grace-lee`, badge: 'ASF', verdict: 'prepare' },
  { name: 'linkedin-profile-not-a-council', url: `${LI}/in/sam-hughes`, badge: '' },
  { name: 'linkedin-company-leeds-city-council', url: `${LI}/company/leeds-city-council`, badge: 'LDS', verdict: 'redesign-now' },
  {
    name: 'linkedin-company-north-yorkshire-council',
    url: `${LI}/company/north-yorkshire-council/about/`,
    badge: 'NYE',
    full: ['Open tenders', 'Contracts ending'],
  },
];

/** The newest release in the Contracts Finder fixtures (../shared/data/contracts_finder_*.json). */
const NEWEST_FIXTURE_RELEASE = Date.parse('2025-01-23T22:10:05Z');

/**
 * The fixtures' tenders moved forward so the newest was published yesterday: open again, as in
 * tests/e2e/sync.test.ts. Awards are left out: moved forward too they would end past the card's
 * window, and the seed's awards (North Yorkshire's among them) are the contracts ending.
 */
function demoReleases(): Record<'contracts-finder' | 'find-a-tender', Release[]> {
  const shift = daysBetween(NEWEST_FIXTURE_RELEASE, Date.now()) - 1;
  const tenders = (releases: Release[]) => releases.filter((r) => Array.isArray(r['tag']) && (r['tag'] as unknown[]).includes('tender'));
  return {
    'contracts-finder': shiftReleases(tenders(fixtureReleases('contracts-finder')), shift),
    'find-a-tender': shiftReleases(tenders(fixtureReleases('find-a-tender')), shift),
  };
}

/** "Refresh now" in the options page, against the fake API; waits for the run to finish. */
async function refreshFromFakeApi(browser: Launched): Promise<void> {
  // Find a Tender's 10 s spacing would make the backfill take minutes.
  await setSyncSpacing(browser.worker, { 'find-a-tender': 20 });
  // Two years of history: the seed's contracts were published in early 2025, and at the default
  // one year the refresh's retention removes them (issue 10: notices older than the history kept go).
  await browser.worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } } }).chrome.storage.local;
    const { settings } = await local.get('settings');
    await local.set({ settings: { ...(settings as object | undefined), historyMonths: 24 } });
  });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await page.locator('#cl-sync-progress').filter({ hasText: 'Last refresh finished' }).waitFor({ timeout: 180_000 });
  await page.close();
  console.log('refreshed the procurement cache from the fake API');
}

/** Fails when a card section the demo relies on is empty ("Open tenders (0)"). */
async function checkFull(panel: Page, sample: Sample): Promise<void> {
  const text = await panel.locator('body').innerText();
  for (const title of sample.full ?? []) {
    const count = new RegExp(`${title}\\s*\\((\\d+)\\)`).exec(text)?.[1];
    if (!count || Number(count) === 0) throw new Error(`${sample.name}: "${title}" lists nothing (${count ?? 'not shown'}) after the demo refresh`);
  }
}

function parseArgs(argv: string[]): { headless: boolean; screenshots: string | null; skipBuild: boolean } {
  const at = argv.indexOf('--screenshots');
  const screenshots = at >= 0 ? (argv[at + 1] ?? null) : null;
  if (at >= 0 && !screenshots) throw new Error('--screenshots needs a folder: npm run demo -- --headless --screenshots out');
  return { headless: argv.includes('--headless'), screenshots, skipBuild: argv.includes('--no-build') };
}

/** The demo savings file, its financial years moved on from 2026/27 to the current one. */
function demoSavingsCsv(): string {
  return shiftFinancialYears(readFileSync(join(FIXTURES, 'savings', 'demo-savings.csv'), 'utf8'), 2026);
}

/** Imports the demo savings through the background, from an extension page as the options page would. */
async function importDemoSavings(browser: Launched): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const outcome = await sendMessage(page, { type: 'importSavings', text: demoSavingsCsv(), format: 'csv' });
  await page.close();
  const value = outcome?.value as { ok: boolean; added?: number } | undefined;
  if (!value?.ok) throw new Error(`Importing the demo savings failed: ${JSON.stringify(outcome)}`);
  console.log(`imported ${value.added} demo savings items`);
}

/** Saves the demo prospect and annotations through the background, as the side panel and notice pages would. */
async function seedDemoWorkspace(browser: Launched): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/workspace.html`);
  for (const message of sampleWorkspaceMessages({ bidDeadline: 9, noticeDeadline: 12, followUp: 14 })) {
    const answer = await sendMessage(page, message);
    if (!answer?.ok) throw new Error(`Seeding the demo workspace failed: ${JSON.stringify(answer)}`);
  }
  await page.close();
  console.log('saved 1 demo prospect and 2 demo tender annotations');
}

/** The workspace page, whole. */
async function workspaceScreenshot(browser: Launched, out: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/workspace.html`);
  await page.getByText('2 of 2 tenders').waitFor({ timeout: 10_000 });
  await page.getByText('1 of 1 prospect').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}

/** A council tender on Contracts Finder with the in-page notice panel (issue 6). */
const NOTICE_SAMPLE = 'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38';

async function noticeScreenshot(browser: Launched, out: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(NOTICE_SAMPLE);
  await waitForBadge(browser.worker, await tabIdOf(browser.worker, page), (t) => t === 'NYE');
  // The host's data-cl-status says the background answered; the cache look-up follows.
  await page.waitForFunction(() => document.querySelector<HTMLElement>('cl-council-lens-notice')?.dataset['clStatus'] === 'council');
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  await page.close();
}

/** The popup's references view for a supplier in the packaged seed (issue 7), at the popup's width. */
async function popupScreenshot(browser: Launched, out: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?q=AECOM`);
  await page.getByRole('heading', { level: 2, name: 'AECOM Limited' }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}

async function sideBySide(page: Page, panel: Page, out: string): Promise<void> {
  // As tall as the whole panel, so the Timing section below the card shows; the page matches it.
  const height = Math.max(900, await panel.evaluate(() => document.documentElement.scrollHeight));
  await panel.setViewportSize({ width: 400, height });
  await page.setViewportSize({ width: 1280, height });
  await page.waitForTimeout(200);
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const frame = await page.context().newPage();
  await frame.setViewportSize({ width: 1280 + 400 + 1, height });
  await frame.setContent(
    `<body style="margin:0;display:flex;background:#fff">
      <img style="width:1280px;height:${height}px" src="data:image/png;base64,${left}">
      <img style="width:400px;height:${height}px;border-left:1px solid #b1b4b6" src="data:image/png;base64,${right}">
    </body>`,
  );
  await frame.screenshot({ path: out });
  await frame.close();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.skipBuild) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startSiteServer([linkedInRoute]);
  // The two portal hosts over HTTPS (self-signed), mapped here by `apiPort`: their APIs replay the
  // fixtures' tenders, and their notice pages are the styled sample pages.
  const notices = await startFakeProcurementApi({ tls: await noticeHostsCert(), releases: demoReleases(), fallback: styledNoticeRoute });
  const browser = await launch({ port: server.port, apiPort: Number(new URL(notices.url).port), headless: args.headless });
  await waitForSeed(browser.worker);
  await importDemoSavings(browser);
  await refreshFromFakeApi(browser);

  if (args.screenshots) {
    const dir = resolve(args.screenshots);
    mkdirSync(dir, { recursive: true });
    for (const sample of SAMPLES) {
      const page = await browser.context.newPage();
      await page.goto(sample.url, { waitUntil: 'load' });
      const tabId = await tabIdOf(browser.worker, page);
      await waitForBadge(browser.worker, tabId, (t) => t === sample.badge);
      const panel = await openSidePanel(browser, tabId);
      await panel.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 });
      if (sample.verdict) {
        const verdict = panel.locator('.cl-timing[data-verdict]');
        await verdict.waitFor({ timeout: 10_000 });
        const shown = await verdict.getAttribute('data-verdict');
        if (shown !== sample.verdict) throw new Error(`${sample.name}: Timing says ${shown}, expected ${sample.verdict}`);
      }
      await checkFull(panel, sample);
      await panel.waitForTimeout(300);
      const out = join(dir, `${sample.name}.png`);
      await sideBySide(page, panel, out);
      console.log(`wrote ${out}`);
      await panel.close();
      await page.close();
    }
    // After the samples, so their panels show the card as a first visit does.
    await seedDemoWorkspace(browser);
    const workspaceOut = join(dir, 'workspace.png');
    await workspaceScreenshot(browser, workspaceOut);
    console.log(`wrote ${workspaceOut}`);
    const noticeOut = join(dir, 'notice-contracts-finder-north-yorkshire.png');
    await noticeScreenshot(browser, noticeOut);
    console.log(`wrote ${noticeOut}`);
    const popupOut = join(dir, 'popup-supplier-references.png');
    await popupScreenshot(browser, popupOut);
    console.log(`wrote ${popupOut}`);
    await browser.close();
    await server.close();
    await notices.stop();
    return;
  }

  await seedDemoWorkspace(browser);
  for (const sample of SAMPLES) {
    const page = await browser.context.newPage();
    await page.goto(sample.url);
  }
  await (await browser.context.newPage()).goto(NOTICE_SAMPLE);
  console.log(
    'Council Lens demo is running. Click the Council Lens button in the toolbar, then "Open side panel", on each sample tab;\n' +
      'the same popup searches councils and suppliers (try "AECOM").\n' +
      'Close the browser window to stop.',
  );
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
  await notices.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
