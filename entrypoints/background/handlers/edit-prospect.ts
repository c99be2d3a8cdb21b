import { applyProspectEdit } from '@/lib/workspace/merge';
import type { Prospect, ProspectEdit, ProspectField } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';

/** A prospect saved from LinkedIn (issue 6), merged field by field in one transaction like an annotation. */
export async function editProspect(db: CouncilLensDB, edit: ProspectEdit): Promise<{ prospect: Prospect; conflicts: ProspectField[] }> {
  return db.transaction('rw', db.prospects, async () => {
    const stored = (await db.prospects.get(edit.id)) ?? null;
    const result = applyProspectEdit(stored, edit);
    await db.prospects.put(result.prospect);
    return result;
  });
}
