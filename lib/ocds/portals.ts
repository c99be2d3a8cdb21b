import type { Source } from './notice';

/**
 * Which portal published a release, and the human page of its notice there. Each rule cites the
 * evidence in ../shared/data; see also the mapping table at the top of lib/ocds/index.ts.
 */

/**
 * OCDS ocid prefixes. Confirmed for every release of the real files: all 300 Contracts Finder
 * releases are `ocds-b5fd17-…`, the 90 PCS ones `ocds-r6ebe6-…`, the 90 Sell2Wales ones
 * `ocds-kuma6s-…`. Find a Tender: `ocds-h6vhtk-hhhhhh` (Find a Tender API documentation,
 * GET ocdsReleasePackages: "Procurement process IDs (ocids) are in the form ocds-h6vhtk-hhhhhh";
 * also "Procurement identifier (OCID): ocds-h6vhtk-037c6c" on
 * ../shared/data/pages/find-a-tender-notice--award-nhs-adalimumab.html).
 */
const OCID_PREFIXES: readonly (readonly [string, Source])[] = [
  ['ocds-b5fd17-', 'contracts-finder'],
  ['ocds-h6vhtk-', 'find-a-tender'],
  ['ocds-r6ebe6-', 'public-contracts-scotland'],
  ['ocds-kuma6s-', 'sell2wales'],
];

const HOSTS: readonly (readonly [RegExp, Source])[] = [
  [/^https?:\/\/(?:www\.)?contractsfinder\.service\.gov\.uk\//i, 'contracts-finder'],
  [/^https?:\/\/(?:www\.)?find-tender\.service\.gov\.uk\//i, 'find-a-tender'],
  [/^https?:\/\/(?:www|api)\.publiccontractsscotland\.gov\.uk\//i, 'public-contracts-scotland'],
  [/^https?:\/\/(?:www|api)\.sell2wales\.gov\.wales\//i, 'sell2wales'],
];

export function sourceFromOcid(ocid: string): Source | undefined {
  const lower = ocid.toLowerCase();
  return OCID_PREFIXES.find(([prefix]) => lower.startsWith(prefix))?.[1];
}

/** The portal a URL belongs to (a package `uri`, a document URL). */
export function sourceFromUrl(url: string): Source | undefined {
  return HOSTS.find(([host]) => host.test(url))?.[1];
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Contracts Finder release id: the notice's uuid, a hyphen and a sequence number. */
const CF_RELEASE_ID = new RegExp(`^(${UUID})-\\d+$`, 'i');
const CF_NOTICE_URL = new RegExp(`^https?://(?:www\\.)?contractsfinder\\.service\\.gov\\.uk/Notice/(${UUID})$`, 'i');
/** Find a Tender notice ids are `nnnnnn-yyyy` (API documentation: "Notice IDs are in the form nnnnnn-yyyy"). */
const FTS_NOTICE_ID = /^\d{6}-\d{4}$/;
const FTS_NOTICE_URL = /^https?:\/\/(?:www\.)?find-tender\.service\.gov\.uk\/Notice\/(\d{6}-\d{4})$/i;
const PCS_NOTICE_URL = /^https?:\/\/www\.publiccontractsscotland\.gov\.uk\/search\/show\/search_view\.aspx\?ID=([A-Z]{3}\d+)$/i;
const S2W_NOTICE_URL = /^https?:\/\/www\.sell2wales\.gov\.wales\/search\/show\/search_view\.aspx\?ID=([A-Z]{3}\d+)$/i;
const PCS_OCID = /^ocds-r6ebe6-0*(\d+)$/i;
const S2W_OCID = /^ocds-kuma6s-0*(\d+)$/i;

const CF_NOTICE = 'https://www.contractsfinder.service.gov.uk/Notice/';
const FTS_NOTICE = 'https://www.find-tender.service.gov.uk/Notice/';

export interface NoticeUrlInput {
  ocid: string;
  releaseId: string | undefined;
  /** URLs of the release's planning, tender, award and contract documents, in that order. */
  documentUrls: readonly string[];
}

function firstCapture(urls: readonly string[], pattern: RegExp): string | undefined {
  for (const url of urls) {
    const match = pattern.exec(url);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * The human page of a release's notice, https, or undefined when the release gives no way to it.
 *
 * - Contracts Finder: `https://www.contractsfinder.service.gov.uk/Notice/<uuid>` where `<uuid>` is
 *   the release id without its `-NNNNNN` sequence. In all 300 releases of the three Contracts
 *   Finder files the notice document (`awardNotice`, `tenderNotice`, `marketEngagementNotice`,
 *   `plannedProcurementNotice`) has exactly that URL, and the ocid's uuid never matches it (e.g.
 *   ocid `ocds-b5fd17-e3b5f385-…`, release `2a1e3359-87a0-4fdd-ac61-20d5e6520a13-819950`, page
 *   `/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13`). One ocid can hold several notices (a tender
 *   and its award), so the page is per release. Without such an id, the first Contracts Finder
 *   notice URL among the documents.
 * - Find a Tender: `https://www.find-tender.service.gov.uk/Notice/<nnnnnn-yyyy>`, the release id
 *   (API documentation: release ids are notice ids; Contracts Finder documents link to
 *   `https://www.find-tender.service.gov.uk/Notice/004824-2025`), else such a document URL.
 * - PCS and Sell2Wales: the `contractNotice` document's `search_view.aspx?ID=<notice>` URL, present
 *   in all 180 releases of the two files; else `search_switch.aspx?ID=<ocid number>`, the page each
 *   notice's own text sends bidders to ("visit … http://www.publiccontractsscotland.gov.uk/Search/Search_Switch.aspx?ID=581860"
 *   in `ocds-r6ebe6-0000581860`; "http://www.sell2wales.gov.wales/search/search_switch.aspx?ID=148440"
 *   in `ocds-kuma6s-148440`). The fallback serves `ocds-kuma6s-148458`, whose document `url` key
 *   arrived corrupted as `"ur    l"`.
 */
export function noticeUrl(source: Source, { ocid, releaseId, documentUrls }: NoticeUrlInput): string | undefined {
  switch (source) {
    case 'contracts-finder': {
      const uuid = releaseId === undefined ? undefined : CF_RELEASE_ID.exec(releaseId)?.[1];
      const found = uuid ?? firstCapture(documentUrls, CF_NOTICE_URL);
      return found === undefined ? undefined : CF_NOTICE + found.toLowerCase();
    }
    case 'find-a-tender': {
      const id = releaseId !== undefined && FTS_NOTICE_ID.test(releaseId) ? releaseId : firstCapture(documentUrls, FTS_NOTICE_URL);
      return id === undefined ? undefined : FTS_NOTICE + id;
    }
    case 'public-contracts-scotland': {
      const id = firstCapture(documentUrls, PCS_NOTICE_URL);
      if (id !== undefined) return `https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=${id}`;
      const number = PCS_OCID.exec(ocid)?.[1];
      return number === undefined ? undefined : `https://www.publiccontractsscotland.gov.uk/search/search_switch.aspx?ID=${number}`;
    }
    case 'sell2wales': {
      const id = firstCapture(documentUrls, S2W_NOTICE_URL);
      if (id !== undefined) return `https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=${id}`;
      const number = S2W_OCID.exec(ocid)?.[1];
      return number === undefined ? undefined : `https://www.sell2wales.gov.wales/search/search_switch.aspx?ID=${number}`;
    }
  }
}

const NOTICE_PAGE_ID = new RegExp(`^https?://(?:www\\.)?(?:contractsfinder\\.service\\.gov\\.uk|find-tender\\.service\\.gov\\.uk)/Notice/(${UUID}|\\d{6}-\\d{4})(?![\\w-])`, 'i');

/**
 * The notice id in a Contracts Finder or Find a Tender page address, lower-cased: the uuid of
 * `/Notice/<uuid>` or the `nnnnnn-yyyy` of `/Notice/<nnnnnn-yyyy>` (query, fragment and any
 * trailing path ignored); null for any other address. The two forms cannot collide, so the id
 * alone names the page: it keys the notices table's `pageId` index (schema v6), which is how a
 * Contracts Finder page, whose HTML carries no OCID, finds its cached notice.
 */
export function noticePageId(url: string): string | null {
  const match = NOTICE_PAGE_ID.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}
