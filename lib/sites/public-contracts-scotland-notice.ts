/**
 * Public Contracts Scotland notice pages,
 * `https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=<notice id>`; the
 * page reading is the one both Proactis portals share (./proactis-notice.ts says what it rests on).
 */
import type { PublicContractsScotlandNoticeFacts } from './types';
import { proactisAdapter } from './proactis-notice';

/** Public Contracts Scotland notice pages (`search_view.aspx?ID=…`). */
export const publicContractsScotlandNotice = proactisAdapter<PublicContractsScotlandNoticeFacts>('public-contracts-scotland', 'public-contracts-scotland-notice', [
  'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR351330',
  'https://www.publiccontractsscotland.gov.uk/Search/show/search_view.aspx?ID=MAY414901',
  'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=aug512270#tab',
]);
