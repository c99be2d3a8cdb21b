import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { clearNotices } from '@/entrypoints/background/handlers/clear-notices';
import { toNoticeRow } from '@/lib/ocds/row';
import { awardNotice } from '../../../lib/suppliers/seeded-db';
import { freshIndexedDb } from '../../../support/sync-harness';
import { annotation, prospect } from '../../../lib/workspace/support';
import { SavingsItemSchema } from '@/lib/savings/schema';

beforeEach(() => {
  freshIndexedDb();
});

const saving = SavingsItemSchema.parse({ id: 'sav-1', council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28', kind: 'saving', description: 'Route optimisation', amountGbp: 350000, status: 'proposed', addedAt: '2026-11-29T10:00:00.000Z', addedBy: 'form' });

test('clears every cached notice, its totals and the sync cursors; the user’s records and the register stay', async () => {
  const db = new CouncilLensDB();
  await db.notices.bulkPut([1, 2, 3].map((n) => toNoticeRow(awardNotice(`ocds-b5fd17-c${n}`, { contractPeriod: { end: '2027-06-30' } }), 'sync')));
  await db.savings.put(saving);
  await db.annotations.put(annotation({ key: 'ocds-b5fd17-c1', notes: 'Keep me' }));
  await db.prospects.put(prospect({ notes: 'Keep me too' }));
  await db.councils.put({ code: 'LDS', officialName: 'Leeds City Council' } as never);
  await db.meta.bulkPut([
    { key: 'sync:find-a-tender', value: { syncedTo: '2026-12-01T00:00:00Z' } },
    { key: 'sync:contracts-finder', value: { syncedTo: '2026-12-01T00:00:00Z' } },
    { key: 'sync:last-success', value: 1 },
    { key: 'dataset', value: { version: '1' } },
  ]);
  expect(await db.noticeTotals.count()).toBeGreaterThan(0);

  expect(await clearNotices(db)).toEqual({ removed: 3 });
  expect(await db.notices.count()).toBe(0);
  expect(await db.noticeTotals.count()).toBe(0);
  expect((await db.meta.toArray()).map((m) => m.key)).toEqual(['dataset']);
  expect(await db.savings.toArray()).toEqual([saving]);
  expect((await db.annotations.toArray()).map((a) => a.notes)).toEqual(['Keep me']);
  expect((await db.prospects.toArray()).map((p) => p.notes)).toEqual(['Keep me too']);
  expect(await db.councils.count()).toBe(1);
  db.close();
});

test('refused while a refresh holds the lock, and nothing is removed', async () => {
  const db = new CouncilLensDB();
  await db.notices.put(toNoticeRow(awardNotice('ocds-b5fd17-c9'), 'sync'));
  await db.meta.put({ key: 'sync:lock', value: { runId: 'r', expiresAt: Date.now() + 60_000 } });
  await expect(clearNotices(db)).rejects.toThrow('A refresh is running');
  expect(await db.notices.count()).toBe(1);
  db.close();
});
