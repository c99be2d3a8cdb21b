/**
 * The procurement portals, one row each (the one portal registry, issue 13): everything else that names a portal derives from this
 * list (the notice source enums, the workspace's site keys, the sync and card labels, the notice
 * content script's `matches`, the background's notice-tab patterns, the host permissions, the
 * OCDS ocid and URL rules of lib/ocds/portals.ts). Adding a portal costs a row here, its page
 * adapter (lib/sites/<portal>-notice.ts), a fixture and a test; tests/lib/sites/registry.test.ts
 * checks that nothing is missing.
 *
 * Pure data and pure functions: no imports, so every layer (lib/ocds, lib/sync, lib/workspace,
 * components, entrypoints, wxt.config.ts) can read it without an import cycle.
 *
 * Append new rows at the end and never reorder or re-letter: a row's position and `ocidLetter`
 * are written into every cached notice (./packed-row.ts, ./compact-keys.ts).
 */

export interface NoticeUrlInput {
  ocid: string;
  releaseId: string | undefined;
  /** URLs of the release's planning, tender, award and contract documents, in that order. */
  documentUrls: readonly string[];
}

/** The human notice pages of a portal: what the content script runs on and how a page names its notice. */
export interface NoticePages {
  /** Match patterns for the manifest (content script `matches`, host permissions). https only: every portal serves its pages over https. */
  matches: readonly string[];
  /** The notice id in a notice page's address, or null when the address is no notice page of the portal. */
  pageId(url: URL): string | null;
  /**
   * Whether the cache's `pageId` index keys this portal's rows ({@link noticePageIdOf}): true for
   * pages that show no OCID (Contracts Finder), so the page finds its cached notice by address.
   */
  indexed: boolean;
}

/** Where a portal's notices come from: a sync source of lib/sync, or why not (yet). */
export type PortalSync = { source: string } | { notYet: string; reason: string };

export interface Portal {
  id: string;
  /** As the card, the panel and the options page name it. */
  label: string;
  /** The https origin of the portal's human pages. */
  origin: string;
  /** Hosts whose addresses belong to the portal (its pages, its API): how a package `uri` or document URL is placed. */
  hosts: readonly string[];
  /** OCDS ocid prefix, lower case. */
  ocidPrefix: string;
  /** One letter for the prefix in stored primary keys (./compact-keys.ts); never changes. */
  ocidLetter: string;
  /** The human page of a release's notice, https, or undefined when the release gives no way to it. */
  noticeUrl(input: NoticeUrlInput): string | undefined;
  /** When `noticeUrl` is always `pageBase + pageId`, cached rows leave the URL out (./packed-row.ts). */
  pageBase?: string;
  /** Null while the portal has no notice-page adapter. */
  noticePages: NoticePages | null;
  sync: PortalSync;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Contracts Finder release id: the notice's uuid, a hyphen and a sequence number. */
const CF_RELEASE_ID = new RegExp(`^(${UUID})-\\d+$`, 'i');
const CF_NOTICE_URL = new RegExp(`^https?://(?:www\\.)?contractsfinder\\.service\\.gov\\.uk/Notice/(${UUID})$`, 'i');
/** Find a Tender notice ids are `nnnnnn-yyyy` (API documentation: "Notice IDs are in the form nnnnnn-yyyy"). */
const FTS_NOTICE_ID = /^\d{6}-\d{4}$/;
const FTS_NOTICE_URL = /^https?:\/\/(?:www\.)?find-tender\.service\.gov\.uk\/Notice\/(\d{6}-\d{4})$/i;

function firstCapture(urls: readonly string[], pattern: RegExp): string | undefined {
  for (const url of urls) {
    const match = pattern.exec(url);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * `/Notice/<id>` on one of `hosts`, the id matching `id` (lower-cased), read leniently (http or
 * https, any case of `/notice/`, as stored document URLs vary); sub-paths (`/Notice/Attachment/…`,
 * `/PDF`) are no notice. The adapters are strict: they also require the page's match pattern.
 */
function noticePathId(hosts: readonly string[], id: RegExp): (url: URL) => string | null {
  return (url) => {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!hosts.includes(url.hostname)) return null;
    const found = /^\/notice\/([^/]+)\/?$/i.exec(url.pathname)?.[1];
    return found && id.test(found) ? found.toLowerCase() : null;
  };
}

/**
 * The notice page id of PCS and Sell2Wales (one software, Proactis):
 * `/search/show/search_view.aspx?ID=<three letters><digits>` (the month the notice was first
 * published and a serial, e.g. `APR351330`, as in every `contractNotice` document URL of the real
 * releases), path in any case (links print both `Search/show` and `search/show`), id upper-cased.
 */
function searchViewId(host: string): (url: URL) => string | null {
  return (url) => {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.hostname !== host || !/^\/search\/show\/search_view\.aspx$/i.test(url.pathname)) return null;
    const id = url.searchParams.get('ID') ?? url.searchParams.get('id');
    return id && /^[A-Z]{3}\d+$/i.test(id) ? id.toUpperCase() : null;
  };
}

/** Both casings of the notice view's path, as match patterns are case-sensitive. */
function searchViewMatches(origin: string): string[] {
  return [`${origin}/search/show/search_view.aspx?*`, `${origin}/Search/show/search_view.aspx?*`];
}

/**
 * PCS and Sell2Wales (one software, Proactis): `search_view.aspx?ID=<notice>`. The `contractNotice`
 * document of all 180 releases in ../shared/data has that URL; else `search_switch.aspx?ID=<ocid
 * number>`, the page each notice's own text sends bidders to ("visit …
 * http://www.publiccontractsscotland.gov.uk/Search/Search_Switch.aspx?ID=581860" in
 * `ocds-r6ebe6-0000581860`; "http://www.sell2wales.gov.wales/search/search_switch.aspx?ID=148440"
 * in `ocds-kuma6s-148440`). The fallback serves `ocds-kuma6s-148458`, whose document `url` key
 * arrived corrupted as `"ur    l"`.
 */
function proactisNoticeUrl(origin: string, ocidPrefix: string): (input: NoticeUrlInput) => string | undefined {
  const host = origin.replace(/^https:\/\//, '').replace(/\./g, '\\.');
  const page = new RegExp(`^https?://${host}/search/show/search_view\\.aspx\\?ID=([A-Z]{3}\\d+)$`, 'i');
  const ocid = new RegExp(`^${ocidPrefix}0*(\\d+)$`, 'i');
  return ({ ocid: id, documentUrls }) => {
    const notice = firstCapture(documentUrls, page);
    if (notice !== undefined) return `${origin}/search/show/search_view.aspx?ID=${notice}`;
    const number = ocid.exec(id)?.[1];
    return number === undefined ? undefined : `${origin}/search/search_switch.aspx?ID=${number}`;
  };
}

const CF_ORIGIN = 'https://www.contractsfinder.service.gov.uk';
const FTS_ORIGIN = 'https://www.find-tender.service.gov.uk';
const PCS_ORIGIN = 'https://www.publiccontractsscotland.gov.uk';
const S2W_ORIGIN = 'https://www.sell2wales.gov.wales';
/** The two GOV.UK portals answer with and without `www.` (stored document URLs use both). */
const CF_HOSTS = ['www.contractsfinder.service.gov.uk', 'contractsfinder.service.gov.uk'];
const FTS_HOSTS = ['www.find-tender.service.gov.uk', 'find-tender.service.gov.uk'];

/**
 * OCDS ocid prefixes, confirmed for every release of the real files: all 300 Contracts Finder
 * releases are `ocds-b5fd17-…`, the 90 PCS ones `ocds-r6ebe6-…`, the 90 Sell2Wales ones
 * `ocds-kuma6s-…`. Find a Tender: `ocds-h6vhtk-hhhhhh` (Find a Tender API documentation, GET
 * ocdsReleasePackages; also "Procurement identifier (OCID): ocds-h6vhtk-037c6c" on
 * ../shared/data/pages/find-a-tender-notice--award-nhs-adalimumab.html).
 */
const PORTAL_ROWS = [
  {
    id: 'contracts-finder',
    label: 'Contracts Finder',
    origin: CF_ORIGIN,
    hosts: CF_HOSTS,
    ocidPrefix: 'ocds-b5fd17-',
    ocidLetter: 'C',
    // The release id without its `-NNNNNN` sequence: in all 300 releases of the three Contracts
    // Finder files the notice document has exactly that URL, and the ocid's uuid never matches it
    // (ocid `ocds-b5fd17-e3b5f385-…`, release `2a1e3359-…-819950`, page `/Notice/2a1e3359-…`). One
    // ocid can hold several notices (a tender and its award), so the page is per release.
    noticeUrl: ({ releaseId, documentUrls }: NoticeUrlInput) => {
      const uuid = releaseId === undefined ? undefined : CF_RELEASE_ID.exec(releaseId)?.[1];
      const found = uuid ?? firstCapture(documentUrls, CF_NOTICE_URL);
      return found === undefined ? undefined : `${CF_ORIGIN}/Notice/${found.toLowerCase()}`;
    },
    pageBase: `${CF_ORIGIN}/Notice/`,
    noticePages: {
      matches: [`${CF_ORIGIN}/Notice/*`],
      pageId: noticePathId(CF_HOSTS, new RegExp(`^${UUID}$`, 'i')),
      indexed: true,
    },
    sync: { source: 'contracts-finder' },
  },
  {
    id: 'find-a-tender',
    label: 'Find a Tender',
    origin: FTS_ORIGIN,
    hosts: FTS_HOSTS,
    ocidPrefix: 'ocds-h6vhtk-',
    ocidLetter: 'F',
    // The release id (API documentation: release ids are notice ids; Contracts Finder documents
    // link to `https://www.find-tender.service.gov.uk/Notice/004824-2025`), else such a document URL.
    noticeUrl: ({ releaseId, documentUrls }: NoticeUrlInput) => {
      const id = releaseId !== undefined && FTS_NOTICE_ID.test(releaseId) ? releaseId : firstCapture(documentUrls, FTS_NOTICE_URL);
      return id === undefined ? undefined : `${FTS_ORIGIN}/Notice/${id}`;
    },
    pageBase: `${FTS_ORIGIN}/Notice/`,
    noticePages: { matches: [`${FTS_ORIGIN}/Notice/*`], pageId: noticePathId(FTS_HOSTS, FTS_NOTICE_ID), indexed: true },
    sync: { source: 'find-a-tender' },
  },
  {
    id: 'public-contracts-scotland',
    label: 'Public Contracts Scotland',
    origin: PCS_ORIGIN,
    hosts: ['www.publiccontractsscotland.gov.uk', 'api.publiccontractsscotland.gov.uk'],
    ocidPrefix: 'ocds-r6ebe6-',
    ocidLetter: 'S',
    noticeUrl: proactisNoticeUrl(PCS_ORIGIN, 'ocds-r6ebe6-'),
    // The pages show their OCID, so they find their cached notice by it: no page id index.
    noticePages: { matches: searchViewMatches(PCS_ORIGIN), pageId: searchViewId('www.publiccontractsscotland.gov.uk'), indexed: false },
    // Its public OCDS API, by month and notice type (lib/sync/sources.ts).
    sync: { source: 'public-contracts-scotland' },
  },
  {
    id: 'sell2wales',
    label: 'Sell2Wales',
    origin: S2W_ORIGIN,
    hosts: ['www.sell2wales.gov.wales', 'api.sell2wales.gov.wales'],
    ocidPrefix: 'ocds-kuma6s-',
    ocidLetter: 'W',
    noticeUrl: proactisNoticeUrl(S2W_ORIGIN, 'ocds-kuma6s-'),
    // The pages show their OCID, so they find their cached notice by it: no page id index.
    noticePages: { matches: searchViewMatches(S2W_ORIGIN), pageId: searchViewId('www.sell2wales.gov.wales'), indexed: false },
    // Its public OCDS API, by month and notice type (lib/sync/sources.ts).
    sync: { source: 'sell2wales' },
  },
] as const satisfies readonly Portal[];

type Row = (typeof PORTAL_ROWS)[number];
export type PortalId = Row['id'];
/** The portals a sync source reads. */
export type SyncedPortalId = Extract<Row, { sync: { source: string } }>['id'];
/** The portals whose notice pages have an adapter. */
export type NoticePortalId = Exclude<Row, { noticePages: null }>['id'];

/** Every portal, in stored order. */
export const PORTALS: readonly Portal[] = PORTAL_ROWS;
/** The portal ids, in stored order, for `z.enum`. */
export const PORTAL_IDS = PORTAL_ROWS.map((p) => p.id) as [PortalId, ...PortalId[]];
/** The portals a sync source reads, for lib/sync. */
export const SYNCED_PORTAL_IDS = PORTAL_ROWS.flatMap((p) => ('source' in p.sync ? [p.id] : [])) as [SyncedPortalId, ...SyncedPortalId[]];
/** The portals with notice pages (and a notice-page adapter), for the workspace's site keys. */
export const NOTICE_PORTAL_IDS = PORTAL_ROWS.flatMap((p) => (p.noticePages ? [p.id] : [])) as [NoticePortalId, ...NoticePortalId[]];

const BY_ID = new Map<string, Portal>(PORTAL_ROWS.map((p) => [p.id, p]));

/** The row of a portal id. */
export function portal(id: PortalId): Portal {
  return BY_ID.get(id)!;
}

/** How the card, panel and options page name a portal. */
export const PORTAL_LABELS = Object.fromEntries(PORTAL_ROWS.map((p) => [p.id, p.label])) as Record<PortalId, string>;

/** Every notice page's match pattern: the notice content script's `matches`, the notice-tab query, host permissions. */
export const NOTICE_PAGE_MATCHES: readonly string[] = PORTAL_ROWS.flatMap((p) => (p.noticePages ? [...p.noticePages.matches] : []));

/**
 * The notice id of a cached notice's page for the `pageId` index (schema v6), or null: only for
 * portals whose pages show no OCID ({@link NoticePages.indexed}). The Contracts Finder uuid and the
 * Find a Tender `nnnnnn-yyyy` cannot collide, so the id alone names the page.
 */
export function noticePageIdOf(url: URL): string | null {
  for (const p of PORTAL_ROWS) {
    const pages: NoticePages | null = p.noticePages;
    if (!pages?.indexed) continue;
    const id = pages.pageId(url);
    if (id !== null) return id;
  }
  return null;
}

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function sourceFromOcid(ocid: string): PortalId | undefined {
  const lower = ocid.toLowerCase();
  return PORTALS.find((p) => lower.startsWith(p.ocidPrefix))?.id as PortalId | undefined;
}

/** The portal a URL belongs to (a package `uri`, a document URL). */
export function sourceFromUrl(url: string): PortalId | undefined {
  const found = parsed(url);
  if (!found || (found.protocol !== 'https:' && found.protocol !== 'http:')) return undefined;
  return PORTALS.find((p) => p.hosts.includes(found.hostname))?.id as PortalId | undefined;
}

/** The human page of a release's notice, https, or undefined when the release gives no way to it (each portal's rule: its row above). */
export function noticeUrl(source: PortalId, input: NoticeUrlInput): string | undefined {
  return portal(source).noticeUrl(input);
}

/**
 * The notice id in a Contracts Finder or Find a Tender page address, lower-cased: the uuid of
 * `/Notice/<uuid>` or the `nnnnnn-yyyy` of `/Notice/<nnnnnn-yyyy>` (query and fragment ignored);
 * null for any other address. The two forms cannot collide, so the id alone names the page: it
 * keys the notices table's `pageId` index (schema v6), which is how a Contracts Finder page, whose
 * HTML carries no OCID, finds its cached notice. Public Contracts Scotland and Sell2Wales pages
 * show their OCID, so they are found by it and need no page id here.
 */
export function noticePageId(url: string): string | null {
  const found = parsed(url);
  return found ? noticePageIdOf(found) : null;
}
