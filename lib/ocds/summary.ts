import type { NoticeSummary } from '@/lib/protocol';
import { foldText } from './clean-text';
import { comingUntil, type NoticeRow } from './row';

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
