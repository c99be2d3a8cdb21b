import type { SavingsImportOutcome } from '@/lib/savings/import';
import { parseSavingsFile } from '@/lib/savings/import';
import { savingsCouncilResolver } from '@/lib/savings/councils';
import type { CouncilLensDB } from '../db';
import type { Knowledge } from '../knowledge';

/** A savings file (issue 5), validated whole and written all or nothing in one transaction. */
export async function importSavings(
  db: CouncilLensDB,
  knowledge: Pick<Knowledge, 'register' | 'resolver'>,
  text: string,
  format: 'csv' | 'json',
  now: Date,
): Promise<SavingsImportOutcome> {
  const resolveCouncil = savingsCouncilResolver(knowledge.register, knowledge.resolver);
  return db.transaction('rw', db.savings, async () => {
    // Read and write in one transaction, so an item saved meanwhile cannot be doubled.
    const existing = await db.savings.toArray();
    const result = parseSavingsFile(text, format, { resolveCouncil, existing, now });
    if (!result.ok) return { ok: false, errors: result.errors };
    await db.savings.bulkAdd(result.items);
    return { ok: true, added: result.items.length, duplicates: result.duplicates };
  });
}
