import { readCursor } from '@/lib/sync/cursor';
import { edgesAfterSnapshot } from '@/lib/snapshot/edges';
import type { SnapshotManifest } from '@/lib/snapshot/format';
import type { LoadedSnapshot } from '@/lib/snapshot/loaded';
import type { CouncilLensDB } from '../db';
import { holdLoadLock, LoadLockLost } from '../refresh/snapshot-load-lock';
import { backfillKey, cursorKey, LOCK_KEY, SNAPSHOT_KEY } from '../refresh/sync/progress';

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
