import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { datasetMeta, loadDatasets } from '@/entrypoints/background/refresh/load-datasets';

const root = resolve(import.meta.dirname, '..', '..');
const councils = readFileSync(resolve(root, 'public/data/councils.json'), 'utf8');
const services = readFileSync(resolve(root, 'public/data/services.json'), 'utf8');

let db: CouncilLensDB;
beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  db = new CouncilLensDB('test');
});

describe('loadDatasets', () => {
  test('loads every council and service group of the packaged files in one go', async () => {
    const meta = await loadDatasets(db, { councils, services, version: '0.1.0' }, 1000);
    const expected = JSON.parse(councils).councils.length;
    expect(meta).toEqual({ version: '0.1.0', councils: expected, serviceGroups: 19, loadedAt: 1000 });
    expect(await db.councils.count()).toBe(expected);
    expect((await db.councils.get('LDS'))?.officialName).toBe('Leeds City Council');
    expect(await db.councils.where('domain').equals('leeds.gov.uk').primaryKeys()).toEqual(['LDS']);
    expect(await db.serviceGroups.count()).toBe(19);
    expect(await datasetMeta(db)).toEqual(meta);
  });

  test('reloading replaces rows rather than adding to them', async () => {
    await loadDatasets(db, { councils, services, version: '0.1.0' });
    await loadDatasets(db, { councils, services, version: '0.1.1' });
    expect(await db.councils.count()).toBe(JSON.parse(councils).councils.length);
    expect((await datasetMeta(db))?.version).toBe('0.1.1');
  });

  test.each([
    ['truncated JSON', { councils: councils.slice(0, 5000), services }],
    ['a council without a code', { councils: councils.replace('"code": "LDS"', '"code": ""'), services }],
    ['service groups that are not a list', { councils, services: '{"sources":[],"groups":{}}' }],
  ])('a bad packaged file (%s) is refused and the cache stays as it was', async (_label, bad) => {
    await loadDatasets(db, { councils, services, version: 'good' });
    const before = await db.councils.toArray();
    await expect(loadDatasets(db, { ...bad, version: 'bad' })).rejects.toThrow();
    expect(await db.councils.toArray()).toEqual(before);
    expect(await db.serviceGroups.count()).toBe(19);
    expect((await datasetMeta(db))?.version).toBe('good');
  });
});
