import type { ServiceGroupId } from '@/lib/roles/groups';

/**
 * The titles a service lead holds: the "senior-manager" row of ../shared/spec/seniority.csv
 * ("usually the budget holder and the subject-matter lead to approach"), as LinkedIn people
 * search phrases. tests/lib/leads checks them against that file.
 */
export const LEAD_TITLES = ['head of', 'assistant director', 'service director'] as const;

/**
 * How each service group is named in council job titles, for a people search: the words of the
 * group's `covers` in ../shared/spec/service-groups.csv that lead titles use ("Head of Adult
 * Social Care", "Assistant Director, Highways").
 */
export const LEAD_SEARCH_TERMS: Record<ServiceGroupId, readonly string[]> = {
  'adult-social-care': ['adult social care', 'adult services'],
  'childrens-social-care': ["children's social care", "children's services", 'early help'],
  education: ['education', 'SEND', 'schools'],
  'public-health': ['public health'],
  housing: ['housing', 'homelessness'],
  'highways-transport': ['highways', 'transport', 'parking'],
  waste: ['waste', 'street cleansing'],
  'environment-regulatory': ['environmental health', 'regulatory services', 'community safety'],
  'planning-regeneration': ['planning', 'regeneration', 'economic development'],
  'culture-leisure': ['culture', 'leisure', 'libraries'],
  'revenues-benefits': ['revenues', 'benefits'],
  'digital-ict': ['digital', 'ICT'],
  finance: ['finance'],
  procurement: ['procurement', 'commercial'],
  'people-hr': ['HR', 'human resources', 'organisational development'],
  'legal-democratic': ['legal', 'democratic services', 'governance'],
  'customer-comms': ['customer services', 'communications'],
  'property-assets': ['property', 'assets', 'facilities'],
  'corporate-strategy': ['policy', 'strategy', 'transformation'],
};

const quote = (phrase: string) => `"${phrase.replace(/"/g, '')}"`;
const anyOf = (phrases: readonly string[]) => (phrases.length === 1 ? quote(phrases[0]!) : `(${phrases.map(quote).join(' OR ')})`);

/**
 * The LinkedIn people search (Boolean keywords, as LinkedIn documents them: quotes, OR, AND,
 * parentheses) for a council's service leads:
 * `"Leeds City Council" AND ("head of" OR "assistant director" OR "service director") AND ("adult social care" OR "adult services")`.
 * A plain address for the user to open: the extension itself never fetches LinkedIn.
 * Without a known group it searches the council's heads of service and directors in general.
 */
export function leadSearchUrl(councilName: string, groupId: string | null): string {
  const terms = groupId && groupId in LEAD_SEARCH_TERMS ? LEAD_SEARCH_TERMS[groupId as ServiceGroupId] : null;
  const keywords = [quote(councilName), anyOf(LEAD_TITLES), ...(terms ? [anyOf(terms)] : [])].join(' AND ');
  const url = new URL('https://www.linkedin.com/search/results/people/');
  url.searchParams.set('keywords', keywords);
  url.searchParams.set('origin', 'GLOBAL_SEARCH_HEADER');
  return url.toString();
}
