import type { CouncilLensDB } from '../db';
import { readLock } from './sync/lock';
import { LOCK_KEY } from './sync/progress';

/**
 * Loading a snapshot into the cache (issue 14). The options page checks the whole file first
 * (lib/snapshot/read.ts), then takes the sync lock (handlers/begin-snapshot-load.ts), streams its
 * lines in batches (handlers/store-snapshot-lines.ts), each batch checked again (messages are
 * re-validated: STYLE.md) and stored in one transaction that renews the lock, and ends with
 * handlers/finish-snapshot-load.ts (or handlers/end-snapshot-load.ts on a cancel), which releases
 * it. So a load and a refresh never interleave: a refresh started during a load waits for it
 * (run-sync.ts), and a load started during a refresh waits for the refresh (the options page asks
 * again). Only the notices table and the sync cursors are written: user data (annotations,
 * savings, prospects) is never touched. This file holds what the handlers share: the lock's term.
 */

/**
 * How long a load's lock outlives its last batch. Batches come a fraction of a second apart; a
 * closed options page leaves the lock to lapse after this, and refreshes go on.
 */
export const SNAPSHOT_LOCK_TTL_MS = 60_000;

export class LoadLockLost extends Error {
  constructor() {
    super('The load lost its hold on the cache (no batch for over a minute, so a refresh went ahead); load the snapshot again.');
  }
}

/** Inside a transaction with `db.meta`: the lock is still this load's; extends it. */
export async function holdLoadLock(db: CouncilLensDB, loadId: string, now: number): Promise<void> {
  const held = await readLock(db);
  if (held?.runId !== loadId) throw new LoadLockLost();
  await db.meta.put({ key: LOCK_KEY, value: { runId: loadId, expiresAt: now + SNAPSHOT_LOCK_TTL_MS } });
}
