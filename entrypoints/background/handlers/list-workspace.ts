import type { Workspace } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';

export async function listWorkspace(db: CouncilLensDB): Promise<Workspace> {
  const [annotations, prospects] = await Promise.all([db.annotations.toArray(), db.prospects.toArray()]);
  return { annotations, prospects };
}
