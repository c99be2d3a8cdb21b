import Dexie from 'dexie';
import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB, schemaV2 } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { freshIndexedDb } from '../../support/sync-harness';

beforeEach(() => {
  freshIndexedDb();
});

const TODAY = '2026-11-22';

function notice(n: number, over: Partial<Notice>): Notice {
  return {
    ocid: `ocds-b5fd17-v2-${n}`,
    source: 'contracts-finder',
    stage: 'tender',
    title: `Notice ${n}`,
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: [],
    publishedAt: '2026-10-01',
    updatedAt: '2026-10-01',
    suppliers: [],
    awards: [],
    regions: [],
    noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/v2-${n}`,
    releaseIds: [],
    ...over,
  };
}

const NOTICES: Notice[] = [
  notice(1, { tenderDeadline: '2026-12-20', serviceGroups: ['waste', 'highways-transport'] }),
  notice(2, { title: 'No deadline' }),
  notice(3, { tenderDeadline: '2027-01-01', status: 'cancelled' }),
  notice(4, { stage: 'award', contractPeriod: { end: '2027-03-31', maxEnd: '2028-03-31' }, serviceGroups: ['waste'], suppliers: [{ name: 'Acme Ltd' }] }),
  notice(5, { stage: 'contract', contractPeriod: { end: '2026-11-22' } }),
  notice(6, { stage: 'planning', buyer: { name: 'A police force' } }),
];

/** A row exactly as schema v2's toNoticeRow wrote it: without the v3 index keys. */
function v2Row(n: Notice): Omit<NoticeRow, 'tenderKeys' | 'endKeys' | 'comingKeys'> {
  const { tenderKeys: _t, endKeys: _e, comingKeys: _c, ...row } = toNoticeRow(n, 'seed');
  return row;
}

const USER_DATA = {
  councils: [{ code: 'LDS', officialName: 'Leeds City Council', domain: 'leeds.gov.uk', gss: 'E08000035' }],
  serviceGroups: [{ id: 'waste', label: 'Waste and street cleansing' }],
  meta: [
    { key: 'dataset', value: { version: '0.1.0', councils: 1, serviceGroups: 1, loadedAt: 1 } },
    { key: 'sync:contracts-finder', value: { windowEnd: '2026-11-21T00:00:00Z', totals: { notices: 6 } } },
  ],
};

/** The database exactly as version 2 of the extension left it, with a cache of notices. */
async function seedV2(name: string): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(2).stores(schemaV2);
  for (const [table, rows] of Object.entries(USER_DATA)) await v2.table(table).bulkPut(rows);
  await v2.table('notices').bulkPut(NOTICES.map(v2Row));
  expect(await v2.table('notices').filter((row) => 'tenderKeys' in row).count()).toBe(0);
  v2.close();
}

test('v2 -> v3: cached notices get their index keys and totals, as a fresh write gives them; nothing else changes', async () => {
  await seedV2('migrate-v3');
  const db = new CouncilLensDB('migrate-v3');
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(3);

  const fresh = NOTICES.map((n) => toNoticeRow(n, 'seed'));
  expect(await db.notices.orderBy('ocid').toArray()).toEqual([...fresh].sort((a, b) => (a.ocid < b.ocid ? -1 : 1)));
  expect(await db.notices.get('ocds-b5fd17-v2-1')).toMatchObject({
    tenderKeys: [
      ['LDS', 'waste', '2026-12-20'],
      ['LDS', 'highways-transport', '2026-12-20'],
      ['LDS', '*', '2026-12-20'],
    ],
    endKeys: [],
  });
  expect((await db.notices.get('ocds-b5fd17-v2-4'))?.endKeys).toEqual([
    ['LDS', 'waste', '2028-03-31'],
    ['LDS', '*', '2028-03-31'],
  ]);

  // The new indexes answer the card as they do over freshly written rows.
  expect(await db.notices.where('tenderKeys').between(['LDS', '*', TODAY], ['LDS', '*', '\uffff']).count()).toBe(2);
  const upgraded = await councilProcurement(db, 'LDS', 'waste', TODAY, null);
  expect(upgraded).toMatchObject({ openTotal: 2, endingTotal: 2 });
  const written = new CouncilLensDB('written-v3');
  await written.notices.bulkPut(fresh);
  expect(upgraded).toEqual(await councilProcurement(written, 'LDS', 'waste', TODAY, null));
  // The upgrade's writes fill the per-date totals as any write does.
  expect(await db.noticeTotals.get(['LDS', 'endKeys'])).toEqual({ council: 'LDS', section: 'endKeys', dates: ['2026-11-22', '2028-03-31'], counts: [1, 1] });
  expect(await db.noticeTotals.toArray()).toEqual(await written.noticeTotals.toArray());

  // User data and sync state: every row as it was.
  expect(await db.councils.toArray()).toEqual(USER_DATA.councils);
  expect(await db.serviceGroups.toArray()).toEqual(USER_DATA.serviceGroups);
  expect(await db.meta.orderBy('key').toArray()).toEqual(USER_DATA.meta);
  expect(await db.councils.where('domain').equals('leeds.gov.uk').count()).toBe(1);
  db.close();
  written.close();
});
