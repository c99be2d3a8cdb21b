import type { CouncilLensDB } from '../db';
import { SHOWN_REMINDERS_KEY } from '../reminders';
import { USER_SESSION_PREFIXES } from '../session-keys';

/** The background's session storage as "Delete all my data" needs it (browser.storage.session). */
export interface SessionKeys {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * "Delete all my data": everything that is the user's, in one go: annotations, prospects and
 * savings items, the list of reminders already shown (which notices they annotated), and from the
 * session the capture drafts (selected text and page address) and each tab's context (the
 * LinkedIn name and page it shows). The public datasets, the notices cache and settings stay.
 */
export async function deleteAllUserData(db: CouncilLensDB, session: SessionKeys): Promise<{ annotations: number; prospects: number; savings: number }> {
  const counts = await db.transaction('rw', db.annotations, db.prospects, db.savings, db.meta, async () => {
    const counts = { annotations: await db.annotations.count(), prospects: await db.prospects.count(), savings: await db.savings.count() };
    await Promise.all([db.annotations.clear(), db.prospects.clear(), db.savings.clear(), db.meta.delete(SHOWN_REMINDERS_KEY)]);
    return counts;
  });
  const keys = Object.keys(await session.get(null)).filter((key) => USER_SESSION_PREFIXES.some((prefix) => key.startsWith(prefix)));
  if (keys.length > 0) await session.remove(keys);
  return counts;
}
