import type { CouncilLensDB } from './db';

export { localDate } from '@/lib/ocds/dates';

export const LAST_SYNC_KEY = 'sync:last-success';

/** When the notices cache was last refreshed from the live APIs; null before the first sync. */
export async function lastSyncedAt(db: CouncilLensDB): Promise<number | null> {
  const row = await db.meta.get(LAST_SYNC_KEY);
  return typeof row?.value === 'number' ? row.value : null;
}
