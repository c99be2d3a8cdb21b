import type { CouncilLensDB } from './db';

/** The user's calendar date (YYYY-MM-DD) at `now`: deadlines are days in the UK, read locally. */
export function localDate(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const LAST_SYNC_KEY = 'sync:last-success';

/** When the notices cache was last refreshed from the live APIs; null before the first sync. */
export async function lastSyncedAt(db: CouncilLensDB): Promise<number | null> {
  const row = await db.meta.get(LAST_SYNC_KEY);
  return typeof row?.value === 'number' ? row.value : null;
}
