import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB, schemaV3 } from '@/entrypoints/background/db';
import { deleteSavingsItem } from '@/entrypoints/background/handlers/delete-savings-item';
import { exportSavings } from '@/entrypoints/background/handlers/export-savings';
import { getTiming } from '@/entrypoints/background/handlers/get-timing';
import { importSavings } from '@/entrypoints/background/handlers/import-savings';
import { listSavings } from '@/entrypoints/background/handlers/list-savings';
import { saveSavingsItem } from '@/entrypoints/background/handlers/save-savings-item';
import { buildKnowledge, type Knowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { Notice } from '@/lib/ocds/notice';
import { toNoticeRow } from '@/lib/ocds/row';
import type { SavingsDraft } from '@/lib/savings/schema';
import { freshIndexedDb } from '../../../support/sync-harness';

const root = resolve(import.meta.dirname, '../../..', '..');
const fixture = (name: string) => readFileSync(resolve(root, 'tests/fixtures/savings', name), 'utf8');
const NOW = new Date('2026-11-30T09:00:00Z');

let db: CouncilLensDB;
let knowledge: Knowledge;

beforeEach(async () => {
  freshIndexedDb();
  db = new CouncilLensDB('savings-test');
  await loadDatasets(db, {
    councils: readFileSync(resolve(root, 'public/data/councils.json'), 'utf8'),
    services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
    seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
    version: 'test',
  });
  knowledge = await buildKnowledge(db, createCouncilIndex);
});

const draft = (over: Partial<SavingsDraft> = {}): SavingsDraft => ({
  council: 'LDS',
  serviceGroup: 'adult-social-care',
  financialYear: '2027/28',
  amountGbp: 1_200_000,
  kind: 'saving',
  status: 'proposed',
  description: 'Review of day services',
  addedBy: 'form',
  ...over,
});

describe('import', () => {
  test('a good CSV is written; the same file again adds nothing and reports every row as a duplicate', async () => {
    const first = await importSavings(db, knowledge, fixture('good.csv'), 'csv', NOW);
    expect(first.ok).toBe(true);
    const added = first.ok ? first.added : 0;
    expect(added).toBeGreaterThan(0);
    expect(await db.savings.count()).toBe(added);
    const again = await importSavings(db, knowledge, fixture('good.csv'), 'csv', NOW);
    expect(again).toMatchObject({ ok: true, added: 0 });
    expect(again.ok && again.duplicates).toHaveLength(added);
    expect(await db.savings.count()).toBe(added);
  });

  test('a file with any bad row writes nothing and names each bad line', async () => {
    await saveSavingsItem(db, knowledge, draft(), NOW);
    const before = await db.savings.toArray();
    const outcome = await importSavings(db, knowledge, fixture('bad.csv'), 'csv', NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.length).toBeGreaterThan(1);
    expect(outcome.errors.map((e) => e.line)).toContain(4);
    expect(outcome.errors.find((e) => e.line === 4)?.reason).toMatch(/council/i);
    expect(await db.savings.toArray()).toEqual(before);
  });

  test('bad JSON writes nothing', async () => {
    const outcome = await importSavings(db, knowledge, '{"items": [', 'json', NOW);
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: 0 }] });
    expect(await db.savings.count()).toBe(0);
  });

  test('export gives back what was imported (JSON round trip through a fresh database)', async () => {
    await importSavings(db, knowledge, fixture('good.json'), 'json', NOW);
    const saved = await listSavings(db);
    const { text, filename } = await exportSavings(db, 'json', NOW);
    expect(filename).toBe('council-lens-savings-2026-11-30.json');
    await db.savings.clear();
    const back = await importSavings(db, knowledge, text, 'json', NOW);
    expect(back).toMatchObject({ ok: true, added: saved.length });
    expect(await listSavings(db)).toEqual(saved);
    const csv = await exportSavings(db, 'csv', NOW);
    expect(csv.text.split(/\r?\n/)[0]).toBe('council,service_group,financial_year,amount_gbp,kind,status,description,source_url');
  });
});

describe('the form', () => {
  test('adds, edits in place (keeping when and how it was added) and deletes', async () => {
    const item = await saveSavingsItem(db, knowledge, draft(), NOW, () => 'one');
    expect(item).toMatchObject({ id: 'sav-one', addedBy: 'form', addedAt: NOW.toISOString() });
    const edited = await saveSavingsItem(db, knowledge, draft({ id: item.id, status: 'approved', addedBy: 'capture' }), new Date('2027-01-01T00:00:00Z'));
    expect(edited).toMatchObject({ id: 'sav-one', status: 'approved', addedBy: 'form', addedAt: NOW.toISOString() });
    expect(await db.savings.count()).toBe(1);
    expect(await deleteSavingsItem(db, item.id)).toEqual({ deleted: true });
    expect(await deleteSavingsItem(db, item.id)).toEqual({ deleted: false });
  });

  test('refuses a duplicate, an unknown council, a bad year and an edit of a deleted item', async () => {
    await saveSavingsItem(db, knowledge, draft(), NOW);
    await expect(saveSavingsItem(db, knowledge, draft({ description: '  review of DAY services ' }), NOW)).rejects.toThrow(/already recorded/);
    await expect(saveSavingsItem(db, knowledge, draft({ council: 'ZZZ' }), NOW)).rejects.toThrow(/Unknown council/);
    await expect(saveSavingsItem(db, knowledge, draft({ financialYear: '2027/29' }), NOW)).rejects.toThrow(/2027\/28/);
    await expect(saveSavingsItem(db, knowledge, draft({ id: 'sav-gone' }), NOW)).rejects.toThrow(/no longer exists/);
    expect(await db.savings.count()).toBe(1);
  });
});

describe('getTiming', () => {
  const contract = (over: Partial<Notice>): Notice => ({
    ocid: `ocds-${Math.random().toString(36).slice(2)}`,
    source: 'contracts-finder',
    stage: 'award',
    title: 'Home care',
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: ['adult-social-care'],
    publishedAt: '2025-01-01',
    updatedAt: '2025-01-01',
    suppliers: [{ name: 'Care Co Ltd' }],
    awards: [],
    regions: [],
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/x',
    releaseIds: [],
    ...over,
  });

  test("the council's items in the person's service and its contracts ending in five years, soonest first", async () => {
    await saveSavingsItem(db, knowledge, draft(), NOW);
    await saveSavingsItem(db, knowledge, draft({ serviceGroup: 'waste', description: 'Fortnightly collections' }), NOW);
    await saveSavingsItem(db, knowledge, draft({ council: 'KEN', description: 'Kent day services' }), NOW);
    await db.notices.bulkPut(
      [
        contract({ title: 'Ends in 2028', contractPeriod: { end: '2028-03-31', maxEnd: '2030-03-31' } }),
        contract({ title: 'Ends in 2027', contractPeriod: { end: '2027-06-30T22:59:59Z' } }),
        contract({ title: 'Ended', contractPeriod: { end: '2026-01-01' } }),
        contract({ title: 'Too far', contractPeriod: { end: '2033-01-01' } }),
        contract({ title: 'Waste', serviceGroups: ['waste'], contractPeriod: { end: '2027-01-01' } }),
        contract({ title: 'Still a tender', stage: 'tender', contractPeriod: { end: '2027-01-01' } }),
      ].map((n) => toNoticeRow(n, 'sync')),
    );
    const timing = await getTiming(db, 'LDS', 'adult-social-care', '2026-11-30');
    expect(timing.savings.map((s) => s.description)).toEqual(['Review of day services']);
    expect(timing.otherServices).toBe(1);
    expect(timing.contracts).toEqual([
      expect.objectContaining({ title: 'Ends in 2027', end: '2027-06-30', supplier: 'Care Co Ltd' }),
      expect.objectContaining({ title: 'Ends in 2028', end: '2028-03-31', maxEnd: '2030-03-31' }),
    ]);
    const whole = await getTiming(db, 'LDS', null, '2026-11-30');
    expect(whole.savings).toHaveLength(2);
    expect(whole.contracts.map((c) => c.title)).toEqual(['Waste', 'Ends in 2027', 'Ends in 2028']);
  });
});

test('v3 -> v4: the savings table is added and every notice survives', async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  const v3 = new Dexie('upgrade');
  v3.version(3).stores(schemaV3);
  await v3.table('notices').put({ ocid: 'ocds-keep', council: 'LDS', supplierKeys: [], tenderKeys: [], endKeys: [], stage: 'tender' });
  await v3.table('meta').put({ key: 'sync:last-success', value: 1 });
  v3.close();
  const upgraded = new CouncilLensDB('upgrade');
  await upgraded.open();
  expect(upgraded.verno).toBeGreaterThanOrEqual(4); // later versions keep v4 (v5: workspace.test.ts)
  expect(await upgraded.notices.get('ocds-keep')).toMatchObject({ council: 'LDS' });
  expect((await upgraded.meta.get('sync:last-success'))?.value).toBe(1);
  expect(await upgraded.savings.count()).toBe(0);
  upgraded.close();
});

test('an extension update reloads the packaged datasets and keeps every savings item', async () => {
  await importSavings(db, knowledge, fixture('good.csv'), 'csv', NOW);
  const before = await listSavings(db);
  await loadDatasets(db, {
    councils: readFileSync(resolve(root, 'public/data/councils.json'), 'utf8'),
    services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
    seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
    version: 'next',
  });
  expect(before.length).toBeGreaterThan(0);
  expect(await listSavings(db)).toEqual(before);
});
