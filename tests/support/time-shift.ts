/**
 * Moves the real fixtures forward in time, so notices published in January 2025 read as published
 * this week and their tenders are open again: every ISO date in a release (`2025-01-23`,
 * `2025-01-23T22:10:05Z`, `2025-02-26T12:00:00+00:00`) gets `days` added to its date part, its time
 * and zone kept. Nothing else in the release changes.
 */
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?=T\d{2}:\d{2}|\b)/g;

export function shiftDate(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function shiftReleases<T>(releases: readonly T[], days: number): T[] {
  return releases.map((release) => JSON.parse(JSON.stringify(release).replace(ISO_DATE, (whole) => shiftDate(whole, days))) as T);
}

/** Whole days from `from` to `to` (epoch ms), rounded down. */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / 86_400_000);
}
