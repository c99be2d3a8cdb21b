import { buildCouncilCard, type CouncilCard } from '@/lib/councils/card';
import type { Knowledge } from '../knowledge';

/**
 * The cards of every current council whose homepage is on this page's site, by name: one for
 * leeds.gov.uk, two for the shared adur-worthing.gov.uk, none for any other site or scheme.
 */
export function getSiteCouncils(url: string, knowledge: Knowledge): CouncilCard[] {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return [];
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return [];
  return knowledge.register
    .byDomain(page.hostname)
    .filter((council) => council.current)
    .sort((a, b) => a.officialName.localeCompare(b.officialName))
    .map((council) => buildCouncilCard(council, knowledge.register, knowledge.services));
}
