import tokens from './ui/tokens.css?inline';
import base from './ui/base.css?inline';
import badge from './ui/badge.css?inline';
import emptyState from './ui/empty-state.css?inline';
import factList from './ui/fact-list.css?inline';
import notice from './ui/notice.css?inline';
import section from './ui/section.css?inline';
import skeleton from './ui/skeleton.css?inline';
import councilCard from './council-card/council-card.css?inline';
import tabPanel from './panel/tab-panel.css?inline';
import inpageCard from './inpage/inpage-card.css?inline';
import procurement from './procurement/procurement.css?inline';
import timing from './timing/timing.css?inline';
import noticePanel from './notice/notice-panel.css?inline';
import siteBadge from './site-badge/site-badge.css?inline';
import supplierReferences from './suppliers/supplier-references.css?inline';
import popup from './popup/popup.css?inline';
import spend from './spend/spend.css?inline';

/**
 * Every stylesheet the views need, as one string for a <style> element: in the closed shadow
 * root on host pages (a <link> would need web_accessible_resources, which LinkedIn probes for)
 * and in extension pages. Tokens and the base reset come first; features may override them.
 */
export const cardStyles: string = [
  tokens,
  base,
  badge,
  emptyState,
  factList,
  notice,
  section,
  skeleton,
  councilCard,
  tabPanel,
  inpageCard,
  procurement,
  timing,
  noticePanel,
  siteBadge,
  supplierReferences,
  popup,
  spend,
].join('\n');
