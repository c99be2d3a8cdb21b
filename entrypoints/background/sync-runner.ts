import { browser } from 'wxt/browser';
import { buyerCouncilResolver } from '@/lib/councils/buyer';
import type { CouncilIndex } from '@/lib/councils';
import type { Settings } from '@/lib/settings';
import type { SyncStatus } from '@/lib/sync/status';
import { broadcast } from './broadcast';
import { localDate } from './clock';
import type { CouncilLensDB } from './db';
import { applyRetention, getSyncStatus, runSync, sleep, type SyncReport } from './refresh/sync';

/** The daily refresh. */
export const DAILY_ALARM = 'sync:daily';
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

  function run(): Promise<SyncReport> {
    running ??= (async () => {
      const [index, settings] = await Promise.all([deps.councilIndex(), deps.settings()]);
      changed();
      const report = await runSync({
        db: deps.db,
        fetch: (input, init) => fetch(input, init),
        now,
        sleep,
        resolveCouncil: buyerCouncilResolver(index),
        keepAllBuyers: settings.keepAllBuyers,
        options: { maxInlineWaitMs: MAX_INLINE_WAIT_MS },
        // `running` is this worker's only run, and no other worker runs: a held lock is a dead one's.
        takeOverLock: true,
        onProgress: changed,
      });
      if (report.outcome === 'paused' && report.resumeAt !== undefined) {
        await browser.alarms.create(RESUME_ALARM, { when: Math.max(report.resumeAt, now() + 30_000) });
      }
      if (report.outcome === 'done') await applyRetention(deps.db, localDate(now()));
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
      return getSyncStatus(deps.db, now(), running !== null);
    },
    status: (): Promise<SyncStatus> => getSyncStatus(deps.db, now(), running !== null),
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
    async onAlarm(name: string): Promise<void> {
      if (name === RESUME_ALARM) {
        await run();
        return;
      }
      if (name === DAILY_ALARM && (await deps.settings()).dailyRefresh) await run();
    },
  };
}
