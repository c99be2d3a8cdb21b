import { z } from 'zod';
import { PORTAL_IDS } from './portals';
import { CouncilCodeSchema } from '@/lib/councils/schema';
import { ServiceGroupIdSchema } from './cpv-service-groups';

/**
 * One procurement process (one OCDS `ocid`) as the extension stores and shows it: every release
 * of the process merged, cleaned and validated. Built by `parseReleases` (lib/ocds/parse-releases.ts).
 */

/** The portal a notice comes from: the ids of the portal registry (lib/ocds/portals.ts). */
export const SourceSchema = z.enum(PORTAL_IDS);
export type Source = z.infer<typeof SourceSchema>;

/** The most advanced stage any release of the process reached (planning < tender < award < contract). */
export const StageSchema = z.enum(['planning', 'tender', 'award', 'contract']);
export type Stage = z.infer<typeof StageSchema>;

/** OCDS tender status codelist (https://standard.open-contracting.org/1.1/en/schema/codelists/#tender-status). */
export const TenderStatusSchema = z.enum(['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn']);
export type TenderStatus = z.infer<typeof TenderStatusSchema>;

/** OCDS award status codelist. */
export const AwardStatusSchema = z.enum(['pending', 'active', 'cancelled', 'unsuccessful']);
export type AwardStatus = z.infer<typeof AwardStatusSchema>;

/** OCDS procurement method codelist. */
export const ProcurementMethodSchema = z.enum(['open', 'selective', 'limited', 'direct']);
export type ProcurementMethod = z.infer<typeof ProcurementMethodSchema>;

/** A calendar date (`2025-01-23`) or an instant in UTC (`2025-01-23T16:30:51Z`, milliseconds only when not zero). */
export const NoticeDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?$/);

export const MoneySchema = z.object({
  /** Finite and above zero: `1e9999`, negative, zero and NaN amounts are dropped while parsing. */
  amount: z.number().positive().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof MoneySchema>;

export const ContractPeriodSchema = z.object({
  start: NoticeDateSchema.optional(),
  end: NoticeDateSchema.optional(),
  /** End including every extension: OCDS `maxExtentDate`, or `end` plus the extension the renewal text states. */
  maxEnd: NoticeDateSchema.optional(),
  /** Length as published when the dates are not (`durationInDays` on PCS and Sell2Wales lots). */
  durationDays: z.number().int().positive().optional(),
  /** The publisher's own words on renewal or extension, e.g. "Up to a further 2 x 12 month periods". */
  extensionNote: z.string().min(1).optional(),
});
export type ContractPeriod = z.infer<typeof ContractPeriodSchema>;

export const SupplierSchema = z.object({
  name: z.string().min(1),
  /** Companies House number: 8 digits, or 2 letters and 6 digits (SC…, OC…, NI…). */
  companiesHouse: z.string().regex(/^(?:\d{8}|[A-Z]{2}\d{6})$/).optional(),
});
export type Supplier = z.infer<typeof SupplierSchema>;

/**
 * Procurement Act 2023 notice types (`documents[].noticeType` on Find a Tender since 24 February
 * 2025): UK1 pipeline … UK17 (../shared/data/find-a-tender-2026/ocds_uk_extension).
 */
export const NoticeTypeSchema = z.string().regex(/^UK(?:[1-9]|1[0-7])$/);

/** A calendar date as the publisher wrote it (London), `YYYY-MM-DD`. */
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One award as published: who won, for how much, and for how long. */
export const AwardSchema = z.object({
  id: z.string().min(1),
  status: AwardStatusSchema.optional(),
  /** Date of the award decision. */
  date: NoticeDateSchema.optional(),
  /** When the contract was signed (UK7 contract details notice: `contracts[].dateSigned`). */
  signed: NoticeDateSchema.optional(),
  value: MoneySchema.optional(),
  suppliers: z.array(SupplierSchema),
  contractPeriod: ContractPeriodSchema.optional(),
});
export type Award = z.infer<typeof AwardSchema>;

export const ContactSchema = z.object({
  name: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  telephone: z.string().min(1).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const BuyerSchema = z.object({
  name: z.string().min(1),
  /** The publisher's party id, e.g. `GB-LAE-IPS`, `GB-CFS-18525`, `org-1`. */
  id: z.string().min(1).optional(),
  /** Register `local-authority-code`: from a `GB-LAE-xxx` id, else from the caller's name resolver. */
  councilCode: CouncilCodeSchema.optional(),
  contact: ContactSchema.optional(),
  locality: z.string().min(1).optional(),
  postcode: z.string().min(1).optional(),
});
export type Buyer = z.infer<typeof BuyerSchema>;

export const NoticeSchema = z.object({
  ocid: z.string().min(1),
  source: SourceSchema,
  stage: StageSchema,
  /** Tender status of the latest release that published a valid one. */
  status: TenderStatusSchema.optional(),
  title: z.string().min(1),
  /** Plain text: entities decoded, tags stripped, line breaks as `\n`; may be empty. */
  description: z.string(),
  buyer: BuyerSchema,
  /** 8-digit CPV codes, main classification first. */
  cpv: z.array(z.string().regex(/^\d{8}$/)),
  /** ../shared/spec/service-groups.csv ids, most specific first. */
  serviceGroups: z.array(ServiceGroupIdSchema),
  /** Estimated total (`tender.value`), else the sum of the live awards' values. */
  value: MoneySchema.optional(),
  /** Lower end of a value range (`tender.minValue`, Contracts Finder). */
  minValue: MoneySchema.optional(),
  /** First publication: the earliest `tender.datePublished` or release date. */
  publishedAt: NoticeDateSchema,
  /** Latest release date. */
  updatedAt: NoticeDateSchema,
  tenderDeadline: NoticeDateSchema.optional(),
  contractPeriod: ContractPeriodSchema.optional(),
  /** Winners of the live (not cancelled or unsuccessful) awards, deduplicated. */
  suppliers: z.array(SupplierSchema),
  awards: z.array(AwardSchema),
  procurementMethod: ProcurementMethodSchema.optional(),
  /** The publisher's words, e.g. "Call-off from a framework agreement", "Restricted procedure". */
  procurementMethodDetails: z.string().min(1).optional(),
  /** Suitable for small businesses / voluntary organisations (Contracts Finder, some PCS and Sell2Wales notices). */
  suitability: z.object({ sme: z.boolean().optional(), vcse: z.boolean().optional() }).optional(),
  /** Delivery regions as published: English region names on Contracts Finder, NUTS codes on PCS and Sell2Wales. */
  regions: z.array(z.string().min(1)),
  /** The human page on the portal for the latest release. */
  noticeUrl: z.url({ protocol: /^https$/ }),
  /** Ids of the merged releases, oldest first (PCS releases have none). */
  releaseIds: z.array(z.string().min(1)),
  /**
   * The Procurement Act notice types of the process's releases (`UK1`…`UK17`), oldest first, each
   * once. Absent (read as empty) for old-regime Find a Tender notices and the other portals.
   */
  noticeTypes: z.array(NoticeTypeSchema).optional(),
  /**
   * When the tender is expected (UK1 pipeline, UK3 planned procurement): the latest planning
   * release's `tender.communication.futureNoticeDate`, as a London calendar date.
   */
  expectedTenderDate: CalendarDateSchema.optional(),
  /** UK2 preliminary market engagement: the engagement milestone's `dueDate` (London calendar date). */
  engagementDeadline: CalendarDateSchema.optional(),
  /** A UK11 contract termination notice ended the contract (on `terminatedOn` where published). */
  terminated: z.literal(true).optional(),
  terminatedOn: CalendarDateSchema.optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;
