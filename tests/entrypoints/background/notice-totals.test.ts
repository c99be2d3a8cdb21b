import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { applyTotals, totalsDelta, type NoticeTotalsRow, type TotalsSection } from '@/lib/ocds/totals';
import { COUNCILS, generatedNotices, TODAYS } from '../../support/generated-notices';
import { referenceProcurement } from '../../support/procurement-reference';
import { freshIndexedDb } from '../../support/sync-harness';

/**
 * noticeTotals is kept by a middleware under every write to notices: after each kind of write the
 * table must equal the totals counted afresh from the rows, and the card's totals the full scan's.
 */

let db: CouncilLensDB;
beforeEach(() => {
  freshIndexedDb();
  db = new CouncilLensDB('notice-totals');
});

const rowsOf = (seed: number, count = 200) => generatedNotices(count, seed).map((n) => toNoticeRow(n, seed % 2 ? 'seed' : 'sync'));

/** The totals table as it should be for the rows now in the notices table. */
async function expectTotalsInStep(): Promise<void> {
  const rows = await db.notices.toArray();
  const expected: NoticeTotalsRow[] = [...totalsDelta([], rows)].map(([id, change]) => {
    const [council, section] = id.split('|') as [string, TotalsSection];
    return { council, section, ...applyTotals(undefined, change) };
  });
  const stored = (await db.noticeTotals.toArray()).filter((row) => row.dates.length > 0);
  const order = (xs: NoticeTotalsRow[]) => [...xs].sort((a, b) => (`${a.council}|${a.section}` < `${b.council}|${b.section}` ? -1 : 1));
  expect(order(stored)).toEqual(order(expected));
  for (const today of TODAYS) {
    for (const council of COUNCILS) {
      const got = await councilProcurement(db, council, 'waste', today, null);
      expect(got).toEqual(referenceProcurement(rows, council, 'waste', today, null));
    }
  }
}

test('every kind of write keeps the totals equal to a fresh count', async () => {
  await db.notices.bulkPut(rowsOf(1));
  await expectTotalsInStep();

  // Overwrites with other content, a key twice in one batch, and new rows.
  const next = rowsOf(2, 260);
  await db.notices.bulkPut([...next.slice(0, 50), { ...next[0]!, ...toNoticeRow({ ...next[0]!, stage: 'award', contractPeriod: { end: TODAYS[0]! } }, 'sync') }, ...next.slice(150)]);
  await expectTotalsInStep();

  await db.notices.put(next[60]!);
  await db.notices.delete(next[0]!.ocid);
  await db.notices.bulkDelete([next[1]!.ocid, next[1]!.ocid, 'not-there', next[2]!.ocid]);
  await expectTotalsInStep();

  // bulkAdd: rows whose key exists fail and change nothing.
  await expect(db.notices.bulkAdd([...rowsOf(3, 220).slice(190), ...rowsOf(3).slice(0, 5)])).rejects.toThrow();
  await expectTotalsInStep();

  // Collection writes: modify (as the v3 upgrade does) and delete by an index.
  const planned = await db.notices.filter((row) => row.council === COUNCILS[0]! && row.stage === 'planning').modify((row: NoticeRow) => {
    Object.assign(row, toNoticeRow({ ...row, stage: 'tender', status: 'active' }, row.origin));
  });
  expect(planned).toBeGreaterThan(0);
  await db.notices.filter((row) => row.stage === 'tender').modify((row) => {
    Object.assign(row, toNoticeRow({ ...row, status: 'cancelled' }, row.origin));
  });
  await db.notices.filter((row) => row.council === COUNCILS[1]! && row.stage === 'award').delete();
  await expectTotalsInStep();

  // Several writes in one transaction, one aborted transaction, then clear().
  await db.transaction('rw', db.notices, db.meta, async () => {
    await db.notices.bulkPut(rowsOf(5, 120));
    await db.notices.bulkDelete(rowsOf(5, 120).slice(0, 30).map((r) => r.ocid));
    await db.meta.put({ key: 'x', value: 1 });
  });
  await expect(
    db.transaction('rw', db.notices, async () => {
      await db.notices.bulkPut(rowsOf(6));
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  await expectTotalsInStep();
  await db.notices.clear();
  expect(await db.noticeTotals.count()).toBe(0);
  await db.notices.bulkPut(rowsOf(7));
  await expectTotalsInStep();
});
