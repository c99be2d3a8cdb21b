// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { getSyncStatus, runSync, type SyncDeps } from '@/entrypoints/background/refresh/sync';
import type { NoticeRow } from '@/lib/ocds/row';
import {
  CONTRACTS_FINDER_PATH,
  FIND_A_TENDER_PATH,
  fixtureReleasesBetween,
  type ApiPath,
  type FakeSource,
  type Fault,
} from '../../../../support/fake-procurement-api';
import { DAY, expectedRows, fakeApiDeps, rowsOf, syncTestBed } from '../../../../support/sync-harness';

/**
 * Fault injection: each fault in turn on a page in the middle of a window (page 3 of 4: the 34
 * releases of 2025-03-11 12:00 to 15:00, pages of 10). Nothing lost, nothing duplicated, the cache
 * unchanged by the failed page, the sync resumes, and it ends with what a clean run stores.
 */

const NOW = Date.parse('2025-03-11T15:00:00Z');
/** Three hours: one small window keeps 39 cases fast. */
const BACKFILL_DAYS = 0.125;
const RELEASES = 34;
/**
 * Real time: the per-request timeout is the one wait not on the injected clock (AbortSignal.timeout),
 * so it is short where a hanging answer is injected and generous elsewhere (a loaded CI machine).
 */
const timeoutFor = (fault?: Fault): number => (fault?.kind === 'hang' ? 400 : 10_000);

const bed = syncTestBed(NOW, { pageSize: 10 });

/** The UK-wide pair; the devolved portals' faults are in portal-sync.test.ts. */
type SyncSource = FakeSource;
const PATHS: Record<SyncSource, ApiPath> = { 'contracts-finder': CONTRACTS_FINDER_PATH, 'find-a-tender': FIND_A_TENDER_PATH };
const hasCursor = (url: URL): boolean => url.searchParams.has('cursor');

function deps(source: SyncSource, overrides: Partial<SyncDeps> = {}, fault?: Fault): SyncDeps {
  return {
    ...fakeApiDeps(bed.db, bed.clock, bed.api.url),
    sources: [source],
    options: { backfillDays: BACKFILL_DAYS, requestTimeoutMs: timeoutFor(fault) },
    ...overrides,
  };
}

const clean = (source: SyncSource): NoticeRow[] => expectedRows([source], NOW - BACKFILL_DAYS * DAY, NOW);

async function cursorRow(source: SyncSource): Promise<unknown> {
  return (await bed.db.meta.get(`sync:${source}`))?.value;
}

/** Snapshots the cache and the cursor after every stored page (onProgress is awaited). */
function snapshotter(source: SyncSource): { onProgress: SyncDeps['onProgress']; last: () => { rows: NoticeRow[]; cursor: unknown } } {
  let pages = 0;
  let last = { rows: [] as NoticeRow[], cursor: undefined as unknown };
  return {
    onProgress: async (p) => {
      if (p.pages === pages) return;
      pages = p.pages;
      last = { rows: await rowsOf(bed.db), cursor: await cursorRow(source) };
    },
    last: () => last,
  };
}

const RETRYABLE: [string, Fault][] = [
  ['HTTP 500', { kind: 'status', status: 500 }],
  ['HTTP 502', { kind: 'status', status: 502 }],
  ['HTTP 503 without Retry-After', { kind: 'status', status: 503 }],
  ['HTTP 504', { kind: 'status', status: 504 }],
  ['no answer (timeout)', { kind: 'hang' }],
  ['a reset connection', { kind: 'reset' }],
  ['truncated JSON', { kind: 'truncate' }],
  ['a connection cut mid-body', { kind: 'truncate', mode: 'cut-connection' }],
  ['the previous page served again', { kind: 'repeat-previous' }],
  ['the previous releases again, under a new cursor', { kind: 'repeat-previous', freshNext: true }],
  ['a links.next pointing back to itself', { kind: 'next-points-back' }],
];
// Both sources share the client (walk-source.ts); Find a Tender adds only its pacing, so it gets
// one fault of each kind (status, timeout, bad body, repeated page) to keep the folder fast.
const FAT_KINDS = ['HTTP 500', 'no answer (timeout)', 'truncated JSON', 'the previous page served again'];
const CASES = [
  ...RETRYABLE.map(([label, fault]) => ['contracts-finder', label, fault] as const),
  ...RETRYABLE.filter(([label]) => FAT_KINDS.includes(label)).map(([label, fault]) => ['find-a-tender', label, fault] as const),
];

describe.each(CASES)('%s, %s on page 3', (source, _label, fault) => {
  const path = PATHS[source];

  test('once: retried after a backoff; the run ends with the clean content, each page stored once', async () => {
    bed.api.inject({ path, fault, match: hasCursor, skip: 1 });
    const report = await runSync(deps(source, {}, fault));
    expect(report.outcome).toBe('done');
    expect(await rowsOf(bed.db)).toEqual(clean(source));
    expect(report.sources[0]).toMatchObject({ state: 'done', pages: 4, releases: RELEASES });
    expect(report.sources[0]!.errors.length).toBeGreaterThanOrEqual(1);
    expect(bed.clock.sleeps).toContain(2_000);
    // Every row's releases are distinct: no release merged in twice.
    for (const row of await rowsOf(bed.db)) expect(new Set(row.releaseIds).size).toBe(row.releaseIds.length);
  });

  test('persistent: the run stops with the error, the failed page writes nothing, the next run resumes there', async () => {
    bed.api.inject({ path, fault, match: hasCursor, skip: 1, times: Number.POSITIVE_INFINITY });
    const snap = snapshotter(source);
    const first = await runSync(deps(source, { onProgress: snap.onProgress }, fault));

    expect(first.outcome).toBe('failed');
    expect(first.sources[0]).toMatchObject({ state: 'failed', pages: 2 });
    expect(first.sources[0]!.errors.at(-1)!.message).toMatch(/gave up after 5 attempts; the next run resumes here/);
    // The cache and the cursor are as the last good page left them.
    expect(await rowsOf(bed.db)).toEqual(snap.last().rows);
    expect(await cursorRow(source)).toEqual(snap.last().cursor);
    // Five attempts, 2, 4, 8, 16 s apart (Find a Tender: never under its 10 s spacing).
    const failedUrl = bed.api.requests(path).at(-1)!.url;
    const attempts = bed.api.requests(path).filter((e) => e.url === failedUrl);
    const spacing = source === 'find-a-tender' ? 10_000 : 0;
    expect(attempts.slice(1).map((e, i) => e.at - attempts[i]!.at)).toEqual([2_000, 4_000, 8_000, 16_000].map((ms) => Math.max(ms, spacing)));
    const goodUrls = new Set(bed.api.requests(path).filter((e) => e.status === 200 && !e.fault).map((e) => e.url));

    bed.api.clearFaults();
    const before = bed.api.log.length;
    const second = await runSync(deps(source));
    const resumed = bed.api.log.slice(before);
    expect(second.outcome).toBe('done');
    expect(resumed[0]!.url).toBe(failedUrl);
    expect(resumed.filter((e) => goodUrls.has(e.url))).toEqual([]);
    expect(await rowsOf(bed.db)).toEqual(clean(source));
  });
});

describe('overload answers', () => {
  test.each([
    ['403', { kind: 'status', status: 403 } as Fault, 300_000],
    ['429', { kind: 'status', status: 429 } as Fault, 300_000],
    ['429 with Retry-After: 600', { kind: 'status', status: 429, retryAfter: '600' } as Fault, 600_000],
  ])('Contracts Finder %s: waits 5 minutes (or longer when told) and asks for the same page again', async (_label, fault, wait) => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault, match: hasCursor });
    const report = await runSync(deps('contracts-finder'));
    expect(report.outcome).toBe('done');
    const log = bed.api.requests(CONTRACTS_FINDER_PATH);
    const i = log.findIndex((e) => e.fault);
    expect(log[i + 1]!.url).toBe(log[i]!.url);
    expect(log[i + 1]!.at - log[i]!.at).toBe(wait);
    expect(bed.clock.sleeps).toEqual([wait]);
    expect(await rowsOf(bed.db)).toEqual(clean('contracts-finder'));
  });

  test.each([
    ['429, Retry-After in seconds', { kind: 'status', status: 429, retryAfter: '120' } as Fault, 120_000],
    ['503, Retry-After as an HTTP date', { kind: 'status', status: 503, retryAfter: new Date(NOW + 45_000).toUTCString() } as Fault, 45_000],
    ['429 without Retry-After: the 2-minute budget', { kind: 'status', status: 429 } as Fault, 120_000],
  ])('Find a Tender %s: obeyed, and requests stay 10 s apart', async (_label, fault, wait) => {
    // The fault hits the very first request, so the clock has not moved when the date is read.
    bed.api.inject({ path: FIND_A_TENDER_PATH, fault });
    const report = await runSync(deps('find-a-tender'));
    expect(report.outcome).toBe('done');
    const log = bed.api.requests(FIND_A_TENDER_PATH);
    expect(log[1]!.url).toBe(log[0]!.url);
    expect(log[1]!.at - log[0]!.at).toBe(wait);
    log.slice(1).forEach((e, i) => expect(e.at - log[i]!.at).toBeGreaterThanOrEqual(10_000));
    expect(await rowsOf(bed.db)).toEqual(clean('find-a-tender'));
  });

  test('Contracts Finder overloaded for good: gives up after 6 waits; the wait is stored; the next run resumes', async () => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 403 }, match: hasCursor, times: Number.POSITIVE_INFINITY });
    const snap = snapshotter('contracts-finder');
    const first = await runSync(deps('contracts-finder', { onProgress: snap.onProgress }));
    expect(first.outcome).toBe('failed');
    expect(first.sources[0]!.errors.at(-1)!.message).toBe('Contracts Finder still overloaded (HTTP 403) after 6 waits');
    expect(bed.clock.sleeps).toEqual(Array(6).fill(300_000));
    expect(bed.api.requests(CONTRACTS_FINDER_PATH)).toHaveLength(8);
    expect(await rowsOf(bed.db)).toEqual(snap.last().rows);
    bed.api.clearFaults();
    const second = await runSync(deps('contracts-finder'));
    expect(second.outcome).toBe('done');
    expect(await rowsOf(bed.db)).toEqual(clean('contracts-finder'));
  });

  test('a wait longer than maxInlineWaitMs pauses the run until resumeAt, and the next run honours it', async () => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 429 }, match: hasCursor });
    const options = { backfillDays: BACKFILL_DAYS, maxInlineWaitMs: 25_000 };
    const first = await runSync(deps('contracts-finder', { options }));
    expect(first.outcome).toBe('paused');
    expect(first.resumeAt).toBe(NOW + 300_000);
    expect(fixtureReleasesBetween('contracts-finder', NOW - BACKFILL_DAYS * DAY, NOW)).toHaveLength(RELEASES);
    expect(first.sources[0]).toMatchObject({ state: 'waiting', waitUntil: NOW + 300_000, pages: 1 });
    expect(bed.clock.sleeps).toEqual([]);
    expect((await getSyncStatus(bed.db, bed.clock.now())).sources[0]).toMatchObject({ waitUntil: NOW + 300_000, page: 1 });

    const requests = bed.api.log.length;
    bed.clock.advance(60_000);
    const early = await runSync(deps('contracts-finder', { options }));
    expect(early.outcome).toBe('paused');
    expect(bed.api.log.length).toBe(requests);

    bed.clock.set(NOW + 300_000);
    const resumed = await runSync(deps('contracts-finder', { options }));
    expect(resumed.outcome).toBe('done');
    expect(bed.api.log[requests]!.url).toBe(bed.api.log[requests - 1]!.url);
    expect(await rowsOf(bed.db)).toEqual(clean('contracts-finder'));
  });
});

describe('refused requests', () => {
  test('a cursor the server refuses (400): the window is read again from its first page, once', async () => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 400 }, match: hasCursor, skip: 1 });
    const report = await runSync(deps('contracts-finder'));
    expect(report.outcome).toBe('done');
    const firstPages = bed.api.requests(CONTRACTS_FINDER_PATH).filter((e) => !e.cursor);
    expect(firstPages).toHaveLength(2);
    expect(report.sources[0]!.errors.at(-1)!.message).toMatch(/HTTP 400 .* reading the window again from its first page/);
    expect(await rowsOf(bed.db)).toEqual(clean('contracts-finder'));
  });

  test('a first page refused (404) stops the source at once: no retry, nothing written', async () => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 404 } });
    const report = await runSync(deps('contracts-finder'));
    expect(report.outcome).toBe('failed');
    expect(bed.api.log).toHaveLength(1);
    expect(await rowsOf(bed.db)).toEqual([]);
    expect(await cursorRow('contracts-finder')).toBeUndefined();
  });

  test('a failed source does not stop the next one', async () => {
    bed.api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 404 } });
    const report = await runSync(deps('contracts-finder', { sources: ['contracts-finder', 'find-a-tender'] }));
    expect(report.outcome).toBe('failed');
    expect(report.sources.map((s) => s.state)).toEqual(['failed', 'done']);
    expect(await rowsOf(bed.db)).toEqual(clean('find-a-tender'));
  });
});
