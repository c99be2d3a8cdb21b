import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { runSync } from '@/entrypoints/background/refresh/sync';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { isBeyondHistory, isExpiredTender, isLongFinishedContract, isStaleUndated } from '@/lib/ocds/expiry';
import { toNoticeRow } from '@/lib/ocds/row';
import { PORTAL_VOLUME } from '@/lib/sync/backfill';
import { PUBLIC_CONTRACTS_SCOTLAND, SELL2WALES } from '@/lib/sync/sources';
import { fakeClock } from '../support/fake-clock';
import { PORTAL_PATHS } from '../support/fake-portal-api';
import { startFakeProcurementApi } from '../support/fake-procurement-api';
import { findATenderStream } from '../support/fake-stream';
import { register } from '../support/public-data';
import { resolveCouncil } from '../support/sync-harness';

/**
 * Scottish and Welsh council coverage after a simulated year (issue 17): a one-year backfill of
 * Public Contracts Scotland and Sell2Wales through runSync against the fake API
 * (tests/support/fake-portal-api.ts: both portals' real releases re-dated into every month), into
 * fake-indexeddb, with the APIs' own spacing on a fake clock; then, of the register's 32 Scottish and
 * 22 Welsh councils, how many have at least one notice in the cache and a card with at least one
 * line. Printed beside the baseline measured in the same run: the same councils covered by a year
 * of Find a Tender alone (tests/support/fake-stream.ts with the real day's council buyers, kept as
 * the retention rules keep them), which is what their cards showed before these sources.
 * Then, per portal, the requests and time a real month takes.
 *
 *   npx tsx tests/bench/portal-coverage.bench.ts
 */

const TODAY = '2026-12-06';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const DAY = 86_400_000;
const devolved = register.all.filter((c) => c.current && c.kind === 'council' && (c.nation === 'Scotland' || c.nation === 'Wales'));
const scottish = devolved.filter((c) => c.nation === 'Scotland').length;

function findATenderYear(): Set<string> {
  // Not rotated: rotation hands every day's council buyers to councils picked at random across the
  // register, which reaches every Scottish and Welsh council by construction; unrotated, the
  // council buyers are those of the real Find a Tender day (2026-08-10).
  const stream = findATenderStream({ releasesPerDay: 370, end: NOW, rotateCouncilBuyers: false });
  const any = new Set<string>();
  for (let d = 0; d < 365; d++) {
    const list = stream.between(NOW - (d + 1) * DAY, NOW - d * DAY - 1);
    for (const notice of parseReleases({ ...stream.header, releases: list.map((r) => JSON.parse(r.text) as unknown) }, { resolveCouncil }).notices) {
      if (!notice.buyer.councilCode) continue;
      const row = toNoticeRow(notice, 'sync');
      if (isExpiredTender(row, TODAY) || isLongFinishedContract(row, TODAY) || isStaleUndated(row, TODAY) || isBeyondHistory(row, TODAY, 12)) continue;
      any.add(row.council);
    }
  }
  return any;
}

async function portalYear() {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new CouncilLensDB('portal-coverage');
  const clock = fakeClock(NOW);
  const api = await startFakeProcurementApi({ clock: clock.now });
  const started = performance.now();
  try {
    const bases = { contractsFinder: api.url, findATender: api.url, publicContractsScotland: `${api.url}/public-contracts-scotland`, sell2wales: `${api.url}/sell2wales` };
    const deps = { db, fetch, now: clock.now, sleep: clock.sleep, bases, resolveCouncil, keepAllBuyers: false, sources: ['public-contracts-scotland', 'sell2wales'] as const, history: { months: 12 } };
    for (let run = 0; run < 3; run++) await runSync({ ...deps, sources: [...deps.sources] });
    const any = new Set((await db.notices.toArray()).map((row) => row.council));
    const card = new Set<string>();
    for (const c of devolved) {
      const p = await councilProcurement(db, c.code, null, TODAY, null);
      if (p.openTenders.length + p.contractsEnding.length + (p.comingToMarket?.length ?? 0) > 0) card.add(c.code);
    }
    const requests = { pcs: api.requests(PORTAL_PATHS['public-contracts-scotland']).length, s2w: api.requests(PORTAL_PATHS.sell2wales).length };
    return { any, card, requests, simulatedMs: clock.now() - NOW, wallMs: performance.now() - started };
  } finally {
    await api.stop();
    db.close();
  }
}

const count = (set: Set<string>) => devolved.filter((c) => set.has(c.code)).length;
const pct = (n: number) => `${n} of ${devolved.length} (${((100 * n) / devolved.length).toFixed(0)}%)`;

const baselineStart = performance.now();
const fts = findATenderYear();
const baselineMs = performance.now() - baselineStart;
const now = await portalYear();
const both = new Set([...fts, ...now.any]);

console.log(`\n## Scottish (${scottish}) and Welsh (${devolved.length - scottish}) councils after a simulated year`);
console.log(`${''.padEnd(52)} ${'any notice'.padStart(14)} ${'a card line'.padStart(14)}`);
console.log(`${'baseline: Find a Tender alone (fake year, real buyers)'.padEnd(52)} ${pct(count(fts)).padStart(14)} ${'-'.padStart(14)}`);
console.log(`${'PCS + Sell2Wales backfill (fake API, real releases)'.padEnd(52)} ${pct(count(now.any)).padStart(14)} ${pct(count(now.card)).padStart(14)}`);
console.log(`${'together'.padEnd(52)} ${pct(count(both)).padStart(14)} ${''.padStart(14)}`);
console.log(`(baseline parsed in ${(baselineMs / 1000).toFixed(1)} s; the portals' year stored in ${(now.wallMs / 1000).toFixed(1)} s wall time)`);

console.log('\n## A real month, per portal (one request per notice type, the whole month each, no paging)');
for (const [api, key, requests] of [
  [PUBLIC_CONTRACTS_SCOTLAND, 'public-contracts-scotland', now.requests.pcs],
  [SELL2WALES, 'sell2wales', now.requests.s2w],
] as const) {
  const perMonth = requests / 13;
  const releasesPerMonth = PORTAL_VOLUME[key].releasesPerYear / 12;
  console.log(
    `${api.label.padEnd(26)} ${perMonth} requests a month at one per ${api.minIntervalMs / 1000} s = ${((perMonth * api.minIntervalMs) / 1000).toFixed(0)} s of spacing; ` +
      `~${Math.round(releasesPerMonth)} releases a month (estimated), a year's backfill ${requests} requests, ${((perMonth * 13 * api.minIntervalMs) / 60_000).toFixed(0)} min`,
  );
}
console.log(`(simulated clock for both portals' year: ${(now.simulatedMs / 60_000).toFixed(0)} min, one portal after the other)`);
