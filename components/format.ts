import type { CouncilCard, CouncilMatch, CouncilRef } from '@/lib/councils/card';

// Pure formatting for the views: no browser APIs, so these also run in Node and in tests.

/**
 * A value made on first use. The first Intl formatter a script creates loads the locale data
 * (about 30 ms on LinkedIn's main thread, tests/bench/linkedin-main-thread.bench.ts), and the
 * LinkedIn content script bundles these views for its optional in-page card: so no formatter is
 * made before a card is drawn.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const wholeNumber = onFirstUse(() => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }));
const oneDecimal = onFirstUse(() => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }));
// ISO dates are calendar dates; format them in UTC so the reader's time zone cannot shift the day.
const longDate = onFirstUse(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** A head count as people read it: 812000 -> "812,000". */
export function formatPopulation(population: number): string {
  return wholeNumber().format(Math.round(population));
}

/** An area in km², whole numbers except for the smallest councils (City of London is 2.9 km²). */
export function formatArea(areaKm2: number): string {
  return `${(areaKm2 < 10 ? oneDecimal : wholeNumber)().format(areaKm2)} km²`;
}

/** "2023-04-01" -> "1 April 2023"; null for anything that is not an ISO calendar date. */
export function formatDate(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(time) ? null : longDate().format(time);
}

/** Today in the reader's time zone, YYYY-MM-DD: one definition with the background's. */
export { localDate } from '@/lib/ocds/dates';

/** A thrown value as text for the reader: an Error's message, anything else as a string. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** "1 item", "3 items". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Yorkshire and The Humber, England"; just "Wales" where the register's region is the nation. */
export function formatPlace(card: Pick<CouncilCard, 'nation' | 'region'>): string {
  const region = card.region.trim();
  return region && region !== card.nation ? `${region}, ${card.nation}` : card.nation;
}

/**
 * The parent county as the card names it. A full name ("Kent County Council") reads as is; a
 * short one ("Kent") gets "(county council)" so it is not mistaken for the place.
 */
export function formatCounty(ref: CouncilRef): string {
  return /\bcouncil\b/i.test(ref.name) ? ref.name : `${ref.name} (county council)`;
}

/** The combined authority as the card names it: "West Yorkshire" -> "West Yorkshire Combined Authority". */
export function formatCombinedAuthority(ref: CouncilRef): string {
  return /\bauthority\b/i.test(ref.name) ? ref.name : `${ref.name} Combined Authority`;
}

/**
 * The homepage as a link the card can show: only http(s) URLs (the card renders inside host
 * pages, so a `javascript:` URL must never become a link), labelled with the bare host name.
 */
export function homepageLink(card: Pick<CouncilCard, 'homepage' | 'domain'>): { href: string; label: string } | null {
  if (!card.homepage) return null;
  let url: URL;
  try {
    url = new URL(card.homepage);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return { href: url.href, label: card.domain ?? url.hostname.replace(/^www\./, '') };
}

/** Where on the page the council was named, finishing "Found as “…” …". */
export const matchSourceLabels: Record<CouncilMatch['source'], string> = {
  employer: 'in the current job',
  experience: 'in the experience section',
  company: 'on the company page',
  buyer: 'as the notice’s buyer',
  text: 'in the page text',
};
