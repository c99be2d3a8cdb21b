/**
 * `npm run demo`: builds the extension and opens Chromium with it loaded on the bundled sample
 * pages, served locally under their real host names, so anyone can see it work without a LinkedIn
 * account or a network. `npm run demo -- --headless --screenshots DIR` writes one PNG per sample
 * page instead: the page on the left, the side panel beside it.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, linkedInRoute, openSidePanel, ROOT, startSiteServer, tabIdOf, waitForBadge, waitForSeed } from './harness';

interface Sample {
  name: string;
  url: string;
  /** The badge text once the page is read ('' for pages without a council). */
  badge: string;
}

const LI = 'http://www.linkedin.com';
export const SAMPLES: Sample[] = [
  { name: 'linkedin-profile-leeds-head-of-adult-social-care', url: `${LI}/in/priya-sharma`, badge: 'LDS' },
  { name: 'linkedin-profile-kent-assistant-director-highways', url: `${LI}/in/tom-okafor`, badge: 'KEN' },
  { name: 'linkedin-profile-ashford-district-council', url: `${LI}/in/grace-lee`, badge: 'ASF' },
  { name: 'linkedin-profile-not-a-council', url: `${LI}/in/sam-hughes`, badge: '' },
  { name: 'linkedin-company-leeds-city-council', url: `${LI}/company/leeds-city-council`, badge: 'LDS' },
];

function parseArgs(argv: string[]): { headless: boolean; screenshots: string | null; skipBuild: boolean } {
  const at = argv.indexOf('--screenshots');
  const screenshots = at >= 0 ? (argv[at + 1] ?? null) : null;
  if (at >= 0 && !screenshots) throw new Error('--screenshots needs a folder: npm run demo -- --headless --screenshots out');
  return { headless: argv.includes('--headless'), screenshots, skipBuild: argv.includes('--no-build') };
}

async function sideBySide(page: Page, panel: Page, out: string): Promise<void> {
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const frame = await page.context().newPage();
  await frame.setViewportSize({ width: 1280 + 400 + 1, height: 900 });
  await frame.setContent(
    `<body style="margin:0;display:flex;background:#fff">
      <img style="width:1280px;height:900px" src="data:image/png;base64,${left}">
      <img style="width:400px;height:900px;border-left:1px solid #b1b4b6" src="data:image/png;base64,${right}">
    </body>`,
  );
  await frame.screenshot({ path: out });
  await frame.close();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.skipBuild) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startSiteServer([linkedInRoute]);
  const browser = await launch({ port: server.port, headless: args.headless });
  await waitForSeed(browser.worker);

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
      await panel.waitForTimeout(300);
      const out = join(dir, `${sample.name}.png`);
      await sideBySide(page, panel, out);
      console.log(`wrote ${out}`);
      await panel.close();
      await page.close();
    }
    await browser.close();
    await server.close();
    return;
  }

  for (const sample of SAMPLES) {
    const page = await browser.context.newPage();
    await page.goto(sample.url);
  }
  console.log(
    'Council Lens demo is running. Click the Council Lens button in the toolbar to open the side panel on each sample tab.\n' +
      'Close the browser window to stop.',
  );
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
