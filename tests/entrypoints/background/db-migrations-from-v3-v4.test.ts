import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB, schemaV3, schemaV4 } from '@/entrypoints/background/db';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
import { AnnotationSchema, ProspectSchema } from '@/lib/workspace';
import { awardNotice } from '../../lib/suppliers/seeded-db';
import { freshIndexedDb } from '../../support/sync-harness';
import { annotation, prospect } from '../../lib/workspace/support';

/**
 * Issue 16, finding 8: upgrades that start from a database left by version 3 (before the savings
 * table) and version 4 (savings, before the workspace tables) of the schema, to the current one.
 * Seeded with rows in the shapes those versions wrote; every user table is read back through the
 * schema the app reads it with.
 */

beforeEach(() => {
  freshIndexedDb();
});

const CF_PAGE = 'https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13';

function notice(n: number, over: Partial<Notice> = {}): Notice {
  const { status: _closed, ...tender } = awardNotice(`ocds-b5fd17-old-${n}`, { stage: 'tender', serviceGroups: ['waste'], tenderDeadline: '2026-12-20', noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/old-${n}` });
  return { ...tender, title: `Notice ${n}`, ...over };
}

const NOTICES: Notice[] = [
  notice(1, { noticeUrl: CF_PAGE }),
  notice(2, { ocid: 'ocds-h6vhtk-04ab12', source: 'find-a-tender', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/004824-2025', stage: 'award', suppliers: [{ name: 'Acme Ltd' }], contractPeriod: { end: '2027-03-31' } }),
];

/** A notice row as versions 3 to 5 wrote it: index keys, no `pageId` (v6). */
function oldRow(n: Notice): NoticeRow {
  const { pageId: _p, ...row } = toNoticeRow(n, 'sync');
  return row;
}

/** Savings items as version 4 wrote them (form, capture and import), parsed by the schema of the day. */
const SAVINGS: SavingsItem[] = [
  SavingsItemSchema.parse({ id: 'sav-1', council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28', kind: 'saving', description: 'Route optimisation', amountGbp: 350000, status: 'proposed', addedAt: '2026-11-29T10:00:00.000Z', addedBy: 'form' }),
  SavingsItemSchema.parse({ id: 'sav-2', council: 'KEN', serviceGroup: 'adult-social-care', financialYear: '2028/29', kind: 'service-review', description: 'Review of day services', status: 'approved', sourceUrl: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?MId=9', sourceTitle: 'Cabinet, 12 February 2026', addedAt: '2026-11-30T09:00:00.000Z', addedBy: 'capture' }),
];

const REGISTER = {
  councils: [{ code: 'LDS', officialName: 'Leeds City Council', domain: 'leeds.gov.uk', gss: 'E08000035' }],
  serviceGroups: [{ id: 'waste', label: 'Waste and street cleansing' }],
  meta: [
    { key: 'dataset', value: { version: '0.1.0', councils: 1, serviceGroups: 1, loadedAt: 1 } },
    { key: 'sync:contracts-finder', value: { syncedTo: '2026-11-29T00:00:00Z' } },
  ],
};

async function seed(name: string, version: 3 | 4): Promise<void> {
  const written = new CouncilLensDB(`written-${name}`);
  await written.notices.bulkPut(NOTICES.map((n) => toNoticeRow(n, 'sync')));
  const totals = await written.noticeTotals.toArray();
  written.close();
  const old = new Dexie(name);
  old.version(version).stores(version === 3 ? schemaV3 : schemaV4);
  for (const [table, rows] of Object.entries(REGISTER)) await old.table(table).bulkPut(rows);
  await old.table('notices').bulkPut(NOTICES.map(oldRow));
  await old.table('noticeTotals').bulkPut(totals);
  if (version === 4) await old.table('savings').bulkPut(SAVINGS);
  old.close();
}

describe.each([3, 4] as const)('from schema v%i to the current one', (version) => {
  test('the register, the cache and every user record survive, read back through their schemas', async () => {
    const name = `migrate-from-v${version}`;
    await seed(name, version);
    const db = new CouncilLensDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);

    expect(await db.councils.toArray()).toEqual(REGISTER.councils);
    expect(await db.serviceGroups.toArray()).toEqual(REGISTER.serviceGroups);
    expect(await db.meta.orderBy('key').toArray()).toEqual(REGISTER.meta);
    // Later upgrades fill in what a fresh write gives (v6: the page id).
    expect((await db.notices.get('ocds-b5fd17-old-1'))?.pageId).toBe('2a1e3359-87a0-4fdd-ac61-20d5e6520a13');
    // v7: the open tender is on the card's index (schema v7 dropped [council+stage], which nothing read).
    expect(await db.notices.where('tenderKeys').between(['LDS', '*', ''], ['LDS', '*', '\uffff']).count()).toBe(1);

    // User tables: the savings a v4 database held, unchanged; the tables added since, empty.
    expect((await db.savings.orderBy('id').toArray()).map((row) => SavingsItemSchema.parse(row))).toEqual(version === 4 ? SAVINGS : []);
    expect((await db.annotations.toArray()).map((row) => AnnotationSchema.parse(row))).toEqual([]);
    expect((await db.prospects.toArray()).map((row) => ProspectSchema.parse(row))).toEqual([]);
    expect(await db.savings.where('[council+serviceGroup]').equals(['LDS', 'waste']).count()).toBe(version === 4 ? 1 : 0);

    // And the upgraded database takes the user's records like a new one.
    const a = annotation({ key: 'contracts-finder:2a1e3359-87a0-4fdd-ac61-20d5e6520a13', noticeUrl: CF_PAGE, notes: 'After the upgrade' });
    await db.annotations.put(a);
    await db.prospects.put(prospect());
    expect(AnnotationSchema.parse(await db.annotations.get(a.key))).toEqual(a);
    expect(ProspectSchema.parse(await db.prospects.get(prospect().id))).toEqual(prospect());
    db.close();
  });
});
