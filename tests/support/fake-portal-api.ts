/**
 * The Public Contracts Scotland and Sell2Wales side of the fake procurement API
 * (fake-procurement-api.ts serves it): `GET /v1/Notices?dateFrom=MM-YYYY&outputType=0&noticeType=N`,
 * as lib/sync/sources.ts documents the live API: one answer per month and notice type, no paging,
 * an empty month or type answered with a package that has no `releases`.
 *
 * The data: the REAL releases of ../shared/data/pcs_scotland_ocds_releases_2019.json (90, PCS) and
 * ../shared/data/sell2wales_ocds_releases_2025.json (90, Sell2Wales), all contract notices, served
 * again in EVERY month asked for (a portal publishes from the same buyers month after month),
 * changed only so:
 * - re-dated into the month: every ISO date of the release moves by the whole days that bring its
 *   `date` to the same day of the requested month (the last day for a shorter month), so its
 *   deadline and contract dates keep their distance; a release that would be dated after the test's
 *   clock is not served yet (the month is still open);
 * - one process per month: the ocid's number gets the month's index (months since 2000) times 10^6
 *   added (`ocds-r6ebe6-0000581860` -> `ocds-r6ebe6-0<month>581860`), everywhere in the release;
 * - the notice type: a release that is `coveredBy` the GPA is above the threshold, so an OJEU/FTS
 *   contract notice (type 2); the others the portal's own site contract notice (PCS 102, Sell2Wales 51).
 * The package header (uri, version, publisher) is written here: the real files hold releases only.
 * Hosts: `/public-contracts-scotland/v1/Notices` and `/sell2wales/v1/Notices` on the fake's own
 * address (tests pass those as bases), or `/v1/Notices` named by the Host header (the real-browser
 * tests map both API hosts to the fake).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '@/lib/dataset/read-inputs';
import { fromLondonWallTime, londonWallTime } from '@/lib/sync/london-time';
import { nextMonthStart } from '@/lib/sync/month-windows';
import { daysBetween, shiftReleases } from './time-shift';

export type FakePortal = 'public-contracts-scotland' | 'sell2wales';
export const PORTAL_PATHS = { 'public-contracts-scotland': '/public-contracts-scotland/v1/Notices', sell2wales: '/sell2wales/v1/Notices' } as const;
export type PortalPath = (typeof PORTAL_PATHS)[FakePortal];

type Json = Record<string, unknown>;
type Release = Json & { ocid: string; date: string };

const FILES: Record<FakePortal, string> = {
  'public-contracts-scotland': 'pcs_scotland_ocds_releases_2019.json',
  sell2wales: 'sell2wales_ocds_releases_2025.json',
};
const SITE_CONTRACT_NOTICE: Record<FakePortal, number> = { 'public-contracts-scotland': 102, sell2wales: 51 };
const PUBLISHER: Record<FakePortal, string> = { 'public-contracts-scotland': 'Public Contracts Scotland', sell2wales: 'Sell2Wales' };

const cache = new Map<FakePortal, Release[]>();
function realReleases(portal: FakePortal): Release[] {
  let releases = cache.get(portal);
  if (!releases) {
    releases = JSON.parse(readFileSync(path.join(sharedDir(), 'data', FILES[portal]), 'utf8')) as Release[];
    cache.set(portal, releases);
  }
  return releases;
}

/** The portal a request is for, from its path or (for `/v1/Notices`) its Host header. */
export function portalOf(pathname: string, host: string): FakePortal | undefined {
  if (pathname === PORTAL_PATHS['public-contracts-scotland']) return 'public-contracts-scotland';
  if (pathname === PORTAL_PATHS.sell2wales) return 'sell2wales';
  if (pathname !== '/v1/Notices') return undefined;
  if (/publiccontractsscotland/i.test(host)) return 'public-contracts-scotland';
  if (/sell2wales/i.test(host)) return 'sell2wales';
  return undefined;
}

/** The notice type the fake files a real release under (see the first comment). */
export function noticeTypeOf(portal: FakePortal, release: Json): number {
  const tender = release['tender'] as Json | undefined;
  return Array.isArray(tender?.['coveredBy']) && (tender['coveredBy'] as unknown[]).includes('GPA') ? 2 : SITE_CONTRACT_NOTICE[portal];
}

/** Months since January 2000 of the London month starting at `start`. */
function monthIndex(start: number): number {
  const wall = londonWallTime(start);
  return (Number(wall.slice(0, 4)) - 2000) * 12 + Number(wall.slice(5, 7)) - 1;
}

/**
 * What the portal lists for the London month starting at `start` (epoch ms), every notice type,
 * as of `now`: the real releases re-dated and re-numbered as the first comment says.
 */
export function portalMonthReleases(portal: FakePortal, start: number, now: number): Release[] {
  const key = `${portal}|${start}`;
  let month = monthCache.get(key);
  if (!month) {
    month = redatedMonth(portal, start);
    monthCache.set(key, month);
  }
  return structuredClone(month.filter((release) => Date.parse(release.date) <= now));
}

const monthCache = new Map<string, Release[]>();

function redatedMonth(portal: FakePortal, start: number): Release[] {
  const end = nextMonthStart(start);
  const month = londonWallTime(start).slice(0, 7);
  const lastDay = Number(londonWallTime(end - 1000).slice(8, 10));
  const offset = monthIndex(start) * 1_000_000;
  const out: Release[] = [];
  for (const release of realReleases(portal)) {
    const day = Math.min(Number(release.date.slice(8, 10)), lastDay);
    const [shifted] = shiftReleases([release], daysBetween(Date.parse(`${release.date.slice(0, 10)}T00:00:00Z`), Date.parse(`${month}-${String(day).padStart(2, '0')}T00:00:00Z`)));
    const [prefix, number] = /^(ocds-[a-z0-9]+-)(\d+)$/.exec(release.ocid)!.slice(1) as [string, string];
    const ocid = `${prefix}${String(Number(number) + offset).padStart(number.length, '0')}`;
    // The number stands alone in ids and notice links too (`ocds-kuma6s-148440-release-148440`, `?ID=148440`).
    const text = JSON.stringify(shifted).replaceAll(release.ocid, ocid).replace(new RegExp(`\\b${Number(number)}\\b`, 'g'), String(Number(number) + offset));
    out.push(JSON.parse(text) as Release);
  }
  return out;
}

/** A `dateFrom` value -> the London month's start, or NaN. Without one, the current month (the API page's Example 2). */
export function parseMonthParam(value: string | null, now: number): number {
  if (value === null) return fromLondonWallTime(`${londonWallTime(now).slice(0, 7)}-01T00:00:00`);
  const m = /^(\d{2})-(\d{4})$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return Number.NaN;
  return fromLondonWallTime(`${m[2]}-${m[1]}-01T00:00:00`);
}

export interface PortalAnswer {
  status: number;
  body: string;
  releases: number;
}

/**
 * The answer to one `/v1/Notices` request. `emptyMonths` (`MM-YYYY`) are served empty; a month or
 * type without releases is a package without a `releases` key, as the live API answers it.
 */
export function portalAnswer(portal: FakePortal, params: URLSearchParams, origin: string, now: number, emptyMonths: ReadonlySet<string>): PortalAnswer {
  const start = parseMonthParam(params.get('dateFrom'), now);
  const type = Number(params.get('noticeType'));
  if (Number.isNaN(start) || !Number.isInteger(type) || params.get('outputType') !== '0') {
    return { status: 400, body: JSON.stringify({ error: 'dateFrom must be MM-YYYY, noticeType a number and outputType 0 (OCDS)' }), releases: 0 };
  }
  const key = `${londonWallTime(start).slice(5, 7)}-${londonWallTime(start).slice(0, 4)}`;
  const releases = emptyMonths.has(key) || start > now ? [] : portalMonthReleases(portal, start, now).filter((r) => noticeTypeOf(portal, r) === type);
  const header: Json = {
    uri: `${origin}/v1/Notices?${params.toString()}`,
    version: '1.1',
    publishedDate: new Date(now).toISOString(),
    publisher: { name: PUBLISHER[portal] },
  };
  return { status: 200, body: JSON.stringify(releases.length === 0 ? header : { ...header, releases }), releases: releases.length };
}
