import { expect } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import type { MetaRow } from '@/entrypoints/background/db';
import { applyTotals, totalsDelta, type NoticeTotalsRow, type TotalsSection } from '@/lib/ocds/totals';
import type { NoticeRow } from '@/lib/ocds/row';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
import { AnnotationSchema, ProspectSchema, type Annotation, type Prospect } from '@/lib/workspace';
import { annotation, prospect } from '../lib/workspace/support';

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

/** A user's records of every kind, for migration tests: one savings item, an annotation on `annotatedOcid`, a prospect, a sync cursor. */
export function seededUserData(annotatedOcid: string): SeededUserData {
  return {
    savings: [
      SavingsItemSchema.parse({ id: 'sav-1', council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28', kind: 'saving', description: 'Route optimisation', amountGbp: 350000, status: 'proposed', addedAt: '2026-11-29T10:00:00.000Z', addedBy: 'form' }),
    ],
    annotations: [annotation({ key: annotatedOcid, status: 'bidding', bidDeadline: '2026-12-18', notes: 'Site visit booked.' })],
    prospects: [prospect({ followUp: '2026-12-14', notes: 'ADASS' })],
    meta: [{ key: 'sync:find-a-tender', value: { syncedTo: '2026-12-01T00:00:00Z' } }],
  };
}

/** The per-date totals rows a schema's middleware kept for these rows (what an old database holds beside them). */
export function totalsRowsOf(rows: readonly Partial<NoticeRow>[]): NoticeTotalsRow[] {
  return [...totalsDelta([], rows)].map(([id, change]) => {
    const cut = id.lastIndexOf('|');
    return { council: id.slice(0, cut), section: id.slice(cut + 1) as TotalsSection, ...applyTotals(undefined, change) };
  });
}
