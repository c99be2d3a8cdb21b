import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  inShadow,
  launch,
  linkedInRoute,
  noticeHostsCert,
  styledNoticeRoute,
  screenshotDir,
  sendMessage,
  startSiteServer,
  tabIdOf,
  waitForBadge,
  waitForSeed,
  type Launched,
  type SiteServer,
} from './harness';
import { describeProblems, layoutProblems, measureLayout, type LayoutProblem } from './layout-checks';
import { sampleWorkspaceMessages } from './sample-workspace';

/**
 * Every surface at three widths (issue 12): each is rendered in the built extension in Chromium,
 * screenshotted into `screenshots/layout/<surface>--<width>.png`, and fails on sideways overflow,
 * clipped text or overlapping boxes (tests/e2e/layout-checks.ts). Extension pages are also run
 * through axe-core in the browser and must have no violations.
 *
 * To add a surface, add a row to SURFACES: `open` gets a fresh tab already at the width and brings
 * it to the state to check; `shadowHost` measures inside that closed shadow root instead of the page.
 */

export const WIDTHS = [360, 800, 1280] as const;
const LAYOUT_DIR = join(screenshotDir(), 'layout');

interface Env {
  browser: Launched;
  /** `chrome-extension://<id>/<page>` */
  page(path: string): string;
  /** The tab id of a LinkedIn sample profile, opened once and left open for the side panel to follow. */
  profileTab(url: string, badge: string): Promise<number>;
}

interface Surface {
  name: string;
  /** Brings `page` (a new tab at the width under test) to the state to check. */
  open(page: Page, env: Env): Promise<void>;
  /** An extension page: axe-core runs on it. */
  axe: boolean;
  /** Measure inside this host's closed shadow root (an in-page overlay on a host site). */
  shadowHost?: `cl-${string}`;
  /** What this surface must also show at `width`, beyond the shared checks. */
  check?(page: Page, width: number): Promise<void>;
}

const LI = 'http://www.linkedin.com';
const NYE_CONTRACTS_FINDER = 'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38';
const NYE_FIND_A_TENDER = 'https://www.find-tender.service.gov.uk/Notice/002217-2025';

/** Types into the popup's search box and waits for the answer. */
async function popupSearch(page: Page, env: Env, text: string, status: RegExp): Promise<void> {
  await page.goto(env.page('popup.html'));
  await page.getByRole('combobox').fill(text);
  await page.getByRole('status').filter({ hasText: status }).first().waitFor({ timeout: 10_000 });
}

async function sidePanel(page: Page, env: Env, url: string, badge: string): Promise<void> {
  const tabId = await env.profileTab(url, badge);
  await page.goto(env.page(`sidepanel.html?tab=${tabId}`));
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('h1, h2'), undefined, { timeout: 10_000 });
}

async function noticePanel(page: Page, env: Env, url: string): Promise<void> {
  await page.goto(url);
  await waitForBadge(env.browser.worker, await tabIdOf(env.browser.worker, page), (t) => t === 'NYE');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('cl-council-lens-notice')?.dataset['clStatus'] === 'council', undefined, { timeout: 10_000 });
  await page.waitForTimeout(300);
}

export const SURFACES: Surface[] = [
  {
    name: 'popup-empty',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('popup.html'));
      await page.getByRole('combobox').waitFor();
    },
  },
  {
    name: 'popup-results',
    axe: true,
    open: (page, env) => popupSearch(page, env, 'Harrogate', /council/),
  },
  {
    name: 'popup-no-match',
    axe: true,
    open: (page, env) => popupSearch(page, env, 'Zzyzx', /Nothing in the local cache/),
  },
  {
    name: 'popup-council',
    axe: true,
    open: async (page, env) => {
      await popupSearch(page, env, 'Leeds City', /council/);
      await page.getByRole('option', { name: /Leeds City Council/ }).first().click();
      await page.getByRole('heading', { level: 2, name: /Leeds City Council/ }).waitFor({ timeout: 10_000 });
    },
    async check(page) {
      // The cache note stands before the collapsed sections, not under the last as if its content.
      const order = await page.locator('.cl-popup__detail').evaluate((detail) => {
        const note = detail.querySelector('.cl-proc__freshness')!;
        const sections = [...detail.querySelectorAll('.cl-section')];
        return sections.map((section) => (note.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before'));
      });
      expect(order.length).toBeGreaterThan(2);
      expect(new Set(order)).toEqual(new Set(['after']));
    },
  },
  {
    name: 'popup-supplier',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('popup.html?q=AECOM'));
      await page.getByRole('heading', { level: 2, name: 'AECOM Limited' }).waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'sidepanel-leeds-head-of-adult-social-care',
    axe: true,
    open: (page, env) => sidePanel(page, env, `${LI}/in/priya-sharma`, 'LDS'),
  },
  {
    name: 'sidepanel-kent-assistant-director-highways',
    axe: true,
    open: (page, env) => sidePanel(page, env, `${LI}/in/tom-okafor`, 'KEN'),
  },
  {
    name: 'sidepanel-ashford-district-council',
    axe: true,
    open: (page, env) => sidePanel(page, env, `${LI}/in/grace-lee`, 'ASF'),
  },
  {
    name: 'options-failed-refresh',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('options.html'));
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await page.getByText(/stopped with errors|Couldn.t refresh/).first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'workspace-overdue',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('workspace.html'));
      await page.getByText('2 of 2 tenders').waitFor({ timeout: 10_000 });
      await page.getByText('1 of 1 prospect').waitFor({ timeout: 10_000 });
    },
    async check(page, width) {
      // Past deadlines and follow-ups are marked: the bidding tender's and the prospect's, not the one 33 days ahead.
      expect(await page.locator('tr.cl-ws__row--overdue th').allInnerTexts()).toEqual(['Home care and reablement framework', 'Priya Sharma']);
      expect(await page.locator('tr.cl-ws__row--overdue .cl-ws__overdue').allInnerTexts()).toEqual(['Overdue', 'Overdue']);
      // One date style: no ISO date shown in any cell.
      expect(await page.locator('tbody').allInnerTexts()).not.toContainEqual(expect.stringMatching(/\d{4}-\d\d-\d\d/));
      if (width >= 1280) {
        // Every filter of a table on one line.
        const oneLine = await page.locator('.cl-ws__filters').evaluateAll((bars) =>
          bars.map((bar) => {
            const boxes = [...bar.children].map((c) => c.getBoundingClientRect());
            return boxes.every((b) => b.top < boxes[0]!.bottom);
          }),
        );
        expect(oneLine).toEqual([true, true]);
      } else {
        // Rows reflow: the key columns and Delete sit inside the viewport.
        const rights = await page.locator('tbody td, tbody th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
        expect(Math.max(...rights)).toBeLessThanOrEqual(width);
      }
    },
  },
  {
    name: 'savings-form-errors',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('savings.html'));
      await page.getByRole('button', { name: 'Save savings item' }).click();
      await page.locator('.cl-error-summary').waitFor({ timeout: 10_000 });
    },
    async check(page) {
      // No line repeats its field's name ("Financial year: Financial year is missing").
      const lines = await page.locator('.cl-error-summary li').allInnerTexts();
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toMatch(/^([^:]+): \1/i);
      // Every field in error has the error colour's border, not only a message.
      const borders = await page.locator('[aria-invalid="true"]').evaluateAll((controls) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--cl-color-error)';
        document.querySelector('.cl-root')!.append(probe);
        const error = getComputedStyle(probe).color;
        probe.remove();
        return controls.map((c) => ({ id: c.id, border: getComputedStyle(c).borderTopColor === error, width: parseFloat(getComputedStyle(c).borderTopWidth) }));
      });
      expect(borders.length).toBe(lines.length);
      for (const b of borders) expect(b, b.id).toMatchObject({ border: true, width: 3 });
    },
  },
  {
    name: 'business-case-leeds-adult-social-care',
    axe: true,
    open: async (page, env) => {
      await page.goto(env.page('business-case.html?council=LDS&group=adult-social-care'));
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 });
    },
  },
  {
    name: 'notice-panel-contracts-finder',
    axe: false,
    shadowHost: 'cl-council-lens-notice',
    open: (page, env) => noticePanel(page, env, NYE_CONTRACTS_FINDER),
  },
  {
    name: 'notice-panel-find-a-tender',
    axe: false,
    shadowHost: 'cl-council-lens-notice',
    open: (page, env) => noticePanel(page, env, NYE_FIND_A_TENDER),
  },
];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core in the page itself (CDP evaluation is not held back by the extension pages' CSP). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`).join('\n');
}

describe('Every surface at 360, 800 and 1280 px in real Chromium', () => {
  let site: SiteServer;
  let notices: SiteServer;
  let browser: Launched;
  let env: Env;
  const tabs = new Map<string, number>();
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(LAYOUT_DIR, { recursive: true });
    site = await startSiteServer([linkedInRoute]);
    // The notice pages over HTTPS, styled as the real portals; the API hosts map here too and
    // answer 404 (no route), so "Refresh now" fails as it does when an API moves.
    notices = await startSiteServer([styledNoticeRoute], { tls: await noticeHostsCert() });
    browser = await launch({ port: site.port, apiPort: notices.port });
    await waitForSeed(browser.worker);
    env = {
      browser,
      page: (path) => `chrome-extension://${browser.extensionId}/${path}`,
      async profileTab(url, badge) {
        const known = tabs.get(url);
        if (known !== undefined) return known;
        const tab = await browser.context.newPage();
        await tab.goto(url, { waitUntil: 'load' });
        const id = await tabIdOf(browser.worker, tab);
        await waitForBadge(browser.worker, id, (t) => t === badge);
        tabs.set(url, id);
        return id;
      },
    };
    const seeder = await browser.context.newPage();
    await seeder.goto(env.page('workspace.html'));
    // The Leeds bid deadline and the follow-up are past: overdue.
    for (const message of sampleWorkspaceMessages({ bidDeadline: -2, noticeDeadline: 5, followUp: -3 })) {
      const answer = await sendMessage(seeder, message);
      if (!answer.ok) throw new Error(`Seeding the workspace failed: ${JSON.stringify(answer)}`);
    }
    await seeder.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await notices?.close();
    console.log('layout e2e timings (ms):', JSON.stringify(timings));
  });

  test('the checks find each kind of problem on a page built to have them, and nothing on its fixed twin', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 600 });
      const broken = `<body style="margin:8px;font:16px sans-serif">
        <div id="wide" style="width:500px">A row wider than a phone</div>
        <div id="cut" style="width:60px;overflow:hidden;white-space:nowrap">Text that does not fit its box</div>
        <input id="field" style="width:80px" placeholder="A placeholder far longer than the field">
        <div style="position:relative;height:40px"><span id="a" style="position:absolute;top:0">Overlapping words</span><span id="b" style="position:absolute;top:4px">Drawn on top</span></div>
        <details><summary>Closed</summary><p style="width:900px">Hidden content is not measured</p></details>
        <div style="position:relative"><div style="height:40px;overflow:auto"><p id="line1" style="margin:0;line-height:18px">Visible line</p><p style="margin:0;line-height:18px">Second line</p><p style="margin:0;line-height:18px">Scrolled out of view</p><p style="margin:0;line-height:18px">Also out of view</p></div><button id="cue" style="position:absolute;top:2px;left:0">More</button></div>
      </body>`;
      await page.setContent(broken);
      const kinds = (await layoutProblems(page)).map((p) => `${p.kind} ${p.where.split('  ×  ').map((w) => w.split(' > ').pop()).join(' × ')}`);
      expect(kinds).toEqual(['page-overflow html', 'off-screen div#wide', 'clipped div#cut', 'clipped input#field', 'overlap span#a × span#b', 'overlap p#line1 × button#cue', 'overlap p × button#cue']);
      await page.setContent(
        broken
          .replace('width:500px', 'max-width:100%')
          .replace('width:60px;overflow:hidden;white-space:nowrap', '')
          .replace('width:80px', 'width:340px')
          .replace('placeholder="A placeholder far longer than the field"', 'placeholder="Short"')
          .replace('top:4px', 'top:20px')
          // Under the scroller, where its lines scrolled out of view would be: nothing drawn there to overlap.
          .replace('top:2px;left:0', 'top:44px;left:0'),
      );
      expect(await layoutProblems(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each([
    ['options.html', 'input[type="checkbox"]'],
    ['workspace.html', 'input[type="file"]'],
    ['options.html', 'input[type="file"]'],
  ])('%s: a focused %s gets the same 3 px ring as every other control', async (path, selector) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(env.page(path));
      const control = page.locator(selector).first();
      await control.waitFor({ state: 'attached', timeout: 10_000 });
      // Reached from the keyboard, as :focus-visible means: Tab until the control has focus.
      for (let i = 0; i < 60 && !(await control.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await control.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
      const ring = await control.evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor };
      });
      expect(ring).toEqual({ width: '3px', style: 'solid', color: 'rgb(255, 221, 0)' });
    } finally {
      await page.close();
    }
  });

  describe.each(SURFACES)('$name', (surface) => {
    test.each(WIDTHS)('at %i px: nothing sticks out, is cut off or overlaps', async (width) => {
      const started = Date.now();
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        await surface.open(page, env);
        await page.screenshot({ path: join(LAYOUT_DIR, `${surface.name}--${width}.png`), fullPage: true });
        const problems: LayoutProblem[] = surface.shadowHost
          ? await inShadow<LayoutProblem[]>(page, surface.shadowHost, 'div.cl-root', `function () { return (${measureLayout.toString()}).call(this); }`)
          : await layoutProblems(page);
        expect(problems, `${surface.name} at ${width} px:\n${describeProblems(problems)}`).toEqual([]);
        await surface.check?.(page, width);
        if (surface.axe) {
          const violations = await axeViolations(page);
          expect(violations, `axe-core on ${surface.name} at ${width} px:\n${describeViolations(violations)}`).toEqual([]);
        }
      } finally {
        await page.close();
        timings[`${surface.name}@${width}`] = Date.now() - started;
      }
    });
  });
});
