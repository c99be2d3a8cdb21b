import type { Annotation } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';

export async function getAnnotation(db: CouncilLensDB, key: string): Promise<Annotation | null> {
  return (await db.annotations.get(key)) ?? null;
}
