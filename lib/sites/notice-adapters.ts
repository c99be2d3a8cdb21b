import type { NoticePortalId } from '@/lib/ocds/portals';
import { contractsFinderNotice } from './contracts-finder-notice';
import { findATenderNotice } from './find-a-tender-notice';
import { publicContractsScotlandNotice } from './public-contracts-scotland-notice';
import { sell2walesNotice } from './sell2wales-notice';
import type { SiteAdapter } from './types';

/**
 * The notice-page adapter of each portal that has notice pages (lib/ocds/portals.ts): a portal row
 * with `noticePages` and no entry here fails to compile. The notices content script runs these,
 * on the registry's notice-page match patterns.
 */
export const noticeAdapters = {
  'contracts-finder': contractsFinderNotice,
  'find-a-tender': findATenderNotice,
  'public-contracts-scotland': publicContractsScotlandNotice,
  sell2wales: sell2walesNotice,
} as const satisfies Record<NoticePortalId, SiteAdapter>;

/** The portal whose notice pages `adapter` reads, or null for any other adapter. */
export function noticeSiteOf(adapter: SiteAdapter): NoticePortalId | null {
  const found = Object.entries(noticeAdapters).find(([, a]) => a === adapter);
  return found ? (found[0] as NoticePortalId) : null;
}
