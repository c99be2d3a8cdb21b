import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, createGzip } from 'node:zlib';
import { completeFromCache, parsePage } from '@/lib/sync/page-notices';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { buyerCouncilResolver } from '@/lib/councils/buyer';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { mergeNotices } from '@/lib/ocds/merge-rows';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { emptyCursor, readCursor, type SourceCursor } from '@/lib/sync/cursor';
import { sleep as timerSleep } from '@/lib/sync/sleep';
import { baseFor, DEFAULT_BASES, isoSeconds, SOURCE_APIS, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import { DEFAULT_WALK_OPTIONS, MIN_WINDOW_MS, walkSource, type CursorStore, type WalkEdge, type WalkEvent } from '@/lib/sync/walk-source';
import { checkManifest, MANIFEST_FILE, serializeLine, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, snapshotFileName, type SnapshotManifest } from '@/lib/snapshot/format';
import { loadSnapshot } from '@/lib/snapshot/read';
import { REPO_ROOT } from './read-inputs';

/**
 * `npm run data:snapshot` (issue 14): council notices of a window, as a snapshot the extension
 * loads instead of backfilling from the APIs (lib/snapshot/format.ts). Two ways in:
 *
 * - the APIs, walked with the extension's own client (lib/sync/walk-source.ts: same windows,
 *   paging, pacing, overload waits and retries), each page parsed as the background parses it
 *   (lib/sync/page-notices.ts, council buyers kept, later releases merged into earlier notices with
 *   lib/ocds/merge-rows.ts). Resumable: after every page the cursor and the notices it changed are
 *   appended to `<out>/.snapshot-state/`, and a run started again with the same window goes on
 *   from there;
 * - OCDS files on disk (`--input`: release packages, arrays of releases or JSON Lines, gzipped or
 *   not), parsed file by file and merged by ocid.
 */

export interface SnapshotWindow {
  /** First calendar day (UTC), inclusive. */
  from: string;
  /** Last calendar day (UTC), exclusive: the window is [from 00:00Z, to 00:00Z). */
  to: string;
}

export interface BuildSnapshotOptions extends SnapshotWindow {
  sources: readonly SyncSource[];
  outDir: string;
  /** OCDS files to read instead of the APIs. */
  input?: readonly string[];
  /**
   * A folder with the last published snapshot (its manifest.json and data file) to build on: it is
   * verified, its notices older than `from` are dropped, and each source it covers is walked only
   * from its end, less `overlapDays`, to `to`.
   */
  previous?: string;
  /** Days before the previous snapshot's end walked again, for notices the APIs list late (default 7). */
  overlapDays?: number;
  bases?: Partial<SyncBases>;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Least time between requests per source, instead of the API's: tests against the fake only. */
  minIntervalMs?: Partial<Record<SyncSource, number>>;
  log?: (line: string) => void;
}

export type BuildSnapshotResult =
  | { ok: true; manifest: SnapshotManifest; dataPath: string; manifestPath: string }
  | { ok: false; error: string; source?: SyncSource };

const STATE_DIR = '.snapshot-state';

let resolver: ((name: string) => string | null) | undefined;
/** The background's buyer resolver over the packaged register (public/data/councils.json). */
export function snapshotCouncilResolver(): (name: string) => string | null {
  return (resolver ??= buyerCouncilResolver(createCouncilIndex(JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/councils.json'), 'utf8')))));
}

function toolVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** `[from, to)` as epoch ms. */
function bounds(window: SnapshotWindow): { from: number; to: number } {
  return { from: Date.parse(`${window.from}T00:00:00Z`), to: Date.parse(`${window.to}T00:00:00Z`) };
}

/** The forward edge over a fixed window: from `from` to `to`, not to now. */
export function windowEdge(windowMs: number, from: number, to: number): WalkEdge {
  return {
    next(cursor, end) {
      const start = cursor.syncedTo === undefined ? from : Date.parse(cursor.syncedTo);
      const stop = Math.min(to, end);
      if (Number.isNaN(start) || stop - start < MIN_WINDOW_MS) return undefined;
      return { from: isoSeconds(start), to: isoSeconds(Math.min(start + windowMs, stop)) };
    },
    passed: (cursor, passed) => ({ ...cursor, syncedTo: passed.to }),
    reached: (cursor) => cursor.syncedTo ?? isoSeconds(from),
  };
}

/** Releases of one OCDS file: a package, an array, a release, or JSON Lines of any of those; gzipped or not. */
export function releasesOfFile(file: string): unknown[] {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  const items: unknown[] = [];
  try {
    items.push(JSON.parse(text));
  } catch {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        items.push(JSON.parse(line));
      } catch {
        throw new Error(`${file}: line ${i + 1} is not JSON (expected a release package, an array of releases or JSON Lines)`);
      }
    });
  }
  return items.flatMap((item) => {
    if (Array.isArray(item)) return item;
    if (item && typeof item === 'object' && Array.isArray((item as { releases?: unknown }).releases)) return (item as { releases: unknown[] }).releases;
    return [item];
  });
}

const inWindow = (iso: string | undefined, win: { from: number; to: number }): boolean => {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return t >= win.from && t < win.to;
};

/** Council notices of OCDS files, releases dated in the window, merged by ocid across files. */
export function noticesFromFiles(files: readonly string[], window: SnapshotWindow, sources: readonly SyncSource[], resolveCouncil = snapshotCouncilResolver()): Map<string, Notice> {
  const win = bounds(window);
  const out = new Map<string, Notice>();
  for (const file of files) {
    const releases = releasesOfFile(file).filter((r) => inWindow((r as { date?: string } | null)?.date, win));
    for (const notice of parseReleases(releases, { resolveCouncil }).notices) {
      if (notice.buyer.councilCode === undefined || !sources.includes(notice.source as SyncSource)) continue;
      const seen = out.get(notice.ocid);
      out.set(notice.ocid, seen ? (seen.updatedAt <= notice.updatedAt ? mergeNotices(seen, notice) : mergeNotices(notice, seen)) : notice);
    }
  }
  return out;
}

interface SourceState {
  cursor: SourceCursor;
  notices: Map<string, Notice>;
}

/** The span a state folder was walked over, as saved beside its cursor. */
function stateWindow(walk: { from: number; to: number }): SnapshotWindow {
  return { from: isoSeconds(walk.from), to: isoSeconds(walk.to) };
}

/** A source's state file pair: the cursor, and the notices as JSON Lines (a later line of an ocid wins). */
function loadState(dir: string, source: SyncSource, window: SnapshotWindow): SourceState {
  const cursorFile = path.join(dir, `${source}.cursor.json`);
  const noticesFile = path.join(dir, `${source}.notices.ndjson`);
  if (!existsSync(cursorFile)) {
    writeFileSync(noticesFile, '');
    return { cursor: emptyCursor(), notices: new Map() };
  }
  const saved = JSON.parse(readFileSync(cursorFile, 'utf8')) as { window: SnapshotWindow; cursor: unknown };
  if (saved.window.from !== window.from || saved.window.to !== window.to) {
    throw new Error(`${dir} holds a build of ${saved.window.from} to ${saved.window.to}; remove it or use another --out for ${window.from} to ${window.to}`);
  }
  const notices = new Map<string, Notice>();
  if (existsSync(noticesFile)) {
    for (const line of readFileSync(noticesFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      // A line cut short by a killed run is the last one, written before its cursor: skip it.
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const notice = NoticeSchema.safeParse(json);
      if (notice.success) notices.set(notice.data.ocid, notice.data);
    }
  }
  return { cursor: readCursor(saved.cursor), notices };
}

/** Walks one source over `[walk.from, walk.to)` (epoch ms) into `state`, saving after every page. */
async function walkIntoState(source: SyncSource, options: BuildSnapshotOptions, walk: { from: number; to: number }, state: SourceState, dir: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const interval = options.minIntervalMs?.[source];
  const api = interval === undefined ? SOURCE_APIS[source] : { ...SOURCE_APIS[source], minIntervalMs: interval };
  const resolveCouncil = snapshotCouncilResolver();
  const cursorFile = path.join(dir, `${source}.cursor.json`);
  const noticesFile = path.join(dir, `${source}.notices.ndjson`);
  const saveCursor = (cursor: SourceCursor): void => {
    state.cursor = cursor;
    writeFileSync(`${cursorFile}.tmp`, JSON.stringify({ window: stateWindow(walk), cursor }));
    renameSync(`${cursorFile}.tmp`, cursorFile);
  };
  const log = options.log ?? (() => undefined);
  const store: CursorStore = {
    load: async () => state.cursor,
    save: async (cursor) => saveCursor(cursor),
    commit: async (page, cursor) => {
      const parsed = parsePage(page.json, cursor.pending ?? [], resolveCouncil);
      const late = completeFromCache(page.json, parsed.incomplete, state.notices, resolveCouncil);
      const changed = new Map<string, Notice>();
      for (const notice of [...parsed.notices, ...late.notices]) {
        const base = changed.get(notice.ocid) ?? state.notices.get(notice.ocid);
        if (base) changed.set(notice.ocid, mergeNotices(base, notice));
        else if (notice.buyer.councilCode !== undefined) changed.set(notice.ocid, notice);
      }
      // The notices first, then the cursor: a run killed between the two reads the page again.
      if (changed.size > 0) appendFileSync(noticesFile, [...changed.values()].map((n) => `${JSON.stringify(n)}\n`).join(''));
      for (const [ocid, notice] of changed) state.notices.set(ocid, notice);
      const next: SourceCursor = { ...cursor, totals: { ...cursor.totals, notices: cursor.totals.notices + changed.size } };
      delete next.pending;
      if (!page.last && late.pending.length > 0) next.pending = late.pending;
      saveCursor(next);
      return next;
    },
  };
  const onEvent = (event: WalkEvent): void => {
    if (event.type === 'window') log(`${api.label}: ${event.window.from} to ${event.window.to}`);
    else if (event.type === 'error') log(`${api.label}: ${event.message}`);
    else if (event.type === 'wait' && event.until - (options.now ?? Date.now)() >= 30_000) log(`${api.label}: waiting until ${new Date(event.until).toISOString()}: ${event.reason}`);
  };
  const result = await walkSource(
    {
      api,
      edge: windowEdge(api.windowMs, walk.from, walk.to),
      base: baseFor(source, { ...DEFAULT_BASES, ...options.bases }),
      fetch: options.fetch ?? fetch,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? timerSleep,
      signal: options.signal,
      options: { ...DEFAULT_WALK_OPTIONS, overlapMs: 0 },
      onEvent,
    },
    store,
  );
  if (result.outcome === 'done') return { ok: true };
  if (result.outcome === 'failed') return { ok: false, error: result.error };
  if (result.outcome === 'paused') return { ok: false, error: `${result.reason}; run again after ${new Date(result.resumeAt).toISOString()} to resume` };
  return { ok: false, error: 'stopped; run the same command again to resume' };
}

/**
 * Writes the data file and its manifest from `notices` (sorted by source, then ocid, so the same
 * notices give the same bytes). The data file goes to a temporary name first: a manifest never
 * points at half a file.
 */
export async function writeSnapshot(notices: Iterable<Notice>, options: SnapshotWindow & { sources: readonly SyncSource[]; outDir: string; input: 'api' | 'files'; builtAt: string }): Promise<{ manifest: SnapshotManifest; dataPath: string; manifestPath: string }> {
  mkdirSync(options.outDir, { recursive: true });
  const sorted = [...notices].sort((a, b) => (a.source === b.source ? (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0) : a.source < b.source ? -1 : 1));
  const file = snapshotFileName(options.from, options.to);
  const dataPath = path.join(options.outDir, file);
  const perSource = new Map<string, number>();
  let rawBytes = 0;
  function* lines(): Generator<string> {
    for (const notice of sorted) {
      perSource.set(notice.source, (perSource.get(notice.source) ?? 0) + 1);
      const line = `${serializeLine(notice)}\n`;
      rawBytes += Buffer.byteLength(line);
      yield line;
    }
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 9 }), createWriteStream(`${dataPath}.tmp`));
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(`${dataPath}.tmp`)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  renameSync(`${dataPath}.tmp`, dataPath);
  const win = bounds(options);
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    file,
    from: options.from,
    to: options.to,
    // From files, a source none of them holds is not claimed as covered (the loader would skip its backfill).
    sources: (options.input === 'files' && sorted.length > 0 ? options.sources.filter((s) => perSource.has(s)) : options.sources).map((source) => ({
      source,
      from: isoSeconds(win.from),
      to: isoSeconds(win.to),
      notices: perSource.get(source) ?? 0,
    })),
    notices: sorted.length,
    bytes,
    rawBytes,
    sha256: hash.digest('hex'),
    builtAt: options.builtAt,
    tool: { name: 'council-lens', version: toolVersion(), input: options.input },
  };
  const manifestPath = path.join(options.outDir, MANIFEST_FILE);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, dataPath, manifestPath };
}

/** Builds a snapshot from the APIs (or the files of `input`). Never throws for API trouble: the result says. */
export async function buildSnapshot(options: BuildSnapshotOptions): Promise<BuildSnapshotResult> {
  const now = options.now ?? Date.now;
  const win = bounds(options);
  if (!(win.from < win.to)) return { ok: false, error: `--from ${options.from} must be a day before --to ${options.to}` };
  let notices: Iterable<Notice>;
  if (options.input && options.input.length > 0) {
    notices = noticesFromFiles(options.input, options, options.sources).values();
  } else {
    let previous: PreviousSnapshot | null = null;
    if (options.previous !== undefined) {
      const read = await readPreviousSnapshot(options.previous, win.from);
      if (!read.ok) return { ok: false, error: read.error };
      previous = read.snapshot;
    }
    const dir = path.join(options.outDir, STATE_DIR);
    mkdirSync(dir, { recursive: true });
    const all: Notice[] = [];
    for (const source of options.sources) {
      const walk = { from: walkStart(source, win, previous, options.overlapDays ?? DEFAULT_OVERLAP_DAYS), to: win.to };
      const state = loadState(dir, source, stateWindow(walk));
      if (walk.from !== win.from) {
        // Build on: the previous snapshot's notices of this source under what the walk stored (newer releases merged in).
        for (const notice of previous!.notices.values()) {
          if (notice.source !== source) continue;
          const walked = state.notices.get(notice.ocid);
          state.notices.set(notice.ocid, walked ? mergeNotices(notice, walked) : notice);
        }
      }
      const walked = await walkIntoState(source, options, walk, state, dir);
      if (!walked.ok) return { ok: false, error: walked.error, source };
      all.push(...state.notices.values());
    }
    notices = all;
  }
  const written = await writeSnapshot(notices, { ...options, input: options.input?.length ? 'files' : 'api', builtAt: isoSeconds(now()) });
  return { ok: true, ...written };
}

const DEFAULT_OVERLAP_DAYS = 7;

interface PreviousSnapshot {
  manifest: SnapshotManifest;
  /** Its notices last updated from the new window's start on, by ocid. */
  notices: Map<string, Notice>;
}

/**
 * The previous snapshot in `dir`, checked as the extension checks one (format version, size,
 * SHA-256, every line), with the notices last updated before `from` (beyond the rolling window)
 * dropped. An error in words when it is missing or does not pass.
 */
export async function readPreviousSnapshot(dir: string, from: number): Promise<{ ok: true; snapshot: PreviousSnapshot } | { ok: false; error: string }> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return { ok: false, error: `no previous snapshot: ${manifestPath} is missing` };
  const check = checkManifest(readFileSync(manifestPath, 'utf8'));
  if (!check.ok) return { ok: false, error: `the previous snapshot's manifest is refused: ${check.reason}` };
  const dataPath = path.join(dir, check.manifest.file);
  if (!existsSync(dataPath)) return { ok: false, error: `the previous snapshot's data file ${dataPath} is missing` };
  const open = () => Readable.toWeb(createReadStream(dataPath)) as ReadableStream<Uint8Array>;
  const notices = new Map<string, Notice>();
  // The loader's own two passes: nothing is kept unless the whole file passed.
  const read = await loadSnapshot(open, check.manifest, async (lines) => {
    for (const line of lines) {
      const notice = NoticeSchema.parse(JSON.parse(line));
      if (Date.parse(notice.updatedAt) >= from) notices.set(notice.ocid, notice);
    }
  });
  if (!read.ok) return { ok: false, error: `the previous snapshot is refused: ${read.reason}` };
  return { ok: true, snapshot: { manifest: check.manifest, notices } };
}

/**
 * Where a source's walk starts: the window's start, or, building on a previous snapshot that
 * covers the source from the window's start (or before) past it, that snapshot's end less the overlap.
 */
function walkStart(source: SyncSource, win: { from: number; to: number }, previous: PreviousSnapshot | null, overlapDays: number): number {
  const covered = previous?.manifest.sources.find((s) => s.source === source);
  if (!covered || Date.parse(covered.from) > win.from) return win.from;
  const start = Date.parse(covered.to) - overlapDays * 86_400_000;
  return Math.min(Math.max(start, win.from), win.to);
}
