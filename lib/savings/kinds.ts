/**
 * The kinds and statuses of a savings programme line (issue 5), shared by the records
 * (lib/savings, full Zod) and the timing engine (lib/timing, zod/mini, rendered in content
 * scripts too), so this file imports nothing.
 */

/** `investment` lines are evidence only: they open no window. */
export const SAVINGS_KINDS = ['saving', 'restructure', 'service-review', 'investment'] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];

/** How far a savings line has got. Shown with the evidence; it never moves a window. */
export const SAVINGS_STATUSES = ['proposed', 'approved', 'delivered'] as const;
export type SavingsStatus = (typeof SAVINGS_STATUSES)[number];
