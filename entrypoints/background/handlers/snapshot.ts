import type { NoticeRow } from '@/lib/ocds/row';
import { readCursor } from '@/lib/sync/cursor';
import { edgesAfterSnapshot } from '@/lib/snapshot/edges';
import { rowFromLine, type SnapshotManifest } from '@/lib/snapshot/format';
import { LoadedSnapshotSchema, type LoadedSnapshot } from '@/lib/snapshot/loaded';
import type { CouncilLensDB } from '../db';
import { backfillKey, cursorKey } from '../refresh/sync/progress';

/**
 * Loading a snapshot into the cache (issue 14). The options page checks the whole file first
 * (lib/snapshot/read.ts), then streams its lines here in batches; each batch is checked again
 * (messages are re-validated: STYLE.md) and stored in one transaction. Only the notices table and
 * the sync cursors are written: user data (annotations, savings, prospects) is never touched.
 */

export const SNAPSHOT_KEY = 'snapshot:loaded';

/**
 * Stores a batch of snapshot lines. A line the cache already has in a version at least as new
 * (`updatedAt`) keeps the cached row. A batch with any bad line is refused whole.
 */
export async function storeSnapshotLines(db: CouncilLensDB, lines: readonly string[]): Promise<{ ok: true; written: number; kept: number } | { ok: false; reason: string }> {
  const rows: NoticeRow[] = [];
  for (const [i, line] of lines.entries()) {
    const read = rowFromLine(line);
    if (!read.ok) return { ok: false, reason: `line ${i + 1} of the batch is ${read.reason}` };
    rows.push(read.row);
  }
  return db.transaction('rw', db.notices, async () => {
    const cached = await db.notices.bulkGet(rows.map((r) => r.ocid));
    const newer = rows.filter((row, i) => {
      const have = cached[i];
      return have === undefined || have.updatedAt < row.updatedAt;
    });
    await db.notices.bulkPut(newer);
    return { ok: true as const, written: newer.length, kept: rows.length - newer.length };
  });
}

/** After the last batch: each source's sync edges moved over the snapshot's window, and where the data came from noted. */
export async function finishSnapshotLoad(db: CouncilLensDB, manifest: SnapshotManifest, via: LoadedSnapshot['via'], loadedAt: number): Promise<LoadedSnapshot> {
  const loaded: LoadedSnapshot = {
    file: manifest.file,
    via,
    builtAt: manifest.builtAt,
    loadedAt,
    notices: manifest.notices,
    sources: manifest.sources.map(({ source, from, to }) => ({ source, from, to })),
  };
  await db.transaction('rw', db.meta, async () => {
    for (const source of manifest.sources) {
      const [forwardRow, backfillRow] = await db.meta.bulkGet([cursorKey(source.source), backfillKey(source.source)]);
      const edges = edgesAfterSnapshot(readCursor(forwardRow?.value), readCursor(backfillRow?.value), source);
      await db.meta.bulkPut([
        { key: cursorKey(source.source), value: edges.forward },
        { key: backfillKey(source.source), value: edges.backfill },
      ]);
    }
    await db.meta.put({ key: SNAPSHOT_KEY, value: loaded });
  });
  return loaded;
}

/** The last snapshot loaded, if any. */
export async function loadedSnapshot(db: CouncilLensDB): Promise<LoadedSnapshot | null> {
  const parsed = LoadedSnapshotSchema.safeParse((await db.meta.get(SNAPSHOT_KEY))?.value);
  return parsed.success ? parsed.data : null;
}
