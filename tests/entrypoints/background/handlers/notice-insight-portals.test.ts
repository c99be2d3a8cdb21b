import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { noticeInsight } from '@/entrypoints/background/handlers/get-notice-insight';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { toNoticeRow } from '@/lib/ocds/row';
import { publicContractsScotlandNotice } from '@/lib/sites/public-contracts-scotland-notice';
import { sell2walesNotice } from '@/lib/sites/sell2wales-notice';
import type { SiteAdapter, TenderNoticeFacts } from '@/lib/sites/types';
import { freshIndexedDb } from '../../../support/sync-harness';
import { readShared } from '../../../lib/dataset/shared-files';
import { loadFixture } from '../../../lib/sites/fixture';

/**
 * Issue 17: a Public Contracts Scotland or Sell2Wales notice page finds its cached notice. The
 * page shows its OCID, which the panel sends (entrypoints/notices.content/index.ts), so the cache's
 * primary key finds the row; the notice address it sends (origin and path, no `?ID=`) is not needed.
 */

let db: CouncilLensDB;
beforeEach(() => {
  freshIndexedDb();
  db = new CouncilLensDB('notice-insight-portals');
});

test.each([
  ['data/pcs_scotland_ocds_releases_2019.json', publicContractsScotlandNotice, 'public-contracts-scotland--tender-angus-school-transport.html', 'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR351330', 'public-contracts-scotland'],
  ['data/sell2wales_ocds_releases_2025.json', sell2walesNotice, 'sell2wales--tender-carmarthenshire-fleet-maintenance.html', 'https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497862', 'sell2wales'],
] as const)('%s: the notice page finds its cached notice by the OCID it shows', async (file, adapter: SiteAdapter, fixture, href, source) => {
  const { notices } = parseReleases(JSON.parse(readShared(file)) as unknown);
  await db.notices.bulkPut(notices.map((n) => toNoticeRow(n, 'sync')));
  const url = new URL(href);
  const facts = adapter.extract(loadFixture('notices', fixture, href), url) as TenderNoticeFacts;
  const insight = await noticeInsight(db, { council: null, ocid: facts.ocid, noticeUrl: `${url.origin}${url.pathname}`, serviceGroup: null, cpv: facts.cpv.map((c) => c.code), title: facts.title ?? undefined }, '2026-11-30');
  expect(insight.notice).toMatchObject({ ocid: facts.ocid, title: facts.title, source, noticeUrl: href });
  // Without the OCID nothing is found: the pageId index is for pages that show none (Contracts Finder).
  const blind = await noticeInsight(db, { council: null, ocid: null, noticeUrl: href, serviceGroup: null }, '2026-11-30');
  expect(blind.notice).toBeNull();
});
