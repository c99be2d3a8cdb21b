import type { Award } from '@/lib/ocds/notice';
import type { NoticeRow } from '@/lib/ocds/row';
import type { SupplierAward, SupplierReferences } from '@/lib/suppliers/references';
import type { SupplierIndex } from '@/lib/suppliers/supplier-index';
import type { CouncilLensDB } from '../db';
import type { Knowledge } from '../knowledge';
import { isCouncilAward } from '../supplier-index';

const day = (iso: string | undefined): string | null => iso?.slice(0, 10) ?? null;

/** Same procurement on two portals (Contracts Finder and Find a Tender): counted once. */
const crossPostKey = (a: SupplierAward) => [a.council, a.title.toLowerCase().replace(/\s+/g, ' '), a.end ?? '', a.value?.amount ?? ''].join('|');

/**
 * The supplier's contract on one notice: the awards naming it give value and dates; without an
 * award value, the notice's value counts only when the supplier is its sole winner (a framework's
 * total is not one supplier's).
 */
function toAward(row: NoticeRow, mine: Award[], councilName: string): SupplierAward {
  const valued = mine.filter((a) => a.value);
  const currency = valued[0]?.value?.currency;
  const value =
    currency !== undefined
      ? { amount: valued.filter((a) => a.value!.currency === currency).reduce((sum, a) => sum + a.value!.amount, 0), currency }
      : row.suppliers.length === 1 && row.value
        ? { amount: row.value.amount, currency: row.value.currency }
        : null;
  const period = mine.find((a) => a.contractPeriod)?.contractPeriod ?? row.contractPeriod;
  const awardDates = mine.map((a) => day(a.date)).filter((d): d is string => d !== null).sort();
  const contact = row.buyer.contact && Object.keys(row.buyer.contact).length > 0 ? { ...row.buyer.contact } : null;
  return {
    ocid: row.ocid,
    council: row.council,
    councilName,
    title: row.title,
    serviceGroups: [...row.serviceGroups],
    value,
    start: day(period?.start),
    end: day(period?.end),
    maxEnd: day(period?.maxEnd),
    awardedAt: awardDates[awardDates.length - 1] ?? day(row.updatedAt),
    noticeUrl: row.noticeUrl,
    contact,
  };
}

/** Contracts listed at most; `totalAwards` and the totals cover every one. */
export const REFERENCES_LIST_LIMIT = 100;

/**
 * A supplier's contracts with councils from the cached award notices, newest first, with totals by
 * council and by service group (count, and value summed over GBP values). `key` is a search hit's
 * key or whatever the person typed (a name or a Companies House number); null when no supplier matches.
 */
export async function supplierReferences(db: CouncilLensDB, knowledge: Knowledge, index: SupplierIndex, key: string): Promise<SupplierReferences | null> {
  const group = index.resolve(key);
  if (!group) return null;
  const rows = await db.notices.bulkGet(group.ocids);
  const awards: SupplierAward[] = [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (!row || !isCouncilAward(row)) continue;
    const mine = row.awards.filter((a) => a.suppliers.some((s) => index.groupOf(s) === group));
    const award = toAward(row, mine, knowledge.register.byCode(row.council)?.officialName ?? row.buyer.name);
    const dedupe = crossPostKey(award);
    const firstSource = seen.get(dedupe);
    if (firstSource !== undefined && firstSource !== row.source) continue;
    seen.set(dedupe, row.source);
    awards.push(award);
  }
  awards.sort((a, b) => (b.awardedAt ?? '').localeCompare(a.awardedAt ?? '') || a.ocid.localeCompare(b.ocid));

  const byCouncil = new Map<string, { code: string; name: string; count: number; value: number }>();
  const byGroup = new Map<string, { group: string; count: number; value: number }>();
  for (const award of awards) {
    const gbp = award.value?.currency === 'GBP' ? award.value.amount : 0;
    const council = byCouncil.get(award.council) ?? { code: award.council, name: award.councilName, count: 0, value: 0 };
    council.count++;
    council.value += gbp;
    byCouncil.set(award.council, council);
    // A contract in two service groups counts in each.
    for (const id of award.serviceGroups) {
      const total = byGroup.get(id) ?? { group: id, count: 0, value: 0 };
      total.count++;
      total.value += gbp;
      byGroup.set(id, total);
    }
  }
  const biggest = <T extends { count: number; value: number }>(a: T, b: T) => b.count - a.count || b.value - a.value;
  return {
    key: group.key,
    name: group.name,
    names: [...group.names],
    companiesHouse: group.companiesHouse,
    // The busiest suppliers have thousands: the newest are listed, the totals count them all.
    awards: awards.slice(0, REFERENCES_LIST_LIMIT),
    totalAwards: awards.length,
    byCouncil: [...byCouncil.values()].sort((a, b) => biggest(a, b) || a.name.localeCompare(b.name)),
    byGroup: [...byGroup.values()].sort((a, b) => biggest(a, b) || a.group.localeCompare(b.group)),
  };
}
