import type { CouncilsFile, ServicesFile } from '@/lib/councils/schema';
import { createRegister, type Register } from '@/lib/councils/register';
import type { CouncilIndex } from '@/lib/councils/council-index';
import type { CouncilLensDB } from './db';

/** What the handlers need in memory: built from the cached datasets once per service-worker life. */
export interface Knowledge {
  register: Register;
  services: ServicesFile;
  /** Council names in page text and buyer fields (lib/councils). */
  resolver: CouncilIndex;
}

export type ResolverFactory = (file: CouncilsFile) => CouncilIndex;

/** Reads the cached datasets and builds the register and the name resolver over them. */
export async function buildKnowledge(db: CouncilLensDB, createResolver: ResolverFactory): Promise<Knowledge> {
  const [councils, groups] = await Promise.all([db.councils.orderBy('code').toArray(), db.serviceGroups.toArray()]);
  if (councils.length === 0) throw new Error('The council register is not loaded yet.');
  const councilsFile: CouncilsFile = { sources: [], councils };
  return {
    register: createRegister(councilsFile),
    services: { sources: [], groups },
    resolver: createResolver(councilsFile),
  };
}
