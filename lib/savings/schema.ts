import { z } from 'zod';
import { isFinancialYear } from '@/lib/timing/financial-year';
import { CouncilCodeSchema } from '@/lib/councils/schema';
import { foldText } from '@/lib/ocds/clean-text';
import { SERVICE_GROUP_IDS } from '@/lib/roles/groups';
import { SAVINGS_KINDS, SAVINGS_STATUSES } from './kinds';

/**
 * One line of a council's savings programme (issue 5): what the council plans to save, review,
 * restructure or invest in, in which service and UK financial year, and where it says so.
 * Users record these from budget papers; no national dataset of savings programmes exists.
 */

export { SAVINGS_KINDS, SAVINGS_STATUSES } from './kinds';

export const SavingsKindSchema = z.enum(SAVINGS_KINDS);
export type SavingsKind = z.infer<typeof SavingsKindSchema>;

export const SavingsStatusSchema = z.enum(SAVINGS_STATUSES);
export type SavingsStatus = z.infer<typeof SavingsStatusSchema>;

export const SAVINGS_ADDED_BY = ['import', 'form', 'capture'] as const;
export const SavingsAddedBySchema = z.enum(SAVINGS_ADDED_BY);
export type SavingsAddedBy = z.infer<typeof SavingsAddedBySchema>;

export const ServiceGroupIdSchema = z.enum(SERVICE_GROUP_IDS);

/** Longest description kept; capture trims selections well below this (lib/savings/capture.ts). */
export const MAX_DESCRIPTION_LENGTH = 2000;
/** Longest source title (a page or paper's title), web address and id kept (issue 16: every free-text field is bounded). */
export const MAX_SOURCE_TITLE_LENGTH = 500;
export const MAX_SOURCE_URL_LENGTH = 2048;
export const MAX_SAVINGS_ID_LENGTH = 100;

/**
 * Whether `value` is a UK financial year written `2027/28`: one definition with lib/timing, so
 * every year a savings item can hold is one the Timing rules can place (1900/01 to 2199/00).
 */
export { isFinancialYear };

export const FinancialYearSchema = z
  .string()
  .refine(isFinancialYear, { message: 'Financial year must be written like 2027/28, the second part being the next year' });

export const SavingsItemSchema = z.object({
  id: z.string().min(1).max(MAX_SAVINGS_ID_LENGTH),
  /** Register `local-authority-code`, e.g. `LDS`. */
  council: CouncilCodeSchema,
  /** Service group id from ../shared/spec/service-groups.csv. */
  serviceGroup: ServiceGroupIdSchema,
  /** UK financial year, April to March, written `2027/28`. */
  financialYear: FinancialYearSchema,
  /** In pounds; absent when the paper gives no figure. */
  amountGbp: z.number().finite().nonnegative().optional(),
  kind: SavingsKindSchema,
  status: SavingsStatusSchema,
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  /** The budget paper or web page the item comes from. */
  sourceUrl: z.url({ protocol: /^https?$/ }).max(MAX_SOURCE_URL_LENGTH).optional(),
  sourceTitle: z.string().max(MAX_SOURCE_TITLE_LENGTH).optional(),
  addedAt: z.iso.datetime({ offset: true }),
  addedBy: SavingsAddedBySchema,
});
export type SavingsItem = z.infer<typeof SavingsItemSchema>;

/** What the form sends: a new item (no id) or an edit of one (its id). */
export const SavingsDraftSchema = SavingsItemSchema.omit({ id: true, addedAt: true, addedBy: true }).extend({
  id: z.string().min(1).optional(),
  addedBy: z.enum(['form', 'capture']),
});
export type SavingsDraft = z.infer<typeof SavingsDraftSchema>;

/** Case-, space- and punctuation-insensitive form of a description, for duplicate detection. */
export const normaliseDescription: (text: string) => string = foldText;

/**
 * The key two items share when they record the same thing: council, service group, year, kind,
 * normalised description and amount (to the penny). Status, source and provenance are left out,
 * so re-importing a file after an item moved from proposed to approved reports a duplicate
 * rather than doubling the saving.
 *
 * @example savingsDuplicateKey({ council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28', kind: 'saving', description: 'Route  optimisation.', amountGbp: 350000 })
 *   // 'LDS|waste|2027/28|saving|350000|route optimisation'
 */
export function savingsDuplicateKey(
  item: Pick<SavingsItem, 'council' | 'serviceGroup' | 'financialYear' | 'kind' | 'description' | 'amountGbp'>,
): string {
  const amount = item.amountGbp === undefined ? '' : String(Math.round(item.amountGbp * 100) / 100);
  return [item.council, item.serviceGroup, item.financialYear, item.kind, amount, normaliseDescription(item.description)].join('|');
}
