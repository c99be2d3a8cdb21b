import { parseReleases } from '@/lib/ocds/parse-releases';
import { addMonths } from '@/lib/ocds/dates';
import { isBeyondHistory, isExpiredTender, isLongFinishedContract, isStaleUndated } from '@/lib/ocds/expiry';
import { ALL_GROUPS, toNoticeRow } from '@/lib/ocds/row';
import { findATenderStream } from '../support/fake-stream';
import { register } from '../support/public-data';
import { resolveCouncil } from '../support/sync-harness';

/**
 * Council coverage after one year of history (issue 10, "contracts ending for most councils"): the
 * fake Find a Tender stream's year (tests/support/fake-stream.ts, ~135,000 releases) parsed day by
 * day as the sync parses it, kept as the retention rules keep it at a one-year depth, and for every
 * current council of the register: has it any notice, and has its card a contract ending in the next
 * 24 months (an award's `*` end key in that range, the card's own index read). Printed beside the
 * baseline of the same year without buyer rotation (the template day's 92 council buyers every day).
 * No database: tests/bench/backfill.bench.ts measures the same share through the real backfill and
 * IndexedDB (fake-indexeddb), at ~40 minutes a year.
 *
 *   npx tsx tests/bench/council-coverage.bench.ts
 */

const TODAY = '2026-12-06';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const DAY = 86_400_000;
const horizon = addMonths(TODAY, 24);
const current = register.all.filter((c) => c.current && c.kind === 'council');

function coverage(rotateCouncilBuyers: boolean) {
  const stream = findATenderStream({ releasesPerDay: 370, end: NOW, rotateCouncilBuyers });
  const any = new Set<string>();
  const ending = new Set<string>();
  let releases = 0;
  let kept = 0;
  for (let d = 0; d < 365; d++) {
    const list = stream.between(NOW - (d + 1) * DAY, NOW - d * DAY - 1);
    releases += list.length;
    for (const notice of parseReleases({ ...stream.header, releases: list.map((r) => JSON.parse(r.text) as unknown) }, { resolveCouncil }).notices) {
      if (!notice.buyer.councilCode) continue;
      const row = toNoticeRow(notice, 'sync');
      if (isExpiredTender(row, TODAY) || isLongFinishedContract(row, TODAY) || isStaleUndated(row, TODAY) || isBeyondHistory(row, TODAY, 12)) continue;
      kept += 1;
      any.add(row.council);
      if (row.endKeys.some(([, group, date]) => group === ALL_GROUPS && date >= TODAY && date <= horizon)) ending.add(row.council);
    }
  }
  const count = (set: Set<string>) => current.filter((c) => set.has(c.code)).length;
  return { releases, kept, any: count(any), ending: count(ending) };
}

const pct = (n: number) => `${n} of ${current.length} (${((100 * n) / current.length).toFixed(0)}%)`;
const now = coverage(true);
const before = coverage(false);
console.log(`\n## Council coverage after a simulated year of Find a Tender (${now.releases.toLocaleString('en-GB')} releases)`);
console.log(`${''.padEnd(44)} ${'notices kept'.padStart(13)} ${'any notice'.padStart(16)} ${'contract ending'.padStart(16)}`);
console.log(`${'buyers rotated across the register (now)'.padEnd(44)} ${now.kept.toLocaleString('en-GB').padStart(13)} ${pct(now.any).padStart(16)} ${pct(now.ending).padStart(16)}`);
console.log(`${'baseline: the template day\'s buyers'.padEnd(44)} ${before.kept.toLocaleString('en-GB').padStart(13)} ${pct(before.any).padStart(16)} ${pct(before.ending).padStart(16)}`);
