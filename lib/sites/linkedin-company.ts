/**
 * LinkedIn company pages, `/company/<slug>` and their tabs (`/about/`, `/people/`, `/posts/`, …).
 *
 * Variants (2026-11; fixtures in tests/fixtures/linkedin/):
 * - classic (Ember): the name in `h1.org-top-card-summary__title`, the industry as the first
 *   `.org-top-card-summary-info-list__info-item` ("Government Administration"), and on the About
 *   tab a `dl` whose `dt` "Industry" is followed by its `dd` (company-classic--leeds-city-council.html).
 * - server-driven UI ("SDUI"): hashed class names, no h1. The top card is the element whose
 *   `componentkey` ends in "Topcard" (or a `data-view-name` ending in "-top-card"), the name its
 *   first heading; the industry is the first item of the info group that also holds the
 *   "N followers" count, found by text structure (company-sdui--kent-county-council.html).
 * - text: when neither layout yields a name, the visible text of `main` for the caller to scan.
 *
 * URLs: `/company/<slug>` with an optional single tab segment; the slug may be a vanity name or a
 * numeric id (LinkedIn rewrites numeric ids to the vanity name once the page loads).
 *
 * Page identity: the decoded, lower-cased slug. The page's own tab navigation (Home, About, Posts,
 * Jobs, People) links to `/company/<slug>/…`; if those links name another slug, the DOM still shows
 * the previous company and extract returns null. A numeric-id URL that LinkedIn has not rewritten
 * yet therefore reads as null until it does, which is the safe side.
 */
import type { LinkedInCompanyFacts, SiteAdapter } from './types';
import { isLinkedInUrl, linksAgree, normaliseSlug, pathSegments } from './linkedin-url';
import { findMain, hasVisibleText, mainText, textOrNull, visibleLines, visibleText } from './visible-text';

const CLASSIC_NAME = 'h1.org-top-card-summary__title'; // classic company page, 2026-11
const CLASSIC_INFO_ITEM = '.org-top-card-summary-info-list__info-item'; // classic company page top card, 2026-11
const ABOUT_TERMS = 'dl dt'; // classic and SDUI company About card, 2026-11
const SDUI_TOP_CARD = [
  // Not a profile's top card (com.linkedin.sdui.profile.card.ref<id>Topcard, 2026-04), which an SPA
  // navigation from a profile leaves in the DOM until the company page renders.
  '[componentkey$="Topcard"]:not([componentkey^="com.linkedin.sdui.profile"])', // SDUI company page top card section, 2026-11
  '[data-view-name$="-top-card"]', // SDUI company page top card, 2026-11
];
const SDUI_NAME = 'h1, h2, [role="heading"]'; // SDUI company page top card, 2026-11
const SDUI_INFO_CANDIDATES = 'p, li, span, a'; // SDUI company page top card info items, 2026-11
const IDENTITY_LINKS = ['nav a[href*="/company/"]']; // classic and SDUI company page tabs, 2026-11

const FOLLOWERS = /\d[\d,.]*\s*[KkMm]?\+?\s+followers?\b/;
const COUNT_OR_SIZE = /\b(?:followers?|employees?|associated members?)\b/i;

/** Slugs under /company/ that are LinkedIn's own tools, not companies. */
const RESERVED = new Set(['setup']);

/** The company slug of a company page URL, or null for any other URL. */
function companySlug(url: URL): string | null {
  if (!isLinkedInUrl(url)) return null;
  const [prefix, slug, tab, ...rest] = pathSegments(url);
  if (prefix !== 'company' || !slug || rest.length > 0) return null;
  if (tab !== undefined && !/^[a-z][a-z-]*$/.test(tab)) return null;
  const id = normaliseSlug(slug);
  return id && !RESERVED.has(id) ? id : null;
}

/** The `dd` after a `dt` reading "Industry" (About card). */
function aboutIndustry(main: Element): string | null {
  for (const dt of main.querySelectorAll(ABOUT_TERMS)) {
    if (visibleText(dt).toLowerCase() !== 'industry') continue;
    let next = dt.nextElementSibling;
    while (next && next.localName !== 'dd' && next.localName !== 'dt') next = next.nextElementSibling;
    if (next?.localName === 'dd') return textOrNull(next);
  }
  return null;
}

/** First segment of an info group: "Government Administration · Maidstone, Kent · 48K followers". */
function firstInfo(lines: readonly string[]): string | null {
  const segments = lines.flatMap((l) => l.split(' · ')).map((s) => s.trim()).filter((s) => s && s !== '·');
  const head = segments[0];
  return head && !COUNT_OR_SIZE.test(head) ? head : null;
}

/** The industry in an SDUI top card: the first item of the group holding the followers count. */
function sduiIndustry(topCard: Element): string | null {
  const count = [...topCard.querySelectorAll(SDUI_INFO_CANDIDATES)].find(
    (el) => FOLLOWERS.test(visibleText(el)) && ![...el.querySelectorAll(SDUI_INFO_CANDIDATES)].some((c) => FOLLOWERS.test(visibleText(c))),
  );
  if (!count) return null;
  if (visibleText(count).includes(' · ')) return firstInfo([visibleText(count)]);
  let group = count.parentElement;
  while (group && group !== topCard && visibleLines(group).length < 2) group = group.parentElement;
  return group && group !== topCard ? firstInfo(visibleLines(group)) : null;
}

interface CompanyRead {
  layout: 'classic' | 'sdui';
  companyName: string | null;
  industry: string | null;
}

function readClassic(main: Element): CompanyRead | null {
  const nameEl = main.querySelector(CLASSIC_NAME);
  if (!nameEl) return null;
  return {
    layout: 'classic',
    companyName: textOrNull(nameEl) ?? nameEl.getAttribute('title'),
    industry: textOrNull(main.querySelector(CLASSIC_INFO_ITEM)) ?? aboutIndustry(main),
  };
}

function readSdui(main: Element): CompanyRead | null {
  let topCard: Element | null = null;
  for (const selector of SDUI_TOP_CARD) topCard ??= main.querySelector(selector);
  if (!topCard) return null;
  return {
    layout: 'sdui',
    companyName: textOrNull(topCard.querySelector(SDUI_NAME)),
    industry: sduiIndustry(topCard) ?? aboutIndustry(main),
  };
}

/**
 * Reads a LinkedIn company page: its name and industry line, from either layout; falls back to the
 * visible text of the main content. Null when the URL is not a company page, the SPA shell has no
 * main content yet, or the DOM still shows another company than the URL names.
 */
export function extractLinkedInCompany(root: ParentNode, url: URL): LinkedInCompanyFacts | null {
  const pageId = companySlug(url);
  if (!pageId) return null;
  const main = findMain(root);
  if (!main || !hasVisibleText(main)) return null;
  if (!linksAgree(main, IDENTITY_LINKS, 'company', pageId)) return null;

  const read = [readClassic(main), readSdui(main)].find((r) => r?.companyName);
  if (read) {
    const { layout, companyName, industry } = read;
    return { kind: 'linkedin-company', pageId, readVia: layout, companyName, industry, text: '' };
  }
  return { kind: 'linkedin-company', pageId, readVia: 'text', companyName: null, industry: null, text: mainText(main) };
}

/** LinkedIn company pages (`/company/<slug>` and tabs), both 2026 layouts and a visible-text fallback. */
export const linkedInCompany: SiteAdapter<LinkedInCompanyFacts> = {
  id: 'linkedin-company',
  // Every LinkedIn page: company pages are mostly reached by SPA navigation (see linkedin-profile.ts).
  matches: ['*://www.linkedin.com/*'],
  isPage: (url) => companySlug(url) !== null,
  pageIdFromUrl: companySlug,
  anchor: [
    CLASSIC_NAME,
    ...SDUI_TOP_CARD,
    'main', // any layout: the text fallback reads main, 2026-11
    '[role="main"]', // any layout, 2026-11
  ],
  extract: extractLinkedInCompany,
  testUrls: [
    'https://www.linkedin.com/company/leeds-city-council',
    'https://www.linkedin.com/company/leeds-city-council/',
    'https://www.linkedin.com/company/Kent-County-Council/about/',
    'https://www.linkedin.com/company/kent-county-council/people/?facetGeoRegion=102257491',
    'https://www.linkedin.com/company/leeds-city-council/posts/?feedView=all#top',
    'https://www.linkedin.com/company/1234567/',
    'https://www.linkedin.com/company/ashford-borough-council/jobs/',
    'http://www.linkedin.com/company/kent-county-council/',
  ],
};
