import { siteOf } from './register';

/**
 * One host match pattern per council website, for the optional host permissions and the
 * council-site content script: `*://*.leeds.gov.uk/*`. A `*.` host also matches the bare domain
 * (developer.chrome.com/docs/extensions/develop/concepts/match-patterns), so www., democracy. and
 * leeds.gov.uk itself need no pattern of their own. Shared sites (adur-worthing.gov.uk) appear once.
 * @example councilSitePatterns([{ domain: 'new.devon.gov.uk' }]) // ['*://*.devon.gov.uk/*']
 */
export function councilSitePatterns(councils: readonly { domain: string | null }[]): string[] {
  const sites = new Set<string>();
  for (const council of councils) {
    const site = council.domain ? siteOf(council.domain) : null;
    if (site) sites.add(site);
  }
  return [...sites].sort().map((site) => `*://*.${site}/*`);
}

