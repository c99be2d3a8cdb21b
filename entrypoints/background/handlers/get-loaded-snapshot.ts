import { LoadedSnapshotSchema, type LoadedSnapshot } from '@/lib/snapshot/loaded';
import type { CouncilLensDB } from '../db';
import { SNAPSHOT_KEY } from '../refresh/sync/progress';

/** The last snapshot loaded, if any. */
export async function loadedSnapshot(db: CouncilLensDB): Promise<LoadedSnapshot | null> {
  const parsed = LoadedSnapshotSchema.safeParse((await db.meta.get(SNAPSHOT_KEY))?.value);
  return parsed.success ? parsed.data : null;
}
