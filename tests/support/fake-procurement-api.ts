/**
 * A fake Contracts Finder + Find a Tender API: a real HTTP(S) server on 127.0.0.1 (port 0) that
 * replays the REAL fixtures, pages them like the live APIs, and injects the faults the sync must
 * survive. Both APIs are served by one server, on their own paths.
 *
 * What it serves:
 * - Contracts Finder, `GET /Published/Notices/OCDS/Search?publishedFrom&publishedTo&stages&limit[&cursor]`:
 *   every release of ../shared/data/contracts_finder_*.json (two search responses and one array of
 *   releases, 300 releases, 276 ocids; ../shared/data/SOURCES.md §4), unchanged, in release packages
 *   whose header is the 2025-01-23 response's.
 * - Find a Tender, `GET /api/1.0/ocdsReleasePackages?updatedFrom&updatedTo&limit[&cursor]`: the one
 *   release of tests/fixtures/ocds/find-a-tender--api-documentation-sample.json (the API documentation's
 *   sample, buyer "Buyer name", dated 2020-12-08), plus every Contracts Finder release RE-PUBLISHED IN
 *   FIND A TENDER FORM. Real Find a Tender data is not in the fixtures, so these are made up from the
 *   Contracts Finder ones, changing only identifiers:
 *     - ocid `ocds-b5fd17-<uuid>` -> `ocds-h6vhtk-<6 hex digits>`, numbered 100000, 100001, … in the
 *       order of the Contracts Finder ocids sorted as text (the documented form `ocds-h6vhtk-hhhhhh`);
 *     - release id `<uuid>-<sequence>` -> `<last 6 digits of the sequence>-<year of the release date>`,
 *       e.g. `…-819950` dated 2025 -> `819950-2025` (the documented notice id form `nnnnnn-yyyy`);
 *     - document URLs `https://www.contractsfinder.service.gov.uk/Notice/<uuid>` -> the Find a Tender
 *       notice URL of the new release id. Everything else (buyer, parties with their GB-LAE ids,
 *       values, dates, tags) is the Contracts Finder release as published.
 *   So the Find a Tender feed has 301 releases, and its council notices are those of Contracts Finder
 *   under other ocids.
 *
 * Paging, like the recorded responses (../shared/data/SOURCES.md §4): releases newest first (the
 * 2025-01-23 response runs from 22:10 down to 14:59; ties by sequence), `limit` 1..100 further
 * capped by `pageSize` (default 100; tests use fewer so the fixtures span several pages),
 * `links.next` a full URL repeating the query plus an opaque `cursor` = base64 of
 * `publishedFrom=…|publishedTo=…|stages=…|limit=…|nextCursor=<position>` (the recorded cursor's
 * form; Find a Tender `updatedFrom=…|updatedTo=…|limit=…|nextCursor=…`); the last page has no
 * `links.next` (OCDS pagination extension). `publishedFrom/To` are inclusive and, without a zone,
 * UK local time; `updatedFrom/To` are inclusive and ALWAYS UK local time, a `Z` or offset ignored,
 * as the live Find a Tender reads them (SOURCES.md §7). Contracts Finder's `stages` keeps releases
 * with a tag of those stages; Find a Tender's keeps old-regime releases of the one stage without
 * update tags, and combined stages return none. A bad date, limit or cursor is a 400.
 *
 * Years of Find a Tender at the real volume: `streams` (fake-stream.ts, generated from the real
 * 2026 stream). The live rate limit: `rateLimit` (12 requests, then 429 `Retry-After: 120`).
 *
 * Faults are programmed per path with {@link FakeProcurementApi.inject}: an HTTP status with an
 * optional Retry-After (403, 429, 500, 503, …), a hanging response (for timeouts), a reset
 * connection, truncated JSON, the previous page served again, a `links.next` pointing back. Every
 * request is logged, stamped with the test's clock, so tests assert counts, spacing and order.
 */
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { sharedDir } from '@/lib/dataset/read-inputs';
import { fromLondonWallTime } from '@/lib/sync/london-time';
import type { FakeStream } from './fake-stream';
import { portalAnswer, portalOf, PORTAL_PATHS, type PortalPath } from './fake-portal-api';

export const CONTRACTS_FINDER_PATH = '/Published/Notices/OCDS/Search';
export const FIND_A_TENDER_PATH = '/api/1.0/ocdsReleasePackages';
/** Public Contracts Scotland and Sell2Wales: fake-portal-api.ts. */
export type ApiPath = PagedPath | PortalPath;
/** The paths paged with `links.next`. */
type PagedPath = typeof CONTRACTS_FINDER_PATH | typeof FIND_A_TENDER_PATH;
export type FakeSource = 'contracts-finder' | 'find-a-tender';

type Json = Record<string, unknown>;
export type Release = Json & { ocid: string; id: string; date: string };

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const FAT_SAMPLE = path.join(REPO_ROOT, 'tests/fixtures/ocds/find-a-tender--api-documentation-sample.json');

// ---- the data ------------------------------------------------------------------------------

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The Contracts Finder fixture files, by name (../shared/data/contracts_finder_*.json). */
function contractsFinderFixtureFiles(dir = path.join(sharedDir(), 'data')): string[] {
  return readdirSync(dir)
    .filter((name) => /^contracts_finder_.*\.json$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

function releasesOf(file: string): Release[] {
  const data = readJson(file);
  const list = Array.isArray(data) ? data : ((data as Json)['releases'] as unknown[]);
  return list as Release[];
}

let cfCache: { releases: Release[]; header: Json } | undefined;

function contractsFinderData(): { releases: Release[]; header: Json } {
  if (cfCache) return cfCache;
  const files = contractsFinderFixtureFiles();
  const releases = files.flatMap(releasesOf);
  const headerFile = files.find((file) => file.endsWith('2025-01-23.json')) ?? files[0]!;
  const { releases: _releases, links: _links, ...header } = readJson(headerFile) as Json;
  cfCache = { releases, header };
  return cfCache;
}

const CF_NOTICE_URL = /https:\/\/www\.contractsfinder\.service\.gov\.uk\/Notice\/[0-9a-f-]{36}/gi;

/** Contracts Finder releases re-published in Find a Tender form (see the first comment). */
function republished(releases: readonly Release[]): Release[] {
  const ocids = [...new Set(releases.map((r) => r.ocid))].sort();
  const fatOcid = new Map(ocids.map((ocid, i) => [ocid, `ocds-h6vhtk-${(0x100000 + i).toString(16)}`]));
  return releases.map((release) => {
    const sequence = /-(\d+)$/.exec(release.id)?.[1];
    if (!sequence) throw new Error(`fixture release ${release.id} has no sequence number`);
    const id = `${sequence.slice(-6).padStart(6, '0')}-${new Date(release.date).getUTCFullYear()}`;
    const text = JSON.stringify(release).replace(CF_NOTICE_URL, `https://www.find-tender.service.gov.uk/Notice/${id}`);
    return { ...(JSON.parse(text) as Release), ocid: fatOcid.get(release.ocid)!, id };
  });
}

let fatCache: { releases: Release[]; header: Json } | undefined;

function findATenderData(): { releases: Release[]; header: Json } {
  if (fatCache) return fatCache;
  const { _source, releases, ...header } = readJson(FAT_SAMPLE) as Json;
  fatCache = { releases: [...(releases as Release[]), ...republished(contractsFinderData().releases)], header };
  const ids = new Set(fatCache.releases.map((r) => r.id));
  if (ids.size !== fatCache.releases.length) throw new Error('Find a Tender release ids collide');
  return fatCache;
}

/** Every release the fake serves for a source, in the fixtures' order (deep copies). */
export function fixtureReleases(source: FakeSource): Release[] {
  const data = source === 'contracts-finder' ? contractsFinderData() : findATenderData();
  return structuredClone(data.releases);
}

/** The releases a source serves for an inclusive window of epoch ms (what a complete walk returns). */
export function fixtureReleasesBetween(source: FakeSource, from: number, to: number): Release[] {
  const data = source === 'contracts-finder' ? contractsFinderData() : findATenderData();
  return structuredClone(
    data.releases.filter((r) => {
      const at = Date.parse(r.date);
      return at >= from && at <= to;
    }),
  );
}

// ---- paging ---------------------------------------------------------------------------------

function sequenceOf(release: Release): number {
  const fat = /^(\d{6})-(\d{4})$/.exec(release.id);
  if (fat) return Number(fat[2]) * 1e6 + Number(fat[1]);
  return Number(/-(\d+)$/.exec(release.id)?.[1] ?? 0);
}

/** Newest first, as both APIs page (SOURCES.md: the 2025-01-23 response runs 22:10 down to 14:59). */
function newestFirst(a: Release, b: Release): number {
  return Date.parse(b.date) - Date.parse(a.date) || sequenceOf(b) - sequenceOf(a);
}

/** UK local time -> epoch ms (the live APIs read a time without a zone as UK local time). */
function fromLondon(naiveUtcMs: number): number {
  return fromLondonWallTime(new Date(naiveUtcMs).toISOString().slice(0, 19));
}

/**
 * A Find a Tender date parameter -> epoch ms, or NaN: like the live API, the time is read as
 * Europe/London wall time and a trailing `Z` or offset is IGNORED (../shared/data/SOURCES.md §7),
 * so a client that sends `2026-08-10T00:00:00Z` meaning UTC gets 23:00 UTC in summer.
 */
export function parseFindATenderDate(value: string): number {
  const text = value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return Number.NaN;
  return parseApiDate(text.replace(/(Z|[+-]\d{2}:?\d{2})$/i, ''));
}

/** A Contracts Finder date parameter -> epoch ms, or NaN. A `+` left unencoded in a query reads as a space. */
export function parseApiDate(value: string): number {
  const text = value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return Number.NaN;
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10) return Date.parse(text);
  const naive = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);
  return Number.isNaN(naive) ? naive : fromLondon(naive);
}

const TAG_STAGE: Record<string, string> = {
  planning: 'planning',
  planningUpdate: 'planning',
  tender: 'tender',
  tenderAmendment: 'tender',
  tenderUpdate: 'tender',
  tenderCancellation: 'tender',
  award: 'award',
  awardUpdate: 'award',
  awardCancellation: 'award',
  contract: 'implementation',
  contractUpdate: 'implementation',
  contractAmendment: 'implementation',
  implementation: 'implementation',
};

interface Query {
  from: string | undefined;
  to: string | undefined;
  stages: string | undefined;
  limit: number;
  position: number;
}

const PARAMS: Record<PagedPath, { from: string; to: string; stages: boolean; parse(value: string): number }> = {
  [CONTRACTS_FINDER_PATH]: { from: 'publishedFrom', to: 'publishedTo', stages: true, parse: parseApiDate },
  [FIND_A_TENDER_PATH]: { from: 'updatedFrom', to: 'updatedTo', stages: true, parse: parseFindATenderDate },
};

/** Tags Find a Tender's `stages=` never returns: the update family (SOURCES.md §7). */
const UPDATE_TAGS = /Update$|Amendment$|Cancellation$|Termination$/;

/**
 * Find a Tender's `stages=` as measured (SOURCES.md §7): one stage returns only old-regime (CELEX)
 * releases and no update-family tags; comma-combined stages return nothing
 * (fts_probe_stages-combo-empty.json).
 */
function findATenderStageFilter(stages: string): (release: Json) => boolean {
  if (stages.includes(',')) return () => false;
  return (release) => {
    const tender = release['tender'] as Json | undefined;
    const legal = tender?.['legalBasis'] as Json | undefined;
    if (legal?.['scheme'] === 'UKPGA') return false;
    const tags = Array.isArray(release['tag']) ? (release['tag'] as string[]) : [];
    return tags.length > 0 && tags.every((tag) => !UPDATE_TAGS.test(tag)) && tags.some((tag) => (TAG_STAGE[tag] ?? tag) === stages.trim());
  };
}

/** The query a page's `uri` and `links.next` repeat (without the cursor). */
function queryString(apiPath: PagedPath, query: Query): string {
  const p = PARAMS[apiPath];
  return [
    ...(query.from === undefined ? [] : [`${p.from}=${query.from}`]),
    ...(query.to === undefined ? [] : [`${p.to}=${query.to}`]),
    ...(query.stages === undefined ? [] : [`stages=${query.stages}`]),
    `limit=${query.limit}`,
  ].join('&');
}

function encodeCursor(apiPath: PagedPath, q: Query, position: number): string {
  const p = PARAMS[apiPath];
  const parts = [];
  if (q.from !== undefined) parts.push(`${p.from}=${q.from}`);
  if (q.to !== undefined) parts.push(`${p.to}=${q.to}`);
  if (q.stages !== undefined) parts.push(`stages=${q.stages}`);
  parts.push(`limit=${q.limit}`, `nextCursor=${position}`);
  return Buffer.from(parts.join('|')).toString('base64');
}

/** Reads a request's query (from its cursor when it has one), or a 400 message. */
function readQuery(apiPath: PagedPath, params: URLSearchParams): Query | string {
  const p = PARAMS[apiPath];
  const cursor = params.get('cursor');
  let source: Map<string, string> = new Map(params);
  let position = 0;
  if (cursor !== null) {
    const decoded = Buffer.from(cursor.replace(/ /g, '+'), 'base64').toString('utf8');
    source = new Map(decoded.split('|').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as [string, string]));
    position = Number(source.get('nextCursor'));
    if (!Number.isInteger(position) || position < 0) return `invalid cursor`;
  }
  const from = source.get(p.from);
  const to = source.get(p.to);
  for (const [name, value] of [[p.from, from], [p.to, to]] as const) {
    if (value !== undefined && Number.isNaN(p.parse(value))) return `'${name}' is not a valid date`;
  }
  const limit = Number(source.get('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return `'limit' must be between 1 and 100`;
  const stages = p.stages ? source.get('stages') : undefined;
  return { from, to, stages, limit, position };
}

function queryBounds(apiPath: PagedPath, q: Query): [number, number] {
  const { parse } = PARAMS[apiPath];
  return [q.from === undefined ? Number.NEGATIVE_INFINITY : parse(q.from), q.to === undefined ? Number.POSITIVE_INFINITY : parse(q.to)];
}

function selectReleases(apiPath: PagedPath, releases: readonly Release[], q: Query): Release[] {
  const [from, to] = queryBounds(apiPath, q);
  const stages = q.stages === undefined ? undefined : new Set(q.stages.split(',').map((s) => s.trim()));
  const fatStages = apiPath === FIND_A_TENDER_PATH && q.stages !== undefined ? findATenderStageFilter(q.stages) : undefined;
  return releases
    .filter((r) => {
      const at = Date.parse(r.date);
      if (!(at >= from && at <= to)) return false;
      if (fatStages) return fatStages(r);
      if (!stages) return true;
      const tags = Array.isArray(r['tag']) ? (r['tag'] as string[]) : [];
      return tags.some((tag) => stages.has(TAG_STAGE[tag] ?? tag));
    })
    .sort(newestFirst);
}

// ---- faults and the log ---------------------------------------------------------------------

export type Fault =
  /** An HTTP error answer, e.g. 403, 429 or 503 with `retryAfter` ("120" or an HTTP date), 500. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Headers never come: the client's timeout must end it. */
  | { kind: 'hang' }
  /** The connection is closed without an answer (a network error). */
  | { kind: 'reset' }
  /** The right page cut in half: `short-body` sends half with a matching length (invalid JSON); `cut-connection` announces the full length and closes early. */
  | { kind: 'truncate'; mode?: 'short-body' | 'cut-connection' }
  /**
   * The previous page served on this path is served again: as it was (its `links.next` points
   * here), or with `freshNext` its releases under this page's own, valid `links.next`.
   */
  | { kind: 'repeat-previous'; freshNext?: boolean }
  /** The right page, but `links.next` is this request's own URL. */
  | { kind: 'next-points-back' };

export interface FaultRule {
  path: ApiPath;
  fault: Fault;
  /** Matching requests let through before the fault starts (default 0). */
  skip?: number;
  /** How many matching requests get the fault (default 1; Infinity until cleared). */
  times?: number;
  /** Only requests this accepts count, e.g. `(url) => url.searchParams.has('cursor')`. */
  match?: (url: URL) => boolean;
}

export interface LoggedRequest {
  /** 1-based order of arrival over both paths. */
  n: number;
  /** The test's clock at arrival. */
  at: number;
  path: string;
  /** Path and query as received. */
  url: string;
  query: Record<string, string>;
  /** The decoded cursor, when the request had one. */
  cursor?: string;
  /** 0 when no answer was sent (hang, reset). */
  status: number;
  fault?: Fault['kind'];
  /** Releases in the page sent. */
  releases?: number;
}

export interface FakeApiOptions {
  /** Most releases per page whatever `limit` asks (default 100, the APIs' maximum). */
  pageSize?: number;
  /** Stamps the request log; pass the test's fake clock (default Date.now). */
  clock?: () => number;
  /** Origin written into `uri` and `links.next` (default: the server's own), e.g. the live host to test host swapping. */
  advertisedOrigin?: string;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Replace the served releases (default: the fixtures described above). */
  releases?: Partial<Record<FakeSource, Release[]>>;
  /**
   * Serve a generated stream instead (fake-stream.ts: years of Find a Tender at the real volume),
   * paged like the rest; `stages=` is not applied to it beyond the combined-stages empty answer.
   */
  streams?: Partial<Record<FakeSource, FakeStream>>;
  /**
   * Find a Tender's rate limit as the live API applies it (SOURCES.md §7, fts_probe_429-rate-limit.*):
   * more than `max` requests within `perMs` get 429 `Retry-After: <retryAfterSeconds>` and the
   * real text body. Default: none.
   */
  rateLimit?: { max: number; perMs: number; retryAfterSeconds: number };
  /**
   * Answers what is not an API path (the API hosts also serve the notice pages): the demo serves
   * the sample notice pages here, so one server behind both host names does both.
   */
  fallback?: (host: string, path: string) => { status?: number; type?: string; body: string } | null;
  /** Months (`MM-YYYY`) the two devolved portals answer empty (fake-portal-api.ts). */
  emptyPortalMonths?: readonly string[];
}

/** The live limit: 12 requests, then "Retry-After: 120" (../shared/data/find-a-tender-2026/fts_probe_429-rate-limit.*). */
export const FIND_A_TENDER_RATE_LIMIT = { max: 12, perMs: 120_000, retryAfterSeconds: 120 } as const;

export interface FakeProcurementApi {
  /** `http://127.0.0.1:<port>` (or https): the base for both APIs. */
  url: string;
  log: LoggedRequest[];
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** Log entries of one path. */
  requests(path: ApiPath): LoggedRequest[];
  stop(): Promise<void>;
}

/** Starts the fake on 127.0.0.1, on a free port. */
export async function startFakeProcurementApi(options: FakeApiOptions = {}): Promise<FakeProcurementApi> {
  const clock = options.clock ?? Date.now;
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const data: Record<PagedPath, { releases: Release[]; header: Json }> = {
    [CONTRACTS_FINDER_PATH]: { ...contractsFinderData(), ...(options.releases?.['contracts-finder'] ? { releases: options.releases['contracts-finder'] } : {}) },
    [FIND_A_TENDER_PATH]: { ...findATenderData(), ...(options.releases?.['find-a-tender'] ? { releases: options.releases['find-a-tender'] } : {}) },
  };
  const rules: (FaultRule & { skip: number; times: number })[] = [];
  const emptyPortalMonths = new Set(options.emptyPortalMonths ?? []);
  const log: LoggedRequest[] = [];
  const lastServed = new Map<string, string>();
  /** Find a Tender requests within the rate limit's period (clock times). */
  const recent: number[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  const takeFault = (apiPath: ApiPath, url: URL): Fault | undefined => {
    for (const rule of rules) {
      if (rule.path !== apiPath || rule.times <= 0 || (rule.match && !rule.match(url))) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        return undefined;
      }
      rule.times -= 1;
      return rule.fault;
    }
    return undefined;
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const entry: LoggedRequest = { n: log.length + 1, at: clock(), path: url.pathname, url: req.url ?? '', query: Object.fromEntries(url.searchParams), status: 0 };
    const cursor = url.searchParams.get('cursor');
    if (cursor !== null) entry.cursor = Buffer.from(cursor.replace(/ /g, '+'), 'base64').toString('utf8');
    log.push(entry);
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
      res.end(body);
    };
    const portal = portalOf(url.pathname, req.headers.host ?? '');
    // Logged under the portal's path whichever way it was named (a prefix, or the Host header).
    if (portal) entry.path = PORTAL_PATHS[portal];
    const requestPath = url.pathname === CONTRACTS_FINDER_PATH || url.pathname === FIND_A_TENDER_PATH ? (url.pathname as ApiPath) : portal ? PORTAL_PATHS[portal] : undefined;
    if (req.method !== 'GET' || !requestPath) {
      const page = req.method === 'GET' ? options.fallback?.((req.headers.host ?? '').replace(/:\d+$/, ''), req.url ?? '/') : null;
      if (page) {
        entry.status = page.status ?? 200;
        res.writeHead(entry.status, { 'content-type': page.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page.body);
        return;
      }
      send(404, JSON.stringify({ error: 'not found' }));
      return;
    }
    if (requestPath === FIND_A_TENDER_PATH && options.rateLimit) {
      const { max, perMs, retryAfterSeconds } = options.rateLimit;
      const now = clock();
      while (recent.length > 0 && recent[0]! <= now - perMs) recent.shift();
      if (recent.length >= max) {
        entry.fault = 'status';
        const body = `Rate limit of ${max} exceeded. Please retry after ${retryAfterSeconds} seconds.`;
        entry.status = 429;
        res.writeHead(429, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)), 'retry-after': String(retryAfterSeconds) });
        res.end(body);
        return;
      }
      recent.push(now);
    }
    const fault = takeFault(requestPath, url);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'status') {
      send(fault.status, JSON.stringify({ error: `fault ${fault.status}` }), fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter });
      return;
    }
    if (fault?.kind === 'hang') return; // the client's timeout closes the socket; stop() closes the rest
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (portal && fault?.kind !== 'truncate') {
      const answer = portalAnswer(portal, url.searchParams, origin, clock(), emptyPortalMonths);
      entry.releases = answer.releases;
      send(answer.status, answer.body);
      return;
    }
    if (portal) {
      send(200, portalAnswer(portal, url.searchParams, origin, clock(), emptyPortalMonths).body.slice(0, 40));
      return;
    }
    const apiPath = requestPath as PagedPath;
    if (fault?.kind === 'repeat-previous' && !fault.freshNext && lastServed.has(apiPath)) {
      const body = lastServed.get(apiPath)!;
      entry.releases = (JSON.parse(body) as { releases: unknown[] }).releases.length;
      send(200, body);
      return;
    }

    const query = readQuery(apiPath, url.searchParams);
    if (typeof query === 'string') {
      send(400, JSON.stringify({ error: query }));
      return;
    }
    const size = Math.min(query.limit, pageSize);
    const stream = options.streams?.[apiPath === CONTRACTS_FINDER_PATH ? 'contracts-finder' : 'find-a-tender'];
    if (stream) {
      serveStream(stream, apiPath, query, size, entry, send);
      return;
    }
    const { releases, header } = data[apiPath];
    const selected = selectReleases(apiPath, releases, query);
    const page = selected.slice(query.position, query.position + size);
    const end = query.position + page.length;
    const params = queryString(apiPath, query);
    const previous = fault?.kind === 'repeat-previous' && fault.freshNext ? lastServed.get(apiPath) : undefined;
    const served = previous === undefined ? page : (JSON.parse(previous) as { releases: Release[] }).releases;
    const pkg: Json = { ...header, uri: `${origin}${apiPath}?${params}`, releases: served };
    if (end < selected.length) pkg['links'] = { next: `${origin}${apiPath}?${params}&cursor=${encodeURIComponent(encodeCursor(apiPath, query, end))}` };
    if (fault?.kind === 'next-points-back') pkg['links'] = { next: `${origin}${req.url}` };
    const body = JSON.stringify(pkg);
    entry.releases = served.length;
    if (fault?.kind === 'truncate') {
      const cut = body.slice(0, Math.floor(body.length / 2));
      entry.status = 200;
      if (fault.mode === 'cut-connection') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
        res.write(cut, () => req.socket.destroy());
      } else {
        send(200, cut);
      }
      return;
    }
    if (previous === undefined) lastServed.set(apiPath, body);
    send(200, body);
  };

  /** Windows of a generated stream already selected, for their next pages (a few kept). */
  const streamWindows = new Map<string, ReturnType<FakeStream['between']>>();
  function serveStream(stream: FakeStream, apiPath: PagedPath, query: Query, size: number, entry: LoggedRequest, send: (status: number, body: string) => void): void {
    const key = `${apiPath}|${query.from}|${query.to}|${query.stages}`;
    let selected = streamWindows.get(key);
    if (!selected) {
      const [from, to] = queryBounds(apiPath, query);
      selected = query.stages?.includes(',') ? [] : stream.between(from, to);
      streamWindows.set(key, selected);
      if (streamWindows.size > 4) streamWindows.delete(streamWindows.keys().next().value!);
    }
    const page = selected.slice(query.position, query.position + size);
    const end = query.position + page.length;
    const params = queryString(apiPath, query);
    const head = JSON.stringify({ ...stream.header, uri: `${origin}${apiPath}?${params}` });
    const links = end < selected.length ? `,"links":${JSON.stringify({ next: `${origin}${apiPath}?${params}&cursor=${encodeURIComponent(encodeCursor(apiPath, query, end))}` })}` : '';
    const body = `${head.slice(0, -1)},"releases":[${page.map((r) => r.text).join(',')}]${links}}`;
    entry.releases = page.length;
    send(200, body);
  }

  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  // Every socket, TCP and (with `tls`) TLS, so stop() can end hanging requests.
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  server.on('secureConnection', track);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  origin = options.advertisedOrigin ?? url;

  return {
    url,
    log,
    inject: (rule) => {
      rules.push({ skip: 0, times: 1, ...rule });
    },
    clearFaults: () => {
      rules.length = 0;
    },
    requests: (apiPath) => log.filter((entry) => entry.path === apiPath),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
