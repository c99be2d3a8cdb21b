import Dexie from 'dexie';
import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB, schemaV5 } from '@/entrypoints/background/db';
import { noticeInsight } from '@/entrypoints/background/handlers/get-notice-insight';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { awardNotice } from '../../lib/suppliers/seeded-db';
import { freshIndexedDb } from '../../support/sync-harness';
import { annotation, prospect } from '../../lib/workspace/support';
import { SavingsItemSchema } from '@/lib/savings/schema';
import { expectUserDataUnchanged } from '../../support/user-data';

beforeEach(() => {
  freshIndexedDb();
});

const CF_PAGE = 'https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13';
const FT_PAGE = 'https://www.find-tender.service.gov.uk/Notice/004824-2025';

/** A Leeds waste tender open until 20 December, numbered `n`, with a page address without a notice id unless given one. */
function notice(n: number, over: Partial<Notice>): Notice {
  const { status: _closed, ...tender } = awardNotice(`ocds-b5fd17-v5-${n}`, { stage: 'tender', serviceGroups: ['waste'], tenderDeadline: '2026-12-20', noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/v5-${n}` });
  return { ...tender, title: `Notice ${n}`, ...over };
}

const NOTICES: Notice[] = [
  notice(1, { noticeUrl: CF_PAGE }),
  notice(2, { ocid: 'ocds-h6vhtk-04ab12', source: 'find-a-tender', noticeUrl: FT_PAGE, stage: 'award', suppliers: [{ name: 'Acme Ltd' }], contractPeriod: { end: '2027-03-31' } }),
  notice(3, { source: 'public-contracts-scotland', noticeUrl: 'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=JAN123456' }),
  notice(4, { title: 'A page address without a notice id' }),
];

/** A row exactly as schema v5 wrote it: without `pageId`. */
function v5Row(n: Notice): NoticeRow {
  const { pageId: _p, ...row } = toNoticeRow(n, 'sync');
  return row;
}

/** The user's own records, which no upgrade may change, as lib/savings and lib/workspace write them. */
const USER_DATA = {
  savings: [
    SavingsItemSchema.parse({ id: 'sav-1', council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28', kind: 'saving', description: 'Route optimisation', amountGbp: 350000, status: 'proposed', addedAt: '2026-11-29T10:00:00.000Z', addedBy: 'form' }),
  ],
  annotations: [annotation({ key: 'contracts-finder:2a1e3359-87a0-4fdd-ac61-20d5e6520a13', noticeUrl: CF_PAGE, status: 'bidding', bidDeadline: '2026-12-18', notes: 'Site visit booked.' })],
  prospects: [prospect({ followUp: '2026-12-14', notes: 'ADASS' })],
  meta: [{ key: 'sync:contracts-finder', value: { syncedTo: '2026-11-29T00:00:00Z' } }],
};

test('v5 -> v6: cached notices gain their page id as a fresh write gives it; totals and user data unchanged', async () => {
  // What a fresh write at v6 gives, for comparison (and its per-date totals, which v5 kept too).
  const written = new CouncilLensDB('written-v6');
  await written.notices.bulkPut(NOTICES.map((n) => toNoticeRow(n, 'sync')));
  const totals = await written.noticeTotals.toArray();

  const v5 = new Dexie('migrate-v6');
  v5.version(5).stores(schemaV5);
  await v5.table('notices').bulkPut(NOTICES.map(v5Row));
  await v5.table('noticeTotals').bulkPut(totals);
  for (const [table, rows] of Object.entries(USER_DATA)) await v5.table(table).bulkPut(rows);
  v5.close();

  const db = new CouncilLensDB('migrate-v6');
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(6);
  expect(await db.notices.orderBy('ocid').toArray()).toEqual(await written.notices.orderBy('ocid').toArray());
  expect((await db.notices.get('ocds-b5fd17-v5-1'))?.pageId).toBe('2a1e3359-87a0-4fdd-ac61-20d5e6520a13');
  expect((await db.notices.get('ocds-h6vhtk-04ab12'))?.pageId).toBe('004824-2025');
  // A Scottish page, and an address without a notice id, give none (and so no index entry).
  expect((await db.notices.get('ocds-b5fd17-v5-3'))?.pageId).toBeUndefined();
  expect((await db.notices.get('ocds-b5fd17-v5-4'))?.pageId).toBeUndefined();
  expect(await db.notices.where('pageId').above('').count()).toBe(2);
  expect(await db.noticeTotals.toArray()).toEqual(totals);

  // The notice panel on a Contracts Finder page (no OCID in its HTML) finds the upgraded row.
  const insight = await noticeInsight(db, { council: 'LDS', ocid: null, noticeUrl: `${CF_PAGE}?origin=SearchResults`, serviceGroup: null }, '2026-11-30');
  expect(insight.notice?.title).toBe('Notice 1');
  expect(insight.earlierAwards.map((a) => a.title)).toEqual(['Notice 2']);

  // Read back through the schemas the app reads them with, and unchanged.
  await expectUserDataUnchanged(db, USER_DATA);
  db.close();
  written.close();
});
