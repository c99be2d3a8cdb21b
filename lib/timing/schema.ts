// zod/mini: the timing engine runs inside the card, which content scripts render too, and full
// Zod would be most of their size (as in lib/settings.ts).
import * as z from 'zod/mini';
import { isFinancialYear, isIsoDate } from './financial-year';

import { SAVINGS_KINDS, SAVINGS_STATUSES } from '@/lib/savings/kinds';

export { SAVINGS_KINDS, SAVINGS_STATUSES, type SavingsKind, type SavingsStatus } from '@/lib/savings/kinds';

const IsoDateSchema = z.string().check(z.refine(isIsoDate, { error: 'must be a calendar date written YYYY-MM-DD, e.g. 2027-04-01' }));
const FinancialYearSchema = z
  .string()
  .check(z.refine(isFinancialYear, { error: 'must be a UK financial year written like 2027/28' }));

/** Optional fields also accept null: Dexie rows and protocol messages store "not given" as null. */
const optional = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

export const TimingSavingsSchema = z.object({
  financialYear: FinancialYearSchema,
  kind: z.enum(SAVINGS_KINDS, { error: `must be one of ${SAVINGS_KINDS.join(', ')}` }),
  status: z.enum(SAVINGS_STATUSES, { error: `must be one of ${SAVINGS_STATUSES.join(', ')}` }),
  amount: optional(
    z.number().check(z.refine(Number.isFinite, { error: 'must be a finite number' }), z.gte(0, { error: 'must not be negative' })),
  ),
  description: optional(z.string()),
  sourceUrl: optional(z.string()),
});

export const TimingContractSchema = z.object({
  end: IsoDateSchema,
  maxEnd: optional(IsoDateSchema),
  title: optional(z.string()),
  supplier: optional(z.string()),
});

/** A Procurement Act forward notice (UK1 pipeline, UK2 engagement, UK3 planned procurement) naming when its tender is expected. */
export const TimingPlannedSchema = z.object({
  /** When the intent was published: the window opens then. */
  published: IsoDateSchema,
  expectedTenderDate: IsoDateSchema,
  title: optional(z.string()),
  /** The notice type in words, e.g. "planned procurement notice". */
  noticeType: optional(z.string()),
  url: optional(z.string()),
});

export const TimingInputSchema = z.object({
  /** The day to assess, in the reader's calendar (the caller picks the time zone). */
  today: IsoDateSchema,
  savings: z.array(TimingSavingsSchema),
  contracts: z.array(TimingContractSchema),
  planned: z.optional(z.array(TimingPlannedSchema)),
});

/**
 * What `assessTiming` accepts. Kinds and statuses are typed as plain strings, as rows read from
 * storage or a CSV are; the schema checks them at run time.
 */
export interface TimingInput {
  today: string;
  savings: readonly TimingSavingsInput[];
  contracts: readonly TimingContractInput[];
  /** Forward notices with an expected tender date; none when absent. */
  planned?: readonly TimingPlannedInput[];
}

export interface TimingPlannedInput {
  published: string;
  expectedTenderDate: string;
  title?: string | null;
  noticeType?: string | null;
  url?: string | null;
}

export interface TimingSavingsInput {
  financialYear: string;
  kind: string;
  status: string;
  amount?: number | null;
  description?: string | null;
  sourceUrl?: string | null;
}

export interface TimingContractInput {
  end: string;
  maxEnd?: string | null;
  title?: string | null;
  supplier?: string | null;
}

/** Thrown by `assessTiming` for malformed input; the message names every bad field and why. */
export class TimingInputError extends Error {
  constructor(details: string) {
    super(`Invalid timing input:\n${details}`);
    this.name = 'TimingInputError';
  }
}
