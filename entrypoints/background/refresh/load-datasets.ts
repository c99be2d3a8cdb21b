import { CouncilsFileSchema, ServicesFileSchema } from '@/lib/councils/schema';
import { SeedFileSchema } from '@/lib/dataset/seed-schema';
import { toNoticeRow } from '@/lib/ocds/row';
import type { CouncilLensDB } from '../db';

export interface PackagedDatasets {
  /** Raw text of public/data/councils.json. */
  councils: string;
  /** Raw text of public/data/services.json. */
  services: string;
  /** Raw text of public/data/notices-seed.json: notices so the card works offline from the start. */
  seed: string;
  /** Identifies this packaging, e.g. the extension version; stored so a reload can be skipped. */
  version: string;
}

export const DATASET_META_KEY = 'dataset';

export interface DatasetMeta {
  version: string;
  councils: number;
  serviceGroups: number;
  seedNotices: number;
  loadedAt: number;
}

/**
 * Validates the packaged datasets and replaces the cached copies in one transaction. A file that
 * fails to parse or validate throws before anything is written, so the cache stays as it was.
 */
export async function loadDatasets(db: CouncilLensDB, data: PackagedDatasets, now = Date.now()): Promise<DatasetMeta> {
  const councils = CouncilsFileSchema.safeParse(JSON.parse(data.councils));
  if (!councils.success) throw new Error(`councils.json is invalid: ${councils.error.message}`);
  const services = ServicesFileSchema.safeParse(JSON.parse(data.services));
  if (!services.success) throw new Error(`services.json is invalid: ${services.error.message}`);

  const seed = SeedFileSchema.safeParse(JSON.parse(data.seed));
  if (!seed.success) throw new Error(`notices-seed.json is invalid: ${seed.error.message}`);

  const meta: DatasetMeta = {
    version: data.version,
    councils: councils.data.councils.length,
    serviceGroups: services.data.groups.length,
    seedNotices: seed.data.notices.length,
    loadedAt: now,
  };
  await db.transaction('rw', [db.councils, db.serviceGroups, db.notices, db.meta], async () => {
    await db.councils.clear();
    await db.councils.bulkPut(councils.data.councils);
    await db.serviceGroups.clear();
    await db.serviceGroups.bulkPut(services.data.groups);
    // The seed never replaces what a sync fetched: those rows are as new or newer.
    const synced = new Set(
      (await db.notices.bulkGet(seed.data.notices.map((n) => n.ocid)))
        .filter((row) => row?.origin === 'sync')
        .map((row) => row!.ocid),
    );
    await db.notices.bulkPut(seed.data.notices.filter((n) => !synced.has(n.ocid)).map((n) => toNoticeRow(n, 'seed')));
    await db.meta.put({ key: DATASET_META_KEY, value: meta });
  });
  return meta;
}

/** The loaded dataset's meta row, or null before the first load. */
export async function datasetMeta(db: CouncilLensDB): Promise<DatasetMeta | null> {
  const row = await db.meta.get(DATASET_META_KEY);
  return (row?.value as DatasetMeta | undefined) ?? null;
}
