import { browser } from 'wxt/browser';
import { z } from 'zod';
import { buyerCouncilResolver } from '@/lib/councils/buyer';
import type { CouncilIndex } from '@/lib/councils/council-index';
import type { Settings } from '@/lib/settings';
import { SYNC_SOURCES, SyncSourceSchema, type SyncStatus } from '@/lib/sync/status';
import { enabledSources } from '@/lib/sync/sources';
import { broadcast } from './broadcast';
import { localDate } from './clock';
import type { CouncilLensDB } from './db';
import { applyRetention, getSyncStatus, retentionSources, runSync, sleep, type SyncReport } from './refresh/sync';
import { backfillPending, backfillStarted } from './refresh/sync/sync-status';

/** The daily refresh. */
export const DAILY_ALARM = 'sync:daily';
/**
 * While the history backfill has more to read: a run every minute unless one is going, so a
 * stopped service worker, a closed browser or a lost network does not leave it half done (the run
 * resumes from the stored cursors). Cleared when the backfill is complete or paused.
 */
export const BACKFILL_ALARM = 'sync:backfill';
/**
 * Tests only (the real-browser tests' compressed clock): per-source request spacing in
 * `storage.local` under this key, e.g. `{ minIntervalMs: { 'find-a-tender': 50 } }`. Production
 * never writes it, and without it the APIs' own limits (lib/sync/sources.ts) apply.
 */
export const SYNC_TUNING_KEY = 'syncTuning';
const SyncTuningSchema = z.object({
  minIntervalMs: z.partialRecord(SyncSourceSchema, z.number().int().nonnegative()).optional(),
});
/** A run paused by an overloaded API (403/429/503 with a long wait) goes on at `resumeAt`. */
export const RESUME_ALARM = 'sync:resume';
const DAY_MINUTES = 24 * 60;
/** The first automatic run after install: soon, but not in the middle of loading the datasets. */
const FIRST_RUN_DELAY_MINUTES = 1;
/**
 * A service worker stops after about 30 s without events; an inline wait longer than this
 * becomes an alarm instead (runSync's `paused` outcome), so nothing depends on a sleeping timer.
 */
const MAX_INLINE_WAIT_MS = 25_000;

export interface SyncRunnerDeps {
  db: CouncilLensDB;
  /** The council name index (the same one the card uses), to keep council buyers. */
  councilIndex(): Promise<Pick<CouncilIndex, 'resolveName'>>;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  now?(): number;
  /** After a run that stored notices: cards on screen show their council's new tenders. */
  onStored?(report: SyncReport): Promise<void>;
}

/**
 * Runs the procurement sync in the background: one run at a time, "Refresh now" and the daily
 * alarm share it, every change of progress is broadcast (`syncChanged`) so an open options page
 * follows it, retention is applied after a complete run.
 */
export function createSyncRunner(deps: SyncRunnerDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<SyncReport> | null = null;

  const changed = (): void => void broadcast({ type: 'syncChanged' });
  /** Aborted by the user's Pause: stops the running backfill alone. */
  let pauseBackfill = new AbortController();

  async function tuning(): Promise<z.infer<typeof SyncTuningSchema>> {
    const stored = await browser.storage.local.get(SYNC_TUNING_KEY);
    const parsed = SyncTuningSchema.safeParse(stored[SYNC_TUNING_KEY]);
    return parsed.success ? parsed.data : {};
  }

  /** Keeps the backfill alarm while there is history left to read and the user has not paused it. */
  async function planBackfill(settings: Settings): Promise<boolean> {
    const pending = !settings.historyPaused && (await backfillPending(deps.db, now(), settings.historyMonths, enabledSources(settings)));
    if (pending) {
      if (!(await browser.alarms.get(BACKFILL_ALARM))) await browser.alarms.create(BACKFILL_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
    } else {
      await browser.alarms.clear(BACKFILL_ALARM);
    }
    return pending;
  }

  function run(): Promise<SyncReport> {
    running ??= (async () => {
      const [index, settings, tuned] = await Promise.all([deps.councilIndex(), deps.settings(), tuning()]);
      if (pauseBackfill.signal.aborted) pauseBackfill = new AbortController();
      const history = { months: settings.historyMonths, signal: settings.historyPaused ? AbortSignal.abort() : pauseBackfill.signal };
      // Set before the run, so a worker stopped in the middle of it is woken to go on.
      await planBackfill(settings);
      changed();
      const report = await runSync({
        db: deps.db,
        fetch: (input, init) => fetch(input, init),
        now,
        sleep,
        resolveCouncil: buyerCouncilResolver(index),
        keepAllBuyers: settings.keepAllBuyers,
        // A portal switched off in options is not read (issue 17).
        sources: enabledSources(settings),
        history,
        options: { maxInlineWaitMs: MAX_INLINE_WAIT_MS, ...(tuned.minIntervalMs ? { minIntervalMs: tuned.minIntervalMs } : {}) },
        // `running` is this worker's only run, and no other worker runs: a held lock is a dead one's.
        takeOverLock: true,
        onProgress: changed,
      });
      if (report.outcome === 'paused' && report.resumeAt !== undefined) {
        await browser.alarms.create(RESUME_ALARM, { when: Math.max(report.resumeAt, now() + 30_000) });
      }
      // Each source's rules apply unless its own refresh failed (retentionSources).
      // A portal switched off keeps its cached notices until they expire, as if its refresh had run.
      const sources = [...retentionSources(report), ...SYNC_SOURCES.filter((source) => !enabledSources(settings).includes(source))];
      if (sources.length > 0) await applyRetention(deps.db, localDate(now()), { sources, historyMonths: (await deps.settings()).historyMonths });
      await planBackfill(await deps.settings());
      if (report.sources.some((source) => source.notices > 0)) await deps.onStored?.(report).catch(() => undefined);
      return report;
    })().finally(() => {
      running = null;
      changed();
    });
    return running;
  }

  return {
    /** "Refresh now": starts a run (or joins the one running) and answers with the status at once. */
    async refreshNow(): Promise<SyncStatus> {
      const started = run();
      // Let the run take its lock before the status is read, so the page shows it running.
      await Promise.race([started.catch(() => undefined), sleep(50)]);
      const settings = await deps.settings();
      return getSyncStatus(deps.db, now(), running !== null, { months: settings.historyMonths, paused: settings.historyPaused });
    },
    status: async (): Promise<SyncStatus> => {
      const settings = await deps.settings();
      return getSyncStatus(deps.db, now(), running !== null, { months: settings.historyMonths, paused: settings.historyPaused });
    },
    run,
    /** Creates or clears the daily alarm to match the setting; `firstRunSoon` on install. */
    async schedule(settings: Settings, firstRunSoon: boolean): Promise<void> {
      if (!settings.dailyRefresh) {
        await browser.alarms.clear(DAILY_ALARM);
        return;
      }
      const existing = await browser.alarms.get(DAILY_ALARM);
      if (existing && !firstRunSoon) return;
      await browser.alarms.create(DAILY_ALARM, {
        delayInMinutes: firstRunSoon ? FIRST_RUN_DELAY_MINUTES : DAY_MINUTES,
        periodInMinutes: DAY_MINUTES,
      });
    },
    /**
     * The history settings, from the options page or the side panel: Pause stops the running
     * backfill at once (the forward refresh goes on), Resume or a deeper history starts a run, a
     * shallower one trims the cache now. Saved with the other settings, so kept across restarts.
     */
    async setHistory(patch: Pick<Partial<Settings>, 'historyMonths' | 'historyPaused'>): Promise<SyncStatus> {
      const before = await deps.settings();
      const after = await deps.updateSettings(patch);
      if (after.historyPaused) pauseBackfill.abort();
      if (after.historyMonths < before.historyMonths) {
        await applyRetention(deps.db, localDate(now()), { sources: [...SYNC_SOURCES], historyMonths: after.historyMonths });
      }
      if (await planBackfill(after)) void run().catch(() => undefined);
      changed();
      return getSyncStatus(deps.db, now(), running !== null, { months: after.historyMonths, paused: after.historyPaused });
    },
    /**
     * A snapshot load is waiting for the lock: the running run's backfill stops after its current
     * page, as with Pause but leaving the setting alone (the next run resumes from the stored
     * cursors, moved by the load). The forward refresh is not interrupted.
     */
    yieldBackfill(): void {
      if (running !== null) pauseBackfill.abort();
    },
    /**
     * At a worker's start (a stopped worker woken, a browser restarted, the extension reloaded): a
     * backfill that had started and has history left goes on now, from its stored cursors.
     */
    async resumeBackfill(): Promise<void> {
      const settings = await deps.settings();
      if (settings.historyPaused || running !== null || !(await backfillStarted(deps.db))) return;
      if (await planBackfill(settings)) await run();
    },
    async onAlarm(name: string): Promise<void> {
      if (name === RESUME_ALARM) {
        await run();
        return;
      }
      if (name === BACKFILL_ALARM) {
        if (running === null && (await planBackfill(await deps.settings()))) await run();
        return;
      }
      if (name === DAILY_ALARM && (await deps.settings()).dailyRefresh) await run();
    },
  };
}
