/**
 * Sell2Wales notice pages, `https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=<notice id>`;
 * the page reading is the one both Proactis portals share (./proactis-notice.ts says what it rests on).
 */
import type { Sell2WalesNoticeFacts } from './types';
import { proactisAdapter } from './proactis-notice';

/** Sell2Wales notice pages (`search_view.aspx?ID=…`). */
export const sell2walesNotice = proactisAdapter<Sell2WalesNoticeFacts>('sell2wales', 'sell2wales-notice', [
  'https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497862',
  'https://www.sell2wales.gov.wales/Search/show/search_view.aspx?ID=NOV457942',
  'https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=sep658453&utm_source=alert',
]);
