import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emptyCursor, type SourceCursor } from '@/lib/sync/cursor';
import { sleep as timerSleep } from '@/lib/sync/sleep';
import { baseFor, DEFAULT_BASES, SOURCE_APIS, SYNC_SOURCES, TIME_WINDOW_SOURCES, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import { DEFAULT_WALK_OPTIONS, walkSource, type CursorStore, type WalkEvent } from '@/lib/sync/walk-source';

/**
 * `npm run data:fetch` (maintainers; needs the network; not in CI): the last N days of Contracts
 * Finder and Find a Tender, fetched with the extension's own sync client
 * (lib/sync/walk-source.ts: same windows, paging, pacing, overload waits
 * and retries), written as the raw release packages the APIs returned, one file per page:
 *
 *   <out>/<source>/<window from>--<window to>--p<page>.json   (colons in the times written as '-')
 *   <out>/manifest.json                                       what was fetched, from where, and how it ended
 *
 * Every file is a release package `parseReleases` reads; {@link readLivePackages} lists them in the
 * `{ path, text }` form lib/dataset/build-seed.ts takes.
 */

export interface FetchLiveOptions {
  /** How many days back from now (default 14). */
  days?: number;
  /** Output folder, created if missing (default `tmp-live`). */
  outDir?: string;
  sources?: readonly SyncSource[];
  bases?: Partial<SyncBases>;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** One line per event (default: none). */
  log?: (line: string) => void;
}

export interface FetchLiveSourceReport {
  source: SyncSource;
  base: string;
  outcome: 'done' | 'failed' | 'paused' | 'aborted';
  error?: string;
  /** The span covered completely (ISO instants); `to` is absent when no window completed. */
  from: string;
  to?: string;
  pages: number;
  releases: number;
  files: string[];
}

export interface FetchLiveReport {
  outDir: string;
  fetchedAt: string;
  days: number;
  sources: FetchLiveSourceReport[];
}

export const DEFAULT_LIVE_DAYS = 14;
export const DEFAULT_LIVE_DIR = 'tmp-live';
export const MANIFEST = 'manifest.json';

const fileTime = (iso: string): string => iso.replace(/:/g, '-');

/** Fetches the last `days` days from the live APIs (or the given bases) into `outDir`. */
export async function fetchLive(options: FetchLiveOptions = {}): Promise<FetchLiveReport> {
  const days = options.days ?? DEFAULT_LIVE_DAYS;
  const outDir = options.outDir ?? DEFAULT_LIVE_DIR;
  const now = options.now ?? Date.now;
  const bases: SyncBases = { ...DEFAULT_BASES, ...options.bases };
  const log = options.log ?? (() => undefined);
  const report: FetchLiveReport = { outDir, fetchedAt: new Date(now()).toISOString(), days, sources: [] };
  mkdirSync(outDir, { recursive: true });

  for (const source of options.sources ?? TIME_WINDOW_SOURCES) {
    const api = SOURCE_APIS[source];
    const base = baseFor(source, bases);
    const dir = path.join(outDir, source);
    mkdirSync(dir, { recursive: true });
    const result: FetchLiveSourceReport = { source, base, outcome: 'done', from: '', pages: 0, releases: 0, files: [] };
    let cursor: SourceCursor = emptyCursor();
    // In memory: every run of the command starts again from N days back.
    const store: CursorStore = {
      load: async () => cursor,
      save: async (next) => {
        cursor = next;
      },
      commit: async (page, next) => {
        const name = `${fileTime(page.window.from)}--${fileTime(page.window.to)}--p${String(page.page).padStart(3, '0')}.json`;
        writeFileSync(path.join(dir, name), page.text);
        result.files.push(path.join(source, name));
        result.pages += 1;
        result.releases += page.releaseCount;
        cursor = next;
        return next;
      },
    };
    const onEvent = (event: WalkEvent): void => {
      if (event.type === 'window') {
        if (result.from === '') result.from = event.window.from;
        log(`${api.label}: ${event.window.from} to ${event.window.to}`);
      } else if (event.type === 'page') {
        if (event.page.last) result.to = event.page.window.to;
        log(`${api.label}: page ${event.page.page}, ${event.page.releaseCount} releases${event.page.last ? ' (window complete)' : ''}`);
      } else if (event.type === 'wait' && event.until - now() >= 30_000) {
        log(`${api.label}: waiting until ${new Date(event.until).toISOString()}: ${event.reason}`);
      } else if (event.type === 'error') {
        log(`${api.label}: ${event.message}`);
      }
    };
    const outcome = await walkSource(
      {
        api,
        base,
        fetch: options.fetch ?? fetch,
        now,
        sleep: options.sleep ?? timerSleep,
        signal: options.signal,
        options: { ...DEFAULT_WALK_OPTIONS, backfillDays: days, overlapMs: 0 },
        onEvent,
      },
      store,
    );
    result.outcome = outcome.outcome;
    if (outcome.outcome === 'failed') result.error = outcome.error;
    if (outcome.outcome === 'paused') result.error = `${outcome.reason} (until ${new Date(outcome.resumeAt).toISOString()})`;
    report.sources.push(result);
    writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(report, null, 2)}\n`);
    if (outcome.outcome === 'aborted') break;
  }
  writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** The release packages of a `fetchLive` folder as `{ path, text }`, oldest window first, for the seed builder. */
export function readLivePackages(outDir: string = DEFAULT_LIVE_DIR): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (const source of SYNC_SOURCES) {
    const dir = path.join(outDir, source);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      files.push({ path: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  return files;
}
