import { LAST_SYNC_KEY } from '../../clock';
import type { CouncilLensDB } from '../../db';
import { commitPage } from './commit-page';
import { readCursor, type SourceCursor } from '@/lib/sync/cursor';
import { acquireSyncLock, isLiveSnapshotLoad, LockLostError, renewSyncLock, readLock } from './lock';
import { backfillKey, cursorKey, LOCK_KEY, RUN_KEY, withError, type SyncProgress, type SyncReport } from './progress';
import { backfillEdge, historyFloor, nextPace } from '@/lib/sync/backfill';
import type { SyncEdge } from '@/lib/sync/status';
import { baseFor, DEFAULT_BASES, isoSeconds, SOURCE_APIS, SYNC_SOURCES, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import {
  DEFAULT_WALK_OPTIONS,
  walkSource,
  type CursorStore,
  type FetchedPage,
  type WalkEdge,
  type WalkEvent,
  type WalkOptions,
  type WalkResult,
} from '@/lib/sync/walk-source';

export interface SyncOptions extends WalkOptions {
  /** How long a run's lock outlives its last sign of life (a page, a wait). */
  lockTtlMs: number;
  /**
   * Least time between two requests, per source, instead of the API's (sources.ts: Find a Tender
   * 10 s). For tests against the fake API with a compressed clock only; production passes none.
   */
  minIntervalMs?: Partial<Record<SyncSource, number>>;
}

/** How often a refresh waiting for a snapshot load looks at the lock again. */
const SNAPSHOT_LOAD_POLL_MS = 1_000;

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { ...DEFAULT_WALK_OPTIONS, lockTtlMs: 10 * 60_000 };

export interface SyncDeps {
  db: CouncilLensDB;
  /** Called unbound. In the background: `fetch` (host permissions for both API hosts). */
  fetch: typeof fetch;
  now(): number;
  /** Resolves after `ms`, rejects when `signal` aborts (sleep.ts). Every wait of the sync goes through it. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Defaults: {@link DEFAULT_BASES}. */
  bases?: Partial<SyncBases>;
  /** Buyer name -> council code (lib/councils/buyer.ts `buyerCouncilResolver`). */
  resolveCouncil(name: string): string | null;
  /** Keep every buyer's notices, not only councils'. */
  keepAllBuyers: boolean;
  /** Default: both, Contracts Finder first. */
  sources?: readonly SyncSource[];
  signal?: AbortSignal;
  /** Every change of a source's progress; awaited, and its errors ignored. */
  onProgress?(progress: SyncProgress): void | Promise<void>;
  options?: Partial<SyncOptions>;
  /**
   * The caller knows no other run is alive, so a lock still held is one a stopped service worker
   * left: take it over now rather than when it lapses (up to `lockTtlMs`, 10 minutes, of a
   * disabled "Refresh now"). True for the background's runner: one worker, one run at a time.
   */
  takeOverLock?: boolean;
  /**
   * History backfill (issue 10): after the forward edges, each source's backfill edge walks back to
   * `months` before now, newest window first. Absent: no backfill, and a source's first forward
   * run reaches back `backfillDays`. `signal` pauses the backfill alone (the user's Pause): the
   * run ends normally and the next one resumes from the stored backfill cursor.
   */
  history?: { months: number; signal?: AbortSignal };
}

function newRunId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function initialProgress(source: SyncSource, cursor: SourceCursor): SyncProgress {
  const at = cursor.syncedTo ?? '';
  const progress: SyncProgress = { source, window: cursor.window ?? { from: at, to: at }, pages: 0, releases: 0, notices: 0, errors: [], state: 'running' };
  if (cursor.syncedTo !== undefined) progress.syncedTo = cursor.syncedTo;
  return progress;
}

/**
 * One sync run: each source in turn (one request at a time overall) from its stored cursor to now,
 * every page stored with its cursor in one transaction (commit-page.ts). Guarded by a meta lock so
 * two runs never overlap (a snapshot load holding it is waited for). Never throws for network or API trouble: the report says how it ended,
 * and the next run resumes where this one stopped. A failed source does not stop the next one.
 *
 * In a service worker, pass `options.maxInlineWaitMs` below the idle limit (e.g. 25_000) and, on
 * outcome `paused`, create an alarm at `resumeAt` that calls runSync again.
 */
export async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const { db } = deps;
  const options: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const bases: SyncBases = { ...DEFAULT_BASES, ...deps.bases };
  const sources = [...new Set(deps.sources ?? SYNC_SOURCES)];
  const runId = newRunId();
  let startedAt = deps.now();
  let acquired = await acquireSyncLock(db, runId, startedAt, options.lockTtlMs, deps.takeOverLock);
  // A snapshot load stores its batches under the lock (seconds to a few minutes, renewed with every
  // batch): the refresh waits for it rather than reading pages the load is about to write. A lock
  // gone by the time it is read again (the load finished between the two reads) is tried at once,
  // not taken for another run's: that race ended a refresh as `busy` just as the load let go.
  while (!acquired) {
    const held = await readLock(db);
    if (held !== null) {
      if (!isLiveSnapshotLoad(held, deps.now())) break;
      try {
        await deps.sleep(SNAPSHOT_LOAD_POLL_MS, deps.signal);
      } catch {
        return { runId, outcome: 'aborted', startedAt, finishedAt: deps.now(), sources: [] };
      }
    }
    startedAt = deps.now();
    acquired = await acquireSyncLock(db, runId, startedAt, options.lockTtlMs, deps.takeOverLock);
  }
  if (!acquired) return { runId, outcome: 'busy', startedAt, finishedAt: startedAt, sources: [] };

  const report: SyncReport = { runId, outcome: 'running', startedAt, sources: [] };
  const snapshot = (): SyncReport => structuredClone(report);
  let lockLost = false;

  const notify = async (progress: SyncProgress): Promise<void> => {
    try {
      await deps.onProgress?.(structuredClone(progress));
    } catch {
      // The listener's trouble is not the sync's.
    }
  };
  /** Runs a write that proves the lock is still ours; notes when it is not, so the run stops. */
  const guarded = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (error instanceof LockLostError) lockLost = true;
      throw error;
    }
  };
  /** Stores the run's progress and extends the lock to `holdUntil` + TTL. */
  const persistRun = (holdUntil: number): Promise<void> =>
    guarded(() =>
      db.transaction('rw', db.meta, async () => {
        await renewSyncLock(db, runId, holdUntil + options.lockTtlMs);
        await db.meta.put({ key: RUN_KEY, value: snapshot() });
      }),
    );

  try {
    await persistRun(startedAt);
    /** Each API's last request in this run, shared by its two edges (the spacing holds across them). */
    const lastRequests = Object.fromEntries(SYNC_SOURCES.map((source) => [source, {}])) as Record<SyncSource, { at?: number }>;
    /** Where each forward edge stood when this run began: a new backfill's anchor. */
    const anchors = new Map<SyncSource, string>();
    /** Walks one edge of one source; false when the run must stop (aborted, lock lost). */
    const walkEdge = async (source: SyncSource, edge: SyncEdge): Promise<boolean> => {
      const interval = options.minIntervalMs?.[source];
      const api = interval === undefined ? SOURCE_APIS[source] : { ...SOURCE_APIS[source], minIntervalMs: interval };
      const key = edge === 'backfill' ? backfillKey(source) : cursorKey(source);
      const loadCursor = async (): Promise<SourceCursor> => readCursor((await db.meta.get(key))?.value);
      const saveCursor = (cursor: SourceCursor): Promise<void> =>
        guarded(() =>
          db.transaction('rw', db.meta, async () => {
            await renewSyncLock(db, runId, Math.max(deps.now(), cursor.waitUntil ?? 0) + options.lockTtlMs);
            await db.meta.put({ key, value: cursor });
          }),
        );
      let walkEdgeOf: WalkEdge | undefined;
      let signal = deps.signal;
      if (edge === 'backfill') {
        const history = deps.history!;
        let cursor = await loadCursor();
        if (cursor.anchor === undefined) {
          // The backfill starts where the forward edge stood before this run, so the two leave no
          // gap and what the forward edge read is not read again.
          const anchor = anchors.get(source) ?? readCursor((await db.meta.get(cursorKey(source)))?.value).syncedTo;
          if (anchor === undefined) return true;
          cursor = { ...cursor, anchor };
          await saveCursor(cursor);
        }
        walkEdgeOf = backfillEdge(api, historyFloor(deps.now(), history.months));
        if (history.signal) signal = signal ? AbortSignal.any([signal, history.signal]) : history.signal;
      } else if (deps.history) {
        // With a backfill, a source's first forward run starts now: the backfill reads the past.
        const cursor = await loadCursor();
        if (cursor.syncedTo === undefined && cursor.window === undefined) {
          const syncedTo = isoSeconds(deps.now());
          await saveCursor({ ...cursor, syncedTo });
          anchors.set(source, syncedTo);
          report.sources.push({ ...initialProgress(source, { ...cursor, syncedTo }), state: 'done' });
          return true;
        }
        if (cursor.syncedTo !== undefined) anchors.set(source, cursor.syncedTo);
      }
      const first = initialProgress(source, await loadCursor());
      const index = report.sources.push(edge === 'backfill' ? { ...first, edge } : first) - 1;
      const progress = (): SyncProgress => report.sources[index]!;
      const update = (next: SyncProgress): void => {
        report.sources[index] = next;
      };

      const store: CursorStore = {
        load: loadCursor,
        save: saveCursor,
        commit: async (page: FetchedPage, cursor: SourceCursor) => {
          const before = progress();
          const after: SyncProgress = { ...before, window: page.window, pages: before.pages + 1, releases: before.releases + page.releaseCount, state: 'running' };
          delete after.waitUntil;
          if (edge === 'forward' && cursor.syncedTo !== undefined) after.syncedTo = cursor.syncedTo;
          if (edge === 'backfill') {
            const span = Date.parse(page.window.to) - Date.parse(page.window.from);
            cursor = { ...cursor, pace: nextPace(cursor.pace, deps.now(), page.last ? { spanMs: span, pages: page.page } : null) };
            if (cursor.reachedBack !== undefined) after.syncedTo = cursor.reachedBack;
          }
          update(after);
          let written: number;
          let stored: SourceCursor;
          try {
            ({ written, cursor: stored } = await guarded(() =>
              commitPage(db, {
                source,
                edge,
                json: page.json,
                windowDone: page.last,
                resolveCouncil: deps.resolveCouncil,
                keepAllBuyers: deps.keepAllBuyers,
                cursor,
                run: snapshot(),
                runId,
                lockExpiresAt: deps.now() + options.lockTtlMs,
              }),
            ));
          } catch (error) {
            update(before);
            throw error;
          }
          update({ ...after, notices: after.notices + written });
          return stored;
        },
      };

      const onEvent = async (event: WalkEvent): Promise<void> => {
        const now = deps.now();
        switch (event.type) {
          case 'window':
            update({ ...progress(), window: event.window });
            break;
          case 'request': {
            const next = { ...progress(), state: 'running' as const };
            delete next.waitUntil;
            update(next);
            break;
          }
          case 'wait':
            update({ ...progress(), state: 'waiting', waitUntil: event.until });
            await persistRun(event.until);
            break;
          case 'error':
            update(withError(progress(), now, event.message));
            await persistRun(now);
            break;
          case 'page':
            break;
        }
        await notify(progress());
      };

      const result: WalkResult = await walkSource(
        { api, edge: walkEdgeOf, lastRequest: lastRequests[source], base: baseFor(source, bases), fetch: deps.fetch, now: deps.now, sleep: deps.sleep, signal, options, onEvent },
        store,
      );
      const now = deps.now();
      const ended = { ...progress() };
      delete ended.waitUntil;
      const pausedByUser = result.outcome === 'aborted' && edge === 'backfill' && deps.history?.signal?.aborted === true && deps.signal?.aborted !== true;
      switch (result.outcome) {
        case 'done':
          update({ ...ended, state: 'done', syncedTo: result.syncedTo });
          break;
        case 'paused':
          update(withError({ ...ended, state: 'waiting', waitUntil: result.resumeAt }, now, `${result.reason}: paused until ${new Date(result.resumeAt).toISOString()}`));
          report.resumeAt = Math.min(report.resumeAt ?? Number.POSITIVE_INFINITY, result.resumeAt);
          break;
        case 'aborted':
          if (pausedByUser) update({ ...ended, state: 'paused' });
          else update(withError({ ...ended, state: 'failed' }, now, 'Stopped before the end; the next run resumes from the last stored page.'));
          break;
        case 'failed':
          update(withError({ ...ended, state: 'failed' }, now, result.error));
          break;
      }
      await notify(progress());
      return !((result.outcome === 'aborted' && !pausedByUser) || lockLost);
    };

    let going = true;
    for (const source of sources) {
      going = await walkEdge(source, 'forward');
      if (!going) break;
    }
    // The backfill after every forward edge: the newest notices first, then history, newest first.
    if (going && deps.history) {
      for (const source of sources) {
        if (deps.history.signal?.aborted) break;
        if (!(await walkEdge(source, 'backfill'))) break;
      }
    }
  } catch (error) {
    // Only the database can get here (the walker never throws): record it against the run.
    if (error instanceof LockLostError) lockLost = true;
    const message = error instanceof Error ? error.message : String(error);
    const last = report.sources.length - 1;
    if (last >= 0) report.sources[last] = withError({ ...report.sources[last]!, state: 'failed' }, deps.now(), message);
    report.outcome = 'failed';
  }

  const finishedAt = deps.now();
  report.finishedAt = finishedAt;
  if (report.outcome === 'running') {
    const states = report.sources.map((p) => p.state);
    if (deps.signal?.aborted) report.outcome = 'aborted';
    else if (states.includes('failed')) report.outcome = 'failed';
    // A backfill the user paused is not waiting on a service: the run is done.
    else if (states.includes('waiting')) report.outcome = 'paused';
    else report.outcome = 'done';
  }
  if (!lockLost) {
    await db.transaction('rw', db.meta, async () => {
      const held = await readLock(db);
      if (held && held.runId !== runId) return;
      await db.meta.put({ key: RUN_KEY, value: snapshot() });
      if (report.outcome === 'done') await db.meta.put({ key: LAST_SYNC_KEY, value: finishedAt });
      if (held) await db.meta.delete(LOCK_KEY);
    });
  }
  return snapshot();
}
