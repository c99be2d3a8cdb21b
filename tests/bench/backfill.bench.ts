import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { applyRetention, retentionSources, runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { FIND_A_TENDER_VOLUME, historyFloor } from '@/lib/sync/backfill';
import { startFakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { fakeClock } from '../support/fake-clock';
import { register } from '../support/public-data';
import { resolveCouncil } from '../support/sync-harness';

/**
 * History backfill benchmark (issue 10): parse-and-store throughput for one simulated year of Find
 * a Tender (the fake API's generated stream, tests/support/fake-stream.ts: the real 2026-08-10
 * releases shifted day by day at the measured ~370 a day), with no waits (fake clock), into
 * fake-indexeddb, through runSync's backfill edge. Printed beside the baseline measured in the same
 * run: today's code path, the forward sync (runSync without history, reaching back as many days),
 * over the same stream. Then, after the retention pass the background applies, the share of the
 * register's current councils whose card would list at least one contract ending in the next 24
 * months, and the estimate for one real year at the live rate limit.
 *
 *   npx tsx tests/bench/backfill.bench.ts               one year (365 days)
 *   ... --days=90                                       a shorter stream
 *
 * fake-indexeddb is pure JavaScript and much slower than Chromium's IndexedDB: the figures compare
 * the two paths, they are not what a browser does.
 */

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DAYS = arg('days', 365);
const TODAY = '2026-12-06';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

interface Pass {
  seconds: number;
  pages: number;
  releases: number;
  notices: number;
  bytes: number;
  peakHeap: number;
  db: CouncilLensDB;
}

async function pass(label: string, history: boolean, days = DAYS): Promise<Pass> {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new CouncilLensDB(`bench-${label}`);
  const clock = fakeClock(NOW);
  const stream = findATenderStream({ end: NOW, start: NOW - days * 86_400_000 });
  const api = await startFakeProcurementApi({ clock: clock.now, streams: { 'find-a-tender': stream } });
  let bytes = 0;
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    bytes += Buffer.byteLength(text);
    return new Response(text, { status: response.status, headers: response.headers });
  };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  const deps: SyncDeps = {
    db,
    fetch: counting,
    now: clock.now,
    sleep: clock.sleep,
    bases: { contractsFinder: api.url, findATender: api.url },
    resolveCouncil,
    keepAllBuyers: false,
    sources: ['find-a-tender'],
    onProgress: () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
    },
    ...(history ? { history: { months: 12 } } : { options: { backfillDays: days } }),
  };
  const started = performance.now();
  const report = await runSync(deps);
  const seconds = (performance.now() - started) / 1000;
  await api.stop();
  if (report.outcome !== 'done') throw new Error(`${label}: ${report.outcome} ${JSON.stringify(report.sources.map((s) => s.errors.at(-1)))}`);
  const totals = report.sources.reduce((t, s) => ({ pages: t.pages + s.pages, releases: t.releases + s.releases, notices: t.notices + s.notices }), { pages: 0, releases: 0, notices: 0 });
  return { seconds, ...totals, bytes, peakHeap, db };
}

function line(label: string, p: Pass): string {
  return `${label.padEnd(28)} ${fmt(p.releases / p.seconds).padStart(7)} releases/s  ${(p.bytes / 1e6 / p.seconds).toFixed(1).padStart(5)} MB/s  (${fmt(p.pages)} pages, ${fmt(p.releases)} releases, ${fmt(p.notices)} council notices written, ${mib(p.bytes)} read, ${p.seconds.toFixed(1)} s, peak heap growth ${mib(p.peakHeap)})`;
}

if (DAYS < 365) console.log(`(a stream of ${DAYS} days; the history asked for is one year)`);
// Warm-up (JIT, the fake's templates), not printed: both paths once over three days.
(await pass('warm-forward', false, 3)).db.close();
(await pass('warm-backfill', true, 3)).db.close();
const baseline = await pass('forward', false);
console.log(line('forward sync (baseline)', baseline));
baseline.db.close();
const backfill = await pass('backfill', true);
console.log(line('history backfill', backfill));
console.log(`backfill / baseline throughput: ${(backfill.releases / backfill.seconds / (baseline.releases / baseline.seconds)).toFixed(2)}x`);

// The background's retention pass after the run, then the card's own query for every current council.
const removed = await applyRetention(backfill.db, TODAY, { sources: retentionSources({ outcome: 'done', sources: [{ source: 'find-a-tender', state: 'done' }] }), historyMonths: 12 });
const councils = register.all.filter((c) => c.current && c.kind === 'council');
let withEnding = 0;
for (const council of councils) {
  const procurement = await councilProcurement(backfill.db, council.code, null, TODAY, null);
  if (procurement.contractsEnding.length > 0) withEnding += 1;
}
const rows = await backfill.db.notices.count();
console.log(`after retention (${JSON.stringify(removed)}): ${fmt(rows)} council notices cached`);
console.log(`councils with at least one contract ending in the next 24 months: ${withEnding} of ${councils.length} (${((100 * withEnding) / councils.length).toFixed(0)}%)`);
backfill.db.close();

// One real year at the live API's volume and rate limit (lib/sync/backfill.ts, SOURCES.md §7).
const floor = historyFloor(NOW, 12);
const days = (NOW - floor) / 86_400_000;
const pages = (days * FIND_A_TENDER_VOLUME.releasesPerDay) / FIND_A_TENDER_VOLUME.pageSize;
console.log(
  `one real year of Find a Tender: about ${fmt(pages)} pages, ${(pages * 10 / 3600).toFixed(1)} h at one request every 10 s, ` +
    `${fmt((pages * FIND_A_TENDER_VOLUME.bytesPerPage) / 1e6)} MB of JSON (${fmt((pages * FIND_A_TENDER_VOLUME.gzippedBytesPerPage) / 1e6)} MB gzipped); ` +
    `this simulated year: ${fmt(backfill.pages)} pages, ${fmt(backfill.bytes / 1e6)} MB`,
);
