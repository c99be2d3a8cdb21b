import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { buildKnowledge, type Knowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { Notice } from '@/lib/ocds/notice';

const root = resolve(import.meta.dirname, '../..', '..');

/** A fresh fake-indexeddb database holding the packaged datasets (public/data), and the Knowledge over it. */
export async function seededDb(name: string): Promise<{ db: CouncilLensDB; knowledge: Knowledge }> {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new CouncilLensDB(name);
  await loadDatasets(db, {
    councils: readFileSync(resolve(root, 'public/data/councils.json'), 'utf8'),
    services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
    seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
    version: 'test',
  });
  return { db, knowledge: await buildKnowledge(db, createCouncilIndex) };
}

/** A made-up award notice for handler tests. */
export function awardNotice(ocid: string, over: Partial<Notice> = {}): Notice {
  return {
    ocid,
    source: 'contracts-finder',
    stage: 'award',
    status: 'complete',
    title: `Contract ${ocid}`,
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: [],
    publishedAt: '2025-01-01',
    updatedAt: '2025-01-02',
    suppliers: [],
    awards: [],
    regions: [],
    noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/${ocid}`,
    releaseIds: [],
    ...over,
  };
}
