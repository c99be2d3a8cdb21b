import type { SourceCursor } from './cursor';
import { monthStart } from './month-windows';
import { isoSeconds, type SourceApi, type SyncSource } from './sources';
import type { BackfillProgress } from './status';
import { MIN_WINDOW_MS, type WalkEdge } from './walk-source';

/**
 * History backfill (issue 10 §1): besides the forward edge, each source has a backfill edge that
 * walks BACK from where the forward edge began (its `anchor`), newest window first, down to the
 * history depth the user chose, so the most useful notices land first and the card fills while it
 * runs. Its cursor is its own meta row, stored with each of its pages like the forward one.
 */

export const HISTORY_MONTHS = [6, 12, 24, 36] as const;
export type HistoryMonths = (typeof HISTORY_MONTHS)[number];
export const DEFAULT_HISTORY_MONTHS: HistoryMonths = 12;

export const HISTORY_LABELS: Record<HistoryMonths, string> = { 6: '6 months', 12: '1 year', 24: '2 years', 36: '3 years' };

/**
 * Find a Tender's volume (../shared/data/SOURCES.md §7, measured 2026-07/08): about 370 releases a
 * day, 100 a page, about 10 kB each uncompressed (1 MB a page, 125 kB gzipped), about 37% with a
 * principal council as buyer; one request every 10 s. Used for the estimate before the pace is
 * measured, and for the honest figures in the options page and README.
 */
export const FIND_A_TENDER_VOLUME = {
  releasesPerDay: 370,
  pageSize: 100,
  bytesPerPage: 1_000_000,
  gzippedBytesPerPage: 125_000,
  councilShare: 0.37,
} as const;

/**
 * The two devolved portals' volume, for the options page's storage estimate before any notice is
 * cached and for the README's figures. Evidence:
 * - Public Contracts Scotland: 15,634 opportunities advertised in 2021-22, of which 12,275 Quick
 *   Quotes (Scottish Government, "Procurement activity: annual report 2021 to 2022", §2.1), which
 *   the OCDS API does not list (its types: lib/sync/sources.ts); 6,359 regulated contracts
 *   awarded. So about 3,400 contract notices and 6,400 awards a year: 10,000 releases.
 * - Sell2Wales: no published count found; scaled from Scotland by public procurement spend
 *   (Wales about £5bn a year, joinup.ec.europa.eu "National Procurement Portal"; Scotland
 *   £12.6bn, the 2018-19 annual report): 4,000 releases a year.
 * - Council share: 31 of PCS's 90 real releases and 34 of Sell2Wales's 90 have a council buyer
 *   (../shared/data/*_ocds_releases_*.json, resolved with the card's resolver): about 35%.
 * - 650 bytes a cached notice: the budget the packed rows are held to (issue 10), every index included.
 */
export const PORTAL_VOLUME = {
  'public-contracts-scotland': { releasesPerYear: 10_000, councilShare: 0.34 },
  sell2wales: { releasesPerYear: 4_000, councilShare: 0.38 },
} as const;
export const BYTES_PER_CACHED_NOTICE = 650;

/**
 * A portal's storage beside its switch: its cached notices × 650 bytes once any are cached, else
 * a nominal year of its council notices × the history depth.
 */
export function portalStorageEstimate(source: keyof typeof PORTAL_VOLUME, cached: number | undefined, historyMonths: number): { bytes: number; basis: 'cached' | 'nominal' } {
  if (cached !== undefined && cached > 0) return { bytes: cached * BYTES_PER_CACHED_NOTICE, basis: 'cached' };
  const { releasesPerYear, councilShare } = PORTAL_VOLUME[source];
  return { bytes: Math.round(releasesPerYear * councilShare * (historyMonths / 12)) * BYTES_PER_CACHED_NOTICE, basis: 'nominal' };
}

const DAY = 86_400_000;

/** The oldest instant kept for `months` of history before `now`: the same day and time, months earlier (UTC). */
export function historyFloor(now: number, months: number): number {
  const at = new Date(now);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return at.getTime();
}

/** The backfill edge down to `floor` (epoch ms): windows of `api.windowMs`, newest first. */
export function backfillEdge(api: SourceApi, floor: number): WalkEdge {
  return {
    next(cursor) {
      const top = Date.parse(cursor.reachedBack ?? cursor.anchor ?? '');
      if (Number.isNaN(top) || top - floor < MIN_WINDOW_MS) return undefined;
      // A month-window API: the month holding the instant before `top` (the anchor's own month first).
      const from = api.window === 'month' ? monthStart(top - 1000) : top - api.windowMs;
      return { from: isoSeconds(Math.max(floor, from)), to: isoSeconds(top) };
    },
    passed: (cursor, passedWindow) => ({ ...cursor, reachedBack: passedWindow.from }),
    reached: (cursor) => cursor.reachedBack ?? cursor.anchor ?? '',
  };
}

/** Whether the backfill has reached `floor`. A backfill without an anchor has not started. */
export function backfillComplete(cursor: SourceCursor, floor: number): boolean {
  const top = Date.parse(cursor.reachedBack ?? cursor.anchor ?? '');
  return !Number.isNaN(top) && top - floor < MIN_WINDOW_MS;
}

/** A gap between two pages longer than this is a pause (a wait, a stopped worker), not work. */
const MAX_PAGE_GAP_MS = 5 * 60_000;

/**
 * The pace after one more stored page at `now`: its time since the previous page (up to
 * {@link MAX_PAGE_GAP_MS}), and, when it ended a window, that window's span and pages.
 */
export function nextPace(pace: SourceCursor['pace'], now: number, windowDone: { spanMs: number; pages: number } | null): NonNullable<SourceCursor['pace']> {
  const base = pace ?? { pages: 0, busyMs: 0, coveredMs: 0, coveredPages: 0, lastAt: now };
  const gap = now - base.lastAt;
  return {
    pages: base.pages + 1,
    busyMs: base.busyMs + (gap >= 0 && gap <= MAX_PAGE_GAP_MS ? gap : 0),
    coveredMs: base.coveredMs + (windowDone?.spanMs ?? 0),
    coveredPages: base.coveredPages + (windowDone?.pages ?? 0),
    lastAt: now,
  };
}


/**
 * Time left for a backfill: the history still to read, at the pages per day of history and the
 * time per page measured so far. Until a window is complete (Find a Tender: until a page is
 * stored) the source's known volume and rate limit stand in; Contracts Finder's volume is not
 * known until measured.
 */
export function estimateBackfill(source: SyncSource, api: Pick<SourceApi, 'minIntervalMs' | 'nominalPagesPerDay'>, cursor: SourceCursor, floor: number, now: number, months: number): BackfillProgress {
  const top = Date.parse(cursor.reachedBack ?? cursor.anchor ?? '') || now;
  const remainingMs = Math.max(0, top - floor);
  const complete = backfillComplete({ ...cursor, anchor: cursor.anchor ?? isoSeconds(now) }, floor) && cursor.window === undefined;
  const pace = cursor.pace;
  const nominalPagesPerDay = source === 'find-a-tender' ? FIND_A_TENDER_VOLUME.releasesPerDay / FIND_A_TENDER_VOLUME.pageSize : api.nominalPagesPerDay;
  const pagesPerDay = pace && pace.coveredMs >= DAY / 4 ? pace.coveredPages / (pace.coveredMs / DAY) : nominalPagesPerDay;
  // At least the rate limit: waits that ended a run (alarms) are not counted as busy time.
  const msPerPage = Math.max(api.minIntervalMs, pace && pace.pages >= 3 && pace.busyMs > 0 ? pace.busyMs / pace.pages : api.minIntervalMs);
  const progress: BackfillProgress = { months, floor: isoSeconds(floor), complete, leftMs: null, pagesLeft: null };
  if (cursor.reachedBack !== undefined) progress.reachedBack = cursor.reachedBack;
  if (complete) return { ...progress, leftMs: 0, pagesLeft: 0 };
  if (pagesPerDay === undefined || msPerPage <= 0) return progress;
  const pagesLeft = Math.max(0, (remainingMs / DAY) * pagesPerDay - (cursor.window ? cursor.page : 0));
  return { ...progress, pagesLeft, leftMs: pagesLeft * msPerPage };
}
