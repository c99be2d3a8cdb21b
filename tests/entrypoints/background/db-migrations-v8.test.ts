import Dexie from 'dexie';
import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB, schemaV7 } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { applyRetention } from '@/entrypoints/background/refresh/sync/retention';
import type { Notice } from '@/lib/ocds/notice';
import { packBody } from '@/lib/ocds/packed-row';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { awardNotice } from '../../lib/suppliers/seeded-db';
import { freshIndexedDb } from '../../support/sync-harness';
import { expectUserDataUnchanged, seededUserData, totalsRowsOf } from '../../support/user-data';

beforeEach(() => {
  freshIndexedDb();
});

const TODAY = '2026-12-06';

const NOTICES: Notice[] = [
  awardNotice('ocds-h6vhtk-07a001', { source: 'find-a-tender', stage: 'tender', status: 'active', serviceGroups: ['waste'], tenderDeadline: '2026-12-20T12:00:00Z', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/070010-2026', updatedAt: '2026-11-30T09:00:00Z' }),
  awardNotice('ocds-b5fd17-e3b5f385-7ba4-4f8e-a5d1-0b3c2e7f9a10', { stage: 'award', serviceGroups: ['waste', 'highways-transport'], contractPeriod: { end: '2027-09-30' }, suppliers: [{ name: 'Acme Ltd', companiesHouse: '01234567' }], noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13' }),
  awardNotice('ocds-h6vhtk-07a003', { source: 'find-a-tender', stage: 'planning', noticeTypes: ['UK3'], expectedTenderDate: '2027-03-01', serviceGroups: ['waste'], noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/070030-2026' }),
  // Ended more than two years ago: retention's to remove, found through the new `expires` index.
  awardNotice('ocds-r6ebe6-0000712345', { source: 'public-contracts-scotland', stage: 'award', contractPeriod: { end: '2024-06-30' }, noticeUrl: '' }),
];

/** A row exactly as schema v7 stored it (commit a4e917c): the index fields as the app has them, and the positional body `p`, slots 0 to 20. */
function v7Stored(row: NoticeRow): Record<string, unknown> {
  const body = (JSON.parse(packBody(row)) as unknown[]).slice(0, 21);
  const { ocid, council, updatedAt, tenderKeys, endKeys, comingKeys, deadline, contractEnd, pageId } = row;
  return Object.fromEntries(Object.entries({ ocid, council, updatedAt, tenderKeys, endKeys, comingKeys, deadline, contractEnd, pageId, p: JSON.stringify(body) }).filter(([, v]) => v !== undefined));
}

const USER_DATA = seededUserData('ocds-h6vhtk-07a001');

test('v7 -> v8: cached notices move to short keys and read back as the app wrote them; totals, the card, retention and user data hold', async () => {
  const rows = NOTICES.map((n) => toNoticeRow(n, 'sync'));
  const written = new CouncilLensDB('written-v8');
  await written.notices.bulkPut(rows);

  const v7 = new Dexie('migrate-v8');
  v7.version(7).stores(schemaV7);
  await v7.table('notices').bulkPut(rows.map(v7Stored));
  await v7.table('noticeTotals').bulkPut(totalsRowsOf(rows));
  for (const [table, stored] of Object.entries(USER_DATA)) await v7.table(table).bulkPut(stored);
  v7.close();

  const db = new CouncilLensDB('migrate-v8');
  await db.open();
  expect(db.verno).toBe(8);
  const byOcid = (xs: NoticeRow[]) => [...xs].sort((a, b) => (a.ocid < b.ocid ? -1 : 1));
  expect(byOcid(await db.notices.toArray())).toEqual(byOcid(rows));
  for (const row of rows) expect(await db.notices.get(row.ocid)).toEqual(row);
  expect((await db.notices.where('pageId').equals('2a1e3359-87a0-4fdd-ac61-20d5e6520a13').first())?.ocid).toBe(NOTICES[1]!.ocid);
  expect(await councilProcurement(db, 'LDS', 'waste', TODAY, null)).toEqual(await councilProcurement(written, 'LDS', 'waste', TODAY, null));
  expect(await db.noticeTotals.orderBy(['council', 'section']).toArray()).toEqual(await written.noticeTotals.orderBy(['council', 'section']).toArray());

  // On disk: short keys, no v7 body, an expiry day; the same as a fresh v8 write.
  db.close();
  const raw = new Dexie('migrate-v8');
  await raw.open();
  const stored = await raw.table('notices').toArray();
  expect(stored).toHaveLength(rows.length);
  for (const value of stored) {
    expect(value.ocid).not.toMatch(/^ocds-/);
    expect(value).not.toHaveProperty('p');
    expect(typeof value.updatedAt).toBe('number');
  }
  const freshRaw = new Dexie('written-v8');
  written.close();
  await freshRaw.open();
  expect(await raw.table('notices').orderBy(':id').toArray()).toEqual(await freshRaw.table('notices').orderBy(':id').toArray());
  raw.close();
  freshRaw.close();

  const reopened = new CouncilLensDB('migrate-v8');
  expect(await applyRetention(reopened, TODAY)).toEqual({ removedTenders: 0, removedContracts: 1, removedUndated: 0, removedBeyondHistory: 0 });
  expect(await reopened.notices.get('ocds-r6ebe6-0000712345')).toBeUndefined();
  await expectUserDataUnchanged(reopened, USER_DATA);
  reopened.close();
});

test('v7 -> v8: a row that no longer reads as a notice is dropped, the rest kept', async () => {
  const rows = NOTICES.slice(0, 2).map((n) => toNoticeRow(n, 'sync'));
  const v7 = new Dexie('migrate-v8-bad');
  v7.version(7).stores(schemaV7);
  await v7.table('notices').bulkPut([...rows.map(v7Stored), { ocid: 'ocds-h6vhtk-0bad01', council: 'LDS', updatedAt: 'not a date', tenderKeys: [], endKeys: [] }]);
  v7.close();
  const db = new CouncilLensDB('migrate-v8-bad');
  await db.open();
  expect((await db.notices.toArray()).map((r) => r.ocid).sort()).toEqual(rows.map((r) => r.ocid).sort());
  db.close();
});
