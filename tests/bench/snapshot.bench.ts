import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { checkManifest, MANIFEST_FILE, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, snapshotFileName, type SnapshotManifest } from '@/lib/snapshot/format';
import { verifySnapshot } from '@/lib/snapshot/read';
import { FIND_A_TENDER_VOLUME } from '@/lib/sync/backfill';
import { isoSeconds } from '@/lib/sync/sources';
import { fakeClock } from '../support/fake-clock';
import { startFakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { openFile } from '../support/snapshot-files';
import { loadInChromium } from './snapshot/chromium-load';

/**
 * Snapshot figures (issue 14, point 4).
 *
 * 1. Size: a snapshot of N days of Find a Tender (default 30) built with npm run data:snapshot's
 *    code from the fake API's generated stream (tests/support/fake-stream.ts: the real 2026-08-10
 *    releases shifted day by day at the live ~370 a day), scaled to a year, beside the baseline
 *    measured in the same run: the bytes the API served for the same span (what every browser's
 *    backfill downloads) and the time that backfill takes at the live rate limit (10 s a request).
 * 2. Check in Node (SHA-256, gunzip, every line), with the heap's growth.
 * 3. Load in real Chromium: one and three years of council notices picked in the built
 *    extension's options page (the real path: File.stream, DecompressionStream, batches to the
 *    background, IndexedDB), timed from the pick to "Loaded", beside the API backfill estimate for
 *    the same span; the JS heap sampled every 250 ms during the load, in the options page (CDP
 *    Performance.getMetrics JSHeapUsedSize) and in the service worker (CDP Runtime.getHeapUsage),
 *    peak above the heap before the pick (garbage included: a heap that stays flat whatever the
 *    file's size is the point). The year files are
 *    the N-day build's lines repeated (new ocids, dates moved back N days a copy): the same line
 *    count and raw size as a real year, but they compress better than real text, so their gzipped
 *    size is not a figure (part 1's is).
 *
 *   npx wxt build && npx tsx tests/bench/snapshot.bench.ts       30 days; loads of a quarter and a year
 *   ... --years=1,3                                             one and three years (about 8 min)
 */

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const days = Number(arg('days') ?? 30);
// A quarter and a year by default (the heap across a fourfold size, in about four minutes); --years=1,3 for the closing figures.
const years = (arg('years') ?? '0.25,1').split(',').map(Number);
// The line order of the year files: by ocid, as built; --orders=ocid,council adds files grouped by council beside them.
const orders = (arg('orders') ?? 'ocid').split(',') as ('council' | 'ocid')[];
const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const from = new Date(NOW - days * DAY).toISOString().slice(0, 10);
const to = new Date(NOW).toISOString().slice(0, 10);
const perYear = (x: number): number => (x * 365) / days;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
const sec = (ms: number): string => (ms < 100_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 600_000 ? `${(ms / 1000).toFixed(0)} s` : ms < 7_200_000 ? `${(ms / 60_000).toFixed(0)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

/**
 * A snapshot of `copies` × the base lines: copy k has ocids suffixed `~k` and its dates moved back
 * k × `shiftDays`; streamed to disk (gzip, SHA-256) so a three-year file never sits in memory.
 * `ocid` order (copy after copy, each by ocid, as the builder writes a file) or `council` order
 * (each council's lines, all copies, together: fewer councils' totals rewritten per batch).
 */
async function repeatedSnapshot(base: string[], copies: number, shiftDays: number, dir: string, order: 'council' | 'ocid'): Promise<{ manifestPath: string; dataPath: string; manifest: SnapshotManifest }> {
  const shift = (iso: string, k: number): string => {
    const moved = new Date(Date.parse(iso) - k * shiftDays * DAY).toISOString();
    return iso.length === 10 ? moved.slice(0, 10) : `${moved.slice(0, 19)}Z`;
  };
  const first = new Date(NOW - copies * shiftDays * DAY).toISOString().slice(0, 10);
  const file = snapshotFileName(first, to);
  const dataPath = path.join(dir, file);
  let rawBytes = 0;
  let notices = 0;
  type Line = { ocid: string; publishedAt: string; updatedAt: string; buyer: { councilCode?: string } };
  const parsed = base.map((text) => JSON.parse(text) as Line);
  const copy = (line: Line, k: number): string => {
    const out = `${JSON.stringify({ ...line, ocid: `${line.ocid}~${k}`, publishedAt: shift(line.publishedAt, k), updatedAt: shift(line.updatedAt, k) })}\n`;
    rawBytes += Buffer.byteLength(out);
    notices += 1;
    return out;
  };
  function* lines(): Generator<string> {
    if (order === 'ocid') {
      for (let k = 0; k < copies; k++) for (const line of parsed) yield copy(line, k);
      return;
    }
    const councils = Map.groupBy(parsed, (line) => line.buyer.councilCode ?? '');
    for (const code of [...councils.keys()].sort()) for (let k = 0; k < copies; k++) for (const line of councils.get(code)!) yield copy(line, k);
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(dataPath));
  const bytes = readFileSync(dataPath);
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    file,
    from: first,
    to,
    sources: [{ source: 'find-a-tender', from: isoSeconds(Date.parse(`${first}T00:00:00Z`)), to: isoSeconds(NOW), notices }],
    notices,
    bytes: bytes.length,
    rawBytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    builtAt: isoSeconds(NOW),
    tool: { name: 'council-lens', version: 'bench', input: 'api' },
  };
  const manifestPath = path.join(dir, MANIFEST_FILE);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { manifestPath, dataPath, manifest };
}

const clock = fakeClock(NOW);
const api = await startFakeProcurementApi({ streams: { 'find-a-tender': findATenderStream({ end: NOW }) }, releases: { 'contracts-finder': [] }, clock: clock.now });
let apiBytes = 0;
let pages = 0;
const countingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const text = await response.text();
  apiBytes += Buffer.byteLength(text);
  pages += 1;
  return new Response(text, { status: response.status, headers: response.headers });
};
const out = mkdtempSync(path.join(tmpdir(), 'snapshot-bench-'));
try {
  const started = performance.now();
  const built = await buildSnapshot({ from, to, sources: ['find-a-tender'], outDir: out, bases: { findATender: api.url }, fetch: countingFetch, now: clock.now, sleep: clock.sleep });
  const buildMs = performance.now() - started;
  if (!built.ok) throw new Error(built.error);
  const m = built.manifest;
  const backfillMsPerYear = perYear(pages) * 10_000;
  console.log(`snapshot of ${days} days of Find a Tender (fake stream, ~${FIND_A_TENDER_VOLUME.releasesPerDay} releases/day): ${m.notices} council notices, built in ${sec(buildMs)} with no waits (${pages} pages)`);
  console.log(`per year (x${(365 / days).toFixed(2)}): ${Math.round(perYear(m.notices)).toLocaleString('en-GB')} council notices`);
  console.log(`  snapshot raw NDJSON   ${mb(perYear(m.rawBytes)).padStart(10)}   ${((perYear(m.rawBytes) / perYear(apiBytes)) * 100).toFixed(1)}% of the API transfer`);
  console.log(`  snapshot gzipped      ${mb(perYear(m.bytes)).padStart(10)}   ${((perYear(m.bytes) / perYear(apiBytes)) * 100).toFixed(2)}% of the API transfer`);
  console.log(`  baseline: API transfer for the same span (measured, uncompressed) ${mb(perYear(apiBytes))}; ${Math.round(perYear(pages))} pages`);
  console.log(`  baseline: API backfill time at one request every 10 s: ${sec(backfillMsPerYear)}`);

  const manifest = checkManifest(readFileSync(built.manifestPath, 'utf8'));
  if (!manifest.ok) throw new Error(manifest.reason);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const t0 = performance.now();
  const verified = await verifySnapshot(openFile(built.dataPath), manifest.manifest, { onProgress: () => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)) });
  const verifyMs = performance.now() - t0;
  if (!verified.ok) throw new Error(verified.reason);
  console.log(`check in Node (SHA-256, gunzip, every line): ${sec(verifyMs)} for ${days} days -> ${sec(perYear(verifyMs))} a year; heap +${mb(heapPeak - heapBefore)} at most while checking`);

  const base = gunzipSync(readFileSync(built.dataPath)).toString('utf8').trimEnd().split('\n');
  console.log(`load in real Chromium (the built extension's options page, file picked -> "Loaded"; heap peaks above the heap before the pick):`);
  for (const span of years) {
    for (const order of orders) {
      const dir = mkdtempSync(path.join(out, `years-${span}-`));
      const file = await repeatedSnapshot(base, Math.round((span * 365) / days), days, dir, order);
      const load = await loadInChromium(file.manifestPath, file.dataPath, file.manifest.notices);
      const estimate = span * backfillMsPerYear;
      console.log(
        `  ${span} year${span === 1 ? ' ' : 's'}, lines by ${order}: ${file.manifest.notices.toLocaleString('en-GB')} notices (${mb(file.manifest.rawBytes)} raw): ${sec(load.totalMs)} (check ${sec(load.checkMs)}, store ${sec(load.totalMs - load.checkMs)})` +
          `  | baseline: API backfill ${sec(estimate)} (${(estimate / load.totalMs).toFixed(0)}x)` +
          `  | heap: options page +${mb(load.pageHeapPeak)}, service worker +${mb(load.workerHeapPeak)}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  await api.stop();
}
