import type { SavingsDraft } from '@/lib/savings/schema';
import { SavingsItemSchema, savingsDuplicateKey, type SavingsItem } from '@/lib/savings/schema';
import type { CouncilLensDB } from '../db';
import type { Knowledge } from '../knowledge';

export class SavingsError extends Error {}

/** Adds or edits one item from the form; refuses an unknown council and a duplicate of another item. */
export async function saveSavingsItem(
  db: CouncilLensDB,
  knowledge: Pick<Knowledge, 'register'>,
  draft: SavingsDraft,
  now: Date,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SavingsItem> {
  const council = knowledge.register.byCode(draft.council);
  if (!council) throw new SavingsError(`Unknown council code ${draft.council}.`);
  return db.transaction('rw', db.savings, async () => {
    const previous = draft.id ? await db.savings.get(draft.id) : undefined;
    if (draft.id && !previous) throw new SavingsError('That savings item no longer exists; it may have been deleted in another window.');
    const { id: _id, addedBy, ...fields } = draft;
    const item = SavingsItemSchema.parse({
      ...fields,
      id: previous?.id ?? `sav-${newId()}`,
      addedAt: previous?.addedAt ?? now.toISOString(),
      addedBy: previous?.addedBy ?? addedBy,
    });
    const key = savingsDuplicateKey(item);
    const twin = (await db.savings.where('council').equals(item.council).toArray()).find((other) => other.id !== item.id && savingsDuplicateKey(other) === key);
    if (twin) throw new SavingsError(`This is already recorded: “${twin.description}” (${twin.financialYear}).`);
    await db.savings.put(item);
    return item;
  });
}
