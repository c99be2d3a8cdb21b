import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { beginSnapshotLoad, finishSnapshotLoad, storeSnapshotLines } from '@/entrypoints/background/handlers/snapshot';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { checkManifest } from '@/lib/snapshot/format';
import { loadSnapshot, verifySnapshot } from '@/lib/snapshot/read';
import { FIND_A_TENDER_VOLUME } from '@/lib/sync/backfill';
import { fakeClock } from '../support/fake-clock';
import { startFakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { openFile } from '../support/snapshot-files';

/**
 * Snapshot figures (issue 14): a snapshot of N days of Find a Tender (default 30) built with
 * npm run data:snapshot's code from the fake API's generated stream (tests/support/fake-stream.ts:
 * the real 2026-08-10 releases shifted day by day at the live ~370 a day), so its sizes scale to a
 * real year. Printed beside the baseline measured in the same run: the bytes the API served for the
 * same span (what every browser's backfill downloads), and the time the API backfill takes at the
 * live rate limit (one request every 10 s). Then the load: checking the file (hash, gunzip, every
 * line) and storing it into fake-indexeddb through the background's handler.
 *
 *   npx tsx tests/bench/snapshot.bench.ts            30 days
 *   ... --days=90
 *
 * fake-indexeddb is pure JavaScript and much slower than Chromium's IndexedDB: the store figure is an
 * upper bound; the real-browser load time is measured by tests/e2e/snapshot.test.ts's path (not yet here).
 */

const days = Number(process.argv.find((a) => a.startsWith('--days='))?.slice(7) ?? 30);
const NOW = Date.parse('2026-12-01T00:00:00Z');
const from = new Date(NOW - days * 86_400_000).toISOString().slice(0, 10);
const to = new Date(NOW).toISOString().slice(0, 10);
const perYear = (x: number): number => (x * 365) / days;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const sec = (ms: number): string => (ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 7_200_000 ? `${(ms / 60_000).toFixed(0)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

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
  console.log(`snapshot of ${days} days of Find a Tender (fake stream, ~${FIND_A_TENDER_VOLUME.releasesPerDay} releases/day): ${m.notices} council notices, built in ${sec(buildMs)} with no waits (${pages} pages)`);
  console.log(`per year (x${(365 / days).toFixed(2)}): ${Math.round(perYear(m.notices)).toLocaleString('en-GB')} council notices`);
  console.log(`  snapshot raw NDJSON   ${mb(perYear(m.rawBytes)).padStart(10)}   ${(perYear(m.rawBytes) / perYear(apiBytes) * 100).toFixed(1)}% of the API transfer`);
  console.log(`  snapshot gzipped      ${mb(perYear(m.bytes)).padStart(10)}   ${(perYear(m.bytes) / perYear(apiBytes) * 100).toFixed(2)}% of the API transfer`);
  console.log(`  baseline: API transfer for the same span (measured, uncompressed) ${mb(perYear(apiBytes))}; ${Math.round(perYear(pages))} pages`);
  console.log(`  baseline: API backfill time at one request every 10 s: ${sec(perYear(pages) * 10_000)}`);

  const manifest = checkManifest(readFileSync(built.manifestPath, 'utf8'));
  if (!manifest.ok) throw new Error(manifest.reason);
  const open = openFile(built.dataPath);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const t0 = performance.now();
  const verified = await verifySnapshot(open, manifest.manifest, { onProgress: () => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)) });
  const verifyMs = performance.now() - t0;
  if (!verified.ok) throw new Error(verified.reason);
  console.log(`check (SHA-256, gunzip, every line): ${sec(verifyMs)} for ${days} days -> ${sec(perYear(verifyMs))} a year; heap +${mb(heapPeak - heapBefore)} at most while checking`);

  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new CouncilLensDB('snapshot-bench');
  const t1 = performance.now();
  let loadId = '';
  const loaded = await loadSnapshot(
    open,
    manifest.manifest,
    async (lines) => {
      const r = await storeSnapshotLines(db, loadId, lines, Date.now());
      if (!r.ok) throw new Error(r.reason);
    },
    {
      beforeStore: async () => {
        const begun = await beginSnapshotLoad(db, Date.now());
        if (!begun.ok) throw new Error(begun.reason);
        loadId = begun.loadId;
      },
    },
  );
  await finishSnapshotLoad(db, loadId, manifest.manifest, 'file', Date.now());
  const loadMs = performance.now() - t1;
  if (!loaded.ok) throw new Error(loaded.reason);
  console.log(`load into fake-indexeddb (check + store, batches of 500): ${sec(loadMs)} for ${days} days -> ${sec(perYear(loadMs))} a year, beside the API backfill's ${sec(perYear(pages) * 10_000)}`);
  db.close();
} finally {
  rmSync(out, { recursive: true, force: true });
  await api.stop();
}
