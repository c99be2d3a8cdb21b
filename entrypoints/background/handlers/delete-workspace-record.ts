import type { CouncilLensDB } from '../db';

export async function deleteRecord(db: CouncilLensDB, kind: 'annotation' | 'prospect', id: string): Promise<{ deleted: boolean }> {
  const table = kind === 'annotation' ? db.annotations : db.prospects;
  return db.transaction('rw', table, async () => {
    const found = await table.get(id);
    if (found) await table.delete(id);
    return { deleted: Boolean(found) };
  });
}
