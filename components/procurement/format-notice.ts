import type { NoticeSummary } from '@/lib/ocds/summary';
import { onFirstUse } from '@/components/format';
import { PORTAL_LABELS } from '@/lib/ocds/portals';

// Made on first use: see onFirstUse.
const gbp = onFirstUse(() => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }));

/**
 * A contract value as people quote it: "£372,032", "£1.2m", "£19m"; another currency keeps its code.
 */
export function formatMoney(value: { amount: number; currency: string }): string {
  const { amount, currency } = value;
  if (currency !== 'GBP') return `${currency} ${Math.round(amount).toLocaleString('en-GB')}`;
  if (amount >= 10_000_000) return `£${Math.round(amount / 1_000_000)}m`;
  if (amount >= 1_000_000) return `£${(Math.round(amount / 100_000) / 10).toString()}m`;
  return gbp().format(amount);
}

const monthYear = onFirstUse(() => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** `2027-03-15` -> "March 2027": when a tender is expected, a month is as exact as it gets. */
export function formatMonth(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return monthYear().format(Date.UTC(y, m - 1, 1));
}

/** "closes today", "1 day left", "12 days left". */
export function formatDaysLeft(days: number): string {
  if (days <= 0) return 'closes today';
  return days === 1 ? '1 day left' : `${days} days left`;
}

export function sourceLabel(source: NoticeSummary['source']): string {
  return PORTAL_LABELS[source];
}
