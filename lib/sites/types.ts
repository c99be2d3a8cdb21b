import { z } from 'zod';

/** How an adapter read the page: the structural layout it recognised, or the visible-text fallback. */
export const ReadViaSchema = z.enum(['classic', 'sdui', 'text']);
export type ReadVia = z.infer<typeof ReadViaSchema>;

export const ExperienceEntrySchema = z.object({
  employer: z.string().min(1),
  title: z.string().nullable(),
  /** True when the entry has no end date ("Present"). */
  current: z.boolean(),
  /** As shown, e.g. "Jan 2021 - Present · 3 yrs 2 mos". */
  dates: z.string().nullable(),
});
export type ExperienceEntry = z.infer<typeof ExperienceEntrySchema>;

export const LinkedInProfileFactsSchema = z.object({
  kind: z.literal('linkedin-profile'),
  /** The page identity: the `/in/<slug>` part of the URL, lower-cased and decoded. */
  pageId: z.string().min(1),
  readVia: ReadViaSchema,
  name: z.string().nullable(),
  headline: z.string().nullable(),
  /** Current employer as the top card or first current experience entry shows it. */
  employer: z.string().nullable(),
  /** Current job title. */
  title: z.string().nullable(),
  experience: z.array(ExperienceEntrySchema),
  /**
   * Visible text of the main content, capped, for the text-based fallback when structure fails.
   * Empty when the structured read succeeded.
   */
  text: z.string(),
});
export type LinkedInProfileFacts = z.infer<typeof LinkedInProfileFactsSchema>;

export const LinkedInCompanyFactsSchema = z.object({
  kind: z.literal('linkedin-company'),
  /** The `/company/<slug>` part of the URL. */
  pageId: z.string().min(1),
  readVia: ReadViaSchema,
  companyName: z.string().nullable(),
  /** Industry line, e.g. "Government Administration", when shown. */
  industry: z.string().nullable(),
  text: z.string(),
});
export type LinkedInCompanyFacts = z.infer<typeof LinkedInCompanyFactsSchema>;

export const PageFactsSchema = z.discriminatedUnion('kind', [LinkedInProfileFactsSchema, LinkedInCompanyFactsSchema]);
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
