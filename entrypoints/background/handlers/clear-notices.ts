import { SYNC_SOURCES } from '@/lib/sync/sources';
import { LAST_SYNC_KEY } from '../clock';
import type { CouncilLensDB } from '../db';
import { backfillKey, cursorKey, LOCK_KEY, RUN_KEY } from '../refresh/sync/progress';
import { SUPPLIER_SNAPSHOT_KEY } from '../supplier-index';

/**
 * "Clear cached notices" (options page): every cached notice and its totals, the sync's cursors
 * and the supplier index snapshot, so the next refresh fetches the history again. The user's own
 * records (annotations, prospects, savings items) and the council register are not touched.
 * Refused while a refresh holds the lock: it would write pages back as they are cleared.
 */
export async function clearNotices(db: CouncilLensDB): Promise<{ removed: number }> {
  return db.transaction('rw', [db.notices, db.noticeTotals, db.meta], async () => {
    if (await db.meta.get(LOCK_KEY)) throw new Error('A refresh is running; wait for it to finish, then clear the cache.');
    const removed = await db.notices.count();
    await db.notices.clear();
    await db.noticeTotals.clear();
    const syncKeys = (await db.meta.where('key').startsWith('sync:').primaryKeys()).filter((key) => key !== RUN_KEY);
    await db.meta.bulkDelete([...new Set([...syncKeys, ...SYNC_SOURCES.map(cursorKey), ...SYNC_SOURCES.map(backfillKey), LAST_SYNC_KEY, SUPPLIER_SNAPSHOT_KEY])]);
    return { removed };
  });
}
