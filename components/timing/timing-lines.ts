import type { SavingsKind, TimingContractInput, TimingSavingsInput } from '@/lib/timing/schema';

/** A savings programme line as the card shows it: the engine's input plus the source's title. */
export interface TimingSavingsLine extends TimingSavingsInput {
  sourceTitle?: string | null;
}

/** A contract as the card shows it: the engine's input plus a link to its notice. */
export interface TimingContractLine extends TimingContractInput {
  url?: string | null;
}

export const KIND_LABELS: Record<SavingsKind, string> = {
  saving: 'Saving',
  restructure: 'Restructure',
  'service-review': 'Service review',
  investment: 'Investment',
};

/**
 * Only http(s) URLs become links: the card renders inside host pages, so a `javascript:` URL
 * typed into a savings line must never be clickable.
 */
export function webUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}
