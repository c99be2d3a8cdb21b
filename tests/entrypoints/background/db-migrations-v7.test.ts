import Dexie from 'dexie';
import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB, schemaV6 } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { getTiming } from '@/entrypoints/background/handlers/get-timing';
import type { Notice } from '@/lib/ocds/notice';
import { DESCRIPTION_KEPT, toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { normaliseName } from '@/lib/ocds/parties';
import { awardNotice } from '../../lib/suppliers/seeded-db';
import { freshIndexedDb } from '../../support/sync-harness';
import { expectUserDataUnchanged, seededUserData, totalsRowsOf } from '../../support/user-data';

beforeEach(() => {
  freshIndexedDb();
});

const TODAY = '2026-12-06';
const LONG = `${'Collection of household waste and recycling across the district, '.repeat(40)}End.`;

function notice(n: number, over: Partial<Notice>): Notice {
  const { status: _closed, ...base } = awardNotice(`ocds-h6vhtk-07a${n}`, { source: 'find-a-tender', stage: 'tender', serviceGroups: ['waste'], tenderDeadline: '2026-12-20', noticeUrl: `https://www.find-tender.service.gov.uk/Notice/0700${n}0-2026` });
  return { ...base, title: `Notice ${n}`, description: LONG, ...over };
}

const NOTICES: Notice[] = [
  notice(1, {}),
  notice(2, { stage: 'planning', noticeTypes: ['UK3'], expectedTenderDate: '2027-03-01', tenderDeadline: undefined }),
  notice(3, { stage: 'contract', noticeTypes: ['UK6', 'UK7', 'UK11'], terminated: true, terminatedOn: '2026-08-10', contractPeriod: { end: '2027-06-30' }, suppliers: [{ name: 'Acme Ltd' }] }),
  notice(4, { stage: 'award', contractPeriod: { end: '2027-09-30' }, suppliers: [{ name: 'Acme Ltd', companiesHouse: '01234567' }] }),
];

/**
 * A row exactly as schema v6 wrote it: the whole description, a `supplierKeys` field, and neither
 * `comingKeys` nor the v7 notice fields' effect on the keys.
 */
function v6Row(n: Notice): Record<string, unknown> {
  const { comingKeys: _c, ...row } = toNoticeRow(n, 'sync') as NoticeRow & Record<string, unknown>;
  const supplierKeys = n.suppliers.flatMap((s) => [...(s.companiesHouse ? [`ch:${s.companiesHouse}`] : []), `name:${normaliseName(s.name)}`]);
  // v6 kept a terminated contract's end keys (it did not know UK11).
  const endKeys = n.stage === 'contract' || n.stage === 'award' ? [...new Set([...n.serviceGroups, '*'])].map((g) => ['LDS', g, n.contractPeriod!.end!]) : [];
  return { ...row, description: n.description, cpv: n.cpv, supplierKeys, endKeys };
}

const USER_DATA = seededUserData('ocds-h6vhtk-07a1');

test('v6 -> v7: cached notices become compact rows with coming-to-market keys, as a fresh write gives them; user data unchanged', async () => {
  const written = new CouncilLensDB('written-v7');
  await written.notices.bulkPut(NOTICES.map((n) => toNoticeRow(n, 'sync')));

  const v6 = new Dexie('migrate-v7');
  v6.version(6).stores(schemaV6);
  const v6Rows = NOTICES.map(v6Row);
  await v6.table('notices').bulkPut(v6Rows);
  // The per-date totals v6 kept of its own keys (its middleware's work).
  await v6.table('noticeTotals').bulkPut(totalsRowsOf(v6Rows as Partial<NoticeRow>[]));
  for (const [table, rows] of Object.entries(USER_DATA)) await v6.table(table).bulkPut(rows);
  expect(await v6.table('notices').where('supplierKeys').equals('ch:01234567').count()).toBe(1);
  v6.close();

  const db = new CouncilLensDB('migrate-v7');
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(7);
  const rows = await db.notices.orderBy('ocid').toArray();
  expect(rows).toEqual(await written.notices.orderBy('ocid').toArray());
  for (const row of rows) {
    expect(row).not.toHaveProperty('supplierKeys');
    expect(row.description.length).toBeLessThanOrEqual(DESCRIPTION_KEPT);
    expect(row.description.endsWith('…')).toBe(true);
  }
  // The card's sections over the upgraded rows: the planned procurement is coming to market, the
  // terminated contract is not ending, and the totals agree with a fresh write.
  const card = await councilProcurement(db, 'LDS', 'waste', TODAY, null);
  expect(card).toEqual(await councilProcurement(written, 'LDS', 'waste', TODAY, null));
  expect(card.comingToMarket?.map((n) => n.title)).toEqual(['Notice 2']);
  expect(card.contractsEnding.map((n) => n.title)).toEqual(['Notice 4']);
  expect(await db.noticeTotals.orderBy(['council', 'section']).toArray()).toEqual(await written.noticeTotals.orderBy(['council', 'section']).toArray());
  // Timing reads contract ends from the `*endKeys` index now that [council+contractEnd] is gone.
  expect((await getTiming(db, 'LDS', 'waste', TODAY)).contracts.map((c) => c.title)).toEqual(['Notice 4']);

  await expectUserDataUnchanged(db, USER_DATA);
  db.close();
  written.close();
});
