import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { datasetMeta, loadDatasets } from '@/entrypoints/background/refresh/load-datasets';

const root = resolve(import.meta.dirname, '../../..', '..');
const councils = readFileSync(resolve(root, 'public/data/councils.json'), 'utf8');
const services = readFileSync(resolve(root, 'public/data/services.json'), 'utf8');
const seed = readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8');

let db: CouncilLensDB;
beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  db = new CouncilLensDB('test');
});

describe('loadDatasets', () => {
  test('loads every council and service group of the packaged files in one go', async () => {
    const meta = await loadDatasets(db, { councils, services, seed, version: '0.1.0' }, 1000);
    const expected = JSON.parse(councils).councils.length;
    const seedCount = JSON.parse(seed).notices.length;
    expect(meta).toEqual({ version: '0.1.0', councils: expected, serviceGroups: 19, seedNotices: seedCount, loadedAt: 1000 });
    expect(await db.notices.count()).toBe(seedCount);
    expect((await db.notices.toArray()).filter((r) => r.origin === 'seed')).toHaveLength(seedCount);
    expect(await db.councils.count()).toBe(expected);
    expect((await db.councils.get('LDS'))?.officialName).toBe('Leeds City Council');
    expect(await db.councils.where('domain').equals('leeds.gov.uk').primaryKeys()).toEqual(['LDS']);
    expect(await db.serviceGroups.count()).toBe(19);
    expect(await datasetMeta(db)).toEqual(meta);
  });

  test('reloading replaces rows rather than adding to them', async () => {
    await loadDatasets(db, { councils, services, seed, version: '0.1.0' });
    await loadDatasets(db, { councils, services, seed, version: '0.1.1' });
    expect(await db.councils.count()).toBe(JSON.parse(councils).councils.length);
    expect((await datasetMeta(db))?.version).toBe('0.1.1');
  });

  test('the seed never overwrites a notice a sync fetched', async () => {
    const first = JSON.parse(seed).notices[0];
    await db.notices.put({ ...first, title: 'Fetched from the live API', council: 'X', supplierKeys: [], origin: 'sync' });
    await loadDatasets(db, { councils, services, seed, version: '0.1.0' });
    expect((await db.notices.get(first.ocid))?.title).toBe('Fetched from the live API');
    expect(await db.notices.count()).toBe(JSON.parse(seed).notices.length);
  });

  test.each([
    ['truncated JSON', { councils: councils.slice(0, 5000), services }],
    ['a council without a code', { councils: councils.replace('"code": "LDS"', '"code": ""'), services }],
    ['service groups that are not a list', { councils, services: '{"sources":[],"groups":{}}' }],
    ['a seed notice without an ocid', { councils, services, seed: seed.replace(/"ocid": "[^"]+"/, '"ocid": ""') }],
  ])('a bad packaged file (%s) is refused and the cache stays as it was', async (_label, bad) => {
    await loadDatasets(db, { councils, services, seed, version: 'good' });
    const before = await db.councils.toArray();
    await expect(loadDatasets(db, { seed, ...bad, version: 'bad' })).rejects.toThrow();
    expect(await db.councils.toArray()).toEqual(before);
    expect(await db.serviceGroups.count()).toBe(19);
    expect(await db.notices.count()).toBe(JSON.parse(seed).notices.length);
    expect((await datasetMeta(db))?.version).toBe('good');
  });
});
