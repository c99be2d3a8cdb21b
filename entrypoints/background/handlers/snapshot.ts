import type { NoticeRow } from '@/lib/ocds/row';
import { readCursor } from '@/lib/sync/cursor';
import { edgesAfterSnapshot } from '@/lib/snapshot/edges';
import { rowFromLine, type SnapshotManifest } from '@/lib/snapshot/format';
import { LoadedSnapshotSchema, type LoadedSnapshot } from '@/lib/snapshot/loaded';
import type { CouncilLensDB } from '../db';
import { acquireSyncLock, readLock, SNAPSHOT_LOAD_PREFIX } from '../refresh/sync/lock';
import { backfillKey, cursorKey, LOCK_KEY, SNAPSHOT_KEY } from '../refresh/sync/progress';

/**
 * Loading a snapshot into the cache (issue 14). The options page checks the whole file first
 * (lib/snapshot/read.ts), then takes the sync lock ({@link beginSnapshotLoad}), streams its lines
 * here in batches, each batch checked again (messages are re-validated: STYLE.md) and stored in one
 * transaction that renews the lock, and ends with {@link finishSnapshotLoad} (or
 * {@link endSnapshotLoad} on a cancel), which releases it. So a load and a refresh never interleave:
 * a refresh started during a load waits for it (run-sync.ts), and a load started during a refresh
 * waits for the refresh (the options page asks again). Only the notices table and the sync cursors
 * are written: user data (annotations, savings, prospects) is never touched.
 */

/**
 * How long a load's lock outlives its last batch. Batches come a fraction of a second apart; a
 * closed options page leaves the lock to lapse after this, and refreshes go on.
 */
export const SNAPSHOT_LOCK_TTL_MS = 60_000;

export type BeginSnapshotLoad = { ok: true; loadId: string } | { ok: false; busy: true; reason: string };

/** Takes the sync lock for a load, unless a refresh (or another load) holds it. */
export async function beginSnapshotLoad(db: CouncilLensDB, now: number, loadId = `${SNAPSHOT_LOAD_PREFIX}${crypto.randomUUID()}`): Promise<BeginSnapshotLoad> {
  if (await acquireSyncLock(db, loadId, now, SNAPSHOT_LOCK_TTL_MS)) return { ok: true, loadId };
  const held = await readLock(db);
  const reason = held?.runId.startsWith(SNAPSHOT_LOAD_PREFIX)
    ? 'Another snapshot is loading (in another options page); this one starts when it ends.'
    : 'A refresh is running; the snapshot loads as soon as it has stored its current page.';
  return { ok: false, busy: true, reason };
}

class LoadLockLost extends Error {
  constructor() {
    super('The load lost its hold on the cache (no batch for over a minute, so a refresh went ahead); load the snapshot again.');
  }
}

/** Inside a transaction with `db.meta`: the lock is still this load's; extends it. */
async function holdLoadLock(db: CouncilLensDB, loadId: string, now: number): Promise<void> {
  const held = await readLock(db);
  if (held?.runId !== loadId) throw new LoadLockLost();
  await db.meta.put({ key: LOCK_KEY, value: { runId: loadId, expiresAt: now + SNAPSHOT_LOCK_TTL_MS } });
}

/**
 * Stores a batch of snapshot lines. A line the cache already has in a version at least as new
 * (`updatedAt`) keeps the cached row. A batch with any bad line is refused whole.
 */
export async function storeSnapshotLines(db: CouncilLensDB, loadId: string, lines: readonly string[], now: number): Promise<{ ok: true; written: number; kept: number } | { ok: false; reason: string }> {
  const rows: NoticeRow[] = [];
  for (const [i, line] of lines.entries()) {
    const read = rowFromLine(line);
    if (!read.ok) return { ok: false, reason: `line ${i + 1} of the batch is ${read.reason}` };
    rows.push(read.row);
  }
  try {
    return await db.transaction('rw', db.notices, db.meta, async () => {
      await holdLoadLock(db, loadId, now);
      const cached = await db.notices.bulkGet(rows.map((r) => r.ocid));
      const newer = rows.filter((row, i) => {
        const have = cached[i];
        return have === undefined || have.updatedAt < row.updatedAt;
      });
      await db.notices.bulkPut(newer);
      return { ok: true as const, written: newer.length, kept: rows.length - newer.length };
    });
  } catch (error) {
    if (error instanceof LoadLockLost) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * After the last batch: each source's sync edges moved over the snapshot's window, where the data
 * came from noted, and the lock released, in one transaction; refused when the lock is no longer
 * this load's (then nothing moves: the notices stored stay, as valid rows, and a backfill reads the span again).
 */
export async function finishSnapshotLoad(db: CouncilLensDB, loadId: string, manifest: SnapshotManifest, via: LoadedSnapshot['via'], loadedAt: number): Promise<{ ok: true; loaded: LoadedSnapshot } | { ok: false; reason: string }> {
  const loaded: LoadedSnapshot = {
    file: manifest.file,
    via,
    builtAt: manifest.builtAt,
    loadedAt,
    notices: manifest.notices,
    sources: manifest.sources.map(({ source, from, to }) => ({ source, from, to })),
  };
  try {
    await db.transaction('rw', db.meta, async () => {
      await holdLoadLock(db, loadId, loadedAt);
      for (const source of manifest.sources) {
        const [forwardRow, backfillRow] = await db.meta.bulkGet([cursorKey(source.source), backfillKey(source.source)]);
        const edges = edgesAfterSnapshot(readCursor(forwardRow?.value), readCursor(backfillRow?.value), source);
        await db.meta.bulkPut([
          { key: cursorKey(source.source), value: edges.forward },
          { key: backfillKey(source.source), value: edges.backfill },
        ]);
      }
      await db.meta.put({ key: SNAPSHOT_KEY, value: loaded });
      await db.meta.delete(LOCK_KEY);
    });
  } catch (error) {
    if (error instanceof LoadLockLost) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, loaded };
}

/** A load cancelled or refused after it began: its lock released (if it still holds it), nothing else changed. */
export async function endSnapshotLoad(db: CouncilLensDB, loadId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readLock(db))?.runId === loadId) await db.meta.delete(LOCK_KEY);
  });
}

/** The last snapshot loaded, if any. */
export async function loadedSnapshot(db: CouncilLensDB): Promise<LoadedSnapshot | null> {
  const parsed = LoadedSnapshotSchema.safeParse((await db.meta.get(SNAPSHOT_KEY))?.value);
  return parsed.success ? parsed.data : null;
}
