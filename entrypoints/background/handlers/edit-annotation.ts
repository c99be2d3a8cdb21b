import { applyEdit } from '@/lib/workspace/merge';
import type { Annotation, AnnotationEdit, AnnotationField } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';

/**
 * The bid writers' workspace (issue 6). User data: every write is one transaction, and edits merge
 * field by field (two tabs never lose each other's edits).
 */

/** One autosave: merged into what is stored; `conflicts` names fields another tab changed meanwhile. */
export async function editAnnotation(db: CouncilLensDB, edit: AnnotationEdit): Promise<{ annotation: Annotation; conflicts: AnnotationField[] }> {
  return db.transaction('rw', db.annotations, async () => {
    const stored = (await db.annotations.get(edit.key)) ?? null;
    const result = applyEdit(stored, edit);
    await db.annotations.put(result.annotation);
    return result;
  });
}
