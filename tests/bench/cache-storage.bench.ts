import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CouncilsFile } from '@/lib/councils/schema';
import { readSeedInputs } from '@/lib/dataset/read-inputs';
import { parseReleases } from '@/lib/ocds/parse-releases';
import type { Notice } from '@/lib/ocds/notice';
import { SERVICE_GROUPS } from '@/lib/roles/groups';
import { chromiumPath } from '../e2e/harness';
import { bundleInPage, GLOBAL_NAME } from './notices-cache/bundle';
import { openBenchPage } from './notices-cache/chromium-page';
import { waitForIdle } from './notices-cache/chromium-processes';
import { createNoticeGenerator } from './notices-cache/generate';
import type * as InPage from './cache-storage/in-page';

/**
 * Cache storage benchmark (issue 10, "Storage that holds years"): N notices (default 250,000, years
 * of council notices) written into real Chromium IndexedDB twice, each in a fresh profile: as the
 * extension stores them now (schema v8: packed rows, short keys) and, as the baseline, as it stored
 * them before issue 10 (schema v6, whole rows). For each: bytes per notice by navigator.storage.estimate() (every index
 * included), bulk ingest rate, and the card query's p50/p95 over a spread of councils. Prints the
 * figures side by side; fails only on a real error (no Chromium, rows missing), never on timing.
 *
 *   npx tsx tests/bench/cache-storage.bench.ts              250,000 notices
 *   ... --quick                                              50,000 notices
 *   ... --notices=100000                                     any size
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const sizeArg = argv.find((a) => a.startsWith('--notices='));
const N = sizeArg ? Number(sizeArg.slice('--notices='.length)) : argv.includes('--quick') ? 50_000 : 250_000;
if (!Number.isInteger(N) || N < 1_000) throw new Error(`--notices must be an integer of at least 1000, got ${sizeArg}`);
const CHUNK = 5_000;
const PER_TRANSACTION = 1_000;
const TODAY = '2026-12-06';
const SEED = 20261206;
const TARGET_BYTES = 700;
const TARGET_P95_MS = 20;

type Api = typeof InPage;

const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

interface Run {
  layout: InPage.Layout;
  bytes: number;
  rate: number;
  p50: number;
  p95: number;
}

async function main(): Promise<number> {
  const started = performance.now();
  chromiumPath();
  const templates: Notice[] = [];
  for (const file of readSeedInputs()) templates.push(...parseReleases(JSON.parse(file.text)).notices);
  const councils = (JSON.parse(readFileSync(path.join(ROOT, 'public', 'data', 'councils.json'), 'utf8')) as CouncilsFile).councils;
  const generator = createNoticeGenerator({ templates, councils, today: TODAY, seed: SEED, shape: 'retained' });
  const bundle = await bundleInPage(path.join(ROOT, 'tests', 'bench', 'cache-storage', 'in-page.ts'), ROOT);
  const perCouncil = new Map<string, number>();
  const chunks: string[] = [];
  let jsonBytes = 0;
  for (let from = 0; from < N; from += CHUNK) {
    const batch: Notice[] = [];
    for (let i = from; i < Math.min(N, from + CHUNK); i++) {
      const n = generator.notice(i);
      perCouncil.set(n.buyer.councilCode!, (perCouncil.get(n.buyer.councilCode!) ?? 0) + 1);
      batch.push(n);
    }
    const json = JSON.stringify(batch);
    jsonBytes += Buffer.byteLength(json);
    chunks.push(json);
  }
  const ranked = [...perCouncil].sort((a, b) => b[1] - a[1]);
  const chosen = [...ranked.slice(0, 10), ...Array.from({ length: 20 }, (_, k) => ranked[10 + Math.floor(((k + 0.5) * (ranked.length - 20)) / 20)]!), ...ranked.slice(-10)];
  const groups = [...SERVICE_GROUPS.map((g) => g.id), null];
  const plan = chosen.flatMap(([council], k) => [0, 1, 2, 3, 4].map((run) => ({ council, group: groups[(k * 5 + run) % groups.length]! })));

  const runs: Run[] = [];
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as InPage.Layout[] | undefined;
  for (const layout of only ?? (['v6', 'v8'] as const)) {
    const bench = await openBenchPage(bundle.code);
    try {
      const call = <R, A>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
        bench.page.evaluate(
          ([source, g, a]) => {
            const api = (window as unknown as Record<string, Api>)[g]!;
            return (new Function('api', 'arg', `return (${source})(api, arg);`) as (api: Api, arg: unknown) => R | Promise<R>)(api, a);
          },
          [fn.toString(), GLOBAL_NAME, arg] as const,
        );
      await call((api, a) => api.openDb(a.name, a.layout), { name: 'bench-storage', layout });
      const empty = await call((api) => api.storageEstimate(), null);
      let writeMs = 0;
      for (const json of chunks) {
        await call((api, url) => api.stage(url), bench.offer(json));
        writeMs += await call((api, perTx) => api.writeStaged(perTx), PER_TRANSACTION);
      }
      const stored = await call((api) => api.count(), null);
      if (stored !== N) throw new Error(`${layout}: the table holds ${stored} notices after writing ${N}`);
      await waitForIdle(bench.profileDir);
      const full = await call((api) => api.storageEstimate(), null);
      await call((api, a) => api.timeCard(a.plan, a.today), { plan: plan.slice(0, 20), today: TODAY });
      const times = await call((api, a) => api.timeCard(a.plan, a.today), { plan, today: TODAY });
      runs.push({ layout, bytes: (full.usage - empty.usage) / N, rate: N / (writeMs / 1000), p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
      await call((api) => api.close(), null);
    } finally {
      await bench.close();
    }
  }

  if (only) {
    for (const r of runs) console.log(`${r.layout}: ${fmt(r.bytes)} bytes/notice, ${fmt(r.rate)} notices/s, card p50 ${ms(r.p50)} p95 ${ms(r.p95)}`);
    return 0;
  }
  const [before, after] = runs as [Run, Run];
  console.log(`\n## Notices cache at ${fmt(N)} notices in real Chromium IndexedDB (generated from ${templates.length} real notices, ${mib(jsonBytes)} as JSON, ${fmt(jsonBytes / N)} bytes a notice)`);
  console.log(`${'layout'.padEnd(52)} ${'bytes/notice'.padStart(13)} ${'ingest/s'.padStart(10)} ${'card p50'.padStart(10)} ${'card p95'.padStart(10)}`);
  const line = (label: string, r: Run) =>
    console.log(`${label.padEnd(52)} ${fmt(r.bytes).padStart(13)} ${fmt(r.rate).padStart(10)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)}`);
  line('schema v8, packed rows and short keys (now)', after);
  line('baseline: schema v6, whole rows (before issue 10)', before);
  console.log(`bytes per notice: ${(after.bytes / before.bytes).toFixed(2)}x the baseline; target at most ${TARGET_BYTES}: ${after.bytes <= TARGET_BYTES ? 'met' : 'NOT met'}`);
  console.log(`card p95: ${(after.p95 / before.p95).toFixed(2)}x the baseline (now three sections, v6 two); target at most ${TARGET_P95_MS} ms: ${after.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`);
  console.log(`bulk ingest: ${(after.rate / before.rate).toFixed(2)}x the baseline; target at least 2,000 notices/s: ${after.rate >= 2000 ? 'met' : 'NOT met'}`);
  console.log(`whole benchmark: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
