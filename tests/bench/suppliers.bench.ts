import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { search } from '@/entrypoints/background/handlers/search';
import { supplierReferences } from '@/entrypoints/background/handlers/supplier-references';
import { buildKnowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { isCouncilAward, loadSupplierSources, readSupplierSources } from '@/entrypoints/background/supplier-index';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { CouncilsFile } from '@/lib/councils/schema';
import { readSeedInputs } from '@/lib/dataset/read-inputs';
import { parseReleases } from '@/lib/ocds/parse-releases';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow } from '@/lib/ocds/row';
import { buildSupplierIndex, type SupplierSource } from '@/lib/suppliers/supplier-index';
import { companyNumberIn, normaliseSupplierName } from '@/lib/suppliers/normalise';
import { createNoticeGenerator } from './notices-cache/generate';

/**
 * Supplier index benchmark (issue 7, "instant on the local cache"): the popup's search and a
 * supplier's references over the packaged seed and over generated notices
 * (tests/bench/notices-cache/generate.ts, real and made-up suppliers drawn Zipf-like), in Node with
 * fake-indexeddb. Index figures are printed beside the baseline measured in this run: a linear scan
 * over every council award notice's suppliers, normalising names as it goes (what a search would
 * do without the index). Timings are medians and p95 after warm-up. Exits non-zero only when the
 * index and the scan disagree.
 *
 *   npx tsx tests/bench/suppliers.bench.ts                   seed, then 100,000 notices (the DB read at 20,000)
 *   ... --notices=50000 --db-notices=50000                   other sizes
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const N = arg('notices', 100_000);
/** fake-indexeddb writes slowly (pure JS), so the DB read path is measured on fewer rows. */
const DB_N = arg('db-notices', 20_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();
const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : x < 100 ? `${x.toFixed(2)} ms` : `${Math.round(x).toLocaleString('en-GB')} ms`);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[s.length >> 1]!, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! };
}

/** Per-run times of `fn` over every query, after one warm-up pass. */
function time(queries: readonly string[], fn: (q: string) => unknown, rounds = 5): number[] {
  for (const q of queries) fn(q);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = now();
      fn(q);
      out.push(now() - t);
    }
  }
  return out;
}

/** Baseline: every supplier of every notice normalised and matched on each query. */
function scanSearch(sources: readonly SupplierSource[], query: string): Set<string> {
  const words = normaliseSupplierName(query).split(' ').filter(Boolean);
  const number = companyNumberIn(query);
  const found = new Set<string>();
  for (const source of sources) {
    for (const s of source.suppliers) {
      const name = normaliseSupplierName(s.name).split(' ');
      const hit = (number && s.companiesHouse === number) || (words.length > 0 && words.every((w) => name.some((n) => n.startsWith(w))));
      if (hit) found.add(s.companiesHouse ? `ch:${s.companiesHouse}` : `name:${normaliseSupplierName(s.name)}`);
    }
  }
  return found;
}

function heapAfter<T>(make: () => T): { value: T; bytes: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

function row(label: string, index: string, baseline: string, note = ''): void {
  console.log(`  ${label.padEnd(34)} ${index.padStart(12)}   baseline ${baseline.padStart(12)}${note ? `   ${note}` : ''}`);
}

async function freshDb(name: string): Promise<CouncilLensDB> {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  return new CouncilLensDB(name);
}

async function main(): Promise<void> {
  let failures = 0;
  const read = (f: string) => readFileSync(path.join(ROOT, 'public', 'data', f), 'utf8');
  const councilsText = read('councils.json');
  const db = await freshDb('bench-suppliers-seed');
  await loadDatasets(db, { councils: councilsText, services: read('services.json'), seed: read('notices-seed.json'), version: 'bench' });
  const knowledge = await buildKnowledge(db, createCouncilIndex);

  // ---- seed -------------------------------------------------------------------------------
  const seedRows = await db.notices.count();
  let t = now();
  const seedSources = await readSupplierSources(db);
  const seedRead = now() - t;
  t = now();
  const seedIndex = buildSupplierIndex(seedSources);
  const seedBuild = now() - t;
  console.log(`seed: ${seedRows} notices (public/data/notices-seed.json), ${seedSources.length} council awards, ${seedIndex.groups.length} suppliers`);
  row('index: read notices (fake-indexeddb)', ms(seedRead), '-');
  row('index: build', ms(seedBuild), '-');
  const seedQueries = ['Leed', 'RBKC', 'B&NES', 'somerset', 'kens', 'tencer', 'care', 'reed spec', 'OC325346', '7161527', 'c'];
  const full = stats(time(seedQueries, (q) => search(knowledge, seedIndex, q, 8)));
  const scan = stats(time(seedQueries, (q) => scanSearch(seedSources, q)));
  row('search() median (councils+suppliers)', ms(full.median), ms(scan.median), 'baseline: supplier scan alone');
  row('search() p95', ms(full.p95), ms(scan.p95));

  // ---- generated --------------------------------------------------------------------------
  const templates: Notice[] = readSeedInputs().flatMap((f) => parseReleases(JSON.parse(f.text)).notices);
  const councils = (JSON.parse(councilsText) as CouncilsFile).councils;
  const generator = createNoticeGenerator({ templates, councils, today: '2026-11-22', seed: 20261122, shape: 'retained' });
  const notices = Array.from({ length: N }, (_, i) => generator.notice(i));
  const sources: SupplierSource[] = notices
    .filter((n) => n.buyer.councilCode && isCouncilAward({ council: n.buyer.councilCode, stage: n.stage }))
    .map((n) => ({ ocid: n.ocid, council: n.buyer.councilCode!, suppliers: n.suppliers }));
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = now();
    buildSupplierIndex(sources);
    builds.push(now() - t);
  }
  const { value: index, bytes } = heapAfter(() => buildSupplierIndex(sources));
  console.log(`\ngenerated: ${N.toLocaleString('en-GB')} notices (${generator.suppliers.toLocaleString('en-GB')} supplier pool), ${sources.length.toLocaleString('en-GB')} council awards, ${index.groups.length.toLocaleString('en-GB')} suppliers`);
  t = now();
  for (const s of sources) for (const sup of s.suppliers) normaliseSupplierName(sup.name);
  const normaliseAll = now() - t;
  row('index: build (median of 3)', ms(stats(builds).median), ms(normaliseAll), 'baseline: normalising every name once');
  row('index: heap', mib(bytes), '-');

  const busiest = [...index.groups].sort((a, b) => b.ocids.length - a.ocids.length);
  const queries = [
    'c',
    'care',
    'services',
    'sand man',
    busiest[0]!.name.split(' ')[0]!,
    busiest[50]!.name,
    busiest[500]!.name.slice(0, 6),
    busiest[2000]!.name,
    index.groups.find((g) => g.companiesHouse)!.companiesHouse!,
    'zzzz nothing',
  ];
  const idx = stats(time(queries, (q) => index.search(q, 8)));
  const base = stats(time(queries, (q) => scanSearch(sources, q), 1));
  row('supplier search median', ms(idx.median), ms(base.median), `x${(base.median / idx.median).toFixed(0)}`);
  row('supplier search p95', ms(idx.p95), ms(base.p95));
  const whole = stats(time(queries, (q) => search(knowledge, index, q, 8)));
  row('search() median / p95 (councils too)', `${ms(whole.median)}`, '-', `p95 ${ms(whole.p95)}`);
  for (const q of queries) {
    const mine = new Set(index.search(q, 1_000_000).map((g) => g.key));
    const theirs = scanSearch(sources, q);
    // Every scan hit the index finds, by the key it files it under (a name-only spelling may sit in a number's group).
    const missing = [...theirs].filter((k) => !mine.has(k) && !index.resolve(k));
    if (missing.length > 0) {
      failures++;
      console.error(`  MISMATCH for ${JSON.stringify(q)}: scan found ${missing.slice(0, 3).join(', ')} the index did not`);
    }
  }

  // ---- DB path: read + build at DB_N, and references ---------------------------------------
  const big = await freshDb('bench-suppliers-big');
  await loadDatasets(big, { councils: councilsText, services: read('services.json'), seed: '{"sources":[],"notices":[]}', version: 'bench' });
  const bigKnowledge = await buildKnowledge(big, createCouncilIndex);
  for (let i = 0; i < DB_N; i += 2_000) await big.notices.bulkPut(notices.slice(i, Math.min(i + 2_000, DB_N)).map((n) => toNoticeRow(n, 'sync')));
  t = now();
  const dbSources = await readSupplierSources(big);
  const dbRead = now() - t;
  t = now();
  const dbIndex = buildSupplierIndex(dbSources);
  const dbBuild = now() - t;
  t = now();
  await big.notices.toArray();
  const fullScan = now() - t;
  t = now();
  const firstLoad = await loadSupplierSources(big); // reads the rows, writes the snapshot
  const withSave = now() - t;
  t = now();
  const secondLoad = await loadSupplierSources(big);
  const fromSnapshot = now() - t;
  if (firstLoad.from !== 'notices' || secondLoad.from !== 'snapshot' || secondLoad.sources.length !== dbSources.length) {
    failures++;
    console.error(`  SNAPSHOT: expected notices then snapshot, got ${firstLoad.from} then ${secondLoad.from}`);
  }
  console.log(`\nfake-indexeddb, ${DB_N.toLocaleString('en-GB')} notices: ${dbIndex.groups.length.toLocaleString('en-GB')} suppliers`);
  row('index: read notices + build', ms(dbRead + dbBuild), ms(fullScan), `baseline: one toArray() of the table; build alone ${ms(dbBuild)}`);
  row('restart: snapshot read', ms(fromSnapshot), ms(dbRead), `baseline: reading the rows; first read + snapshot write ${ms(withSave)}`);
  const top = [...dbIndex.groups].sort((a, b) => b.ocids.length - a.ocids.length);
  for (const [label, group] of [
    ['busiest', top[0]!],
    ['median', top[top.length >> 1]!],
  ] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      t = now();
      await supplierReferences(big, bigKnowledge, dbIndex, group.key);
      runs.push(now() - t);
    }
    const viaKeys: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = now();
      await big.notices.filter((r) => r.suppliers.some((s) => (group.companiesHouse ? s.companiesHouse === group.companiesHouse : normaliseSupplierName(s.name) === group.key.slice(5)))).toArray();
      viaKeys.push(now() - t);
    }
    row(`references, ${label} (${group.ocids.length} notices)`, ms(stats(runs.slice(1)).median), ms(stats(viaKeys).median), 'baseline: filtered table scan');
  }
  big.close();
  db.close();
  if (failures > 0) process.exit(1);
}

await main();
