import { fromLondonWallTime, londonWallTime } from './london-time';

/**
 * Calendar months in UK time: the window of the two portals whose API lists a whole month per
 * request (Public Contracts Scotland, Sell2Wales: `dateFrom=MM-YYYY`, sources.ts). Both portals
 * date notices in UK time, so a month runs from 00:00 London time on its first day.
 */

const DAY = 86_400_000;

/**
 * A month counts as closed (read for the last time) once it has been over this long: a notice
 * published late on its last day, or indexed after midnight, is still listed under it.
 */
export const MONTH_CLOSE_GRACE_MS = DAY;

/**
 * The still-open month is read again only when its last read is older than this: the backfill's
 * alarm starts a run every minute, and each run's forward edge would otherwise re-read the whole
 * month (one request per notice type, seconds apart) every minute.
 */
export const OPEN_MONTH_REREAD_MS = 6 * 60 * 60_000;

/** The start of the London month holding `ms` (epoch ms). */
export function monthStart(ms: number): number {
  return fromLondonWallTime(`${londonWallTime(ms).slice(0, 7)}-01T00:00:00`);
}

/** The start of the month after the one starting at (or holding) `ms`. */
export function nextMonthStart(ms: number): number {
  const [year, month] = londonWallTime(monthStart(ms)).slice(0, 7).split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return fromLondonWallTime(`${next}-01T00:00:00`);
}

/** `MM-YYYY` of the London month holding `ms`: the portals' `dateFrom` form. */
export function monthParam(ms: number): string {
  const wall = londonWallTime(ms);
  return `${wall.slice(5, 7)}-${wall.slice(0, 4)}`;
}
