import { z } from 'zod';
import { foldText } from './clean-text';
import { comingUntil, type NoticeRow } from './row';
import { PORTAL_IDS } from './portals';

/** The portal a cached notice comes from (the sources of lib/ocds/notice.ts). */
const NoticeSourceSchema = z.enum(PORTAL_IDS);

/** One cached notice as a card line: an open tender or a contract coming to an end. */
export const NoticeSummarySchema = z.object({
  ocid: z.string(),
  title: z.string(),
  noticeUrl: z.string(),
  source: NoticeSourceSchema,
  value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  /** Tender deadline (YYYY-MM-DD) and whole days left until it, for open tenders. */
  deadline: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  /** Contract end and end with every extension (YYYY-MM-DD), for contracts ending. */
  end: z.string().nullable(),
  maxEnd: z.string().nullable(),
  suppliers: z.array(z.string()),
  serviceGroups: z.array(z.string()),
  /** In the service group of the person on the page: listed first. */
  inPersonsGroup: z.boolean(),
  /** The same procurement published on the other portal too (lib/ocds/summary.ts collapseCrossPosted). */
  alsoOn: z.array(z.object({ source: NoticeSourceSchema, noticeUrl: z.string() })).optional(),
  /** The latest Procurement Act notice type of the process (`UK3`); absent or null before the Act. */
  noticeType: z.string().nullable().optional(),
  /** Every Procurement Act notice type of the process, oldest first. */
  noticeTypes: z.array(z.string()).optional(),
  /** Coming to market: when the tender is expected, and the market engagement deadline (YYYY-MM-DD). */
  expectedTenderDate: z.string().nullable().optional(),
  engagementDeadline: z.string().nullable().optional(),
  /** A forward notice stays "coming to market" until this day (lib/ocds/row.ts comingUntil): the section's order. */
  comingUntil: z.string().optional(),
});
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;

/** What the council is buying now and which contracts end soon, from the local cache. */
export const ProcurementSchema = z.object({
  openTenders: z.array(NoticeSummarySchema),
  openTotal: z.number().int(),
  contractsEnding: z.array(NoticeSummarySchema),
  endingTotal: z.number().int(),
  /** The window "ending soon" covers, in months. */
  endingWithinMonths: z.number().int(),
  /**
   * Coming to market: the council's forward notices (UK1 pipeline, UK2 market engagement, UK3
   * planned procurement, and the old regime's planning notices) still ahead, the person's service
   * first. Absent from answers of before issue 10.
   */
  comingToMarket: z.array(NoticeSummarySchema).optional(),
  comingTotal: z.number().int().optional(),
  /** When the cache was last refreshed from the live APIs; null when it only holds the packaged snapshot. */
  lastSyncedAt: z.number().nullable(),
});
export type Procurement = z.infer<typeof ProcurementSchema>;

/** For the panel on a notice page: the cached notice and who won the council's earlier contracts in the service. */
export interface NoticeInsight {
  /** This notice as cached, when it is. */
  notice: NoticeSummary | null;
  /** The service group the earlier awards are of (the person's, else the notice's first). */
  serviceGroup: string | null;
  /** The council's awarded contracts in that service group, newest first. */
  earlierAwards: NoticeSummary[];
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `date` plus `months` calendar months (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A cached notice as the card lists it. */
export function summariseNotice(row: NoticeRow, today: string, personsGroup: string | null): NoticeSummary {
  return {
    ocid: row.ocid,
    title: row.title,
    noticeUrl: row.noticeUrl,
    source: row.source,
    value: row.value ? { amount: row.value.amount, currency: row.value.currency } : null,
    deadline: row.deadline ?? null,
    daysLeft: row.deadline ? daysBetween(today, row.deadline) : null,
    end: row.contractPeriod?.end?.slice(0, 10) ?? null,
    maxEnd: row.contractPeriod?.maxEnd?.slice(0, 10) ?? null,
    suppliers: row.suppliers.map((s) => s.name),
    serviceGroups: row.serviceGroups,
    inPersonsGroup: personsGroup !== null && row.serviceGroups.includes(personsGroup as never),
    noticeType: row.noticeTypes?.at(-1) ?? null,
    noticeTypes: row.noticeTypes ?? [],
    expectedTenderDate: row.expectedTenderDate ?? null,
    // A market engagement that has closed is no longer something to act on.
    engagementDeadline: row.engagementDeadline !== undefined && row.engagementDeadline >= today ? row.engagementDeadline : null,
    ...(row.stage === 'planning' ? { comingUntil: comingUntil(row) } : {}),
  };
}

/** The person's service group first, then by `key` ascending (deadline, contract end). */
export function personsGroupFirst(key: (s: NoticeSummary) => string | null): (a: NoticeSummary, b: NoticeSummary) => number {
  return (a, b) => {
    if (a.inPersonsGroup !== b.inPersonsGroup) return a.inPersonsGroup ? -1 : 1;
    const ka = key(a) ?? '9999';
    const kb = key(b) ?? '9999';
    return ka < kb ? -1 : ka > kb ? 1 : a.title.localeCompare(b.title);
  };
}

/**
 * One line per procurement when the same notice is published on both portals: above the
 * thresholds a council publishes on Find a Tender and Contracts Finder, under different OCIDs.
 * Lines with the same folded title (case, accents, punctuation and spacing: `foldText`),
 * deadline, contract dates and value are one procurement; the first (in the order given)
 * stays, and the others' portal and page go in its `alsoOn`.
 * `collapsed` is how many lines went, for the section's total.
 */
export function collapseCrossPosted(summaries: readonly NoticeSummary[]): { list: NoticeSummary[]; collapsed: number } {
  const kept = new Map<string, NoticeSummary>();
  let collapsed = 0;
  for (const s of summaries) {
    const key = [foldText(s.title), s.deadline ?? '', s.end ?? '', s.maxEnd ?? '', s.value?.amount ?? ''].join('|');
    const first = kept.get(key);
    if (!first || first.source === s.source) {
      if (!first) kept.set(key, s);
      else kept.set(`${key}|${s.ocid}`, s);
      continue;
    }
    first.alsoOn = [...(first.alsoOn ?? []), { source: s.source, noticeUrl: s.noticeUrl }];
    collapsed += 1;
  }
  return { list: [...kept.values()], collapsed };
}
