// @vitest-environment node
import { expect, test } from 'vitest';
import { getSyncStatus, runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { acquireSyncLock, readLock } from '@/entrypoints/background/refresh/sync/lock';
import { DAY, expectedRows, fakeApiDeps, openDb, rowsOf, syncTestBed } from '../../../../support/sync-harness';

/** Two runs never overlap: a meta lock with an expiry (a service worker can die holding it). */

// Three hours of 2025-03-11: 34 releases, 4 pages of 10.
const NOW = Date.parse('2025-03-11T15:00:00Z');
const BACKFILL_DAYS = 0.125;

const bed = syncTestBed(NOW, { pageSize: 10 });

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    ...fakeApiDeps(bed.db, bed.clock, bed.api.url),
    sources: ['contracts-finder'],
    options: { backfillDays: BACKFILL_DAYS },
    ...overrides,
  };
}

test('two runs started together: one runs, the other is told busy and makes no request', async () => {
  const other = openDb();
  try {
    const reports = await Promise.all([runSync(deps()), runSync(deps({ db: other }))]);
    expect(reports.map((r) => r.outcome).sort()).toEqual(['busy', 'done']);
    expect(bed.api.log).toHaveLength(4);
    expect(await rowsOf(bed.db)).toEqual(expectedRows(['contracts-finder'], NOW - BACKFILL_DAYS * DAY, NOW));
    expect(await readLock(bed.db)).toBeNull();
  } finally {
    other.close();
  }
});

test.each([
  ['an unexpired lock makes the run busy', NOW + 60_000, 'busy', 0],
  ['an expired lock (a stopped worker) is taken over', NOW - 1, 'done', 4],
])('%s', async (_label, expiresAt, outcome, requests) => {
  await bed.db.meta.put({ key: 'sync:lock', value: { runId: 'other', expiresAt } });
  const report = await runSync(deps());
  expect(report.outcome).toBe(outcome);
  expect(bed.api.log).toHaveLength(requests);
  expect(await readLock(bed.db)).toEqual(outcome === 'busy' ? { runId: 'other', expiresAt } : null);
});

test('the background runner takes over an unexpired lock a stopped worker left, at once', async () => {
  // The worker died mid-run 30 s ago; its lock would hold "Refresh now" off for 10 minutes.
  await bed.db.meta.put({ key: 'sync:lock', value: { runId: 'dead-worker', expiresAt: NOW + 9.5 * 60_000 } });
  await bed.db.meta.put({ key: 'sync:run', value: { runId: 'dead-worker', outcome: 'running', startedAt: NOW - 30_000, sources: [] } });
  expect((await getSyncStatus(bed.db, NOW)).running).toBe(true);
  // The runner knows no run is alive in the only background there is.
  const status = await getSyncStatus(bed.db, NOW, false);
  expect(status.running).toBe(false);
  expect(status.lastRun?.outcome).toBe('failed');
  const report = await runSync(deps({ takeOverLock: true }));
  expect(report.outcome).toBe('done');
  expect(bed.api.log).toHaveLength(4);
  expect(await readLock(bed.db)).toBeNull();
});

test('a run whose lock was taken over stops at its next write, which is not made', async () => {
  let afterFirstPage: number | undefined;
  const report = await runSync(
    deps({
      onProgress: async (p) => {
        if (p.pages === 1 && afterFirstPage === undefined) {
          afterFirstPage = await bed.db.notices.count();
          await acquireSyncLock(bed.db, 'usurper', bed.clock.now() + 20 * 60_000, 60_000);
        }
      },
    }),
  );
  expect(report.outcome).toBe('failed');
  expect(report.sources[0]!.errors.at(-1)!.message).toMatch(/another sync run took over/);
  expect(await bed.db.notices.count()).toBe(afterFirstPage);
  expect((await readLock(bed.db))?.runId).toBe('usurper');
});

test('the lock is renewed with every page and released at the end', async () => {
  const expiries: number[] = [];
  await runSync(
    deps({
      sources: ['find-a-tender'],
      options: { backfillDays: BACKFILL_DAYS, lockTtlMs: 60_000 },
      onProgress: async () => {
        const lock = await readLock(bed.db);
        if (lock) expiries.push(lock.expiresAt);
      },
    }),
  );
  // Find a Tender's 10 s spacing moves the clock; every renewal pushes the expiry on.
  expect(expiries.at(-1)!).toBeGreaterThan(expiries[0]!);
  expect(Math.min(...expiries)).toBeGreaterThanOrEqual(NOW + 60_000);
  expect(await readLock(bed.db)).toBeNull();
});
