// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { getSyncStatus, INTERRUPTED_MESSAGE, runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import { CONTRACTS_FINDER_PATH } from '../../../../support/fake-procurement-api';
import { DAY, expectedRows, fakeApiDeps, rowsOf, syncTestBed } from '../../../../support/sync-harness';

/**
 * A run stopped part way (the signal fired, the worker died) resumes from the stored cursor in a
 * fresh database handle: no earlier page is fetched again, and the cache ends as after a clean run.
 */

// Two windows per source: 7 to 10 March (empty), then 10 March 15:00 to 11 March 15:00 (the 100
// releases of 2025-03-11, 5 pages of 20).
const NOW = Date.parse('2025-03-11T15:00:00Z');
const BACKFILL_DAYS = 4;

const bed = syncTestBed(NOW, { pageSize: 20 });

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    ...fakeApiDeps(bed.db, bed.clock, bed.api.url),
    options: { backfillDays: BACKFILL_DAYS },
    ...overrides,
  };
}

const clean = () => expectedRows(['contracts-finder', 'find-a-tender'], NOW - BACKFILL_DAYS * DAY, NOW);

describe('a run stopped part way', () => {
  test.each([2, 3, 5])('aborted after page %i: a new handle on the same database resumes from the stored cursor', async (stopAfter) => {
    const controller = new AbortController();
    const first = await runSync(
      deps({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.pages === stopAfter) controller.abort();
        },
      }),
    );
    expect(first.outcome).toBe('aborted');
    expect(first.sources).toHaveLength(1);
    expect(first.sources[0]).toMatchObject({ source: 'contracts-finder', state: 'failed', pages: stopAfter });
    const done = bed.api.log.filter((e) => e.status === 200).map((e) => e.url);
    expect(done).toHaveLength(stopAfter);
    const status = await getSyncStatus(bed.db, bed.clock.now());
    expect(status.running).toBe(false);
    expect(status.lastRun?.outcome).toBe('aborted');

    bed.reopen();
    const before = bed.api.log.length;
    const second = await runSync(deps());
    expect(second.outcome).toBe('done');
    const resumed = bed.api.log.slice(before).map((e) => e.url);
    expect(resumed.filter((url) => done.includes(url))).toEqual([]);
    // The first request of the new run is the stored cursor (a page) or the next window's first page.
    const cursor = new URL(resumed[0]!, bed.api.url);
    expect(cursor.pathname).toBe(CONTRACTS_FINDER_PATH);
    expect(await rowsOf(bed.db)).toEqual(clean());
  });

  test('a worker that died holding the lock: busy until the lock expires, shown as interrupted, then resumed', async () => {
    const controller = new AbortController();
    await runSync(deps({ signal: controller.signal, onProgress: (p) => void (p.pages === 3 && controller.abort()) }));
    // What a stopped service worker leaves: its lock and a run still marked running.
    const run = (await bed.db.meta.get('sync:run'))!.value as Record<string, unknown>;
    await bed.db.meta.bulkPut([
      { key: 'sync:lock', value: { runId: 'dead-worker', expiresAt: NOW + 10 * 60_000 } },
      { key: 'sync:run', value: { ...run, runId: 'dead-worker', outcome: 'running', finishedAt: undefined, sources: [{ ...(run['sources'] as object[])[0], state: 'running', errors: [] }] } },
    ]);
    expect((await getSyncStatus(bed.db, bed.clock.now())).running).toBe(true);
    const before = bed.api.log.length;
    expect((await runSync(deps())).outcome).toBe('busy');
    expect(bed.api.log.length).toBe(before);

    bed.clock.advance(11 * 60_000);
    const status = await getSyncStatus(bed.db, bed.clock.now());
    expect(status.running).toBe(false);
    expect(status.lastRun?.outcome).toBe('failed');
    expect(status.lastRun?.sources[0]).toMatchObject({ state: 'failed', errors: [{ message: INTERRUPTED_MESSAGE }] });
    expect(status.sources[0]).toMatchObject({ page: expect.any(Number), window: expect.any(Object) });

    bed.reopen();
    const resumed = await runSync(deps());
    expect(resumed.outcome).toBe('done');
    expect(await rowsOf(bed.db)).toEqual(clean());
  });
});
