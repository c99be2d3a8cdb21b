import type { SiteAdapter } from './types';
import { contractsFinderNotice } from './contracts-finder-notice';
import { findATenderNotice } from './find-a-tender-notice';
import { linkedInCompany } from './linkedin-company';
import { linkedInProfile } from './linkedin-profile';
import { noticeAdapters } from './notice-adapters';

/**
 * Every page adapter, one per page kind. Their `isPage` predicates must be disjoint (the URL matrix
 * in tests/lib/sites/url-matrix.test.ts checks each adapter rejects every other one's testUrls), so the
 * order only matters for speed. Notice pages join through ./notice-adapters.ts (one per portal of
 * lib/ocds/portals.ts), other page kinds as `lib/sites/<site>-<page>.ts` here; their facts go into
 * PageFactsSchema in ./types.ts.
 */
export const adapters: readonly SiteAdapter[] = [linkedInProfile, linkedInCompany, ...Object.values(noticeAdapters)];

/** The adapter for the page at `url`, or null when no adapter reads it. */
export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((adapter) => adapter.isPage(url)) ?? null;
}

export { contractsFinderNotice, findATenderNotice, linkedInCompany, linkedInProfile };
export { publicContractsScotlandNotice } from './public-contracts-scotland-notice';
export { sell2walesNotice } from './sell2wales-notice';
