import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isExpiredTender, isLongFinishedContract, isStaleUndated } from '@/entrypoints/background/refresh/sync';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { comingUntil, toNoticeRow } from '@/lib/ocds/row';
import { historyFloor } from '@/lib/sync/backfill';
import { FIND_A_TENDER_PATH, parseFindATenderDate, startFakeProcurementApi, type FakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { register } from '../support/public-data';
import { resolveCouncil } from '../support/sync-harness';
import { launch, noticeHostsCert, readNotices, readStore, screenshotDir, setSyncSpacing, startSiteServer, waitForSeed, type Launched, type SiteServer } from './harness';

/**
 * The history backfill end to end: the built extension in real Chromium reads one year of Find a
 * Tender from the fake API (fake-stream.ts: the real 2026-08-10 stream shifted day by day, 40
 * releases a day here so a year is about 150 pages), with Find a Tender's 10 s spacing compressed
 * to 30 ms (SYNC_TUNING_KEY; production keeps the API's limits). Half way the browser is closed,
 * mid-run; started again on the same profile, the backfill resumes by itself from its stored
 * cursor: no page is stored twice, no window is skipped, no release is stored in two rows. Then a
 * council's card in the popup shows open tenders and contracts ending from that history.
 */

const PER_DAY = 40;
const NOW = Date.now();
const stream = findATenderStream({ releasesPerDay: PER_DAY, end: NOW });
const TODAY = new Date(NOW).toISOString().slice(0, 10);
const IN_24_MONTHS = new Date(historyFloor(NOW, -24)).toISOString().slice(0, 10);


interface BackfillCursor {
  anchor?: string;
  reachedBack?: string;
  window?: { from: string; to: string };
}

const backfillCursor = (worker: Worker) => readStore<{ value: BackfillCursor } | undefined>(worker, 'meta', 'sync:find-a-tender:backfill').then((row) => row?.value);

type Score = { name: string; open: number; ending: number; coming: number };

/** Per council of the year the fake serves, worked out here from the stream: open tenders, contracts ending, forward notices. */
function councilScores(): Map<string, Score> {
  const releases = stream.between(historyFloor(NOW, 12), NOW).map((r) => JSON.parse(r.text) as Record<string, unknown>);
  const { notices } = parseReleases({ ...stream.header, releases }, { resolveCouncil });
  const score = new Map<string, Score>();
  for (const n of notices) {
    const code = n.buyer.councilCode;
    if (!code) continue;
    const s = score.get(code) ?? { name: n.buyer.name, open: 0, ending: 0, coming: 0 };
    score.set(code, s);
    if ((n.stage === 'tender' || n.stage === 'planning') && n.tenderDeadline && n.tenderDeadline.slice(0, 10) >= TODAY && n.awards.length === 0) s.open += 1;
    const end = n.contractPeriod?.maxEnd ?? n.contractPeriod?.end;
    if (n.awards.length > 0 && end && end.slice(0, 10) >= TODAY && end.slice(0, 10) <= IN_24_MONTHS) s.ending += 1;
    if (n.stage === 'planning' && n.status !== 'cancelled' && comingUntil(n) >= TODAY) s.coming += 1;
  }
  return score;
}

/** The council that does best by `rank` among those it accepts. */
function councilBy(accept: (s: Score) => boolean, rank: (s: Score) => number): { code: string; name: string } {
  const [code, best] = [...councilScores()].filter(([, s]) => accept(s)).sort((a, b) => rank(b[1]) - rank(a[1]))[0]!;
  return { code, name: register.byCode(code)?.officialName ?? best.name };
}

describe('History backfill in real Chromium against a fake API', () => {
  let site: SiteServer;
  let api: FakeProcurementApi;
  let browser: Launched;
  let profileDir: string;

  beforeAll(async () => {
    api = await startFakeProcurementApi({ tls: await noticeHostsCert(), streams: { 'find-a-tender': stream }, releases: { 'contracts-finder': [] } });
    site = await startSiteServer([]);
    browser = await launch({ port: site.port, apiPort: Number(new URL(api.url).port) });
    profileDir = browser.profileDir;
    await waitForSeed(browser.worker);
    await setSyncSpacing(browser.worker, { 'find-a-tender': 30 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close({ keepProfile: true });
    if (profileDir) rmSync(dirname(profileDir), { recursive: true, force: true, maxRetries: 5 });
    await site?.close();
    await api?.stop();
  });

  test('one year of history: stopped half way, resumed after a restart, nothing stored twice or skipped; the card fills', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const history = options.getByRole('region', { name: 'History' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('about 1,351 pages');
    expect(await history.getByRole('combobox').inputValue()).toBe('12');
    await options.getByRole('button', { name: 'Refresh now' }).click();

    // Progress where people look, while it runs.
    await expect.poll(() => options.locator('#cl-history-line').innerText(), { timeout: 30_000 }).toMatch(/History: back to \w+ 20\d\d · [\d,]+ council notices · (about [\d.]+ (h|min)|under a minute) left/);
    await options.screenshot({ path: join(screenshotDir(), 'options-history-backfill.png') });

    // Half way back (six months), close the browser in the middle of the run.
    const halfWay = historyFloor(NOW, 6);
    await expect
      .poll(async () => Date.parse((await backfillCursor(browser.worker))?.reachedBack ?? new Date(NOW).toISOString()), { timeout: 60_000, interval: 100 })
      .toBeLessThan(halfWay);
    const beforeStop = api.requests(FIND_A_TENDER_PATH).length;
    await browser.close({ keepProfile: true });
    const stoppedAt = api.requests(FIND_A_TENDER_PATH).length;
    expect(stoppedAt).toBeGreaterThanOrEqual(beforeStop);
    const cursorAfterStop = await (async () => {
      browser = await launch({ port: site.port, apiPort: Number(new URL(api.url).port), profileDir });
      return backfillCursor(browser.worker);
    })();
    // Stopped short of the year.
    expect(Date.parse(cursorAfterStop!.reachedBack!)).toBeGreaterThan(historyFloor(NOW, 12) + 86_400_000);

    // No click: the restarted worker goes on from the stored cursor by itself.
    const floor = historyFloor(NOW, 12);
    await expect
      .poll(async () => {
        const cursor = await backfillCursor(browser.worker);
        return cursor?.window === undefined && Date.parse(cursor?.reachedBack ?? '') - floor < 30 * 60_000;
      }, { timeout: 90_000, interval: 250 })
      .toBe(true);
    const resumedFirst = api.requests(FIND_A_TENDER_PATH)[stoppedAt];
    expect(resumedFirst).toBeDefined();

    // Every page served with 200 was fetched once, except at most the one in flight when the browser
    // closed (its answer came, its commit did not: read again, stored once).
    const served = api.requests(FIND_A_TENDER_PATH).filter((e) => e.status === 200);
    const seen = new Map<string, number>();
    for (const e of served) seen.set(e.url, (seen.get(e.url) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1);
    expect(twice.length).toBeLessThanOrEqual(1);
    const all = api.requests(FIND_A_TENDER_PATH);
    for (const [url] of twice) {
      const first = all.findIndex((e) => e.url === url);
      expect(first).toBeLessThan(stoppedAt);
      expect(first).toBeGreaterThanOrEqual(stoppedAt - 3);
    }

    // The backfill's windows, newest first, leave no gap from now back to the floor.
    const windows = api
      .requests(FIND_A_TENDER_PATH)
      .filter((e) => !e.cursor && e.status === 200)
      .map((e) => [parseFindATenderDate(e.query['updatedFrom']!), parseFindATenderDate(e.query['updatedTo']!)] as const)
      .filter(([, to]) => to <= NOW + 60_000);
    let reach = Number.POSITIVE_INFINITY;
    for (const [from, to] of windows) {
      if (reach !== Number.POSITIVE_INFINITY) {
        if (from >= reach) continue; // the window in flight at the stop, asked again: allowed
        expect(to).toBeGreaterThanOrEqual(reach);
      }
      reach = from;
    }
    expect(reach).toBeLessThanOrEqual(floor + 30 * 60_000);

    // Every council process of the year that retention keeps is stored, once (rows keep no release ids: lib/ocds/row.ts).
    const rows = (await readNotices(browser.worker)).filter((r) => r.origin === 'sync');
    const ids = rows.map((r) => r.ocid);
    expect(new Set(ids).size).toBe(ids.length);
    const councilIds = new Set(
      parseReleases({ ...stream.header, releases: stream.between(floor + 30 * 60_000, NOW - 60_000).map((r) => JSON.parse(r.text) as Record<string, unknown>) }, { resolveCouncil })
        .notices.filter((n) => n.buyer.councilCode !== undefined)
        // What the retention pass after the run keeps (a tender closed 90 days ago goes).
        .map((n) => toNoticeRow(n, 'sync'))
        .filter((row) => !isExpiredTender(row, TODAY) && !isLongFinishedContract(row, TODAY) && !isStaleUndated(row, TODAY))
        .map((n) => n.ocid),
    );
    const stored = new Set(ids);
    expect([...councilIds].filter((id) => !stored.has(id))).toEqual([]);
    expect(councilIds.size).toBeGreaterThan(300);

    // The options page says it is complete: after Find a Tender's, the Scottish and Welsh portals'
    // backfills (issue 17: 13 months × 21 or 23 notice types each) run to the end too.
    const again = await browser.context.newPage();
    await again.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => again.locator('#cl-history-line').innerText(), { timeout: 180_000 }).toMatch(/^History: 1 year kept · [\d,]+ council notices$/);
    await again.close();

    // A council's card, in the popup: open tenders and contracts ending from the history.
    const popup: Page = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 900 });
    const openCard = async (council: { name: string }) => {
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const box = popup.getByRole('combobox', { name: 'Search councils and suppliers' });
      await box.fill(council.name);
      const option = popup.getByRole('option').filter({ hasText: council.name }).first();
      await expect.poll(() => option.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await option.click();
      await expect.poll(() => popup.getByRole('heading', { level: 2, name: council.name }).count(), { timeout: 10_000 }).toBe(1);
      return popup.locator('.cl-card');
    };
    const card = await openCard(councilBy((s) => s.open > 0 && s.ending > 0, (s) => Math.min(s.open, s.ending)));
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/Open tenders \([1-9]\d*\)/);
    expect(await card.textContent()).toMatch(/Contracts ending \([1-9]\d*\)/);
    await popup.screenshot({ path: join(screenshotDir(), 'popup-council-after-backfill.png') });

    // Procurement Act forward notices from the same history (issue 10, section 2): Coming to market.
    const forward = await openCard(councilBy((s) => s.coming > 0, (s) => s.coming));
    await expect.poll(() => forward.textContent(), { timeout: 10_000 }).toMatch(/Coming to market \([1-9]\d*\)/);
    expect(await forward.textContent()).toMatch(/(tender expected \w+ 20\d\d|market engagement until \d+ \w+ 20\d\d)/);
    expect(await forward.textContent()).toMatch(/(pipeline|preliminary market engagement|planned procurement) notice/);
    // In the popup the section starts collapsed: open it as a person would, and see its lines.
    await popup.locator('summary', { hasText: 'Coming to market' }).click();
    await expect.poll(() => popup.locator('.cl-proc__list').filter({ hasText: /notice/ }).first().isVisible(), { timeout: 5_000 }).toBe(true);
    await popup.screenshot({ path: join(screenshotDir(), 'popup-council-coming-to-market.png'), fullPage: true });
  }, 480_000);
});
