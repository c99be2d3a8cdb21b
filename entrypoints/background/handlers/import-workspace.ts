import type { WorkspaceImportOutcome } from '@/lib/workspace/import';
import { parseWorkspaceJson } from '@/lib/workspace/import';
import { mergeSavingsImport, mergeWorkspace } from '@/lib/workspace/merge';
import type { CouncilLensDB } from '../db';
import { listWorkspace } from './list-workspace';

/**
 * A workspace JSON file merged in, all or nothing, in one transaction: annotations and prospects
 * field by field (newest wins), savings items added when not saved already (mergeSavingsImport).
 */
export async function importWorkspace(db: CouncilLensDB, text: string): Promise<WorkspaceImportOutcome> {
  const parsed = parseWorkspaceJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return db.transaction('rw', db.annotations, db.prospects, db.savings, async () => {
    const merged = mergeWorkspace(await listWorkspace(db), { annotations: parsed.annotations, prospects: parsed.prospects });
    const savings = mergeSavingsImport(await db.savings.toArray(), parsed.savings);
    await db.annotations.bulkPut(merged.annotations.toWrite);
    await db.prospects.bulkPut(merged.prospects.toWrite);
    await db.savings.bulkAdd(savings.toWrite);
    const count = (r: { added: number; updated: number; unchanged: number }) => ({ added: r.added, updated: r.updated, unchanged: r.unchanged });
    return { ok: true, annotations: count(merged.annotations), prospects: count(merged.prospects), savings: count(savings) };
  });
}
