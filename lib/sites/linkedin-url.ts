/**
 * URL helpers shared by the LinkedIn adapters: which host counts as LinkedIn, and how a path
 * segment becomes a page identity (decoded, lower-cased slug).
 */

/**
 * The only host the extension reads (wxt.config.ts host_permissions). Country subdomains such as
 * uk.linkedin.com serve logged-out public profiles and redirect signed-in members to www, so the
 * content script never runs there.
 */
export const LINKEDIN_HOST = 'www.linkedin.com';

/** Base for resolving the relative hrefs LinkedIn renders (`/in/<slug>/overlay/contact-info/`). */
const LINKEDIN_ORIGIN = `https://${LINKEDIN_HOST}/`;

/** True for http(s) URLs on www.linkedin.com (http too: tests serve fixtures under that name). */
export function isLinkedInUrl(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === LINKEDIN_HOST;
}

/** Non-empty path segments, still percent-encoded. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s.length > 0);
}

/**
 * A slug as a page identity: percent-decoded (`j%C3%BCrgen-m-123` -> `jürgen-m-123`) and
 * lower-cased, since LinkedIn treats `/in/Priya-Sharma` and `/in/priya-sharma` as the same page.
 * Null for an empty or malformed slug.
 */
export function normaliseSlug(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const slug = decoded.trim().toLowerCase();
  return slug.length > 0 ? slug : null;
}

/**
 * The slug an href points at under `/<prefix>/<slug>` on LinkedIn, e.g. the profile slug of
 * `/in/priya-sharma/overlay/contact-info/`. Null for other hosts, other paths or bad hrefs.
 */
export function slugFromHref(href: string | null, prefix: 'in' | 'company'): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, LINKEDIN_ORIGIN);
  } catch {
    return null;
  }
  if (!isLinkedInUrl(url)) return null;
  const [first, slug] = pathSegments(url);
  if (first !== prefix || !slug) return null;
  return normaliseSlug(slug);
}

/**
 * Checks the slugs that links in the page point at against the URL's slug. SPA navigation changes
 * the URL before the DOM (../shared/RECIPE-e2e.md), so a link that belongs to the page owner and
 * names another slug means the DOM still shows the previous page. Returns false on any
 * disagreement, true when all agree or no such link is rendered.
 */
export function linksAgree(scope: ParentNode, selectors: readonly string[], prefix: 'in' | 'company', slug: string): boolean {
  for (const selector of selectors) {
    for (const link of scope.querySelectorAll(selector)) {
      const linked = slugFromHref(link.getAttribute('href'), prefix);
      if (linked !== null && linked !== slug) return false;
    }
  }
  return true;
}
