import { z } from 'zod';
import { SPEND_LINE_IDS } from './lines';

/**
 * public/data/spend.json: what each council spends, by the 13 service lines of MHCLG's Revenue
 * Outturn Service Expenditure Summary (RSX) plus the total, per financial year, in £ thousand.
 * Built by lib/dataset/build-spend.ts from ../shared/data/spend (SOURCES.md section 8).
 */

export { SPEND_LINE_IDS, type SpendLineId } from './lines';
export const SpendLineIdSchema = z.enum(SPEND_LINE_IDS);

/** "2024-25" */
export const FinancialYearSchema = z.string().regex(/^\d{4}-\d{2}$/);

const Amounts = z.array(z.number().nullable()).length(SPEND_LINE_IDS.length);

export const SpendYearSchema = z.discriminatedUnion('status', [
  z.object({
    year: FinancialYearSchema,
    status: z.literal('published'),
    /** Index into the file's `sources`: each English year has its own workbook. */
    source: z.number().int().nonnegative(),
    /** Net current expenditure by line (RSX C7; elsewhere the nation's net revenue expenditure). */
    net: Amounts,
    /** England only: total expenditure (C3) and total income (C6) by line. */
    expenditure: Amounts.nullable(),
    income: Amounts.nullable(),
  }),
  /** The council was listed for the year but sent no return: never read as zero. */
  z.object({ year: FinancialYearSchema, status: z.literal('not-submitted'), source: z.number().int().nonnegative() }),
]);
export type SpendYear = z.infer<typeof SpendYearSchema>;

export const CouncilSpendSchema = z.object({
  code: z.string(),
  gss: z.string(),
  years: z.array(SpendYearSchema),
});
export type CouncilSpend = z.infer<typeof CouncilSpendSchema>;

export const SpendFileSchema = z.object({
  sources: z.array(z.object({ file: z.string(), licence: z.string(), attribution: z.string() })),
  unit: z.literal('GBP thousand'),
  lines: z.array(z.object({ id: SpendLineIdSchema, label: z.string() })).length(SPEND_LINE_IDS.length),
  /** Each project service group (spec/service-groups.csv) and the RSX line it is counted in. */
  groups: z.array(
    z.object({
      id: z.string(),
      line: SpendLineIdSchema,
      /** false: the line also holds other groups' spending, so it is not this group's own figure. */
      own: z.boolean(),
    }),
  ),
  /** Per nation: lines summed into another line there ("csc" in "asc"), and caveats to show. */
  nations: z.array(
    z.object({
      nation: z.enum(['England', 'Scotland', 'Wales', 'Northern Ireland']),
      source: z.string(),
      combined: z.array(z.object({ line: SpendLineIdSchema, into: SpendLineIdSchema, note: z.string() })),
      caveats: z.array(z.string()),
    }),
  ),
  councils: z.array(CouncilSpendSchema),
  /** Current councils with no spend data, and why. */
  missing: z.array(z.object({ code: z.string(), name: z.string(), reason: z.string() })),
});
export type SpendFile = z.infer<typeof SpendFileSchema>;
