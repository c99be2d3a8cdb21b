import { expect } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import type { MetaRow } from '@/entrypoints/background/db';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
import { AnnotationSchema, ProspectSchema, type Annotation, type Prospect } from '@/lib/workspace';

/** The user's own records a migration test seeds, and the meta rows it expects unchanged. */
export interface SeededUserData {
  savings: SavingsItem[];
  annotations: Annotation[];
  prospects: Prospect[];
  meta: MetaRow[];
}

/** After an upgrade: every user record read back through the schema the app reads it with, unchanged. */
export async function expectUserDataUnchanged(db: CouncilLensDB, seeded: SeededUserData): Promise<void> {
  expect((await db.savings.toArray()).map((row) => SavingsItemSchema.parse(row))).toEqual(seeded.savings);
  expect((await db.annotations.toArray()).map((row) => AnnotationSchema.parse(row))).toEqual(seeded.annotations);
  expect((await db.prospects.toArray()).map((row) => ProspectSchema.parse(row))).toEqual(seeded.prospects);
  expect(await db.meta.toArray()).toEqual(seeded.meta);
}
