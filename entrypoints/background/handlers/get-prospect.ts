import type { Prospect } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';

export async function getProspect(db: CouncilLensDB, id: string): Promise<Prospect | null> {
  return (await db.prospects.get(id)) ?? null;
}
