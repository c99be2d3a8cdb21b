/**
 * The RSX line ids, in the order every `net` / `expenditure` / `income` array of spend.json
 * follows. Kept apart from the Zod schema so the card (content scripts) does not bundle Zod.
 */
export const SPEND_LINE_IDS = ['edu', 'trans', 'csc', 'asc', 'phs', 'hous', 'cul', 'env', 'plan', 'pol', 'frs', 'cen', 'oth', 'total'] as const;
export type SpendLineId = (typeof SPEND_LINE_IDS)[number];
