/**
 * The two live APIs the sync reads: where they are, how a window's first page is asked for, how
 * fast they may be called and what their overload answers mean. Evidence: the requests recorded
 * in ../shared/data/SOURCES.md (Contracts Finder `…/OCDS/Search?publishedFrom=2025-01-20T23:00:00
 * &publishedTo=2025-01-23T23:00:00&limit=100`, `links.next` a full URL whose `cursor` is base64 of
 * `publishedFrom=…|publishedTo=…|limit=100|nextCursor=701017`) and tests/fixtures/ocds/
 * find-a-tender--api-documentation-sample.json (GET /api/1.0/ocdsReleasePackages).
 */

import { londonOffset, londonWallTime, londonWindowBounds } from './london-time';
import type { SyncSource } from './status';
import { PORTAL_LABELS } from '../ocds/portals';
export { SYNC_SOURCES, type SyncSource } from './status';

export interface SyncBases {
  contractsFinder: string;
  findATender: string;
}

export const DEFAULT_BASES: SyncBases = {
  contractsFinder: 'https://www.contractsfinder.service.gov.uk',
  findATender: 'https://www.find-tender.service.gov.uk',
};

export interface SyncWindow {
  /** ISO instant, whole seconds, UTC (`2025-01-20T00:00:00Z`). */
  from: string;
  to: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What the walker needs to know about one API. */
export interface SourceApi {
  id: SyncSource;
  /** For messages and the options page. */
  label: string;
  /** The search path; `links.next` must stay on it. */
  path: string;
  /** Longest window asked for at once, so paging stays short and every release comes back. */
  windowMs: number;
  /** Least time between two requests to this API. */
  minIntervalMs: number;
  /**
   * The first page of a window. Both APIs read a time without a zone as UK local time, and Find a
   * Tender ignores a zone it is given (a `Z` reads an hour off in summer): see each API below.
   */
  firstPageUrl(base: string, window: SyncWindow): string;
  /**
   * How long to wait before asking for the same page again when the API says it is overloaded, or
   * undefined when `status` is not an overload answer of this API.
   */
  throttleWait(status: number, retryAfterMs: number | undefined): number | undefined;
}

function joinBase(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/**
 * Contracts Finder: "too many requests" is a 403 and a 5-minute wait in its API documentation;
 * lately it answers 429 instead. Either way: 5 minutes, longer if Retry-After says so.
 */
const CONTRACTS_FINDER_PATH = '/Published/Notices/OCDS/Search';
export const CONTRACTS_FINDER: SourceApi = {
  id: 'contracts-finder',
  label: PORTAL_LABELS['contracts-finder'],
  path: CONTRACTS_FINDER_PATH,
  windowMs: 3 * DAY,
  minIntervalMs: 0,
  // London wall time WITH London's offset (`2022-10-20T09:43:52+01:00`, the form Contracts Finder
  // itself writes in its `uri` and cursors: ../shared/data/contracts_finder_ocds_search_2022-10-20.json),
  // so the bound is the same instant whether the offset is honoured or the time read as UK local.
  // `+` is sent as %2B: unencoded it reads as a space.
  firstPageUrl: (base, { from, to }) =>
    `${joinBase(base, CONTRACTS_FINDER_PATH)}?publishedFrom=${ukTime(Date.parse(from))}&publishedTo=${ukTime(Date.parse(to))}&stages=planning,tender,award&limit=100`,
  throttleWait: (status, retryAfterMs) => (status === 403 || status === 429 ? Math.max(5 * MINUTE, retryAfterMs ?? 0) : undefined),
};

/**
 * Find a Tender: about 12 requests per 2 minutes, so one every 10 seconds; 429 and 503 come with
 * Retry-After, which is obeyed. A 429 without it waits out the 2-minute budget; a 503 without it is
 * an ordinary server error (backoff).
 */
const FIND_A_TENDER_PATH = '/api/1.0/ocdsReleasePackages';
export const FIND_A_TENDER: SourceApi = {
  id: 'find-a-tender',
  label: PORTAL_LABELS['find-a-tender'],
  path: FIND_A_TENDER_PATH,
  windowMs: 3 * DAY,
  minIntervalMs: 10_000,
  // London wall times without a zone (a `Z` is ignored: SOURCES.md §7), widened over the repeated
  // October hour (london-time.ts). No `stages=`: it drops Procurement Act updates, and combined
  // stages return nothing (../shared/data/find-a-tender-2026/fts_probe_stages-combo-empty.json).
  firstPageUrl: (base, bounds) => {
    const { from, to } = londonWindowBounds(Date.parse(bounds.from), Date.parse(bounds.to));
    return `${joinBase(base, FIND_A_TENDER_PATH)}?updatedFrom=${from}&updatedTo=${to}&limit=100`;
  },
  throttleWait: (status, retryAfterMs) => {
    if (status === 429) return retryAfterMs ?? 2 * MINUTE;
    if (status === 503 && retryAfterMs !== undefined) return retryAfterMs;
    return undefined;
  },
};

export const SOURCE_APIS: Record<SyncSource, SourceApi> = {
  'contracts-finder': CONTRACTS_FINDER,
  'find-a-tender': FIND_A_TENDER,
};

export function baseFor(source: SyncSource, bases: SyncBases): string {
  return source === 'contracts-finder' ? bases.contractsFinder : bases.findATender;
}

/** An instant in Contracts Finder's form: London wall time and offset, `+` encoded (`2025-07-01T01:00:00%2B01:00`). */
function ukTime(ms: number): string {
  return `${londonWallTime(ms)}${londonOffset(ms).replace('+', '%2B')}`;
}

/** An instant as windows and cursors keep it: UTC, whole seconds, `Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * `links.next` as we follow it: as given, except that a link to another host is moved to our
 * base (the portals write their public host; tests and proxies use another), and a link off the
 * API's search path is refused (null) so a bad page cannot send us elsewhere.
 */
export function resolveNextUrl(next: string, base: string, api: SourceApi): string | null {
  let url: URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(base);
    url = new URL(next, baseUrl);
  } catch {
    return null;
  }
  const queryAt = next.indexOf('?');
  if (!url.pathname.endsWith(api.path) || queryAt < 0) return null;
  // The query string byte for byte: Contracts Finder writes `+01:00` unencoded in it.
  const query = next.slice(queryAt).replace(/#.*$/, '');
  return `${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')}${api.path}${query}`;
}
