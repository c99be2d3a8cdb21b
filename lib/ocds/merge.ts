import { CouncilCodeSchema } from '@/lib/councils/schema';
import { serviceGroupsFor } from './cpv-service-groups';
import { addMonths, earlier, later } from './dates';
import { definedOnly } from './json';
import { NoticeSchema, type Award, type ContractPeriod, type Money, type Notice, type Stage } from './notice';
import { uniqueSuppliers } from './parties';
import { laterStage, spanOf, stageOf, type AwardFacts, type BuyerFacts, type PeriodFacts, type ReleaseFacts } from './release';

export interface MergeOptions {
  /** Buyer name -> register code, for buyers without a `GB-LAE-xxx` id. */
  resolveCouncil?: (buyerName: string) => string | null;
}

export type MergeResult = { notice: Notice } | { reason: string };

const CF_SEQUENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(\d+)$/i;

/**
 * Oldest first: by release date; on equal dates by the Contracts Finder sequence number at the end
 * of the release id (`…-582273` before `…-582274`), else by position in the input.
 */
function releaseOrder(a: ReleaseFacts, b: ReleaseFacts): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return -1;
    if (b.date === undefined) return 1;
    return a.date < b.date ? -1 : 1;
  }
  const sequenceA = CF_SEQUENCE.exec(a.id ?? '')?.[1];
  const sequenceB = CF_SEQUENCE.exec(b.id ?? '')?.[1];
  if (sequenceA !== undefined && sequenceB !== undefined && sequenceA !== sequenceB) return Number(sequenceA) - Number(sequenceB);
  return a.index - b.index;
}

/** `base` with every defined field of `next` laid over it: later wins field by field. */
export function overlay<T extends object>(base: T | undefined, next: T | undefined): T | undefined {
  if (next === undefined) return base;
  const out = { ...(base ?? next) };
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function mergeAward(base: AwardFacts | undefined, next: AwardFacts): AwardFacts {
  if (!base) return next;
  return {
    key: next.key,
    status: next.status ?? base.status,
    date: next.date ?? base.date,
    signed: next.signed ?? base.signed,
    value: next.value ?? base.value,
    suppliers: next.suppliers.length > 0 ? next.suppliers : base.suppliers,
    contractPeriod: overlay(base.contractPeriod, next.contractPeriod),
  };
}

const SCALARS = [
  'source',
  'noticeUrl',
  'title',
  'description',
  'status',
  'procurementMethod',
  'procurementMethodDetails',
  'value',
  'minValue',
  'tenderDeadline',
  'extensionMonths',
  'extensionNote',
] as const satisfies readonly (keyof ReleaseFacts)[];

type Merged = Partial<Pick<ReleaseFacts, (typeof SCALARS)[number]>> & {
  stage?: Stage;
  publishedAt?: string;
  updatedAt?: string;
  cpv: string[];
  regions: string[];
  buyer?: BuyerFacts;
  awards: Map<string, AwardFacts>;
  tenderPeriod?: PeriodFacts;
  lotsPeriod?: PeriodFacts;
  suitability?: ReleaseFacts['suitability'];
  releaseIds: string[];
  noticeTypes: string[];
  expectedTenderDate?: string;
  engagementDeadline?: string;
  terminated: boolean;
  terminatedOn?: string;
};

function mergeFacts(releases: readonly ReleaseFacts[]): Merged {
  const merged: Merged = { cpv: [], regions: [], awards: new Map(), releaseIds: [], noticeTypes: [], terminated: false };
  for (const release of [...releases].sort(releaseOrder)) {
    for (const key of SCALARS) {
      const value = release[key];
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    if (release.cpv.length > 0) merged.cpv = release.cpv;
    if (release.regions.length > 0) merged.regions = release.regions;
    const contact = overlay(merged.buyer?.contact, release.buyer.contact);
    merged.buyer = overlay(merged.buyer, release.buyer);
    if (merged.buyer) merged.buyer.contact = contact;
    for (const award of release.awards) merged.awards.set(award.key, mergeAward(merged.awards.get(award.key), award));
    merged.tenderPeriod = overlay(merged.tenderPeriod, release.tenderPeriod);
    merged.lotsPeriod = overlay(merged.lotsPeriod, release.lotsPeriod);
    merged.suitability = overlay(merged.suitability, release.suitability);
    merged.stage = laterStage(merged.stage, stageOf(release));
    merged.publishedAt = earlier(earlier(merged.publishedAt, release.tenderPublished), release.date);
    merged.updatedAt = later(merged.updatedAt, release.date);
    if (release.id !== undefined && !merged.releaseIds.includes(release.id)) merged.releaseIds.push(release.id);
    for (const type of release.noticeTypes) if (!merged.noticeTypes.includes(type)) merged.noticeTypes.push(type);
    // The latest planning release's expected tender date (UK1, UK3; a UK3 may move it).
    if (release.futureNoticeDay !== undefined && stageOf(release) === 'planning') merged.expectedTenderDate = release.futureNoticeDay;
    if (release.engagementDay !== undefined) merged.engagementDeadline = release.engagementDay;
    if (release.terminated) {
      merged.terminated = true;
      merged.terminatedOn = release.terminatedOn ?? merged.terminatedOn;
    }
    // UK12 publishes `tender.status` "complete" with a cancelled award (075954-2026): the tender is closed.
    if (release.cancelled) merged.status = 'cancelled';
  }
  return merged;
}

/** Awards that stand: not cancelled and not unsuccessful. */
export function isLive(award: Pick<AwardFacts, 'status'>): boolean {
  return award.status !== 'cancelled' && award.status !== 'unsuccessful';
}

/** Sum of the values when they share one currency. */
export function total(values: readonly (Money | undefined)[]): Money | undefined {
  const present = values.filter((value): value is Money => value !== undefined);
  const first = present[0];
  if (!first || present.some((value) => value.currency !== first.currency)) return undefined;
  const amount = present.reduce((sum, value) => sum + value.amount, 0);
  return Number.isFinite(amount) ? { amount, currency: first.currency } : undefined;
}

/** A period with its maximum end: published `maxExtentDate`, else end plus the stated extension. */
function withMaxEnd(period: PeriodFacts, months: number | undefined, note: string | undefined): ContractPeriod {
  let maxEnd = period.maxEnd ?? (months !== undefined && period.end !== undefined ? addMonths(period.end, months) : undefined);
  if (maxEnd !== undefined && period.end !== undefined && maxEnd < period.end) maxEnd = undefined;
  const out: ContractPeriod = {};
  if (period.start !== undefined) out.start = period.start;
  if (period.end !== undefined) out.end = period.end;
  if (maxEnd !== undefined) out.maxEnd = maxEnd;
  if (period.durationDays !== undefined) out.durationDays = period.durationDays;
  if (note !== undefined) out.extensionNote = note;
  return out;
}

/**
 * The notice's contract period: the live awards' contracts where published (the real dates),
 * else the tender's planned `contractPeriod`, else the lots' (PCS, Sell2Wales).
 */
function contractPeriodOf(merged: Merged, awards: readonly AwardFacts[]): ContractPeriod | undefined {
  const fromAwards = spanOf(awards.filter(isLive).map((award) => award.contractPeriod));
  const base = fromAwards ?? merged.tenderPeriod ?? merged.lotsPeriod;
  if (!base) return merged.extensionNote === undefined ? undefined : { extensionNote: merged.extensionNote };
  const durationDays = base.durationDays ?? merged.tenderPeriod?.durationDays ?? merged.lotsPeriod?.durationDays;
  return withMaxEnd({ ...base, durationDays }, merged.extensionMonths, merged.extensionNote);
}

const TITLE_LENGTH = 120;

/** A title for a notice published without one: the description's first line, shortened at a word. */
function titleFromDescription(description: string): string {
  const firstLine = description.split('\n', 1)[0] ?? '';
  if (firstLine.length <= TITLE_LENGTH) return firstLine;
  const cut = firstLine.lastIndexOf(' ', TITLE_LENGTH);
  return `${firstLine.slice(0, cut > 40 ? cut : TITLE_LENGTH)}…`;
}

function councilCodeOf(buyer: BuyerFacts, name: string, options: MergeOptions): string | undefined {
  if (buyer.councilCode !== undefined) return buyer.councilCode;
  const resolved = options.resolveCouncil?.(name) ?? undefined;
  return resolved !== undefined && CouncilCodeSchema.safeParse(resolved).success ? resolved : undefined;
}

function awardOut(award: AwardFacts, months: number | undefined): Award {
  const out: Award = { id: award.key, suppliers: uniqueSuppliers(award.suppliers) };
  if (award.status !== undefined) out.status = award.status;
  if (award.date !== undefined) out.date = award.date;
  if (award.signed !== undefined) out.signed = award.signed;
  if (award.value !== undefined) out.value = award.value;
  if (award.contractPeriod !== undefined) out.contractPeriod = withMaxEnd(award.contractPeriod, months, undefined);
  return out;
}

/**
 * Merges the releases of one ocid into a Notice (later releases win field by field, awards merged
 * by id), or says why there is no usable notice.
 */
export function mergeReleases(ocid: string, releases: readonly ReleaseFacts[], options: MergeOptions = {}): MergeResult {
  const merged = mergeFacts(releases);
  if (merged.source === undefined) return { reason: `unknown portal: ocid prefix of ${ocid} and no portal URL` };
  const description = merged.description ?? '';
  const title = merged.title ?? (description === '' ? undefined : titleFromDescription(description));
  if (title === undefined) return { reason: 'no title and no description' };
  const buyerName = merged.buyer?.name;
  if (buyerName === undefined || merged.buyer === undefined) return { reason: 'no buyer name' };
  if (merged.publishedAt === undefined || merged.updatedAt === undefined) return { reason: 'no valid release date' };
  if (merged.stage === undefined) return { reason: 'no stage: no known tag and no planning, tender, award or contract' };
  if (merged.noticeUrl === undefined) return { reason: `no notice URL for ${merged.source}` };

  const { buyer } = merged;
  const awards = [...merged.awards.values()];
  const councilCode = councilCodeOf(buyer, buyerName, options);
  const candidate: Notice = definedOnly({
    ocid,
    source: merged.source,
    stage: merged.stage,
    status: merged.status,
    title,
    description,
    buyer: definedOnly({
      name: buyerName,
      id: buyer.id,
      councilCode,
      contact: buyer.contact,
      locality: buyer.locality,
      postcode: buyer.postcode,
    }),
    cpv: merged.cpv,
    serviceGroups: serviceGroupsFor({ cpv: merged.cpv, title, description }),
    value: merged.value ?? total(awards.filter(isLive).map((award) => award.value)),
    minValue: merged.minValue,
    publishedAt: merged.publishedAt,
    updatedAt: merged.updatedAt,
    tenderDeadline: merged.tenderDeadline,
    contractPeriod: contractPeriodOf(merged, awards),
    suppliers: uniqueSuppliers(awards.filter(isLive).flatMap((award) => award.suppliers)),
    awards: awards.map((award) => awardOut(award, merged.extensionMonths)),
    procurementMethod: merged.procurementMethod,
    procurementMethodDetails: merged.procurementMethodDetails,
    suitability: merged.suitability,
    regions: merged.regions,
    noticeUrl: merged.noticeUrl,
    releaseIds: merged.releaseIds,
    noticeTypes: merged.noticeTypes.length > 0 ? merged.noticeTypes : undefined,
    expectedTenderDate: merged.expectedTenderDate,
    engagementDeadline: merged.engagementDeadline,
    terminated: merged.terminated ? (true as const) : undefined,
    terminatedOn: merged.terminated ? merged.terminatedOn : undefined,
  });
  const parsed = NoticeSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `invalid notice: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}` };
  }
  return { notice: parsed.data };
}
