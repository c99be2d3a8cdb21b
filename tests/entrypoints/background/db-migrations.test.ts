import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { CouncilLensDB, schemaV1 } from '@/entrypoints/background/db';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

/** The database exactly as version 1 of the extension left it. */
async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(schemaV1);
  await v1.table('councils').put({ code: 'LDS', officialName: 'Leeds City Council', domain: 'leeds.gov.uk', gss: 'E08000035' });
  await v1.table('serviceGroups').put({ id: 'waste', label: 'Waste and street cleansing' });
  await v1.table('meta').put({ key: 'dataset', value: { version: '0.1.0', councils: 1, serviceGroups: 1, loadedAt: 1 } });
  v1.close();
}

test('v1 -> v2: every v1 row survives and the notices table starts empty', async () => {
  await seedV1('migrate');
  const db = new CouncilLensDB('migrate');
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(2); // later versions keep v2's tables (v3: db-migrations-v3.test.ts)
  expect(await db.councils.get('LDS')).toMatchObject({ officialName: 'Leeds City Council' });
  expect(await db.councils.where('domain').equals('leeds.gov.uk').count()).toBe(1);
  expect(await db.serviceGroups.count()).toBe(1);
  expect((await db.meta.get('dataset'))?.value).toMatchObject({ version: '0.1.0' });
  expect(await db.notices.count()).toBe(0);
  await db.notices.put({ ocid: 'ocds-x', council: 'LDS', supplierKeys: [], stage: 'tender' } as never);
  expect(await db.notices.filter((row) => row.council === 'LDS' && row.stage === 'tender').count()).toBe(1);
  db.close();
});
