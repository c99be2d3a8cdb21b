import type { SavingsItem } from '@/lib/savings/schema';
import type { CouncilLensDB } from '../db';

/**
 * The user's savings programme records (issue 5). User data: every write is validated first and
 * done in one transaction, so a bad file or a failed write leaves the table as it was.
 */

/** Items by council, service, year: the order the options page lists and exports them in. */
export function byCouncilYear(a: SavingsItem, b: SavingsItem): number {
  return a.council.localeCompare(b.council) || a.serviceGroup.localeCompare(b.serviceGroup) || a.financialYear.localeCompare(b.financialYear) || a.addedAt.localeCompare(b.addedAt);
}

export async function listSavings(db: CouncilLensDB, council?: string): Promise<SavingsItem[]> {
  const items = council ? await db.savings.where('council').equals(council).toArray() : await db.savings.toArray();
  return items.sort(byCouncilYear);
}
