import type { SourceCursor } from './cursor';
import { MONTH_CLOSE_GRACE_MS, monthStart, nextMonthStart, OPEN_MONTH_REREAD_MS } from './month-windows';
import { parseRetryAfter } from './retry-after';
import { isoSeconds, resolveNextUrl, type SourceApi, type SyncSource, type SyncWindow } from './sources';

/**
 * The API client both the background sync (entrypoints/background/refresh/sync/run-sync.ts,
 * pages into Dexie) and `npm run data:fetch` (lib/dataset/fetch-live.ts, pages into files) use:
 * it walks one source window by window and page
 * by page, one request at a time, and hands every good page to a store together with the cursor
 * that follows it. No browser APIs and no Dexie: fetch, the clock and sleeping are injected, so it
 * runs in Node and tests run it against a fake API with a fake clock.
 *
 * Failure policy, per page:
 * - an overload answer (sources.ts: Contracts Finder 403/429 -> 5 minutes; Find a Tender 429/503
 *   -> Retry-After) waits and asks for the same page again, up to `maxThrottleWaits` times;
 * - 5xx, 408, network errors, no answer within `requestTimeoutMs`, invalid or truncated JSON, a
 *   body that is not a release package, the previous page served again, and a `links.next` that
 *   points back or off the API, are retried after 2, 4, 8, 16 s (capped exponential backoff), up
 *   to `maxRetries` times; then the source stops with the error and the next run resumes there;
 * - any other 4xx on a cursor page restarts the window from its first page once (a cursor the
 *   server no longer accepts); on a first page it stops the source.
 * Nothing of a failed page reaches the store.
 */

export interface FetchedPage {
  source: SyncSource;
  url: string;
  /** The response body exactly as received. */
  text: string;
  /** The body parsed: a release package (an object with a `releases` array). */
  json: Record<string, unknown>;
  releaseCount: number;
  window: SyncWindow;
  /** 1 for the window's first page. */
  page: number;
  /** No `links.next`: the window is complete with this page. */
  last: boolean;
}

/** Where pages and cursors go. `commit` must store both or neither. */
export interface CursorStore {
  load(): Promise<SourceCursor>;
  /** Stores a page and the cursor after it; returns the cursor as stored (a store may update `totals`). */
  commit(page: FetchedPage, cursor: SourceCursor): Promise<SourceCursor>;
  /** Stores the cursor alone: a restarted window or an overload wait; never a page. */
  save(cursor: SourceCursor): Promise<void>;
}

export type WalkEvent =
  | { type: 'window'; window: SyncWindow }
  | { type: 'request'; url: string }
  | { type: 'wait'; until: number; reason: string }
  | { type: 'error'; message: string }
  | { type: 'page'; page: FetchedPage; cursor: SourceCursor };

export interface WalkOptions {
  /** First run: how far back to start. */
  backfillDays: number;
  /** Incremental runs start this long before the last `syncedTo`, for releases indexed late. */
  overlapMs: number;
  requestTimeoutMs: number;
  /**
   * Longest wait done inside the run. A longer one (a 5-minute overload wait in a service worker
   * that may be stopped after 30 s idle) ends the run with outcome `paused` and `resumeAt`, and the
   * wait is stored so the next run honours it.
   */
  maxInlineWaitMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxThrottleWaits: number;
  maxPagesPerWindow: number;
}

export const DEFAULT_WALK_OPTIONS: WalkOptions = {
  backfillDays: 30,
  overlapMs: 60 * 60_000,
  requestTimeoutMs: 30_000,
  maxInlineWaitMs: Number.POSITIVE_INFINITY,
  maxRetries: 4,
  backoffBaseMs: 2_000,
  backoffCapMs: 60_000,
  maxThrottleWaits: 6,
  maxPagesPerWindow: 1_000,
};

/**
 * Which way a walk goes over the stream. The forward edge (the default) reads from the source's
 * `syncedTo` up to now; the backfill edge reads back from `reachedBack` (first: `anchor`) to a
 * floor, newest window first (backfill.ts). Either way a window is read page by page and the edge
 * moves over it with the window's last page, in the same commit.
 */
export interface WalkEdge {
  /** The next window to read from `cursor` (no window in progress), or undefined: nothing left. */
  next(cursor: SourceCursor, end: number, startOfRun: boolean): SyncWindow | undefined;
  /** The cursor after `window`'s last page: the edge moved over it. */
  passed(cursor: SourceCursor, window: SyncWindow): SourceCursor;
  /** Where the edge stands, for the `done` result. */
  reached(cursor: SourceCursor, end: number): string;
}

/** The forward edge: from `syncedTo` (first run: `backfillDays` ago) to now, overlapping the last run by `overlapMs`. */
export function forwardEdge(api: SourceApi, options: Pick<WalkOptions, 'backfillDays' | 'overlapMs'>): WalkEdge {
  if (api.window === 'month') return monthForwardEdge(options);
  return {
    next(cursor, end, startOfRun) {
      const from = cursor.syncedTo === undefined ? end - options.backfillDays * 86_400_000 : Date.parse(cursor.syncedTo) - (startOfRun ? options.overlapMs : 0);
      if (Number.isNaN(from) || end - from < MIN_WINDOW_MS) return undefined;
      return { from: isoSeconds(from), to: isoSeconds(Math.min(from + api.windowMs, end)) };
    },
    passed: (cursor, passedWindow) => ({ ...cursor, syncedTo: passedWindow.to }),
    reached: (cursor, end) => cursor.syncedTo ?? isoSeconds(end),
  };
}

export interface WalkContext {
  api: SourceApi;
  /** Default: {@link forwardEdge}. */
  edge?: WalkEdge;
  /**
   * When this API was last asked (epoch ms), shared by the walks of one run over the same API (its
   * forward and backfill edges), so the spacing holds across them. Default: this walk's own.
   */
  lastRequest?: { at?: number };
  base: string;
  fetch: typeof fetch;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal;
  options: WalkOptions;
  onEvent?(event: WalkEvent): void | Promise<void>;
}

export type WalkResult =
  /** `syncedTo`: where the edge stands (the forward edge's `syncedTo`, the backfill's `reachedBack`). */
  | { outcome: 'done'; syncedTo: string }
  | { outcome: 'failed'; error: string }
  | { outcome: 'paused'; resumeAt: number; reason: string }
  | { outcome: 'aborted' };

/**
 * The forward edge of a month-window API: month by month from the month of `syncedTo` (first run:
 * `backfillDays` ago). A month still open when read leaves `syncedTo` inside it, so a later run
 * (at least {@link OPEN_MONTH_REREAD_MS} on) reads the whole month again, until a read made after
 * it closed ({@link MONTH_CLOSE_GRACE_MS}) moves `syncedTo` to the next month's start.
 */
function monthForwardEdge(options: Pick<WalkOptions, 'backfillDays'>): WalkEdge {
  return {
    next(cursor, end, startOfRun) {
      const at = cursor.syncedTo === undefined ? end - options.backfillDays * 86_400_000 : Date.parse(cursor.syncedTo);
      if (Number.isNaN(at)) return undefined;
      const start = monthStart(at);
      // Inside a month: it was open when last read. Read again at a run's start, not in the same run.
      if (at !== start && (!startOfRun || (cursor.syncedTo !== undefined && end - at < OPEN_MONTH_REREAD_MS))) return undefined;
      if (end - start < MIN_WINDOW_MS) return undefined;
      const close = nextMonthStart(start);
      const to = end >= close + MONTH_CLOSE_GRACE_MS ? close : Math.min(end, close - 1000);
      return { from: isoSeconds(start), to: isoSeconds(to) };
    },
    passed: (cursor, passedWindow) => ({ ...cursor, syncedTo: passedWindow.to }),
    reached: (cursor, end) => cursor.syncedTo ?? isoSeconds(end),
  };
}

/** Windows shorter than this are not asked for: nothing can be new in them. */
export const MIN_WINDOW_MS = 60_000;
/** Page URLs remembered per window for the points-back check. */
const MAX_FETCHED = 200;

class StopWalk extends Error {
  constructor(readonly result: WalkResult) {
    super('outcome' in result && result.outcome === 'failed' ? result.error : result.outcome);
  }
}

/** A 4xx that is not an overload answer: the request itself is refused. */
class RequestRefused extends Error {}

type Attempt =
  | { kind: 'ok'; text: string; json: Record<string, unknown>; releases: unknown[] }
  | { kind: 'throttled'; status: number; waitMs: number }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string };

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A cheap fingerprint of a page: its releases' ocid, id and date, in order (FNV-1a, 32 bits). */
export function pageKey(releases: readonly unknown[]): string {
  let hash = 0x811c9dc5;
  const text = releases.map((r) => (isObject(r) ? `${String(r['ocid'])}|${String(r['id'])}|${String(r['date'])}` : '?')).join('\n');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${releases.length}:${hash.toString(16)}`;
}

/**
 * Walks one source from its stored cursor to now. Never throws: the outcome says how it ended.
 */
export async function walkSource(ctx: WalkContext, store: CursorStore): Promise<WalkResult> {
  const { api, options } = ctx;
  const lastRequest = ctx.lastRequest ?? {};
  let cursor: SourceCursor;

  const aborted = (): boolean => ctx.signal?.aborted === true;
  const stopIfAborted = (): void => {
    if (aborted()) throw new StopWalk({ outcome: 'aborted' });
  };
  const emit = async (event: WalkEvent): Promise<void> => {
    await ctx.onEvent?.(event);
  };

  /** Waits until `until` through the injected sleep, or ends the run when that is too long. */
  const waitTill = async (until: number, reason: string, remember = false): Promise<void> => {
    const ms = until - ctx.now();
    if (ms <= 0) return;
    if (remember || ms > options.maxInlineWaitMs) {
      cursor = { ...cursor, waitUntil: until };
      await store.save(cursor);
    }
    if (ms > options.maxInlineWaitMs) throw new StopWalk({ outcome: 'paused', resumeAt: until, reason });
    await emit({ type: 'wait', until, reason });
    try {
      await ctx.sleep(ms, ctx.signal);
    } catch (error) {
      stopIfAborted();
      throw error;
    }
    stopIfAborted();
  };

  const attempt = async (url: string): Promise<Attempt> => {
    const timeout = AbortSignal.timeout(options.requestTimeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
    const lost = (error: unknown, what: string): Attempt => {
      stopIfAborted();
      if (timeout.aborted) return { kind: 'retry', message: `no answer within ${options.requestTimeoutMs / 1000} s` };
      return { kind: 'retry', message: `${what}: ${messageOf(error)}` };
    };
    // Called unbound: a browser's fetch called as a method of another object throws "Illegal invocation".
    const fetchFn = ctx.fetch;
    let response: Response;
    try {
      response = await fetchFn(url, { signal, headers: { accept: 'application/json' }, credentials: 'omit' });
    } catch (error) {
      return lost(error, 'network error');
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
      const wait = api.throttleWait(response.status, retryAfterMs);
      if (wait !== undefined) return { kind: 'throttled', status: response.status, waitMs: wait };
      if (response.status >= 500 || response.status === 408) return { kind: 'retry', message: `HTTP ${response.status}` };
      return { kind: 'refused', message: `HTTP ${response.status}` };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return lost(error, 'connection lost while reading');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'retry', message: `invalid JSON (${text.length} bytes; truncated?)` };
    }
    // Proactis APIs answer an empty month with a package that has no `releases` (sources.ts).
    if (api.emptyPackageWithoutReleases && isObject(json) && !('releases' in json) && ('uri' in json || 'publishedDate' in json || 'publisher' in json)) {
      return { kind: 'ok', text, json: { ...json, releases: [] }, releases: [] };
    }
    if (!isObject(json) || !Array.isArray(json['releases'])) return { kind: 'retry', message: 'the answer is not an OCDS release package' };
    return { kind: 'ok', text, json, releases: json['releases'] };
  };

  /** Problems of a page that parsed: served again, or a next link we must not follow. */
  const pageProblem = (url: string, releases: readonly unknown[], key: string, next: string | null | undefined): string | undefined => {
    if (next === null) return 'links.next is not a page of this API';
    if (next !== undefined && (next === url || cursor.fetched.includes(next))) return 'links.next points back to a page already read';
    if (releases.length > 0 && key === cursor.lastPageKey) return 'the previous page was served again';
    return undefined;
  };

  /** One page, with the failure policy above. */
  const fetchPage = async (url: string, span: SyncWindow): Promise<{ text: string; json: Record<string, unknown>; count: number; key: string; next?: string }> => {
    let retries = 0;
    let throttles = 0;
    for (;;) {
      stopIfAborted();
      if (lastRequest.at !== undefined) await waitTill(lastRequest.at + api.minIntervalMs, `${api.label} allows one request every ${api.minIntervalMs / 1000} s`);
      lastRequest.at = ctx.now();
      await emit({ type: 'request', url });
      let result = await attempt(url);
      if (result.kind === 'ok') {
        const key = pageKey(result.releases);
        const links = result.json['links'];
        const rawNext = isObject(links) && typeof links['next'] === 'string' && links['next'].trim() !== '' ? links['next'].trim() : undefined;
        const next = api.nextPageUrl ? api.nextPageUrl(ctx.base, span, url) : rawNext === undefined ? undefined : resolveNextUrl(rawNext, ctx.base, api);
        const problem = pageProblem(url, result.releases, key, next);
        if (problem === undefined) {
          return { text: result.text, json: result.json, count: result.releases.length, key, ...(next ? { next } : {}) };
        }
        result = { kind: 'retry', message: problem };
      }
      if (result.kind === 'refused') throw new RequestRefused(`${api.label}: ${result.message} for ${url}`);
      if (result.kind === 'throttled') {
        throttles += 1;
        if (throttles > options.maxThrottleWaits) {
          throw new StopWalk({ outcome: 'failed', error: `${api.label} still overloaded (HTTP ${result.status}) after ${options.maxThrottleWaits} waits` });
        }
        const until = ctx.now() + result.waitMs;
        await emit({ type: 'error', message: `${api.label} is overloaded (HTTP ${result.status}); asking again at ${new Date(until).toISOString()}` });
        await waitTill(until, `${api.label} is overloaded (HTTP ${result.status})`, true);
        continue;
      }
      retries += 1;
      if (retries > options.maxRetries) {
        throw new StopWalk({ outcome: 'failed', error: `${api.label}: ${result.message} (gave up after ${options.maxRetries + 1} attempts; the next run resumes here)` });
      }
      const delay = Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** (retries - 1));
      await emit({ type: 'error', message: `${api.label}: ${result.message}; retrying in ${Math.round(delay / 1000)} s` });
      await waitTill(ctx.now() + delay, `retrying after: ${result.message}`);
    }
  };

  try {
    cursor = await store.load();
    const end = Math.floor(ctx.now() / 1000) * 1000;
    if (cursor.waitUntil !== undefined && cursor.waitUntil > ctx.now()) {
      await waitTill(cursor.waitUntil, `${api.label} was overloaded`);
    }
    const edge = ctx.edge ?? forwardEdge(api, options);
    // Only a run that starts between windows looks back over the overlap; a resumed window goes on.
    let overlap = cursor.window === undefined;
    let restarted = false;
    for (;;) {
      stopIfAborted();
      let current = cursor.window;
      if (current === undefined) {
        current = edge.next(cursor, end, overlap);
        overlap = false;
        if (current === undefined) return { outcome: 'done', syncedTo: edge.reached(cursor, end) };
        cursor = { ...cursor, window: current, page: 0, fetched: [] };
        delete cursor.next;
        delete cursor.lastPageKey;
        await emit({ type: 'window', window: current });
      }
      if (cursor.page >= options.maxPagesPerWindow) {
        return { outcome: 'failed', error: `${api.label}: more than ${options.maxPagesPerWindow} pages in the window ${current.from} to ${current.to}` };
      }
      const url = cursor.next ?? api.firstPageUrl(ctx.base, current);
      let page: Awaited<ReturnType<typeof fetchPage>>;
      try {
        page = await fetchPage(url, current);
      } catch (error) {
        if (!(error instanceof RequestRefused) || cursor.next === undefined || restarted) throw error;
        // A cursor the server no longer takes: read the window again from its first page. Pages
        // already stored come again and merge into the same rows (nothing doubles).
        restarted = true;
        cursor = { ...cursor, page: 0, fetched: [] };
        delete cursor.next;
        delete cursor.lastPageKey;
        delete cursor.pending;
        await store.save(cursor);
        await emit({ type: 'error', message: `${error.message}; reading the window again from its first page` });
        continue;
      }
      const last = page.next === undefined;
      const totals = { ...cursor.totals, pages: cursor.totals.pages + 1, releases: cursor.totals.releases + page.count };
      // `pending` (page-notices.ts) goes along for the store to read; it is dropped with the window.
      let after: SourceCursor;
      if (last) {
        const { window: _window, next: _next, lastPageKey: _key, pending, waitUntil: _wait, ...kept } = cursor;
        after = edge.passed({ ...kept, page: 0, fetched: [], totals, ...(pending ? { pending } : {}) }, current);
      } else {
        after = { ...cursor, next: page.next, page: cursor.page + 1, lastPageKey: page.key, fetched: [...cursor.fetched, url].slice(-MAX_FETCHED), totals };
      }
      delete after.waitUntil;
      const fetched: FetchedPage = { source: api.id, url, text: page.text, json: page.json, releaseCount: page.count, window: current, page: cursor.page + 1, last };
      cursor = await store.commit(fetched, after);
      await emit({ type: 'page', page: fetched, cursor });
    }
  } catch (error) {
    if (error instanceof StopWalk) return error.result;
    if (aborted()) return { outcome: 'aborted' };
    return { outcome: 'failed', error: messageOf(error) };
  }
}
