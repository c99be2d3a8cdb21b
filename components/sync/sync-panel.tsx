import { Fragment } from 'preact';
import { SYNC_SOURCE_LABELS, type SourceSyncStatus, type SyncProgress, type SyncStatus } from '@/lib/sync/status';
import { Notice } from '@/components/ui/notice';
import { explainSyncError } from './sync-problem';

export interface SyncPanelProps {
  /** null while the first status is on its way. */
  status: SyncStatus | null;
  /** Why the status could not be read or the refresh could not start. */
  error: string | null;
  /** Notices in the local cache, when known. */
  notices: number | null;
  dailyRefresh: boolean;
  keepAllBuyers: boolean;
  /** Settings not read yet: the switches wait. */
  settingsReady: boolean;
  now: number;
  onRefresh(): void;
  onChange(patch: { dailyRefresh?: boolean; keepAllBuyers?: boolean }): void;
  /** One of this section's switches was just saved. */
  saved?: boolean;
}

const count = (n: number): string => n.toLocaleString('en-GB');

/** "30 Nov 2026, 14:05" in the user's time zone. */
export function formatInstant(ms: number | string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function waitText(until: number, now: number): string {
  const minutes = Math.max(1, Math.round((until - now) / 60_000));
  return `waiting ${minutes} min for the service to accept requests again (until ${formatInstant(until)})`;
}

function progressLine(p: SyncProgress, now: number): string {
  const label = `${SYNC_SOURCE_LABELS[p.source]}${p.edge === 'backfill' ? ' history' : ''}`;
  const read = `${count(p.pages)} ${p.pages === 1 ? 'page' : 'pages'}, ${count(p.notices)} council ${p.notices === 1 ? 'notice' : 'notices'} stored`;
  switch (p.state) {
    case 'running':
      return `${label}: reading ${p.window.from.slice(0, 10)} to ${p.window.to.slice(0, 10)}; ${read}`;
    case 'waiting':
      return `${label}: ${p.waitUntil ? waitText(p.waitUntil, now) : 'waiting'}; ${read}`;
    case 'done':
      return `${label}: ${p.edge === 'backfill' ? 'complete' : 'up to date'}; ${read}`;
    case 'paused':
      return `${label}: paused; ${read}`;
    case 'failed':
      return `${label}: stopped; ${read}`;
  }
}

const OUTCOME_TEXT: Record<string, string> = {
  done: 'Last refresh finished',
  failed: 'Last refresh stopped with errors; the next one resumes where it stopped',
  paused: 'Paused: a service asked us to wait; it resumes by itself',
  aborted: 'Last refresh was cancelled',
  busy: 'Another refresh was running',
};

function sourceState(s: SourceSyncStatus, now: number): string {
  const upTo = s.syncedTo ? `notices up to ${formatInstant(s.syncedTo)}` : 'not refreshed yet';
  const wait = s.waitUntil && s.waitUntil > now ? `; ${waitText(s.waitUntil, now)}` : '';
  return `${upTo}${wait}`;
}

/**
 * The options page's "Procurement data" section: how fresh the cache is, "Refresh now" with the
 * run's progress (pages, notices, errors), the daily and all-buyers switches and the retention
 * rules in words.
 */
export function SyncPanel(props: SyncPanelProps) {
  const { status, now } = props;
  const run = status?.lastRun ?? null;
  const running = status?.running ?? false;
  const errors = run?.sources.flatMap((p) => p.errors.map((e) => ({ ...e, source: p.source }))) ?? [];
  return (
    <section aria-labelledby="cl-procurement" class="cl-sync">
      <h2 id="cl-procurement">Procurement data</h2>
      <p>
        Open tenders and contracts come from the public Contracts Finder and Find a Tender APIs, and for Scottish and
        Welsh councils Public Contracts Scotland and Sell2Wales, fetched by this browser and kept in it. The only requests sent are for notices published in a date range: nothing about you or what you
        browse.
      </p>
      {props.error ? <p role="alert" class="cl-sync__error">{props.error}</p> : null}
      {status ? (
        <dl>
          <dt>Last complete refresh</dt>
          <dd>{status.lastSuccessAt ? formatInstant(status.lastSuccessAt) : 'never: the card uses the notices packaged with Council Lens'}</dd>
          {props.notices !== null ? (
            <>
              <dt>Notices cached</dt>
              <dd>{count(props.notices)}</dd>
            </>
          ) : null}
          {status.sources.map((s) => (
            <Fragment key={s.source}>
              <dt>{SYNC_SOURCE_LABELS[s.source]}</dt>
              <dd>{sourceState(s, now)}</dd>
            </Fragment>
          ))}
        </dl>
      ) : props.error ? null : (
        <p>Loading…</p>
      )}
      <p>
        <button type="button" class="cl-button" onClick={props.onRefresh} disabled={!status || running} aria-describedby="cl-sync-progress">
          {running ? 'Refreshing…' : 'Refresh now'}
        </button>
      </p>
      <div id="cl-sync-progress" role="status" aria-live="polite" class="cl-sync__progress">
        {run ? (
          <>
            {running && <progress class="cl-sync__bar" aria-label="Refreshing the notices" />}
            <p>{running ? 'Refreshing' : (OUTCOME_TEXT[run.outcome] ?? 'Last refresh')}{run.finishedAt ? ` at ${formatInstant(run.finishedAt)}` : ''}.</p>
            <ul>
              {run.sources.map((p) => (
                <li key={`${p.source}-${p.edge ?? 'forward'}`}>{progressLine(p, now)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {errors.length ? <Problems errors={errors} outcome={running ? 'running' : (run?.outcome ?? 'done')} /> : null}

      <label class="cl-switch">
        <input
          type="checkbox"
          checked={props.dailyRefresh}
          disabled={!props.settingsReady}
          onChange={(e) => props.onChange({ dailyRefresh: e.currentTarget.checked })}
        />
        <span>Refresh once a day</span>
      </label>
      <p class="cl-hint">Each refresh reads what was published since the last one. Off: only "Refresh now" fetches.</p>
      <label class="cl-switch">
        <input
          type="checkbox"
          checked={props.keepAllBuyers}
          disabled={!props.settingsReady}
          onChange={(e) => props.onChange({ keepAllBuyers: e.currentTarget.checked })}
        />
        <span>Keep notices from every buyer, not only councils</span>
      </label>
      <p class="cl-hint">Off by default: the card is about councils, and keeping NHS, schools and central government takes several times the space. Applies from the next refresh.</p>
      <p class="cl-status" role="status">
        {props.saved ? 'Saved.' : ''}
      </p>
      {status ? (
        <>
          <h3>What is kept</h3>
          <ul class="cl-sync__rules">
            {status.retentionRules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * A refresh's problems: the latest in plain words with what to do, styled as an error when the
 * run stopped because of it; every technical message under "Details" (issue 12).
 */
function Problems({ errors, outcome }: { errors: { source: keyof typeof SYNC_SOURCE_LABELS; at: number; message: string }[]; outcome: string }) {
  const latest = errors[errors.length - 1]!;
  const problem = explainSyncError(latest.message);
  const where = SYNC_SOURCE_LABELS[latest.source];
  const failed = outcome === 'failed';
  let lead: string;
  if (failed) lead = `The last refresh stopped: ${where}.`;
  else if (outcome === 'done') lead = `The last refresh finished, getting past ${errors.length === 1 ? 'a problem' : `${errors.length} problems`} on the way.`;
  else lead = `${where}: a problem ${outcome === 'running' ? 'in this refresh' : 'in the last refresh'}.`;
  return (
    <div class="cl-sync__problem">
      <Notice tone={failed ? 'error' : 'info'}>
        <p>
          <strong>{lead}</strong>
          {outcome !== 'done' && ` ${problem.what}`}
        </p>
        {outcome !== 'done' && <p>{problem.action}</p>}
        <details class="cl-sync__errors">
          <summary>
            Details ({errors.length} {errors.length === 1 ? 'message' : 'messages'})
          </summary>
          <ul>
            {errors.map((e) => (
              <li key={`${e.source}-${e.at}-${e.message}`}>
                {formatInstant(e.at)}, {SYNC_SOURCE_LABELS[e.source]}: <code>{e.message}</code>
              </li>
            ))}
          </ul>
        </details>
      </Notice>
    </div>
  );
}
