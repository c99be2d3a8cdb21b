import type { CouncilLensDB } from '../db';
import { acquireSyncLock, readLock, SNAPSHOT_LOAD_PREFIX } from '../refresh/sync/lock';
import { SNAPSHOT_LOCK_TTL_MS } from '../refresh/snapshot-load-lock';

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
