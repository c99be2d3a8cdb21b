import { serviceGroupsFor } from './cpv-service-groups';
import { earlier, later } from './dates';
import { definedOnly } from './json';
import { isLive, overlay, total } from './merge';
import { NoticeSchema, type Award, type ContractPeriod, type Money, type Notice } from './notice';
import { uniqueSuppliers } from './parties';
import { laterStage, spanOf } from './release';

/**
 * Notice-level merging, for a cache that receives one process's releases in several pieces (a sync
 * page at a time) and no longer has the releases of the earlier pieces. It follows the release-level
 * rules of lib/ocds/merge.ts with the notice as the unit: the notice last updated wins field by field,
 * awards are merged by id, suppliers and the contract period are derived again from the merged
 * awards, and the service groups from the merged CPV codes and text.
 *
 * Equal to `parseReleases` over all the releases at once whenever the two pieces do not interleave
 * in time (every release of one piece is no later than every release of the other), which is how
 * the portals page: newest first within a window, windows one after another
 * (tests/lib/ocds/merge-rows.test.ts checks this on every real Contracts Finder file).
 */

function mergeAward(older: Award, newer: Award): Award {
  return definedOnly({
    id: newer.id,
    status: newer.status ?? older.status,
    date: newer.date ?? older.date,
    signed: newer.signed ?? older.signed,
    value: newer.value ?? older.value,
    suppliers: newer.suppliers.length > 0 ? newer.suppliers : older.suppliers,
    contractPeriod: overlay(older.contractPeriod, newer.contractPeriod),
  });
}

/** Awards by id, in first-published order; the newer notice's version of an award wins field by field. */
function mergeAwards(older: readonly Award[], newer: readonly Award[]): Award[] {
  const byId = new Map<string, Award>();
  for (const award of older) byId.set(award.id, award);
  for (const award of newer) {
    const seen = byId.get(award.id);
    byId.set(award.id, seen ? mergeAward(seen, award) : award);
  }
  return [...byId.values()];
}

/** Earliest start, latest end and maximum end, longest duration of the awards' contract periods. */
function awardsSpan(awards: readonly Award[]): ContractPeriod | undefined {
  const found = spanOf(awards.map((award) => award.contractPeriod));
  if (!found) return undefined;
  const span = definedOnly(found);
  if (span.maxEnd !== undefined && span.end !== undefined && span.maxEnd < span.end) delete span.maxEnd;
  return span;
}

/**
 * The notice's published estimate (`tender.value`), or undefined when its value is only the total
 * of its live awards, which the parser fills in when no estimate was published: that total is
 * computed again over the merged awards.
 */
function publishedValue(notice: Notice): Money | undefined {
  const { value } = notice;
  if (!value) return undefined;
  const awarded = total(notice.awards.filter(isLive).map((award) => award.value));
  return awarded && awarded.amount === value.amount && awarded.currency === value.currency ? undefined : value;
}

function contractPeriodOf(older: Notice, newer: Notice, awards: readonly Award[]): ContractPeriod | undefined {
  const note = newer.contractPeriod?.extensionNote ?? older.contractPeriod?.extensionNote;
  const fromAwards = awardsSpan(awards.filter(isLive));
  if (fromAwards) return note === undefined ? fromAwards : { ...fromAwards, extensionNote: note };
  return overlay(older.contractPeriod, newer.contractPeriod);
}

/**
 * Merges a cached notice with a newly fetched one of the same ocid (either may be the more recent:
 * the one with the later `updatedAt` wins, the incoming one on a tie). Derived row fields
 * (lib/ocds/row.ts) are not kept: build the row again with `toNoticeRow`. Merging a notice with
 * itself, or with a notice built from a subset of its releases, gives the notice back.
 */
export function mergeNotices(cached: Notice, incoming: Notice): Notice {
  const newerIsIncoming = incoming.updatedAt >= cached.updatedAt;
  const older = newerIsIncoming ? cached : incoming;
  const newer = newerIsIncoming ? incoming : cached;
  const awards = mergeAwards(older.awards, newer.awards);
  const live = awards.filter(isLive);
  const description = newer.description !== '' ? newer.description : older.description;
  const cpv = newer.cpv.length > 0 ? newer.cpv : older.cpv;
  const releaseIds = [...older.releaseIds];
  for (const id of newer.releaseIds) if (!releaseIds.includes(id)) releaseIds.push(id);
  const noticeTypes = [...(older.noticeTypes ?? [])];
  for (const type of newer.noticeTypes ?? []) if (!noticeTypes.includes(type)) noticeTypes.push(type);
  const terminated = newer.terminated ?? older.terminated;
  const buyer = { ...overlay(older.buyer, newer.buyer)!, name: newer.buyer.name };
  const contact = overlay(older.buyer.contact, newer.buyer.contact);
  if (contact) buyer.contact = contact;

  const merged: Notice = definedOnly({
    ocid: newer.ocid,
    source: newer.source,
    stage: laterStage(older.stage, newer.stage) ?? newer.stage,
    status: newer.status ?? older.status,
    title: newer.title,
    description,
    buyer,
    cpv,
    serviceGroups: serviceGroupsFor({ cpv, title: newer.title, description }),
    value: publishedValue(newer) ?? publishedValue(older) ?? total(live.map((award) => award.value)),
    minValue: newer.minValue ?? older.minValue,
    publishedAt: earlier(older.publishedAt, newer.publishedAt) ?? newer.publishedAt,
    updatedAt: later(older.updatedAt, newer.updatedAt) ?? newer.updatedAt,
    tenderDeadline: newer.tenderDeadline ?? older.tenderDeadline,
    contractPeriod: contractPeriodOf(older, newer, awards),
    suppliers: awards.length > 0 ? uniqueSuppliers(live.flatMap((award) => award.suppliers)) : newer.suppliers.length > 0 ? newer.suppliers : older.suppliers,
    awards,
    procurementMethod: newer.procurementMethod ?? older.procurementMethod,
    procurementMethodDetails: newer.procurementMethodDetails ?? older.procurementMethodDetails,
    suitability: overlay(older.suitability, newer.suitability),
    regions: newer.regions.length > 0 ? newer.regions : older.regions,
    noticeUrl: newer.noticeUrl,
    releaseIds,
    noticeTypes: noticeTypes.length > 0 ? noticeTypes : undefined,
    expectedTenderDate: newer.expectedTenderDate ?? older.expectedTenderDate,
    engagementDeadline: newer.engagementDeadline ?? older.engagementDeadline,
    terminated,
    terminatedOn: terminated ? (newer.terminatedOn ?? older.terminatedOn) : undefined,
  });
  // Zod also drops the derived row fields (council, supplierKeys, …) a cached row carries.
  const parsed = NoticeSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const fallback = NoticeSchema.safeParse(newer);
  return fallback.success ? fallback.data : incoming;
}
