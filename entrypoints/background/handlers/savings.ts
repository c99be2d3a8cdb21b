import type { TimingContract, TimingData, TimingPlanned } from '@/lib/timing/types';
import { noticeTypeName } from '@/lib/ocds/notice-types';
import { addMonths } from '@/lib/ocds/dates';
import { ALL_GROUPS } from '@/lib/ocds/row';
import { parseSavingsFile, type SavingsImportOutcome } from '@/lib/savings/import';
import { toCsv, toJson } from '@/lib/savings/export';
import { savingsCouncilResolver } from '@/lib/savings/councils';
import { SavingsItemSchema, savingsDuplicateKey, type SavingsItem, type SavingsDraft } from '@/lib/savings/schema';
import type { CouncilLensDB } from '../db';
import type { Knowledge } from '../knowledge';

/**
 * The user's savings programme records (issue 5). User data: every write is validated first and
 * done in one transaction, so a bad file or a failed write leaves the table as it was.
 */

/** Items by council, service, year: the order the options page lists and exports them in. */
function byCouncilYear(a: SavingsItem, b: SavingsItem): number {
  return a.council.localeCompare(b.council) || a.serviceGroup.localeCompare(b.serviceGroup) || a.financialYear.localeCompare(b.financialYear) || a.addedAt.localeCompare(b.addedAt);
}

export async function listSavings(db: CouncilLensDB, council?: string): Promise<SavingsItem[]> {
  const items = council ? await db.savings.where('council').equals(council).toArray() : await db.savings.toArray();
  return items.sort(byCouncilYear);
}

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

export async function exportSavings(db: CouncilLensDB, format: 'csv' | 'json', now: Date): Promise<{ text: string; filename: string; mime: string }> {
  const items = await listSavings(db);
  const date = now.toISOString().slice(0, 10);
  return format === 'csv'
    ? { text: toCsv(items), filename: `council-lens-savings-${date}.csv`, mime: 'text/csv' }
    : { text: toJson(items), filename: `council-lens-savings-${date}.json`, mime: 'application/json' };
}

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

export async function deleteSavingsItem(db: CouncilLensDB, id: string): Promise<{ deleted: boolean }> {
  return db.transaction('rw', db.savings, async () => {
    const found = await db.savings.get(id);
    if (found) await db.savings.delete(id);
    return { deleted: Boolean(found) };
  });
}

/** How far ahead contract ends count for timing: a procurement window opens 18 months before an end. */
export const TIMING_HORIZON_MONTHS = 60;
/** Contracts listed on the timeline at most. */
export const TIMING_CONTRACTS_LIMIT = 12;

/**
 * What the Timing section weighs for a council and, when the person's service is known, that
 * service: its savings items, and its awarded contracts ending from today to five years on.
 */
export async function getTiming(db: CouncilLensDB, council: string, serviceGroup: string | null, today: string): Promise<TimingData> {
  const group = serviceGroup ?? ALL_GROUPS;
  const [all, ending, coming] = await Promise.all([
    db.savings.where('council').equals(council).toArray(),
    db.notices
      .where('endKeys')
      .between([council, serviceGroup ?? ALL_GROUPS, today], [council, serviceGroup ?? ALL_GROUPS, addMonths(today, TIMING_HORIZON_MONTHS)], true, true)
      .toArray(),
    db.notices.where('comingKeys').between([council, group, today], [council, group, '\uffff'], true, true).limit(TIMING_CONTRACTS_LIMIT).toArray(),
  ]);
  const planned: TimingPlanned[] = coming.flatMap((row) => {
    if (row.expectedTenderDate === undefined || row.expectedTenderDate < today) return [];
    const type = row.noticeTypes?.at(-1);
    const noticeType = type ? noticeTypeName(type) : null;
    return [{ published: row.publishedAt.slice(0, 10), expectedTenderDate: row.expectedTenderDate, title: row.title, url: row.noticeUrl, ...(noticeType ? { noticeType } : {}) }];
  });
  const savings = (serviceGroup ? all.filter((s) => s.serviceGroup === serviceGroup) : all).sort(byCouncilYear);
  const contracts: TimingContract[] = ending
    .filter((row) => (row.stage === 'award' || row.stage === 'contract') && (!serviceGroup || (row.serviceGroups as readonly string[]).includes(serviceGroup)))
    .sort((a, b) => (a.contractEnd ?? '').localeCompare(b.contractEnd ?? ''))
    .slice(0, TIMING_CONTRACTS_LIMIT)
    .map((row) => {
      // contractEnd is the end with extensions where published; the engine wants both.
      const end = row.contractPeriod?.end?.slice(0, 10) ?? row.contractEnd!;
      const contract: TimingContract = { end, title: row.title, serviceGroups: row.serviceGroups };
      const maxEnd = row.contractPeriod?.maxEnd?.slice(0, 10);
      if (maxEnd && maxEnd !== end) contract.maxEnd = maxEnd;
      const supplier = row.suppliers[0]?.name;
      if (supplier) contract.supplier = supplier;
      if (row.noticeUrl) contract.url = row.noticeUrl;
      return contract;
    });
  return { council, serviceGroup, savings, contracts, otherServices: all.length - savings.length, planned };
}
