import { Fragment, type ComponentChildren } from 'preact';
import { FIND_A_TENDER_VOLUME, HISTORY_LABELS, HISTORY_MONTHS, type HistoryMonths } from '@/lib/sync/backfill';
import { SYNC_SOURCE_LABELS, type HistoryStatus } from '@/lib/sync/status';
import { durationText, historyText } from './history-line';

export interface HistoryPanelProps {
  /** null while the status is on its way. */
  history: HistoryStatus | null;
  running: boolean;
  onMonths(months: HistoryMonths): void;
  onPause(paused: boolean): void;
  /** More of the section: the snapshot loader (options page). */
  children?: ComponentChildren;
}

/** One year of Find a Tender at the live API's volume and rate limit (lib/sync/backfill.ts). */
const YEAR_PAGES = Math.round((365 * FIND_A_TENDER_VOLUME.releasesPerDay) / FIND_A_TENDER_VOLUME.pageSize);
const YEAR_MS = YEAR_PAGES * 10_000;
const YEAR_MB = Math.round((YEAR_PAGES * FIND_A_TENDER_VOLUME.bytesPerPage) / 1e6);
const YEAR_GZIP_MB = Math.round((YEAR_PAGES * FIND_A_TENDER_VOLUME.gzippedBytesPerPage) / 1e6);

function monthDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The options page's "History" block: how much history to keep, how far back each source has got,
 * the time left, and Pause/Resume; honest about what one year costs.
 */
export function HistoryPanel({ history, running, onMonths, onPause, children }: HistoryPanelProps) {
  return (
    <section aria-labelledby="cl-history" class="cl-sync cl-history">
      <h2 id="cl-history">History</h2>
      <label>
        History to keep{' '}
        <select
          value={String(history?.months ?? 12)}
          disabled={!history}
          onChange={(e) => onMonths(Number(e.currentTarget.value) as HistoryMonths)}
        >
          {HISTORY_MONTHS.map((m) => (
            <option key={m} value={String(m)}>
              {HISTORY_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <p class="cl-hint">
        The refresh reads history back from today, newest first, so the card fills while it runs. One year of Find a
        Tender is about {YEAR_PAGES.toLocaleString('en-GB')} pages of 100 notices (about {YEAR_MB.toLocaleString('en-GB')} MB,{' '}
        {YEAR_GZIP_MB} MB compressed): {durationText(YEAR_MS)} at the one request every 10 seconds the service allows. Only
        council notices are kept.
      </p>
      {history ? (
        <>
          <p id="cl-history-line" role="status">
            {historyText(history, running)}
          </p>
          <dl>
            {history.sources.map((s) => (
              <Fragment key={s.source}>
                <dt>{SYNC_SOURCE_LABELS[s.source]}</dt>
                <dd>
                  {s.complete
                    ? `complete, back to ${monthDay(s.floor)}`
                    : s.reachedBack
                      ? `back to ${monthDay(s.reachedBack)}${s.leftMs !== null ? `; ${durationText(s.leftMs)} left` : ''}`
                      : 'not started'}
                </dd>
              </Fragment>
            ))}
          </dl>
          {history.sources.every((s) => s.complete) ? null : (
            <p>
              <button type="button" class="cl-button" onClick={() => onPause(!history.paused)}>
                {history.paused ? 'Resume' : 'Pause'}
              </button>
            </p>
          )}
        </>
      ) : (
        <p>Loading…</p>
      )}
      {children}
    </section>
  );
}
