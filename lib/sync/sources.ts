/**
 * The live APIs the sync reads: where they are, how a window's first page is asked for, how
 * fast they may be called and what their overload answers mean. Evidence: the requests recorded
 * in ../shared/data/SOURCES.md (Contracts Finder `…/OCDS/Search?publishedFrom=2025-01-20T23:00:00
 * &publishedTo=2025-01-23T23:00:00&limit=100`, `links.next` a full URL whose `cursor` is base64 of
 * `publishedFrom=…|publishedTo=…|limit=100|nextCursor=701017`) and tests/fixtures/ocds/
 * find-a-tender--api-documentation-sample.json (GET /api/1.0/ocdsReleasePackages).
 */

import { londonOffset, londonWallTime, londonWindowBounds } from './london-time';
import { monthParam } from './month-windows';
import type { Settings } from '@/lib/settings';
import { SYNC_SOURCES, type SyncSource } from './status';
import { PORTAL_LABELS } from '../ocds/portals';
export { SYNC_SOURCES, type SyncSource } from './status';

export interface SyncBases {
  contractsFinder: string;
  findATender: string;
  publicContractsScotland: string;
  sell2wales: string;
}

export const DEFAULT_BASES: SyncBases = {
  contractsFinder: 'https://www.contractsfinder.service.gov.uk',
  findATender: 'https://www.find-tender.service.gov.uk',
  publicContractsScotland: 'https://api.publiccontractsscotland.gov.uk',
  sell2wales: 'https://api.sell2wales.gov.wales',
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
  /** `month`: windows are London calendar months (month-windows.ts), for an API that lists a whole month. Default: `windowMs` spans. */
  window?: 'month';
  /**
   * For an API whose pages are not linked (no `links.next`): the window's page after `url`, or
   * undefined after its last. When set, `links.next` is not read.
   */
  nextPageUrl?(base: string, month: SyncWindow, url: string): string | undefined;
  /** A package without a `releases` key is an empty page (not a malformed answer). */
  emptyPackageWithoutReleases?: boolean;
  /** Pages per day of history before any is measured, for the backfill's time-left estimate. */
  nominalPagesPerDay?: number;
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

/**
 * Public Contracts Scotland and Sell2Wales run the same Proactis API (`GET /v1/Notices`). Evidence:
 * the API's own page (https://api.publiccontractsscotland.gov.uk, "Fetch list of Contract Notices
 * for the month of April, 2019 and return in OCDS format: /v1/Notices?dateFrom=04-2019&noticeType=2
 * &outputType=0") and kingfisher-collect's `ProactisBase` with its `united_kingdom_scotland` and
 * `united_kingdom_wales` spiders (open-contracting/kingfisher-collect, commit bb7f5bd, 2026-07).
 * - `dateFrom=MM-YYYY`: a month; without it the API answers the current month. There is no day,
 *   no `dateTo` and no paging: one answer holds the whole month of one notice type, so a month is
 *   one window and each notice type one "page" of it (kingfisher-collect asks month × type, and
 *   reads no `links.next`).
 * - `outputType=0`: OCDS (a release package); `1` is the portal's TED/custom format.
 * - `noticeType`: required per request; the numbers are the API page's table (17 OJEU/FTS forms,
 *   1–25) plus each portal's own site notices (PCS 101–104, Sell2Wales 51–56), the same lists
 *   kingfisher-collect requests.
 * - An empty month (or type) is "a release package with no releases array" (kingfisher-collect
 *   commit 42a6feb4 logs it at info level, as normal), not an error.
 * - Rate limit: none is documented on the API page or in kingfisher-collect (which uses Scrapy's
 *   defaults and handles 429 separately from its retried 500/502/503/504/408), so we keep to one
 *   request every 5 s, obey Retry-After on 429 and 503, and wait a minute on a 429 without it.
 * The month being read is re-read on later runs until it closes (month-windows.ts).
 */
const PROACTIS_PATH = '/v1/Notices';
const OJEU_NOTICE_TYPES = [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25] as const;

function proactisApi(id: SyncSource, siteNoticeTypes: readonly number[]): SourceApi {
  const types = [...OJEU_NOTICE_TYPES, ...siteNoticeTypes];
  const url = (base: string, month: SyncWindow, type: number) =>
    `${joinBase(base, PROACTIS_PATH)}?dateFrom=${monthParam(Date.parse(month.from))}&outputType=0&noticeType=${type}`;
  return {
    id,
    label: PORTAL_LABELS[id],
    path: PROACTIS_PATH,
    windowMs: 31 * DAY,
    minIntervalMs: 5_000,
    window: 'month',
    firstPageUrl: (base, month) => url(base, month, types[0]!),
    nextPageUrl: (base, month, current) => {
      const at = types.indexOf(Number(new URL(current).searchParams.get('noticeType')));
      return at < 0 || at + 1 >= types.length ? undefined : url(base, month, types[at + 1]!);
    },
    emptyPackageWithoutReleases: true,
    // One request per notice type per month.
    nominalPagesPerDay: types.length / (365.25 / 12),
    throttleWait: (status, retryAfterMs) => {
      if (status === 429) return retryAfterMs ?? MINUTE;
      if (status === 503 && retryAfterMs !== undefined) return retryAfterMs;
      return undefined;
    },
  };
}

/** Public Contracts Scotland: site notices 101 prior information, 102 contract, 103 award, 104 quick quote award. */
export const PUBLIC_CONTRACTS_SCOTLAND = proactisApi('public-contracts-scotland', [101, 102, 103, 104]);
/** Sell2Wales: site notices 51 invitation to tender, 52 prior information, 53 award, 54–56 sub-contract notices. */
export const SELL2WALES = proactisApi('sell2wales', [51, 52, 53, 54, 55, 56]);

export const SOURCE_APIS: Record<SyncSource, SourceApi> = {
  'contracts-finder': CONTRACTS_FINDER,
  'find-a-tender': FIND_A_TENDER,
  'public-contracts-scotland': PUBLIC_CONTRACTS_SCOTLAND,
  sell2wales: SELL2WALES,
};

const BASE_KEYS: Record<SyncSource, keyof SyncBases> = {
  'contracts-finder': 'contractsFinder',
  'find-a-tender': 'findATender',
  'public-contracts-scotland': 'publicContractsScotland',
  sell2wales: 'sell2wales',
};

export function baseFor(source: SyncSource, bases: SyncBases): string {
  return bases[BASE_KEYS[source]];
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

/** The sources the user has not switched off (options: a switch per devolved portal), in sync order. */
export function enabledSources(settings: Pick<Settings, 'syncPublicContractsScotland' | 'syncSell2Wales'>): SyncSource[] {
  return SYNC_SOURCES.filter(
    (source) => (source !== 'public-contracts-scotland' || settings.syncPublicContractsScotland) && (source !== 'sell2wales' || settings.syncSell2Wales),
  );
}

/**
 * The sources the dataset tools (`npm run data:fetch`, the snapshot builder) read by default: the
 * APIs paged by time. Their fixed-span windows do not fit the month-window portals (TODO
 * [2027-03-01]: month windows in lib/dataset/build-snapshot.ts windowEdge, then drop this).
 */
export const TIME_WINDOW_SOURCES: readonly SyncSource[] = SYNC_SOURCES.filter((source) => SOURCE_APIS[source].window === undefined);
