import { HISTORY_LABELS, type HistoryMonths } from '@/lib/sync/backfill';
import type { HistoryStatus } from '@/lib/sync/status';

/**
 * The history backfill in one line, for the options page and the side panel footer:
 * "History: back to March 2026 · 41,200 council notices · about 3 h left". Pure: status in, words out.
 */

const count = (n: number): string => n.toLocaleString('en-GB');

/** "March 2026" (UTC month of an ISO instant). */
function monthYear(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "about 3 h", "about 40 min", "under a minute". */
export function durationText(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) return `about ${Math.round(minutes)} min`;
  const hours = minutes / 60;
  return `about ${hours < 10 ? Math.round(hours * 2) / 2 : Math.round(hours)} h`;
}

export interface HistoryLine {
  /** How far back the cache now reaches, or what is kept when complete. */
  reach: string;
  notices: string;
  /** Time left, "paused", or null when complete. */
  left: string | null;
  complete: boolean;
}

export function historyLine(history: HistoryStatus, running: boolean): HistoryLine {
  const complete = history.sources.every((s) => s.complete);
  const depth = HISTORY_LABELS[history.months as HistoryMonths] ?? `${history.months} months`;
  const notices = `${count(history.councilNotices)} council ${history.councilNotices === 1 ? 'notice' : 'notices'}`;
  if (complete) return { reach: `History: ${depth} kept`, notices, left: null, complete };
  // How far back everything is: the source that has got least far.
  const reached = history.sources.map((s) => s.reachedBack);
  const reach = reached.some((r) => r === undefined) ? 'History: starting' : `History: back to ${monthYear(reached.sort().at(-1)!)}`;
  if (history.paused) return { reach, notices, left: 'paused', complete };
  const lefts = history.sources.filter((s) => !s.complete).map((s) => s.leftMs);
  const left = lefts.some((l) => l === null) ? 'estimating the time left' : `${durationText(lefts.reduce((sum: number, l) => sum + (l ?? 0), 0))} left`;
  return { reach, notices, left: running || lefts.length > 0 ? left : null, complete };
}

/** The whole line as text. */
export function historyText(history: HistoryStatus, running: boolean): string {
  const line = historyLine(history, running);
  return [line.reach, line.notices, line.left].filter((part): part is string => part !== null).join(' · ');
}
