import { ENDING_WITHIN_MONTHS } from '@/entrypoints/background/handlers/council-procurement';
import type { ServiceGroupId } from '@/lib/ocds/cpv-service-groups';
import type { Notice, Stage, TenderStatus } from '@/lib/ocds/notice';
import { addMonths } from '@/lib/ocds/summary';
import { rng } from './rng';

/**
 * Notices crowded onto a few dates around each of {@link TODAYS}, for checking the card's
 * procurement answer against tests/support/procurement-reference.ts: ties on a date (broken by
 * title, then ocid), identical titles, deadline == today, end == today, end == horizon, and one
 * day either side of each.
 */

export const TODAYS = ['2026-11-22', '2026-12-31', '2027-02-28', '2028-02-29'];
export const COUNCILS = ['LDS', 'KEN', 'BRD'];
export const GROUPS: ServiceGroupId[] = ['adult-social-care', 'waste', 'housing', 'digital-ict'];
const STAGES: Stage[] = ['planning', 'tender', 'tender', 'tender', 'award', 'contract'];
const STATUSES: (TenderStatus | undefined)[] = [undefined, 'active', 'active', 'planned', 'cancelled', 'complete', 'unsuccessful', 'withdrawn'];
const TITLES = ['Home care', 'home care', 'Road resurfacing', 'Ćafé services', 'Cafe services', 'Bins', 'ICT support', 'Zebra crossing'];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Dates each row may take: every boundary of every `today`, a few in between, and beyond. */
const DATES = [
  ...new Set(
    TODAYS.flatMap((today) => {
      const horizon = addMonths(today, ENDING_WITHIN_MONTHS);
      return [addDays(today, -1), today, addDays(today, 1), addDays(today, 30), addDays(horizon, -1), horizon, addDays(horizon, 1)];
    }),
  ),
  '9999-12-31',
];

/** `count` notices; the same ones for the same seed. */
export function generatedNotices(count: number, seed: number): Notice[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = (p: number) => r() < p;
  // Date plus, sometimes, a time of day: rows keep the calendar day only.
  const when = () => `${pick(DATES)}${maybe(0.3) ? 'T16:30:00Z' : ''}`;
  return Array.from({ length: count }, (_, i) => {
    const groups = GROUPS.filter(() => maybe(0.35));
    const end = maybe(0.8) ? when() : undefined;
    const maxEnd = end && maybe(0.4) ? when() : undefined;
    const notice: Notice = {
      // Ocids out of generation order, so index order (ocid) is not insertion order.
      ocid: `ocds-test-${((i * 7919) % count).toString().padStart(4, '0')}`,
      source: 'contracts-finder',
      stage: pick(STAGES),
      title: pick(TITLES),
      description: '',
      buyer: { name: 'A council', councilCode: pick(COUNCILS) },
      cpv: [],
      serviceGroups: groups,
      publishedAt: '2026-01-01',
      updatedAt: '2026-01-01',
      suppliers: [],
      awards: [],
      regions: [],
      noticeUrl: `https://www.contractsfinder.service.gov.uk/Notice/${i}`,
      releaseIds: [],
    };
    const status = pick(STATUSES);
    if (status) notice.status = status;
    if (maybe(0.85)) notice.tenderDeadline = when();
    if (end) notice.contractPeriod = maxEnd ? { end, maxEnd } : { end };
    return notice;
  });
}

