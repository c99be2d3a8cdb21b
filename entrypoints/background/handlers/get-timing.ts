import type { TimingContract, TimingData, TimingPlanned } from '@/lib/timing/types';
import { noticeTypeName } from '@/lib/ocds/notice-types';
import { addMonths } from '@/lib/ocds/dates';
import { ALL_GROUPS } from '@/lib/ocds/row';
import type { CouncilLensDB } from '../db';
import { byCouncilYear } from './list-savings';

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
