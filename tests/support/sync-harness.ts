import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import type { SyncDeps } from '@/entrypoints/background/refresh/sync';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { buyerCouncilResolver } from '@/lib/councils/buyer';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { fakeClock, type FakeClock } from './fake-clock';
import { fixtureReleasesBetween, startFakeProcurementApi, type FakeApiOptions, type FakeProcurementApi, type FakeSource } from './fake-procurement-api';

/** Helpers for the sync tests: databases in fake-indexeddb, the council resolver, expectations. */

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

let resolver: ((name: string) => string | null) | undefined;
/**
 * The resolver the background uses, over the packaged register (public/data/councils.json); built
 * on first use, so tests that take only `freshIndexedDb` from here do not pay for it.
 */
export const resolveCouncil = (name: string): string | null =>
  (resolver ??= buyerCouncilResolver(createCouncilIndex(JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/councils.json'), 'utf8')))))(name);

/** A new, empty IndexedDB for Dexie; handles opened afterwards share it until the next call. */
export function freshIndexedDb(): void {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}

export const DB_NAME = 'sync-test';

export function openDb(): CouncilLensDB {
  return new CouncilLensDB(DB_NAME);
}

/**
 * What every sync test runs with: the fake API at `apiUrl` for every source, the fake clock, council
 * buyers only, and the two UK-wide sources (the devolved portals' tests name theirs).
 */
export function fakeApiDeps(db: CouncilLensDB, clock: Pick<FakeClock, 'now' | 'sleep'>, apiUrl: string): SyncDeps {
  const bases = { contractsFinder: apiUrl, findATender: apiUrl, publicContractsScotland: `${apiUrl}/public-contracts-scotland`, sell2wales: `${apiUrl}/sell2wales` };
  return { db, fetch, now: clock.now, sleep: clock.sleep, bases, sources: ['contracts-finder', 'find-a-tender'], resolveCouncil, keepAllBuyers: false };
}

export function byOcid(a: { ocid: string }, b: { ocid: string }): number {
  return a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0;
}

/** The notices table, sorted by ocid. */
export async function rowsOf(db: CouncilLensDB): Promise<NoticeRow[]> {
  return (await db.notices.toArray()).sort(byOcid);
}

/**
 * What a complete sync of `[from, to]` must store, worked out without the engine: the fixture
 * releases the fake serves for that window, parsed all at once by parseReleases, council buyers
 * only unless `keepAllBuyers`, as rows of origin `sync`.
 */
export function expectedRows(sources: readonly FakeSource[], from: number, to: number, keepAllBuyers = false): NoticeRow[] {
  const rows = sources.flatMap((source) => {
    const key = `${source}|${from}|${to}|${keepAllBuyers}`;
    let cached = expectations.get(key);
    if (!cached) {
      const { notices } = parseReleases(fixtureReleasesBetween(source, from, to), { resolveCouncil });
      cached = notices.filter((n) => keepAllBuyers || n.buyer.councilCode !== undefined).map((n) => toNoticeRow(n, 'sync'));
      expectations.set(key, cached);
    }
    return structuredClone(cached);
  });
  return rows.sort(byOcid);
}

/** Parsing is the slow part of a test; each expectation is worked out once per file. */
const expectations = new Map<string, NoticeRow[]>();

export const DAY = 86_400_000;

/** A `fetch` that records how many requests were in flight at once (the sync allows one). */
export function countingFetch(): { fetch: typeof fetch; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const wrapped: typeof fetch = async (input, init) => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  return { fetch: wrapped, maxInFlight: () => max };
}

/**
 * The usual sync test bed, registered on the calling file's hooks: one fake API for the file
 * (started with `apiOptions`, its log stamped with the test clock), and per test a fresh database,
 * a fake clock at `now`, an empty log and no faults. Read the current ones through the getters.
 */
export function syncTestBed(now: number, apiOptions: Omit<FakeApiOptions, 'clock'> = {}) {
  let api: FakeProcurementApi | undefined;
  let clock = fakeClock(now);
  let db: CouncilLensDB | undefined;
  beforeAll(async () => {
    api = await startFakeProcurementApi({ ...apiOptions, clock: () => clock.now() });
  });
  afterAll(() => api?.stop());
  beforeEach(() => {
    freshIndexedDb();
    db = openDb();
    clock = fakeClock(now);
    api!.log.length = 0;
    api!.clearFaults();
  });
  afterEach(() => db?.close());
  return {
    get api(): FakeProcurementApi {
      return api!;
    },
    get clock(): FakeClock {
      return clock;
    },
    get db(): CouncilLensDB {
      return db!;
    },
    /** Closes the database and opens a new handle on it: what a restarted worker sees. */
    reopen(): CouncilLensDB {
      db?.close();
      db = openDb();
      return db;
    },
  };
}
