import { beforeAll, describe, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import type { Knowledge } from '@/entrypoints/background/knowledge';
import { supplierReferences } from '@/entrypoints/background/handlers/supplier-references';
import { createSupplierIndexCache, type SupplierIndexCache } from '@/entrypoints/background/supplier-index';
import { toNoticeRow } from '@/lib/ocds/row';
import { awardNotice, seededDb } from '../../../lib/suppliers/seeded-db';

let db: CouncilLensDB;
let knowledge: Knowledge;
let cache: SupplierIndexCache;

const ACME = { name: 'Acme Care Ltd', companiesHouse: '01234567' };
const LEEDS_CONTACT = { name: 'Jo Bloggs', email: 'procurement@leeds.gov.uk', telephone: '0113 222 4444' };
const award = (id: string, date: string, amount: number | null, suppliers: { name: string; companiesHouse?: string }[], period?: object) => ({
  id,
  status: 'active' as const,
  date,
  ...(amount === null ? {} : { value: { amount, currency: 'GBP' } }),
  suppliers,
  ...(period ? { contractPeriod: period } : {}),
});

beforeAll(async () => {
  ({ db, knowledge } = await seededDb('supplier-references-test'));
  cache = createSupplierIndexCache(db);
  await db.notices.bulkPut(
    [
      awardNotice('acme-1', {
        title: 'Home care framework',
        buyer: { name: 'Leeds City Council', councilCode: 'LDS', contact: LEEDS_CONTACT },
        serviceGroups: ['adult-social-care'],
        value: { amount: 900_000, currency: 'GBP' },
        suppliers: [ACME, { name: 'Other Care Ltd' }],
        // Two winners: Acme's own award value counts, not the framework's total.
        awards: [award('a1', '2024-03-01T10:00:00Z', 300_000, [ACME], { start: '2024-04-01', end: '2027-03-31', maxEnd: '2029-03-31' }), award('a2', '2024-03-01', 600_000, [{ name: 'Other Care Ltd' }])],
      }),
      awardNotice('acme-2', {
        title: 'Reablement service',
        buyer: { name: 'Kent County Council', councilCode: 'KEN' },
        serviceGroups: ['adult-social-care', 'public-health'],
        value: { amount: 120_000, currency: 'GBP' },
        // A name-only spelling: joins the number's group by its normalised name.
        suppliers: [{ name: 'ACME CARE LIMITED' }],
        awards: [award('b1', '2025-06-10', null, [{ name: 'ACME CARE LIMITED' }])],
        contractPeriod: { start: '2025-07-01', end: '2026-06-30' },
      }),
      awardNotice('acme-3', {
        title: 'Day centre meals',
        stage: 'contract',
        buyer: { name: 'Leeds City Council', councilCode: 'LDS', contact: { email: 'meals@leeds.gov.uk' } },
        serviceGroups: ['adult-social-care'],
        suppliers: [ACME],
        awards: [award('c1', '2023-01-15', 50_000, [ACME])],
      }),
      // The same procurement on Find a Tender: listed once.
      awardNotice('acme-3-fts', {
        source: 'find-a-tender',
        title: 'Day centre meals',
        stage: 'contract',
        buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
        serviceGroups: ['adult-social-care'],
        suppliers: [ACME],
        awards: [award('c1', '2023-01-15', 50_000, [ACME])],
        noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000001-2023',
      }),
      // Not references: a tender, and a buyer that is not a council.
      awardNotice('acme-tender', { stage: 'tender', suppliers: [ACME] }),
      awardNotice('acme-nhs', { buyer: { name: 'NHS Leeds' }, suppliers: [ACME], awards: [award('d1', '2025-12-01', 1, [ACME])] }),
    ].map((n) => toNoticeRow(n, 'sync')),
  );
});

const refs = async (key: string) => supplierReferences(db, knowledge, await cache.get(), key);

describe('supplierReferences', () => {
  test('contracts with councils, newest first, with value, dates and the buyer contact', async () => {
    const result = (await refs('ch:01234567'))!;
    expect(result).toMatchObject({ key: 'ch:01234567', companiesHouse: '01234567', name: 'Acme Care Ltd' });
    expect([...result.names].sort()).toEqual(['ACME CARE LIMITED', 'Acme Care Ltd']);
    expect(result.awards.map((a) => a.ocid)).toEqual(['acme-2', 'acme-1', 'acme-3']);
    expect(result.awards[1]).toEqual({
      ocid: 'acme-1',
      council: 'LDS',
      councilName: 'Leeds City Council',
      title: 'Home care framework',
      serviceGroups: ['adult-social-care'],
      value: { amount: 300_000, currency: 'GBP' },
      start: '2024-04-01',
      end: '2027-03-31',
      maxEnd: '2029-03-31',
      awardedAt: '2024-03-01',
      noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/acme-1',
      contact: LEEDS_CONTACT,
    });
    // Sole winner without an award value: the notice's value; no contact published: null.
    expect(result.awards[0]).toMatchObject({ council: 'KEN', councilName: 'Kent County Council', value: { amount: 120_000, currency: 'GBP' }, start: '2025-07-01', end: '2026-06-30', maxEnd: null, contact: null });
    expect(result.awards[2]?.contact).toEqual({ email: 'meals@leeds.gov.uk' });
  });

  test('totals by council and by service group', async () => {
    const result = (await refs('ch:01234567'))!;
    expect(result.byCouncil).toEqual([
      { code: 'LDS', name: 'Leeds City Council', count: 2, value: 350_000 },
      { code: 'KEN', name: 'Kent County Council', count: 1, value: 120_000 },
    ]);
    expect(result.byGroup).toEqual([
      { group: 'adult-social-care', count: 3, value: 470_000 },
      { group: 'public-health', count: 1, value: 120_000 },
    ]);
  });

  test.each(['ch:01234567', 'name:acme care', '01234567', '1234567', 'GB-COH-01234567', 'Acme Care Limited', 'acme care ltd'])('%j finds Acme', async (key) => {
    expect((await refs(key))?.key).toBe('ch:01234567');
  });

  test('a supplier from the seed', async () => {
    const result = (await refs('name:tencer'))!;
    expect(result.awards.map((a) => a.council)).toEqual(['BUC', 'BUC']);
    expect(result.awards[0]?.contact).toEqual({ name: 'Mark Hunt', email: 'ljphillips@buckscc.gov.uk', telephone: '07850963628' });
    // The awards' values (10,335.30 and 5,505.85), not the notices' estimates (10,000 and 5,000).
    expect(result.byCouncil).toEqual([{ code: 'BUC', name: 'Buckinghamshire Council', count: 2, value: expect.closeTo(15_841.15, 2) }]);
  });

  test.each(['ch:99999999', 'name:nobody', 'Nobody Ltd', '   '])('unknown %j: null', async (key) => {
    expect(await refs(key)).toBeNull();
  });
});

describe('a supplier with many council contracts', () => {
  test('lists the newest 100 and totals all of them', async () => {
    const BUSY = { name: 'Busy Framework Ltd', companiesHouse: '07654321' };
    await db.notices.bulkPut(
      Array.from({ length: 130 }, (_, i) =>
        awardNotice(`busy-${i}`, {
          title: `Lot ${i}`,
          buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
          serviceGroups: ['highways-transport'],
          suppliers: [BUSY],
          awards: [award(`busy-a${i}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, 1000, [BUSY])],
        }),
      ).map((n) => toNoticeRow(n, 'sync')),
    );
    const refs = await supplierReferences(db, knowledge, await cache.get(), 'ch:07654321');
    expect(refs?.totalAwards).toBe(130);
    expect(refs?.awards).toHaveLength(100);
    expect(refs?.byCouncil).toEqual([{ code: 'LDS', name: 'Leeds City Council', count: 130, value: 130_000 }]);
    expect(refs!.awards[0]!.awardedAt! >= refs!.awards[99]!.awardedAt!).toBe(true);
  });
});
