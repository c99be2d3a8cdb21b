import type { CouncilLensDB } from '../db';

export async function deleteSavingsItem(db: CouncilLensDB, id: string): Promise<{ deleted: boolean }> {
  return db.transaction('rw', db.savings, async () => {
    const found = await db.savings.get(id);
    if (found) await db.savings.delete(id);
    return { deleted: Boolean(found) };
  });
}
