import type { NoticeInsight } from '@/lib/ocds/summary';
import { serviceGroupsFor } from '@/lib/ocds/cpv-service-groups';
import { summariseNotice } from '@/lib/ocds/summary';
import type { NoticeRow } from '@/lib/ocds/row';
import { noticePageId } from '@/lib/ocds/portals';
import type { CouncilLensDB } from '../db';

/** Earlier awards listed on a notice page at most. */
export const EARLIER_AWARDS_LIMIT = 8;

/**
 * For the panel on a notice page: this notice as cached (by OCID, else by its page address), and
 * "who won before": the council's awards in the same service group, newest first.
 */
export async function noticeInsight(
  db: CouncilLensDB,
  request: { council: string | null; ocid: string | null; noticeUrl: string; serviceGroup: string | null; cpv?: string[] | undefined; title?: string | undefined },
  today: string,
): Promise<NoticeInsight> {
  let row: NoticeRow | undefined = request.ocid ? await db.notices.get(request.ocid) : undefined;
  if (!row) {
    // A Contracts Finder page shows no OCID: its notice id finds the row (schema v6 index).
    const id = noticePageId(request.noticeUrl);
    if (id) row = await db.notices.where('pageId').equals(id).first();
  }
  // The person's group, else the cached notice's, else (not cached yet) the page's CPV codes and title.
  const fromPage = () => (request.cpv?.length ? (serviceGroupsFor({ cpv: request.cpv, title: request.title ?? '', description: '' })[0] ?? null) : null);
  const group = request.serviceGroup ?? row?.serviceGroups[0] ?? fromPage();
  let earlier: NoticeRow[] = [];
  if (request.council && group) {
    // Every award carries `[council, group, end]` keys (lib/ocds/row.ts): the prefix is "in this service".
    earlier = (await db.notices.where('endKeys').between([request.council, group, ''], [request.council, group, '\uffff'], true, true).toArray())
      .filter((r) => (r.stage === 'award' || r.stage === 'contract') && r.ocid !== row?.ocid && r.suppliers.length > 0)
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, EARLIER_AWARDS_LIMIT);
  }
  return {
    notice: row ? summariseNotice(row, today, group) : null,
    serviceGroup: group,
    earlierAwards: earlier.map((r) => summariseNotice(r, today, group)),
  };
}
