import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement, LIST_LIMIT } from '@/entrypoints/background/handlers/council-procurement';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow } from '@/lib/ocds/row';

let db: CouncilLensDB;
beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  db = new CouncilLensDB('procurement');
});

let n = 0;
function notice(over: Partial<Notice> & { council?: string }): Notice {
  const { council = 'LDS', ...rest } = over;
  n += 1;
  return {
    ocid: `ocds-b5fd17-test-${n}`,
    source: 'contracts-finder',
    stage: 'tender',
    title: `Notice ${n}`,
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: council },
    cpv: [],
    serviceGroups: [],
    publishedAt: '2026-10-01',
    updatedAt: '2026-10-01',
    suppliers: [],
    awards: [],
    regions: [],
    noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/test-${n}`,
    releaseIds: [],
    ...rest,
  };
}

const TODAY = '2026-11-22';

async function put(...notices: Notice[]) {
  await db.notices.bulkPut(notices.map((x) => toNoticeRow(x, 'sync')));
}

describe('councilProcurement', () => {
  test('open tenders: this council only, open today, the person’s service group first, then by deadline', async () => {
    await put(
      notice({ title: 'Road resurfacing', tenderDeadline: '2026-12-20', serviceGroups: ['highways-transport'] }),
      notice({ title: 'Home care framework', tenderDeadline: '2027-01-15', serviceGroups: ['adult-social-care'] }),
      notice({ title: 'Closes today', tenderDeadline: `${TODAY}T12:00:00Z` }),
      notice({ title: 'Closed yesterday', tenderDeadline: '2026-11-21' }),
      notice({ title: 'Cancelled', tenderDeadline: '2027-01-01', status: 'cancelled' }),
      notice({ title: 'No deadline published' }),
      notice({ title: 'Another council', tenderDeadline: '2026-12-01', council: 'KEN' }),
      notice({ title: 'Awarded', stage: 'award', tenderDeadline: '2027-01-01' }),
    );
    const result = await councilProcurement(db, 'LDS', 'adult-social-care', TODAY, null);
    expect(result.openTenders.map((t) => t.title)).toEqual(['Home care framework', 'Closes today', 'Road resurfacing', 'No deadline published']);
    expect(result.openTotal).toBe(4);
    expect(result.openTenders[0]).toMatchObject({ inPersonsGroup: true, daysLeft: 54, deadline: '2027-01-15' });
    expect(result.openTenders[1]?.daysLeft).toBe(0);
  });

  test('contracts ending: awarded, ending in the next 24 months by the end with extensions', async () => {
    await put(
      notice({ title: 'Ends next spring', stage: 'award', contractPeriod: { end: '2027-03-31' }, suppliers: [{ name: 'Acme Care Ltd' }] }),
      notice({ title: 'Extended beyond the window', stage: 'award', contractPeriod: { end: '2027-06-30', maxEnd: '2029-06-30' } }),
      notice({ title: 'Ends within, by extensions', stage: 'contract', contractPeriod: { end: '2026-12-31', maxEnd: '2028-11-22' }, serviceGroups: ['waste'] }),
      notice({ title: 'Already ended', stage: 'award', contractPeriod: { end: '2026-11-01' } }),
      notice({ title: 'A tender with a planned period', stage: 'tender', contractPeriod: { end: '2027-05-01' } }),
      notice({ title: 'Other council', stage: 'award', contractPeriod: { end: '2027-01-01' }, council: 'BRD' }),
    );
    const result = await councilProcurement(db, 'LDS', 'waste', TODAY, 123);
    expect(result.contractsEnding.map((t) => t.title)).toEqual(['Ends within, by extensions', 'Ends next spring']);
    expect(result.contractsEnding[1]).toMatchObject({ suppliers: ['Acme Care Ltd'], end: '2027-03-31', maxEnd: null });
    expect(result.endingWithinMonths).toBe(24);
    expect(result.lastSyncedAt).toBe(123);
  });

  test('lists at most a few lines and says how many there are', async () => {
    await put(...Array.from({ length: LIST_LIMIT + 3 }, (_, i) => notice({ tenderDeadline: `2027-01-${String(i + 1).padStart(2, '0')}` })));
    const result = await councilProcurement(db, 'LDS', null, TODAY, null);
    expect(result.openTenders).toHaveLength(LIST_LIMIT);
    expect(result.openTotal).toBe(LIST_LIMIT + 3);
  });

  test('nothing cached: empty lists', async () => {
    expect(await councilProcurement(db, 'LDS', null, TODAY, null)).toMatchObject({ openTotal: 0, endingTotal: 0 });
  });
});
