import type { CouncilLensDB } from '../db';
import { readLock } from '../refresh/sync/lock';
import { LOCK_KEY } from '../refresh/sync/progress';

/** A load cancelled or refused after it began: its lock released (if it still holds it), nothing else changed. */
export async function endSnapshotLoad(db: CouncilLensDB, loadId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readLock(db))?.runId === loadId) await db.meta.delete(LOCK_KEY);
  });
}
