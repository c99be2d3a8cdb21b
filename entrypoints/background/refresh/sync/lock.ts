import { z } from 'zod';
import type { CouncilLensDB } from '../../db';
import { LOCK_KEY } from './progress';

/**
 * One sync at a time (a daily alarm and "Refresh now" can meet): a meta row naming the run and
 * when its claim lapses. A service worker can be stopped while holding it, so the claim expires;
 * the running sync renews it with every page and before every wait.
 */
export const SyncLockSchema = z.object({ runId: z.string(), expiresAt: z.number() });
export type SyncLock = z.infer<typeof SyncLockSchema>;

export class LockLostError extends Error {
  constructor() {
    super('another sync run took over (this run had been silent past its lock expiry)');
  }
}

/**
 * A snapshot load (handlers/begin-snapshot-load.ts, refresh/snapshot-load-lock.ts) holds the same lock under a run id with this prefix, so a
 * load and a refresh never interleave their writes. A refresh never takes over a load's unexpired
 * lock, even with `takeOver`: the background runner knows its own runs, not the options page's load.
 */
export const SNAPSHOT_LOAD_PREFIX = 'snapshot-load:';

/** Whether `lock` is a snapshot load's and has not lapsed at `now`. */
export function isLiveSnapshotLoad(lock: SyncLock | null, now: number): boolean {
  return lock !== null && lock.runId.startsWith(SNAPSHOT_LOAD_PREFIX) && lock.expiresAt > now;
}

export async function readLock(db: CouncilLensDB): Promise<SyncLock | null> {
  const parsed = SyncLockSchema.safeParse((await db.meta.get(LOCK_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Takes the lock unless another run holds an unexpired one; with `takeOver`, whatever a sync run
 * holds: for a caller that knows no other sync run is alive (see SyncDeps.takeOverLock). A
 * snapshot load's unexpired lock is never taken over.
 */
export async function acquireSyncLock(db: CouncilLensDB, runId: string, now: number, ttlMs: number, takeOver = false): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const held = await readLock(db);
    if (held && held.runId !== runId && held.expiresAt > now && (!takeOver || isLiveSnapshotLoad(held, now))) return false;
    await db.meta.put({ key: LOCK_KEY, value: { runId, expiresAt: now + ttlMs } satisfies SyncLock });
    return true;
  });
}

/**
 * Extends the lock; throws {@link LockLostError} when another run holds it. Call inside a
 * transaction that includes `db.meta` to make a page's writes depend on still holding it.
 */
export async function renewSyncLock(db: CouncilLensDB, runId: string, expiresAt: number): Promise<void> {
  const held = await readLock(db);
  if (held && held.runId !== runId) throw new LockLostError();
  await db.meta.put({ key: LOCK_KEY, value: { runId, expiresAt } satisfies SyncLock });
}
