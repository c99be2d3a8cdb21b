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

/** "from the published snapshot of 30 Nov 2026, then refreshed", "from a snapshot file of 30 Nov 2026". */
export function snapshotOriginText(snapshot: NonNullable<HistoryStatus['snapshot']>): string {
  const built = new Date(snapshot.builtAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `from ${snapshot.via === 'published' ? 'the published snapshot' : 'a snapshot file'} of ${built}${snapshot.refreshed ? ', then refreshed' : ''}`;
}

export interface HistoryLine {
  /** How far back the cache now reaches, or what is kept when complete. */
  reach: string;
  /** Where the history came from when a snapshot was loaded (issue 14), else null. */
  origin: string | null;
  notices: string;
  /** Time left, "paused", or null when complete. */
  left: string | null;
  complete: boolean;
}

export function historyLine(history: HistoryStatus, running: boolean): HistoryLine {
  const complete = history.sources.every((s) => s.complete);
  const depth = HISTORY_LABELS[history.months as HistoryMonths] ?? `${history.months} months`;
  const notices = `${count(history.councilNotices)} council ${history.councilNotices === 1 ? 'notice' : 'notices'}`;
  const origin = history.snapshot ? snapshotOriginText(history.snapshot) : null;
  if (complete) return { reach: `History: ${depth} kept`, origin, notices, left: null, complete };
  // How far back everything is: the source that has got least far, among those that have begun
  // (the backfills run one source after another: Scotland's and Wales's wait for Find a Tender's
  // hours, issue 17); each source's own reach is in the options page's History section.
  const reached = history.sources.flatMap((s) => (s.reachedBack === undefined ? [] : [s.reachedBack]));
  const reach = reached.length === 0 ? 'History: starting' : `History: back to ${monthYear(reached.sort().at(-1)!)}`;
  if (history.paused) return { reach, origin, notices, left: 'paused', complete };
  const lefts = history.sources.filter((s) => !s.complete).map((s) => s.leftMs);
  const left = lefts.some((l) => l === null) ? 'estimating the time left' : `${durationText(lefts.reduce((sum: number, l) => sum + (l ?? 0), 0))} left`;
  return { reach, origin, notices, left: running || lefts.length > 0 ? left : null, complete };
}

/** The whole line as text. */
export function historyText(history: HistoryStatus, running: boolean): string {
  const line = historyLine(history, running);
  return [line.reach, line.origin, line.notices, line.left].filter((part): part is string => part !== null).join(' · ');
}
