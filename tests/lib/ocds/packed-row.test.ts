import { describe, expect, test } from 'vitest';
import Dexie from 'dexie';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { isPackedRow, packRow, unpackRow } from '@/lib/ocds/packed-row';
import { toNoticeRow } from '@/lib/ocds/row';
import { readSeedInputs } from '@/lib/dataset/read-inputs';
import { CouncilLensDB, DB_NAME } from '@/entrypoints/background/db';
import { readShared } from '../dataset/shared-files';
import { freshIndexedDb } from '../../support/sync-harness';

/** Every real notice of ../shared/data: the OCDS files the seed is built from and the 2026 Find a Tender day. */
function realNotices() {
  const texts = readSeedInputs().map((f) => f.text);
  for (const n of [1, 2, 3, 4, 5]) texts.push(readShared(`data/find-a-tender-2026/fts_ocds_backfill_2026-08-10_page-00${n}.json`));
  return texts.flatMap((text) => parseReleases(JSON.parse(text)).notices);
}

describe('packed rows (lib/ocds/packed-row.ts)', () => {
  const notices = realNotices();

  test('every real notice reads back as the row the app wrote, and packs smaller', () => {
    expect(notices.length).toBeGreaterThan(800);
    let whole = 0;
    let packed = 0;
    for (const notice of notices) {
      const row = toNoticeRow({ ...notice, buyer: { ...notice.buyer, councilCode: notice.buyer.councilCode ?? 'LDS' } }, 'sync');
      const stored = packRow(row);
      expect(isPackedRow(stored)).toBe(true);
      expect(unpackRow(structuredClone(stored))).toEqual(row);
      whole += JSON.stringify(row).length;
      const { d, ...keys } = stored;
      packed += JSON.stringify(keys).length + d.length;
    }
    expect(packed / whole).toBeLessThan(0.75);
  });

  test('seed rows, suppliers without awards, a moved notice URL and a terminated contract survive the trip', () => {
    const base = toNoticeRow(notices.find((n) => n.source === 'find-a-tender')!, 'seed');
    const odd = {
      ...base,
      suppliers: [{ name: 'Acme Ltd', companiesHouse: '01234567' }],
      awards: [],
      noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000001-2020?lang=en',
      terminated: true as const,
      terminatedOn: '2026-06-30',
      value: { amount: 12.5, currency: 'EUR' },
    };
    expect(unpackRow(packRow(odd))).toEqual(odd);
    const { terminatedOn: _t, ...undated } = odd;
    expect(unpackRow(packRow(undated))).toEqual(undated);
  });

  test('IndexedDB holds the packed form; the app reads whole rows through every kind of read', async () => {
    freshIndexedDb();
    const db = new CouncilLensDB();
    const rows = notices.slice(0, 50).map((n) => toNoticeRow({ ...n, buyer: { ...n.buyer, councilCode: 'LDS' } }, 'sync'));
    await db.notices.bulkPut(rows);
    const raw = new Dexie(DB_NAME);
    await raw.open();
    const stored = await raw.table('notices').toArray();
    expect(stored.every(isPackedRow)).toBe(true);
    raw.close();
    const byOcid = [...rows].sort((a, b) => (a.ocid < b.ocid ? -1 : 1));
    expect(await db.notices.orderBy('ocid').toArray()).toEqual(byOcid);
    expect(await db.notices.get(rows[3]!.ocid)).toEqual(rows[3]);
    expect(await db.notices.bulkGet([rows[4]!.ocid])).toEqual([rows[4]]);
    expect(await db.notices.filter((row) => row.ocid === rows[5]!.ocid).toArray()).toEqual([rows[5]]);
    await db.notices.where('ocid').equals(rows[6]!.ocid).modify((row) => {
      row.title = 'Renamed';
    });
    expect((await db.notices.get(rows[6]!.ocid))?.title).toBe('Renamed');
    db.close();
  });
});
