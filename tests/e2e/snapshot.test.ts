import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { isOpenTender } from '@/lib/ocds/row';
import { rowFromLine } from '@/lib/snapshot/format';
import { isoSeconds } from '@/lib/sync/sources';
import { fakeClock } from '../support/fake-clock';
import { startFakeProcurementApi, type FakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { register } from '../support/public-data';
import { launch, readStore, screenshotDir, startSiteServer, waitForSeed, type Launched, type SiteServer } from './harness';

/**
 * Loading a snapshot end to end: a small snapshot (90 days of Find a Tender from the fake API,
 * fake-stream.ts: the real 2026-08-10 stream shifted day by day, built with npm run data:snapshot's
 * code) is picked in the options page of the built extension in real Chromium. A corrupted copy is
 * refused first with nothing stored; then the real one loads, and a council's card in the popup
 * shows its notices.
 */

const NOW = Date.now();
const TODAY = new Date(NOW).toISOString().slice(0, 10);
const FROM = new Date(NOW - 90 * 86_400_000).toISOString().slice(0, 10);

describe('Snapshot load in real Chromium', () => {
  let api: FakeProcurementApi;
  let site: SiteServer;
  let browser: Launched;
  let out: string;
  let manifestPath: string;
  let dataPath: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'snapshot-e2e-'));
    const clock = fakeClock(NOW);
    api = await startFakeProcurementApi({ streams: { 'find-a-tender': findATenderStream({ releasesPerDay: 40, end: NOW }) }, releases: { 'contracts-finder': [] }, clock: clock.now });
    const built = await buildSnapshot({ from: FROM, to: TODAY, sources: ['find-a-tender'], outDir: out, bases: { findATender: api.url }, now: clock.now, sleep: clock.sleep });
    if (!built.ok) throw new Error(built.error);
    manifestPath = built.manifestPath;
    dataPath = built.dataPath;
    site = await startSiteServer([]);
    browser = await launch({ port: site.port });
    await waitForSeed(browser.worker);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await api?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('a corrupted file is refused with nothing stored; the real one loads and a council card shows its notices', async () => {
    const rows = gunzipSync(readFileSync(dataPath))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => rowFromLine(line))
      .flatMap((r) => (r.ok ? [r.row] : []));
    expect(rows.length).toBeGreaterThan(200);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const noticesBefore = (await readStore<unknown[]>(browser.worker, 'notices')).length;

    // The same file name in another folder, one byte changed in the middle.
    const bad = readFileSync(dataPath);
    const at = Math.floor(bad.length / 2);
    bad[at] = bad[at]! ^ 0xff;
    mkdirSync(join(out, 'corrupted'));
    const badPath = join(out, 'corrupted', basename(dataPath));
    writeFileSync(badPath, bad);
    await options.locator('#cl-snapshot-file').setInputFiles([manifestPath, badPath]);
    await expect.poll(() => options.locator('#cl-snapshot-result').innerText(), { timeout: 30_000 }).toMatch(/^Not loaded: .*Nothing was stored\.$/);
    expect((await readStore<unknown[]>(browser.worker, 'notices')).length).toBe(noticesBefore);

    await options.locator('#cl-snapshot-file').setInputFiles([manifestPath, dataPath]);
    await expect.poll(() => options.locator('#cl-snapshot-result').innerText(), { timeout: 60_000 }).toBe(`Loaded ${rows.length.toLocaleString('en-GB')} notices.`);
    await expect.poll(() => options.locator('#cl-snapshot-loaded').innerText(), { timeout: 10_000 }).toMatch(/^History loaded from a file, council-notices-.*\.ndjson\.gz \(built .*\): [\d,]+ council notices$/);
    // The History line says where the history came from.
    await expect.poll(() => options.locator('#cl-history-line').innerText(), { timeout: 10_000 }).toMatch(/^History: .* · from a snapshot file of \d{1,2} [A-Z][a-z]{2} \d{4}( · |, then refreshed · )/);
    await options.screenshot({ path: join(screenshotDir(), 'options-snapshot-loaded.png') });
    const cursor = await readStore<{ value: { syncedTo?: string } } | undefined>(browser.worker, 'meta', 'sync:find-a-tender');
    expect(cursor?.value.syncedTo).toBe(isoSeconds(Date.parse(`${TODAY}T00:00:00Z`)));

    // The council with the most open tenders in the snapshot.
    const open = new Map<string, number>();
    for (const row of rows) if (isOpenTender(row, TODAY) && row.council !== '-') open.set(row.council, (open.get(row.council) ?? 0) + 1);
    const [code] = [...open].sort((a, b) => b[1] - a[1])[0]!;
    const name = register.byCode(code)!.officialName;
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('combobox', { name: 'Search councils and suppliers' }).fill(name);
    const option = popup.getByRole('option').filter({ hasText: name }).first();
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await option.click();
    await expect.poll(() => popup.locator('.cl-card').textContent(), { timeout: 10_000 }).toMatch(/Open tenders \([1-9]\d*\)/);
    await popup.screenshot({ path: join(screenshotDir(), 'popup-council-after-snapshot.png') });
  }, 240_000);
});
