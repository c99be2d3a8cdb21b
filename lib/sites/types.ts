import { z } from 'zod';
import { MAIN_TEXT_CAP } from './visible-text';

/**
 * How an adapter read the page: the structural layout it recognised (LinkedIn's classic Ember
 * pages, its 2026 server-driven UI, or the logged-out public profile), or the visible-text fallback.
 */
export const ReadViaSchema = z.enum(['classic', 'sdui', 'public', 'text']);
export type ReadVia = z.infer<typeof ReadViaSchema>;

/**
 * Limits on what a content script may send (the background re-validates every message, and a
 * compromised renderer can forge one): far above what real pages give. The longest values read from
 * the LinkedIn fixtures and ../shared/linkedin-real/ are a 220-character headline (LinkedIn's own
 * limit), 40-character titles, 39-character employers, 34-character dates and 7 experience entries.
 */
const NAME_MAX = 300;
const LINE_MAX = 500;
const SLUG_MAX = 300;

export const ExperienceEntrySchema = z.object({
  employer: z.string().min(1).max(LINE_MAX),
  title: z.string().max(LINE_MAX).nullable(),
  /** True when the entry has no end date ("Present"). */
  current: z.boolean(),
  /** As shown, e.g. "Jan 2021 - Present · 3 yrs 2 mos". */
  dates: z.string().max(200).nullable(),
});
export type ExperienceEntry = z.infer<typeof ExperienceEntrySchema>;

export const LinkedInProfileFactsSchema = z.object({
  kind: z.literal('linkedin-profile'),
  /** The page identity: the `/in/<slug>` part of the URL, lower-cased and decoded. */
  pageId: z.string().min(1).max(SLUG_MAX),
  readVia: ReadViaSchema,
  name: z.string().max(NAME_MAX).nullable(),
  headline: z.string().max(1000).nullable(),
  /** Where the person is, as the top card shows it (2026 layout), when read. */
  location: z.string().max(LINE_MAX).nullable().optional(),
  /** Current employer as the top card or first current experience entry shows it. */
  employer: z.string().max(LINE_MAX).nullable(),
  /** Current job title. */
  title: z.string().max(LINE_MAX).nullable(),
  experience: z.array(ExperienceEntrySchema).max(200),
  /**
   * Visible text of the main content, capped, for the text-based fallback when structure fails.
   * Empty when the structured read succeeded.
   */
  text: z.string().max(MAIN_TEXT_CAP),
});
export type LinkedInProfileFacts = z.infer<typeof LinkedInProfileFactsSchema>;

export const LinkedInCompanyFactsSchema = z.object({
  kind: z.literal('linkedin-company'),
  /** The `/company/<slug>` part of the URL. */
  pageId: z.string().min(1).max(SLUG_MAX),
  readVia: ReadViaSchema,
  companyName: z.string().max(LINE_MAX).nullable(),
  /** Industry line, e.g. "Government Administration", when shown. */
  industry: z.string().max(LINE_MAX).nullable(),
  text: z.string().max(MAIN_TEXT_CAP),
});
export type LinkedInCompanyFacts = z.infer<typeof LinkedInCompanyFactsSchema>;

/** How a tender notice was read: its page structure, or only the visible text of the content. */
export const NoticeReadViaSchema = z.enum(['structure', 'text']);

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the page gives a time (UK local time, as written). */
const NoticeDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/);

/** What both tender notice adapters read; each adds its own `kind` (the adapter id) and `site`. */
const TenderNoticeFieldsSchema = z.object({
  /** The page identity from the URL: a Contracts Finder uuid (lower-cased), a Find a Tender id such as `008624-2023`, a PCS or Sell2Wales `APR351330`. */
  pageId: z.string().min(1).max(64),
  readVia: NoticeReadViaSchema,
  /** `ocds-…` when the page shows it (Find a Tender, PCS, Sell2Wales). */
  ocid: z.string().min(1).max(120).nullable(),
  /** The notice identifier as shown, e.g. "2023/S 000-008624" (Find a Tender). */
  noticeId: z.string().min(1).max(64).nullable(),
  title: z.string().min(1).max(1000).nullable(),
  /** The buyer organisation and its address as printed (organisation address only, never a person's contact details). */
  buyer: z.object({ name: z.string().min(1).max(500), address: z.string().min(1).max(1000).nullable() }).nullable(),
  stage: z.enum(['planning', 'tender', 'award', 'contract']).nullable(),
  /** The page's own label for the notice, e.g. "Awarded contract" or "F03: Contract award notice". */
  status: z.string().min(1).max(200).nullable(),
  /** Closing date / time limit for tenders / submission or engagement deadline. */
  deadline: NoticeDateSchema.nullable(),
  publishedAt: NoticeDateSchema.nullable(),
  value: z.object({ amount: z.number().nonnegative().finite(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable(),
  contractStart: NoticeDateSchema.nullable(),
  contractEnd: NoticeDateSchema.nullable(),
  cpv: z.array(z.object({ code: z.string().regex(/^\d{8}$/), label: z.string().max(500) })).max(200),
  /** Awarded suppliers; `companiesHouse` zero-padded to 8 characters when numeric. */
  suppliers: z.array(z.object({ name: z.string().min(1).max(500), companiesHouse: z.string().min(1).max(16).nullable() })).max(500),
  location: z.string().min(1).max(1000).nullable(),
  /** Visible text of the content, capped, when the structure could not be read; '' otherwise. */
  text: z.string().max(20_000),
});

export const ContractsFinderNoticeFactsSchema = TenderNoticeFieldsSchema.extend({
  kind: z.literal('contracts-finder-notice'),
  site: z.literal('contracts-finder'),
});
export type ContractsFinderNoticeFacts = z.infer<typeof ContractsFinderNoticeFactsSchema>;

export const FindATenderNoticeFactsSchema = TenderNoticeFieldsSchema.extend({
  kind: z.literal('find-a-tender-notice'),
  site: z.literal('find-a-tender'),
});
export type FindATenderNoticeFacts = z.infer<typeof FindATenderNoticeFactsSchema>;

export const PublicContractsScotlandNoticeFactsSchema = TenderNoticeFieldsSchema.extend({
  kind: z.literal('public-contracts-scotland-notice'),
  site: z.literal('public-contracts-scotland'),
});
export type PublicContractsScotlandNoticeFacts = z.infer<typeof PublicContractsScotlandNoticeFactsSchema>;

export const Sell2WalesNoticeFactsSchema = TenderNoticeFieldsSchema.extend({
  kind: z.literal('sell2wales-notice'),
  site: z.literal('sell2wales'),
});
export type Sell2WalesNoticeFacts = z.infer<typeof Sell2WalesNoticeFactsSchema>;

/** A tender notice from any portal: one `kind` per adapter, as lookupCouncil checks `adapter.id === facts.kind`. */
export const TenderNoticeFactsSchema = z.discriminatedUnion('kind', [
  ContractsFinderNoticeFactsSchema,
  FindATenderNoticeFactsSchema,
  PublicContractsScotlandNoticeFactsSchema,
  Sell2WalesNoticeFactsSchema,
]);
export type TenderNoticeFacts = z.infer<typeof TenderNoticeFactsSchema>;

export const PageFactsSchema = z.discriminatedUnion('kind', [
  LinkedInProfileFactsSchema,
  LinkedInCompanyFactsSchema,
  ContractsFinderNoticeFactsSchema,
  FindATenderNoticeFactsSchema,
  PublicContractsScotlandNoticeFactsSchema,
  Sell2WalesNoticeFactsSchema,
]);
export type PageFacts = z.infer<typeof PageFactsSchema>;

/**
 * One adapter per page kind. Pure: the DOM comes in as a ParentNode and the page as a URL.
 * `extract` returns null when the page is not (yet) showing this kind of content, e.g. an SPA
 * shell still loading, or when the DOM shows a different page identity than the URL.
 */
export interface SiteAdapter<F extends PageFacts = PageFacts> {
  id: F['kind'];
  /** Match patterns for the manifest's content_scripts entry. */
  matches: string[];
  isPage(url: URL): boolean;
  /** Page identity from the URL alone (slug, notice id). */
  pageIdFromUrl(url: URL): string | null;
  /** CSS selectors tried in order for the element the page's main content hangs off. */
  anchor: string[];
  extract(root: ParentNode, url: URL): F | null;
  /** Example URLs this adapter must accept (and every other adapter must reject). */
  testUrls: string[];
}
