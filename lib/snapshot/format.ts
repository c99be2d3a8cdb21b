import { z } from 'zod';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { SyncSourceSchema } from '@/lib/sync/status';

/**
 * A procurement snapshot (issue 14): council notices built once (`npm run data:snapshot`,
 * lib/dataset/build-snapshot.ts), published as a static file or passed between colleagues, and
 * loaded by the extension instead of hours of API backfill. Two files:
 *
 * - `council-notices-<from>-<to>.ndjson.gz`: gzip of one notice per line, the Notice as
 *   `toNoticeRow` keeps it (description cut, CPV codes capped, unshown fields dropped) without
 *   the derived fields (council, index keys, page id, origin): those are rebuilt on load, so a
 *   file cannot plant index keys that disagree with its notices.
 * - `manifest.json` ({@link SnapshotManifestSchema}): format version, the window each source
 *   covers, counts, sizes and the SHA-256 of the data file, so a loader refuses a corrupted,
 *   truncated or foreign file before writing anything.
 */

/** The format this code writes; loaders accept {@link SUPPORTED_FORMAT_VERSIONS}. */
export const SNAPSHOT_FORMAT_VERSION = 1;
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [1];
export const SNAPSHOT_FORMAT = 'council-lens-notices';
export const MANIFEST_FILE = 'manifest.json';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const InstantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/);

export const SnapshotSourceSchema = z.object({
  source: SyncSourceSchema,
  /** Everything this source published (Contracts Finder) or updated (Find a Tender) in [from, to) is in the file. */
  from: InstantSchema,
  to: InstantSchema,
  /** Lines of this source. */
  notices: z.number().int().nonnegative(),
});
export type SnapshotSource = z.infer<typeof SnapshotSourceSchema>;

export const SnapshotManifestSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.number().int().positive(),
  /** The data file's name, beside the manifest. */
  file: z.string().regex(/^council-notices-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.ndjson\.gz$/),
  /** The window asked for, as calendar days (UTC). */
  from: DaySchema,
  to: DaySchema,
  sources: z.array(SnapshotSourceSchema).min(1),
  /** Lines (notices) in the data file. */
  notices: z.number().int().nonnegative(),
  /** The data file's size, gzipped as published, and its content unzipped. */
  bytes: z.number().int().nonnegative(),
  rawBytes: z.number().int().nonnegative(),
  /** SHA-256 of the data file as published (the gzipped bytes), lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  builtAt: InstantSchema,
  /** What built it: `council-lens@<package version>` and how (`api` or `files`). */
  tool: z.object({ name: z.string(), version: z.string(), input: z.enum(['api', 'files']) }),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifestSchema>;

/** `council-notices-<from>-<to>.ndjson.gz` for calendar days `from` and `to`. */
export function snapshotFileName(from: string, to: string): string {
  return `council-notices-${from}-${to}.ndjson.gz`;
}

/** One line's notice: the fields `toNoticeRow` keeps, without the derived ones. */
export type SnapshotLine = Omit<NoticeRow, 'council' | 'contractEnd' | 'deadline' | 'origin' | 'pageId' | 'tenderKeys' | 'endKeys' | 'comingKeys'>;

/** The line a row is written as (the inverse of {@link rowFromLine} up to the derived fields). */
export function lineOf(row: NoticeRow): SnapshotLine {
  const { council: _c, contractEnd: _e, deadline: _d, origin: _o, pageId: _p, tenderKeys: _t, endKeys: _k, comingKeys: _m, ...line } = row;
  return line;
}

/** A notice as a line of the data file, without the trailing newline. */
export function serializeLine(notice: Notice): string {
  return JSON.stringify(lineOf(toNoticeRow(notice, 'sync')));
}

const NOT_JSON = Symbol('not JSON');
function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

export type LineResult = { ok: true; row: NoticeRow } | { ok: false; reason: string };

/**
 * A line read back: JSON, a valid Notice, and its cache row rebuilt with `toNoticeRow` (origin
 * `sync`: it came from the public APIs like a synced row). Never throws.
 */
export function rowFromLine(text: string): LineResult {
  const json = readJson(text);
  if (json === NOT_JSON) return { ok: false, reason: 'not JSON' };
  const parsed = NoticeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `not a notice (${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'})` };
  }
  return { ok: true, row: toNoticeRow(parsed.data, 'sync') };
}

export type ManifestCheck = { ok: true; manifest: SnapshotManifest } | { ok: false; reason: string };

/** A manifest read from JSON text: a snapshot manifest, of a format version this code reads. Never throws. */
export function checkManifest(text: string): ManifestCheck {
  const json = readJson(text);
  if (json === NOT_JSON) return { ok: false, reason: 'The manifest is not JSON.' };
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== SNAPSHOT_FORMAT) return { ok: false, reason: 'This is not a Council Lens snapshot manifest.' };
  if (!SUPPORTED_FORMAT_VERSIONS.includes(head.data.formatVersion)) {
    return { ok: false, reason: `Snapshot format version ${head.data.formatVersion} is not supported by this version of Council Lens (it reads version ${SUPPORTED_FORMAT_VERSIONS.join(', ')}).` };
  }
  const parsed = SnapshotManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `The manifest is incomplete: ${issue.path.join('.')}: ${issue.message}.` };
  }
  return { ok: true, manifest: parsed.data };
}
