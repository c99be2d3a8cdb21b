import { cleanLine, cleanText, hasStrippedLineBreaks } from './clean-text';
import { addDays, earlier, later, normaliseDate, publishedDay } from './dates';
import { extensionMonths } from './extension';
import { asBoolean, asObject, asObjects, asString, definedOnly, type JsonObject } from './json';
import {
  AwardStatusSchema,
  ProcurementMethodSchema,
  TenderStatusSchema,
  type AwardStatus,
  type Contact,
  type Money,
  type ProcurementMethod,
  type Source,
  type Stage,
  type Supplier,
  type TenderStatus,
} from './notice';
import { indexParties, laeCouncilCode, normaliseName, partyName, partyRoles, supplierOf, type PartyIndex } from './parties';
import { noticeUrl, sourceFromOcid, sourceFromUrl } from './portals';

/**
 * One release read into the facts a Notice needs, each validated on its own: a bad field is left
 * out (undefined) and the rest of the release is kept. Merging happens in lib/ocds/merge.ts.
 */

export interface PeriodFacts {
  start?: string;
  end?: string;
  maxEnd?: string;
  durationDays?: number;
}

export interface BuyerFacts {
  name?: string;
  id?: string;
  councilCode?: string;
  contact?: Contact;
  locality?: string;
  postcode?: string;
}

export interface AwardFacts {
  /** Award id, or `#<position>` for an award published without one. */
  key: string;
  status?: AwardStatus;
  date?: string;
  /** `contracts[].dateSigned` of the contract implementing it (UK7). */
  signed?: string;
  value?: Money;
  suppliers: Supplier[];
  contractPeriod?: PeriodFacts;
}

export interface ReleaseFacts {
  /** Position in the input (see `parseReleases`). */
  index: number;
  ocid: string;
  id?: string;
  date?: string;
  tags: string[];
  source?: Source;
  noticeUrl?: string;
  title?: string;
  description?: string;
  status?: TenderStatus;
  procurementMethod?: ProcurementMethod;
  procurementMethodDetails?: string;
  value?: Money;
  minValue?: Money;
  tenderPublished?: string;
  tenderDeadline?: string;
  cpv: string[];
  regions: string[];
  buyer: BuyerFacts;
  awards: AwardFacts[];
  tenderPeriod?: PeriodFacts;
  lotsPeriod?: PeriodFacts;
  extensionMonths?: number;
  extensionNote?: string;
  suitability?: { sme?: boolean; vcse?: boolean };
  /** Procurement Act notice types of the release's documents (`UK1`…`UK17`), in document order. */
  noticeTypes: string[];
  /** `tender.communication.futureNoticeDate` (UK1, UK3): the London day the tender is expected. */
  futureNoticeDay?: string;
  /** UK2: the latest `dueDate` of the release's engagement milestones (London day). */
  engagementDay?: string;
  /** A contract of the release is `terminated` (UK11); its end day where published, else the release's. */
  terminatedOn?: string;
  terminated: boolean;
  /** A procurement termination (UK12, tag `tenderCancellation`): the tender is closed. */
  cancelled: boolean;
  hasContent: { planning: boolean; tender: boolean; awards: boolean; contracts: boolean };
}

const CPV_CODE = /^(\d{8})(?:-\d)?$/;

/** Amount above zero and finite (`1e9999` parses to Infinity), with an ISO 4217 currency. */
export function readMoney(value: unknown): Money | undefined {
  const money = asObject(value);
  if (!money) return undefined;
  const raw = money['amount'];
  const amount = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  const currency = asString(money['currency'])?.toUpperCase();
  if (!Number.isFinite(amount) || amount <= 0 || currency === undefined || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amount, currency };
}

/** An OCDS period; a missing end is start + `durationInDays` when both are published. */
function readPeriod(value: unknown): PeriodFacts | undefined {
  const period = asObject(value);
  if (!period) return undefined;
  const start = normaliseDate(period['startDate']);
  let end = normaliseDate(period['endDate']);
  const maxEnd = normaliseDate(period['maxExtentDate']);
  const days = period['durationInDays'];
  const durationDays = typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : undefined;
  if (end === undefined && start !== undefined && durationDays !== undefined) end = addDays(start, durationDays);
  if (start === undefined && end === undefined && maxEnd === undefined && durationDays === undefined) return undefined;
  return { start, end, maxEnd, durationDays };
}

/** Earliest start, latest end, latest maximum end, longest duration of several periods. */
export function spanOf(periods: Iterable<PeriodFacts | undefined>): PeriodFacts | undefined {
  let span: PeriodFacts | undefined;
  for (const period of periods) {
    if (!period) continue;
    span = {
      start: earlier(span?.start, period.start),
      end: later(span?.end, period.end),
      maxEnd: later(span?.maxEnd, period.maxEnd),
      durationDays: Math.max(span?.durationDays ?? 0, period.durationDays ?? 0) || undefined,
    };
  }
  return span;
}

function classificationIds(value: unknown): string[] {
  const out: string[] = [];
  for (const classification of asObjects(value)) {
    const scheme = asString(classification['scheme']);
    const code = CPV_CODE.exec(asString(classification['id']) ?? '')?.[1];
    if (code && (scheme === undefined || scheme.toUpperCase() === 'CPV')) out.push(code);
  }
  return out;
}

function readCpv(tender: JsonObject | undefined): string[] {
  if (!tender) return [];
  const codes = classificationIds([tender['classification']]);
  for (const item of asObjects(tender['items'])) {
    codes.push(...classificationIds([item['classification']]), ...classificationIds(item['additionalClassifications']));
  }
  return [...new Set(codes)];
}

function readRegions(tender: JsonObject | undefined): string[] {
  const regions = new Set<string>();
  for (const item of asObjects(tender?.['items'])) {
    for (const address of asObjects(item['deliveryAddresses'])) {
      const region = asString(address['region']);
      if (region) regions.add(cleanLine(region));
    }
  }
  return [...regions];
}

function readContact(value: unknown): Contact | undefined {
  const point = asObject(value);
  if (!point) return undefined;
  const name = asString(point['name']);
  const email = asString(point['email']);
  const telephone = asString(point['telephone']);
  const contact: Contact = {};
  if (name) contact.name = cleanLine(name);
  if (email && email.includes('@')) contact.email = email;
  if (telephone) contact.telephone = telephone;
  return Object.keys(contact).length > 0 ? contact : undefined;
}

function readBuyer(release: JsonObject, parties: PartyIndex): BuyerFacts {
  const reference = asObject(release['buyer']);
  const referenceId = asString(reference?.['id']);
  const referenceName = asString(reference?.['name']);
  const buyers = parties.parties.filter((candidate) => partyRoles(candidate).includes('buyer'));
  // The party `buyer` points to; by name when its id is not among the parties; the first party
  // with role buyer only when `buyer` names no one (PCS and Sell2Wales list several buyer parties).
  const nameKey = referenceName === undefined ? undefined : normaliseName(cleanLine(referenceName));
  const party =
    (referenceId === undefined ? undefined : parties.byId.get(referenceId)) ??
    (nameKey === undefined ? undefined : buyers.find((candidate) => normaliseName(partyName(candidate) ?? '') === nameKey)) ??
    (referenceId === undefined && referenceName === undefined ? buyers[0] : undefined);
  const name = referenceName !== undefined ? cleanLine(referenceName) : party ? partyName(party) : undefined;
  const id = referenceId ?? (party ? asString(party['id']) : undefined);
  const address = asObject(party?.['address']);
  const locality = asString(address?.['locality'])?.replace(/[\s,]+$/, '');
  const postcode = asString(address?.['postalCode']);
  return {
    name: name || undefined,
    id,
    councilCode: laeCouncilCode(party, id),
    contact: readContact(party?.['contactPoint']),
    locality: locality ? cleanLine(locality) : undefined,
    postcode,
  };
}

function readAwards(release: JsonObject, parties: PartyIndex): AwardFacts[] {
  const awards = asObjects(release['awards']).map((award, position): AwardFacts => {
    const status = AwardStatusSchema.safeParse(asString(award['status']));
    const suppliers: Supplier[] = [];
    for (const reference of asObjects(award['suppliers'])) {
      const supplier = supplierOf(reference, parties);
      if (supplier) suppliers.push(supplier);
    }
    return {
      key: asString(award['id']) ?? `#${position}`,
      status: status.success ? status.data : undefined,
      date: normaliseDate(award['date']),
      value: readMoney(award['value']),
      suppliers,
      contractPeriod: readPeriod(award['contractPeriod']),
    };
  });
  // OCDS contracts (Find a Tender contract stage): the signed contract's period and value are
  // the better facts for the award they implement.
  for (const contract of asObjects(release['contracts'])) {
    const status = asString(contract['status']);
    if (status === 'cancelled') continue;
    const awardId = asString(contract['awardID']);
    const award = awards.find((candidate) => candidate.key === awardId);
    const period = readPeriod(contract['period']);
    const value = readMoney(contract['value']);
    const signed = normaliseDate(contract['dateSigned']);
    if (award) {
      if (period) award.contractPeriod = { ...award.contractPeriod, ...definedOnly(period) };
      award.value ??= value;
      award.signed ??= signed;
    } else {
      awards.push({ key: `contract:${asString(contract['id']) ?? awards.length}`, suppliers: [], value, contractPeriod: period, signed });
    }
  }
  return awards;
}

/** The lots' contract periods, and the extension their renewal texts state. */
function readLots(tender: JsonObject | undefined, stripped: boolean): { period?: PeriodFacts; months?: number; note?: string } {
  const periods: PeriodFacts[] = [];
  let months: number | undefined;
  let note: string | undefined;
  for (const lot of asObjects(tender?.['lots'])) {
    const period = readPeriod(lot['contractPeriod']);
    if (period) periods.push(period);
    if (asBoolean(lot['hasRenewal']) === false) continue;
    const text = asString(asObject(lot['renewal'])?.['description']);
    if (!text) continue;
    const cleaned = cleanText(text, stripped);
    note ??= cleaned;
    const lotMonths = extensionMonths(cleaned);
    if (lotMonths !== undefined) months = Math.max(months ?? 0, lotMonths);
  }
  return { period: spanOf(periods), months, note };
}

function documentUrls(release: JsonObject, tender: JsonObject | undefined): string[] {
  const urls: string[] = [];
  const collect = (holder: JsonObject | undefined): void => {
    for (const document of asObjects(holder?.['documents'])) {
      const url = asString(document['url']);
      if (url) urls.push(url);
    }
  };
  collect(asObject(release['planning']));
  collect(tender);
  for (const award of asObjects(release['awards'])) collect(award);
  for (const contract of asObjects(release['contracts'])) collect(contract);
  return urls;
}

const NOTICE_TYPE = /^UK(?:[1-9]|1[0-7])$/;

/** The `noticeType` of every document of the release, where Find a Tender puts them (SOURCES.md section 7). */
function readNoticeTypes(release: JsonObject, tender: JsonObject | undefined): string[] {
  const holders = [asObject(release['planning']), tender, ...asObjects(release['awards']), ...asObjects(release['contracts'])];
  const types: string[] = [];
  for (const holder of holders) {
    for (const document of asObjects(holder?.['documents'])) {
      const type = asString(document['noticeType'])?.toUpperCase();
      if (type && NOTICE_TYPE.test(type) && !types.includes(type)) types.push(type);
    }
  }
  return types;
}

/** The latest engagement milestone due date of a UK2 release (`planning.milestones[]`, type `engagement`). */
function readEngagementDay(planning: JsonObject | undefined): string | undefined {
  let latest: string | undefined;
  for (const milestone of asObjects(planning?.['milestones'])) {
    if (asString(milestone['type']) !== 'engagement') continue;
    latest = later(latest, publishedDay(milestone['dueDate']));
  }
  return latest;
}

/** UK11: a contract of the release whose status is `terminated`, and the day it ended. */
function readTermination(release: JsonObject): { terminated: boolean; day?: string } {
  for (const contract of asObjects(release['contracts'])) {
    if (asString(contract['status']) !== 'terminated') continue;
    const day = publishedDay(asObject(contract['implementation'])?.['endDate']) ?? publishedDay(release['date']);
    return day === undefined ? { terminated: true } : { terminated: true, day };
  }
  return { terminated: false };
}

function readSuitability(tender: JsonObject | undefined): ReleaseFacts['suitability'] {
  const suitability = asObject(tender?.['suitability']);
  const sme = asBoolean(suitability?.['sme']);
  const vcse = asBoolean(suitability?.['vcse']);
  if (sme === undefined && vcse === undefined) return undefined;
  return definedOnly({ sme, vcse });
}

/** A release's source: its ocid prefix, else the portal of its documents, else the package's. */
function readSource(ocid: string, urls: readonly string[], packageSource: Source | undefined): Source | undefined {
  const fromOcid = sourceFromOcid(ocid);
  if (fromOcid) return fromOcid;
  for (const url of urls) {
    const fromUrl = sourceFromUrl(url);
    if (fromUrl) return fromUrl;
  }
  return packageSource;
}

/**
 * Whether the release's long texts lost the backslashes of their line breaks: then every text of
 * the release is repaired as stripped, including one with no sure case of its own
 * (PCS `ocds-r6ebe6-0000577987`: "eradication of rhododendron ponticum fromrn Eilean na Muice Duibhe").
 */
function isStripped(release: JsonObject, tender: JsonObject | undefined): boolean {
  const texts = [tender?.['description'], release['description']];
  for (const lot of asObjects(tender?.['lots'])) texts.push(lot['description'], asObject(lot['renewal'])?.['description']);
  return texts.some((text) => typeof text === 'string' && hasStrippedLineBreaks(text));
}

function cleanOptional(value: unknown, clean: (text: string) => string): string | undefined {
  const raw = asString(value);
  if (raw === undefined) return undefined;
  const cleaned = clean(raw);
  return cleaned === '' ? undefined : cleaned;
}

/** Reads one release. The caller has checked that it is an object with an ocid. */
export function readRelease(release: JsonObject, ocid: string, index: number, packageSource: Source | undefined): ReleaseFacts {
  const tender = asObject(release['tender']);
  const parties = indexParties(release['parties']);
  const id = asString(release['id']);
  const urls = documentUrls(release, tender);
  const source = readSource(ocid, urls, packageSource);
  const status = TenderStatusSchema.safeParse(asString(tender?.['status']));
  const method = ProcurementMethodSchema.safeParse(asString(tender?.['procurementMethod']));
  const stripped = isStripped(release, tender);
  const lots = readLots(tender, stripped);
  const firstLot = asObjects(tender?.['lots'])[0];
  const cleanLong = (text: string): string => cleanText(text, stripped);
  const tags = readTags(release['tag']);
  const noticeTypes = readNoticeTypes(release, tender);
  const termination = readTermination(release);
  return {
    index,
    ocid,
    id,
    date: normaliseDate(release['date']),
    tags,
    source,
    noticeUrl: source === undefined ? undefined : noticeUrl(source, { ocid, releaseId: id, documentUrls: urls }),
    title: cleanOptional(tender?.['title'], cleanLine) ?? cleanOptional(release['title'], cleanLine),
    description:
      cleanOptional(tender?.['description'], cleanLong) ??
      cleanOptional(release['description'], cleanLong) ??
      cleanOptional(firstLot?.['description'], cleanLong),
    status: status.success ? status.data : undefined,
    procurementMethod: method.success ? method.data : undefined,
    procurementMethodDetails: cleanOptional(tender?.['procurementMethodDetails'], cleanLine),
    value: readMoney(tender?.['value']),
    minValue: readMoney(tender?.['minValue']),
    tenderPublished: normaliseDate(tender?.['datePublished']),
    tenderDeadline: normaliseDate(asObject(tender?.['tenderPeriod'])?.['endDate']),
    cpv: readCpv(tender),
    regions: readRegions(tender),
    buyer: readBuyer(release, parties),
    awards: readAwards(release, parties),
    tenderPeriod: readPeriod(tender?.['contractPeriod']),
    lotsPeriod: lots.period,
    extensionMonths: lots.months,
    extensionNote: lots.note,
    suitability: readSuitability(tender),
    noticeTypes,
    futureNoticeDay: publishedDay(asObject(tender?.['communication'])?.['futureNoticeDate']),
    engagementDay: readEngagementDay(asObject(release['planning'])),
    terminated: termination.terminated,
    terminatedOn: termination.day,
    cancelled: tags.includes('tenderCancellation') || noticeTypes.includes('UK12'),
    hasContent: {
      planning: asObject(release['planning']) !== undefined,
      tender: tender !== undefined,
      awards: asObjects(release['awards']).length > 0,
      contracts: asObjects(release['contracts']).length > 0,
    },
  };
}

function readTags(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

const TAG_STAGES: ReadonlyMap<string, Stage> = new Map(Object.entries({
  planning: 'planning',
  planningUpdate: 'planning',
  tender: 'tender',
  tenderAmendment: 'tender',
  tenderUpdate: 'tender',
  tenderCancellation: 'tender',
  award: 'award',
  awardUpdate: 'award',
  awardCancellation: 'award',
  contract: 'contract',
  contractUpdate: 'contract',
  contractAmendment: 'contract',
  implementation: 'contract',
  implementationUpdate: 'contract',
  contractTermination: 'contract',
} satisfies Record<string, Stage>));
const STAGE_ORDER: readonly Stage[] = ['planning', 'tender', 'award', 'contract'];

/** The more advanced of two stages. */
export function laterStage(a: Stage | undefined, b: Stage | undefined): Stage | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return STAGE_ORDER.indexOf(b) > STAGE_ORDER.indexOf(a) ? b : a;
}

/**
 * A release's stage from its tags; from its content when no tag is known (a compiled release is
 * tagged `compiled`): contracts > awards > tender > planning.
 */
export function stageOf(facts: Pick<ReleaseFacts, 'tags' | 'hasContent'>): Stage | undefined {
  let stage: Stage | undefined;
  for (const tag of facts.tags) stage = laterStage(stage, TAG_STAGES.get(tag));
  if (stage) return stage;
  const { contracts, awards, tender, planning } = facts.hasContent;
  if (contracts) return 'contract';
  if (awards) return 'award';
  if (tender) return 'tender';
  return planning ? 'planning' : undefined;
}
