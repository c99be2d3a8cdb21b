import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CouncilsFile } from '@/lib/councils/schema';
import { readSeedInputs } from '@/lib/dataset/read-inputs';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { isOpenTender } from '@/lib/ocds/row';
import { addMonths } from '@/lib/ocds/summary';
import { SERVICE_GROUPS } from '@/lib/roles/groups';
import { chromiumPath } from '../e2e/harness';
import { bundleInPage, GLOBAL_NAME } from './notices-cache/bundle';
import { openBenchPage, type BenchPage } from './notices-cache/chromium-page';
import { rng } from '../support/rng';
import { createNoticeGenerator, type CacheShape } from './notices-cache/generate';
import type * as InPage from './notices-cache/in-page';
import { chromiumMemory, processesWithFilesIn, waitForIdle, type ProcessMemory } from './notices-cache/chromium-processes';

/**
 * Notices-cache benchmark (issue 4, "Speed"): the extension's notices table (CouncilLensDB, its
 * latest schema) in real Chromium IndexedDB, filled with generated notices shaped like the real ones
 * (tests/bench/notices-cache/generate.ts). Measures ingest rate with bulkPut beside one put per
 * transaction, the card's two questions (councilProcurement) beside the schema v2 handler (two
 * index reads filtered in JS, and each read alone) and a full table scan giving the same answer,
 * the notice-page panel's lookup by page address beside the same lookup by OCID, and memory and
 * storage after ingest. Every figure is printed
 * beside a baseline measured in this run. Exits non-zero only on a real error (no Chromium, index
 * and scan answers differing), never on timing.
 *
 *   npm run bench                                  all benchmarks (tests/bench/run.ts)
 *   npx tsx tests/bench/notices-cache.bench.ts     this one: 100,000 notices
 *   ... --quick                                    20,000 notices, fewer runs
 *   ... --notices=50000                            any size
 *   ... --no-retention                             six years of notices, none removed (heavier tender query)
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SHAPE: CacheShape = argv.includes('--no-retention') ? 'everything' : 'retained';
const sizeArg = argv.find((a) => a.startsWith('--notices='));
const N = sizeArg ? Number(sizeArg.slice('--notices='.length)) : QUICK ? 20_000 : 100_000;
if (!Number.isInteger(N) || N < 1_000) throw new Error(`--notices must be an integer of at least 1000, got ${sizeArg}`);

/** Rows per JSON batch sent into the page (untimed). */
const CHUNK = 5_000;
/** Rows per bulkPut call, i.e. per transaction, for the main ingest. */
const PER_TRANSACTION = 1_000;
/** Rows per write method in the bulk vs one-by-one comparison. */
const SUBSET = QUICK ? 500 : 1_000;
/** Councils per stratum (busiest, middle, quietest) and runs per council for the query timings. */
const STRATA = { busiest: 10, middle: 20, quietest: 10 } as const;
const RUNS_PER_COUNCIL = QUICK ? 3 : 5;
const WARM_UP = 20;
/** Time each full-scan baseline may take (at least 2 runs each: one takes seconds at 100,000 notices). */
const SCAN_BUDGET_MS = QUICK ? 4_000 : 8_000;
const TARGET_P95_MS = 20;
/** Fixed, so every run generates the same notices and asks the same questions. */
const TODAY = '2026-11-22';
const SEED = 20261122;
const DB_NAME = 'bench-notices';

type Api = typeof InPage;

const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : x < 1000 ? `${x.toFixed(1)} ms` : `${fmt(x)} ms`);
const secs = (x: number) => `${(x / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

function dirSize(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const p = path.join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirSize(p) : st.size;
  }
  return total;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface HeapSnapshot {
  cdpUsed: number;
  cdpTotal: number;
  perfMemory: { used: number; total: number } | null;
  processes: ProcessMemory | null;
}

/**
 * Memory after a full GC. With `purge`, after a simulated critical memory-pressure notification
 * first: every process is asked to drop its caches and free pages, as Chromium does when the
 * system runs short, so what is left is closer to what stays in use.
 */
async function heap(bench: BenchPage, purge = false): Promise<HeapSnapshot> {
  if (purge) {
    await bench.cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
    await new Promise((ok) => setTimeout(ok, 1_000));
  }
  await bench.cdp.send('HeapProfiler.collectGarbage');
  const usage = (await bench.cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const perfMemory = await bench.page.evaluate((g) => (window as unknown as Record<string, Api>)[g]!.jsHeap(), GLOBAL_NAME);
  return { cdpUsed: usage.usedSize, cdpTotal: usage.totalSize, perfMemory, processes: chromiumMemory(bench.profileDir) };
}

async function main(): Promise<number> {
  const started = performance.now();
  const errors: string[] = [];
  chromiumPath(); // fail before minutes of set-up when there is no browser to run in

  // 1. Templates: every notice the real OCDS files in ../shared/data parse to.
  const inputs = readSeedInputs();
  const templates: Notice[] = [];
  for (const file of inputs) templates.push(...parseReleases(JSON.parse(file.text)).notices);
  const councilsFile = JSON.parse(readFileSync(path.join(ROOT, 'public', 'data', 'councils.json'), 'utf8')) as CouncilsFile;
  const generator = createNoticeGenerator({ templates, councils: councilsFile.councils, today: TODAY, seed: SEED, shape: SHAPE });

  // 2. The browser side, bundled, in a blank page on 127.0.0.1.
  const bundle = await bundleInPage(path.join(ROOT, 'tests', 'bench', 'notices-cache', 'in-page.ts'), ROOT);
  const bench = await openBenchPage(bundle.code);
  // Ctrl-C: close Chromium and remove the run folder (profile, database) rather than leave them in .e2e-runs.
  process.once('SIGINT', () => void bench.close().finally(() => process.exit(130)));
  try {
    const { page } = bench;
    const call = <R, A>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
      page.evaluate(
        ([source, g, a]) => {
          const api = (window as unknown as Record<string, Api>)[g]!;
          return (new Function('api', 'arg', `return (${source})(api, arg);`) as (api: Api, arg: unknown) => R | Promise<R>)(api, a);
        },
        [fn.toString(), GLOBAL_NAME, arg] as const,
      );
    const env = await page.evaluate(() => ({ ua: navigator.userAgent, isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
    await call((api, name) => api.openDb(name), DB_NAME);
    const before = await heap(bench);

    // 3. Ingest: generate a chunk in Node, send it as JSON (untimed), derive rows (timed apart), bulkPut (timed).
    const horizon = addMonths(TODAY, 24);
    const perCouncil = new Map<string, number>(generator.councils.map((c) => [c.code, 0]));
    const stages = new Map<string, number>();
    let openTenders = 0;
    let endingSoon = 0;
    let jsonBytes = 0;
    let generateMs = 0;
    let deriveMs = 0;
    let writeMs = 0;
    let validated = 0;
    let stageWallMs = 0;
    const chunkRates: number[] = [];
    const rate = (n: number, t: number) => n / (t / 1000);
    const generate = (from: number, to: number): { batch: Notice[]; json: string } => {
      const t0 = performance.now();
      const batch: Notice[] = [];
      for (let i = from; i < to; i++) batch.push(generator.notice(i));
      const json = JSON.stringify(batch);
      generateMs += performance.now() - t0;
      return { batch, json };
    };
    for (let from = 0; from < N; from += CHUNK) {
      const { batch, json } = generate(from, Math.min(N, from + CHUNK));
      jsonBytes += Buffer.byteLength(json);
      for (const [k, n] of batch.entries()) {
        const code = n.buyer.councilCode!;
        perCouncil.set(code, (perCouncil.get(code) ?? 0) + 1);
        stages.set(n.stage, (stages.get(n.stage) ?? 0) + 1);
        if (isOpenTender({ stage: n.stage, status: n.status, deadline: n.tenderDeadline?.slice(0, 10) }, TODAY)) openTenders++;
        const end = (n.contractPeriod?.maxEnd ?? n.contractPeriod?.end)?.slice(0, 10);
        if ((n.stage === 'award' || n.stage === 'contract') && end && end >= TODAY && end <= horizon) endingSoon++;
        // The generated notices must be valid Notices (what parseReleases would produce): check a sample.
        if ((from + k) % 97 === 0) {
          NoticeSchema.parse(n);
          validated++;
        }
      }
      const tStage = performance.now();
      const staged = await call((api, url) => api.stage(url), bench.offer(json));
      stageWallMs += performance.now() - tStage;
      deriveMs += staged.deriveMs;
      const chunkMs = await call((api, perTx) => api.writeBulk(perTx), PER_TRANSACTION);
      chunkRates.push(rate(batch.length, chunkMs));
      writeMs += chunkMs;
    }
    await call((api) => api.clearStaged(), null);
    const stored = await call((api) => api.count(), null);
    if (stored !== N) errors.push(`the table holds ${stored} notices after ingesting ${N}`);

    const idle = await waitForIdle(bench.profileDir);
    const after = await heap(bench);
    const purged = await heap(bench, true);
    const storage = await call((api) => api.storageEstimate(), null);
    const idbDir = path.join(bench.profileDir, 'Default', 'IndexedDB');
    const onDisk = dirSize(idbDir);
    const idbHolders = processesWithFilesIn(bench.profileDir, idbDir);
    const diskLayout = (() => {
      try {
        return readdirSync(idbDir).map((d) => d.replace(/^http_127\.0\.0\.1_\d+/, 'http_127.0.0.1_<port>')).join(', ');
      } catch {
        return 'none found';
      }
    })();

    // 4. Queries over a spread of councils, busiest to quietest, in a shuffled order.
    const ranked = [...perCouncil].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const middleRanks = ranked.slice(STRATA.busiest, ranked.length - STRATA.quietest);
    const chosen = [
      ...ranked.slice(0, STRATA.busiest).map(([code, n]) => ({ code, n, stratum: 'busiest' })),
      ...Array.from({ length: STRATA.middle }, (_, k) => middleRanks[Math.floor(((k + 0.5) * middleRanks.length) / STRATA.middle)]!).map(([code, n]) => ({ code, n, stratum: 'middle' })),
      ...ranked.slice(ranked.length - STRATA.quietest).map(([code, n]) => ({ code, n, stratum: 'quietest' })),
    ];
    const groups = [...SERVICE_GROUPS.map((g) => g.id), null];
    const items = chosen.flatMap((c, k) =>
      Array.from({ length: RUNS_PER_COUNCIL }, (_, run) => ({ council: c.code, group: groups[(k * RUNS_PER_COUNCIL + run) % groups.length]!, stratum: c.stratum })),
    );
    const plan = (seed: number) => shuffled(items, seed);
    const asPlan = (xs: typeof items) => xs.map(({ council, group }) => ({ council, group }));

    const firstCall = (await call((api, a) => api.timeQueries(a.plan, a.today), { plan: asPlan(items.slice(0, 1)), today: TODAY })).procurement.ms[0]!;
    await call((api, a) => api.timeQueries(a.plan, a.today), { plan: asPlan(plan(1).slice(0, WARM_UP)), today: TODAY });
    const order = plan(2);
    const { procurement, previous, tenders, ending } = await call((api, a) => api.timeQueries(a.plan, a.today), { plan: asPlan(order), today: TODAY });

    const insightCouncils = shuffled(chosen, 3).map((c) => c.code);
    await call((api, a) => api.timeNoticeInsight(a.councils, a.today), { councils: insightCouncils.slice(0, 5), today: TODAY });
    const insight = await call((api, a) => api.timeNoticeInsight(a.councils, a.today), { councils: insightCouncils, today: TODAY });
    errors.push(...insight.mismatches);

    const check = await call((api, a) => api.checkAgainstScan(a.plan, a.today), { plan: asPlan(items), today: TODAY });
    errors.push(...check.mismatches);

    // Scan baselines: alternate busy and quiet councils so a short run still covers both.
    const scanPlan = chosen.map((_, k) => chosen[k % 2 ? chosen.length - 1 - (k >> 1) : k >> 1]!).map((c) => ({ council: c.code, group: 'waste' }));
    const scanArray = await call((api, a) => api.timeScan(a.plan, a.today, 'toArray', a.budget), { plan: scanPlan, today: TODAY, budget: SCAN_BUDGET_MS });
    const scanCursor = await call((api, a) => api.timeScan(a.plan, a.today, 'cursor', a.budget), { plan: scanPlan, today: TODAY, budget: SCAN_BUDGET_MS });
    errors.push(...scanArray.mismatches, ...scanCursor.mismatches);

    // 5. Bulk vs one-by-one at N notices: each method writes its own new notices, then they are deleted.
    const methods = [
      { label: `bulkPut, ${fmt(PER_TRANSACTION)} per transaction`, perTransaction: PER_TRANSACTION },
      { label: 'bulkPut, 100 per transaction (one sync page)', perTransaction: 100 },
      { label: 'put per notice, all in one transaction', perTransaction: -1 },
      { label: 'put per notice, each its own transaction', perTransaction: 0 },
    ];
    const compared: { label: string; ms: number }[] = [];
    for (const [k, method] of methods.entries()) {
      await call((api, url) => api.stage(url), bench.offer(generate(N + k * SUBSET, N + (k + 1) * SUBSET).json));
      await waitForIdle(bench.profileDir, { timeoutMs: 10_000 });
      const t = await call(
        (api, perTx) => (perTx > 0 ? api.writeBulk(perTx) : perTx < 0 ? api.writeEachInOneTransaction() : api.writeEach()),
        method.perTransaction,
      );
      compared.push({ label: method.label, ms: t });
      await call((api) => api.deleteStaged(), null);
    }
    await call((api) => api.close(), null);

    // ---------------------------------------------------------------------------------------------
    const shares = ranked.map(([, n]) => n / N);
    const top10 = shares.slice(0, 10).reduce((s, x) => s + x, 0);
    const median = ranked[ranked.length >> 1]!;
    const busiest = ranked[0]!;
    const quietest = ranked[ranked.length - 1]!;
    const stageLine = ['planning', 'tender', 'award', 'contract'].map((s) => `${s} ${pct((stages.get(s) ?? 0) / N)}`).join(' · ');
    console.log('\n## Setup');
    console.log(`Chromium: ${env.ua.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? env.ua} headless, blank page at ${bench.origin} (crossOriginIsolated: ${env.isolated}), ${env.cores} cores`);
    console.log(`notices: ${fmt(N)} generated from ${templates.length} real notices parsed from ${inputs.length} OCDS files in ../shared/data; seed ${SEED}; today ${TODAY}`);
    console.log(`buyers: ${ranked.length} current councils (public/data/councils.json); busiest ${busiest[0]} ${fmt(busiest[1])} (${pct(busiest[1] / N)}), top 10 ${pct(top10)}, median ${median[0]} ${fmt(median[1])}, quietest ${quietest[0]} ${fmt(quietest[1])}`);
    console.log(
      SHAPE === 'retained'
        ? 'cache shape: what the sync keeps under its retention rules (tenders up to 90 days past their deadline, contracts up to 2 years past their end)'
        : 'cache shape: --no-retention, six years of notices as published, nothing removed',
    );
    console.log(`stages: ${stageLine}; open tenders on ${TODAY}: ${fmt(openTenders)}; contracts ending in the next 24 months: ${fmt(endingSoon)}; suppliers in the pool: ${fmt(generator.suppliers)}`);
    console.log(`generation in Node: ${secs(generateMs)}, ${mib(jsonBytes)} of JSON (${fmt(jsonBytes / N)} bytes a notice), ${validated} sampled notices valid against NoticeSchema`);
    console.log(`in-page bundle (vite build, iife): ${(bundle.code.length / 1024).toFixed(0)} KiB in ${secs(bundle.ms)}`);

    const eachMs = compared[compared.length - 1]!.ms;
    const eachRate = SUBSET / (eachMs / 1000);
    console.log(`\n## Ingest (CouncilLensDB.notices: primary key ocid + 10 indexes, 4 of them multi-entry and 2 compound)`);
    console.log(`${pad('writes', 48)} ${lpad('notices', 8)} ${lpad('time', 10)} ${lpad('rate', 12)}   vs one-by-one`);
    const ingestRate = rate(N, writeMs);
    console.log(`${pad(`bulkPut, ${fmt(PER_TRANSACTION)} per transaction, 0 -> ${fmt(N)}`, 48)} ${lpad(fmt(N), 8)} ${lpad(secs(writeMs), 10)} ${lpad(`${fmt(ingestRate)} /s`, 12)}   ${(ingestRate / eachRate).toFixed(1)}x`);
    const firstChunks = chunkRates.slice(0, 2).reduce((a, x) => a + x, 0) / Math.min(2, chunkRates.length);
    const lastChunks = chunkRates.slice(-2).reduce((a, x) => a + x, 0) / Math.min(2, chunkRates.length);
    console.log(`  rate as the table grows: ${fmt(firstChunks)} /s over the first ${fmt(2 * CHUNK)} notices, ${fmt(lastChunks)} /s over the last ${fmt(2 * CHUNK)}`);
    console.log(`at ${fmt(N)} notices, ${fmt(SUBSET)} new notices per method (deleted after each):`);
    for (const c of compared) {
      const r = rate(SUBSET, c.ms);
      console.log(`  ${pad(c.label, 46)} ${lpad(fmt(SUBSET), 8)} ${lpad(secs(c.ms), 10)} ${lpad(`${fmt(r)} /s`, 12)}   ${(r / eachRate).toFixed(1)}x`);
    }
    console.log(`one-by-one (baseline) would take ${secs((N / eachRate) * 1000)} for ${fmt(N)} notices, bulkPut took ${secs(writeMs)}`);
    console.log(`Chromium busy after the ingest (LevelDB compaction): ${secs(idle.ms)} until idle${idle.settled ? '' : ' (timed out; measured anyway)'}, before the memory and query figures`);
    console.log(`not in the write times: transfer into the page (loopback HTTP + JSON.parse) ${secs(stageWallMs - deriveMs)}; toNoticeRow ${secs(deriveMs)} (${fmt(rate(N, deriveMs))} /s)`);

    const line = (label: string, t: { ms: number[]; rows: number[] }, extra = '') => {
      const rows = t.rows.some((x) => x > 0) ? `${fmt(t.rows.reduce((s, x) => s + x, 0) / t.rows.length)} rows/read (max ${fmt(Math.max(...t.rows))})` : '';
      console.log(`${pad(label, 52)} ${lpad(ms(percentile(t.ms, 0.5)), 10)} ${lpad(ms(percentile(t.ms, 0.95)), 10)} ${lpad(ms(Math.max(...t.ms)), 10)}   ${rows}${extra}`);
    };
    const byStratum = (t: { ms: number[]; rows: number[] }, order: typeof items, stratum: string) => {
      const keep = order.map((it) => it.stratum === stratum);
      return { ms: t.ms.filter((_, k) => keep[k]), rows: t.rows.filter((_, k) => keep[k]) };
    };
    const p95 = percentile(procurement.ms, 0.95);
    console.log(`\n## Queries at ${fmt(N)} notices (${items.length} runs each over ${chosen.length} councils: the ${STRATA.busiest} busiest, ${STRATA.middle} across the middle, the ${STRATA.quietest} quietest; warm)`);
    console.log(`${pad('', 52)} ${lpad('p50', 10)} ${lpad('p95', 10)} ${lpad('max', 10)}`);
    line('councilProcurement (both card questions)', procurement, `   target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'PASS' : 'MISS'}`);
    for (const s of ['busiest', 'middle', 'quietest']) {
      const sub = chosen.filter((c) => c.stratum === s);
      line(`  ${s} ${sub.length} (${fmt(Math.min(...sub.map((c) => c.n)))}-${fmt(Math.max(...sub.map((c) => c.n)))} notices each)`, byStratum(procurement, order, s));
    }
    line('baseline: schema v2 handler (2 index reads + JS)', previous);
    line(`  busiest ${STRATA.busiest}`, byStratum(previous, order, 'busiest'));
    line(`  its read [council+stage] = [X, 'tender']`, tenders);
    line(`    busiest ${STRATA.busiest}`, byStratum(tenders, order, 'busiest'));
    line(`  its read [council+contractEnd] in next 24 months`, ending);
    line(`    busiest ${STRATA.busiest}`, byStratum(ending, order, 'busiest'));
    line(`baseline: full scan, toArray() + filter (${scanArray.ms.length} runs)`, scanArray);
    line(`baseline: full scan, Dexie filter() cursor (${scanCursor.ms.length} runs)`, scanCursor);
    const p50 = percentile(procurement.ms, 0.5);
    console.log(`councilProcurement vs schema v2 handler: p50 ${(percentile(previous.ms, 0.5) / p50).toFixed(1)}x, p95 ${(percentile(previous.ms, 0.95) / p95).toFixed(1)}x faster`);
    console.log(`councilProcurement vs full scan, p50: ${(percentile(scanArray.ms, 0.5) / p50).toFixed(0)}x faster than toArray() + filter, ${(percentile(scanCursor.ms, 0.5) / p50).toFixed(0)}x faster than filter() cursor`);
    console.log(`first councilProcurement call after ingest (cold): ${ms(firstCall)}`);
    console.log(`\n## Notice-page panel lookup (noticeInsight) of each chosen council's newest Contracts Finder notice`);
    console.log(`${pad('', 52)} ${lpad('p50', 10)} ${lpad('p95', 10)} ${lpad('max', 10)}`);
    line('by page address (a Contracts Finder page: no OCID)', insight.byPage);
    line('baseline: by OCID (primary key)', insight.byOcid);
    console.log(`by page address vs by OCID, p50: ${(percentile(insight.byPage.ms, 0.5) / percentile(insight.byOcid.ms, 0.5)).toFixed(1)}x the time`);
    console.log(
      check.mismatches.length === 0
        ? `answers: index = full scan for all ${check.checked} council/service pairs (${fmt(check.openTotal)} open tenders, ${fmt(check.endingTotal)} contracts ending), and so does the schema v2 handler; every timed scan answer equal too`
        : `answers DIFFER: ${check.mismatches.length} mismatches (first: ${check.mismatches[0]})`,
    );

    const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${mib(b - a)}`;
    const row = (label: string, values: (number | undefined)[]) => {
      const [b, a, p] = values;
      const cell = (x: number | undefined) => lpad(x === undefined ? '-' : mib(x), 14);
      console.log(`${pad(label, 52)} ${cell(b)} ${cell(a)} ${cell(p)} ${lpad(b !== undefined && p !== undefined ? delta(b, p) : '-', 12)}`);
    };
    const snapshots = [before, after, purged];
    console.log(`\n## Memory and storage (after a full GC; Chromium processes by PSS from /proc)`);
    console.log(`${pad('', 52)} ${lpad('before ingest', 14)} ${lpad('after ingest', 14)} ${lpad('after purge', 14)} ${lpad('kept', 12)}`);
    row('page JS heap used (CDP Runtime.getHeapUsage)', snapshots.map((x) => x.cdpUsed));
    row('page JS heap allocated (CDP Runtime.getHeapUsage)', snapshots.map((x) => x.cdpTotal));
    if (snapshots.every((x) => x.perfMemory)) row('performance.memory.usedJSHeapSize', snapshots.map((x) => x.perfMemory!.used));
    else console.log('performance.memory: not available');
    if (snapshots.every((x) => x.processes)) {
      const kinds = [...new Set(snapshots.flatMap((x) => Object.keys(x.processes!)))].sort((a, b) => (a === 'browser' ? -1 : b === 'browser' ? 1 : a < b ? -1 : 1));
      for (const kind of kinds) {
        const count = Math.max(...snapshots.map((x) => x.processes![kind]?.count ?? 0));
        row(`process: ${kind}${idbHolders.includes(kind) ? ' (holds the IndexedDB files)' : ''} x${count}`, snapshots.map((x) => x.processes![kind]?.bytes));
      }
      const total = (x: HeapSnapshot) => Object.values(x.processes!).reduce((sum, p) => sum + p.bytes, 0);
      row('all Chromium processes', snapshots.map(total));
    } else console.log('Chromium process memory: /proc not available');
    console.log('"after purge": after Memory.simulatePressureNotification(critical); "kept" = after purge - before ingest.');
    console.log(`The page's JS heap stands for the background's (it holds no rows after a write). The renderer's growth is the ${mib(jsonBytes)} of JSON`);
    console.log('the page fetched and parsed to receive the rows, not IndexedDB: the browser process holds the database.');
    console.log(`storage: navigator.storage.estimate() usage ${mib(storage.usage)} (indexedDB ${storage.indexedDB === null ? 'n/a' : mib(storage.indexedDB)}), IndexedDB folder on disk ${mib(onDisk)} [${diskLayout}]; baseline, the notices as JSON: ${mib(jsonBytes)} (on disk ${(onDisk / jsonBytes).toFixed(2)}x)`);

    console.log(`\nwhole benchmark: ${secs(performance.now() - started)}`);
  } finally {
    await bench.close();
  }
  if (errors.length > 0) {
    console.error(`\nnotices-cache bench: ${errors.length} error(s):`);
    for (const e of errors.slice(0, 20)) console.error(`  ${e}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`\nnotices-cache bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
