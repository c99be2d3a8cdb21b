import { createCouncilIndex } from '@/lib/councils/council-index';
import { buyerCouncilResolver } from '@/lib/councils/buyer';
import type { CouncilsFile } from '@/lib/councils/schema';
import { parseReleases } from '@/lib/ocds/parse-releases';
import type { Notice } from '@/lib/ocds/notice';
import { SeedFileSchema, type SeedFile } from './seed-schema';

/** The OCDS files the packaged seed is built from, relative to the shared folder (../shared). */
export const SEED_INPUT_PATHS = [
  'data/contracts_finder_ocds_search_2022-10-20.json',
  'data/contracts_finder_ocds_search_2025-01-23.json',
  'data/contracts_finder_ocds_releases_2025-01_to_03_extra.json',
  'data/pcs_scotland_ocds_releases_2019.json',
  'data/sell2wales_ocds_releases_2025.json',
] as const;

/**
 * The first-install snapshot of notices (public/data/notices-seed.json), so the card works offline
 * at once: every release file parsed and merged, council buyers only, sorted by ocid.
 */
export function buildSeed(files: { path: string; text: string }[], councils: CouncilsFile): SeedFile {
  const resolveCouncil = buyerCouncilResolver(createCouncilIndex(councils));
  const byOcid = new Map<string, Notice>();
  for (const file of files) {
    const { notices } = parseReleases(JSON.parse(file.text), { resolveCouncil });
    for (const notice of notices) {
      if (!notice.buyer.councilCode) continue;
      const seen = byOcid.get(notice.ocid);
      if (!seen || seen.updatedAt <= notice.updatedAt) byOcid.set(notice.ocid, notice);
    }
  }
  const notices = [...byOcid.values()].sort((a, b) => (a.ocid < b.ocid ? -1 : a.ocid > b.ocid ? 1 : 0));
  return SeedFileSchema.parse({ sources: files.map((f) => `../shared/${f.path}`), notices });
}
