/**
 * Notice pages of Public Contracts Scotland and Sell2Wales, one software (Proactis, formerly
 * Millstream: kingfisher-collect reads both portals through one `ProactisBase` spider, and both
 * serve a notice at `/search/show/search_view.aspx?ID=<notice id>`). This module holds the reading
 * the two page kinds share; each portal's adapter (public-contracts-scotland-notice.ts,
 * sell2wales-notice.ts) names its site.
 *
 * Evidence, as no saved copy of a real page could be found (tests/fixtures/notices/ say so in their
 * first line): the notice view is an ASP.NET WebForms page whose "Introduction" tab prints each
 * fact in a label with a stable id ending `notice_introduction1_lbl<Field>` (Title, TenderID for the
 * buyer's reference, OCID, Auth for "Published by", PubDate, DeadlineDate, DeadlineTime, DocType,
 * Abstract), as two independent public scrapers of these portals record (a Puppeteer scraper of
 * Public Contracts Scotland and a Selenium page object, both reading
 * `#ctl00_ContentPlaceHolder1_tab_StandardNoticeView1_notice_introduction1_lblTitle` and its
 * siblings); dates are printed `DD/MM/YYYY` and times `HH:MM`. The full notice text below it
 * prints "Value excluding VAT: … GBP" and CPV codes as "<code> - <label>" (the EU-form notice
 * text that the portals' OCDS releases in ../shared/data carry). Ids are matched on their suffix,
 * so a renamed ASP.NET naming container does not break the read. Contact names, emails and phones
 * (the "Contact Info" tab) are never read.
 *
 * Not an SPA: each page is a full load; identity is the URL's `ID`, checked against the form's action.
 */
import type { PublicContractsScotlandNoticeFacts, Sell2WalesNoticeFacts, SiteAdapter, TenderNoticeFacts } from './types';
import { cap, lines, parseMoney, parseNoticeDate, text, uniqueCpv } from './notice-fields';
import { first, hasVisibleText, MAIN_TEXT_CAP } from './visible-text';
import { matchesAny } from './match-pattern';
import { portal, type NoticePages } from '@/lib/ocds/portals';

const PROACTIS_CONTAINER = [
  '[id$="_tab_StandardNoticeView1"]', // notice view tab container (ids of the intro labels, 2025)
  'form[action*="search_view.aspx"]', // the WebForms page form, posting back to the notice URL
  'body',
];
const field = (name: string) => `[id$="notice_introduction1_lbl${name}"]`; // intro tab labels, 2025
const PROACTIS_TITLE = field('Title');
const FORM_ACTION = 'form[action*="search_view.aspx"]'; // WebForms form action repeats the page's own ?ID=

/** The notice id (`APR351330`) of a notice page URL, or null: the portal's match pattern and page id rule. */
export function proactisNoticeId(pages: NoticePages, url: URL): string | null {
  return matchesAny(pages.matches, url) ? pages.pageId(url) : null;
}

/** The notice ids the page's own form posts back to. */
function domIds(root: ParentNode): string[] {
  return [...root.querySelectorAll(FORM_ACTION)]
    .map((form) => /[?&]ID=([A-Z]{3}\d+)/i.exec(form.getAttribute('action') ?? '')?.[1]?.toUpperCase())
    .filter((id): id is string => !!id);
}

/** The portals' notice types ("Contract Notice", "Contract Award Notice", "Prior Information Notice", "Quick Quote Award") -> the stage. */
export function proactisStage(type: string | null): TenderNoticeFacts['stage'] {
  if (!type) return null;
  const s = type.toLowerCase();
  if (/award|voluntary ex ante|transparency/.test(s)) return 'award';
  if (/prior information|pre-?information|pipeline|market engagement|planned procurement/.test(s)) return 'planning';
  if (/modification|contract details|termination/.test(s)) return 'contract';
  if (/contract notice|tender|quick quote|concession notice|opportunit/.test(s)) return 'tender';
  return null;
}

/** "Value excluding VAT: 12,500,000.00 GBP" (the code after the amount) read as parseMoney reads "GBP 12,500,000.00". */
function moneyLine(all: readonly string[]): TenderNoticeFacts['value'] {
  const line = all.find((l) => /^(?:value excluding vat|estimated total value|total value)\b/i.test(l) && /\d/.test(l));
  return line ? parseMoney(line.replace(/(\d[\d,]*(?:\.\d+)?)\s*(GBP|EUR|USD)\b/gi, '$2 $1')) : null;
}

/** What both portals' notice pages show, without the `kind` and `site` of the adapter. */
export type ProactisFields = Omit<TenderNoticeFacts, 'kind' | 'site'>;

/**
 * Reads a PCS or Sell2Wales notice page: title, buyer ("Published by"), OCID, reference, notice type
 * and stage, deadline, publication date, value and CPV codes. Falls back to the page's visible
 * text when no buyer can be read. Null when the URL is no notice page, nothing is rendered, or the
 * page shows another notice than the URL.
 */
export function extractProactisNotice(pages: NoticePages, root: ParentNode, url: URL): ProactisFields | null {
  const pageId = proactisNoticeId(pages, url);
  if (!pageId) return null;
  const container = first(root, PROACTIS_CONTAINER);
  if (!container || !hasVisibleText(container)) return null;
  const ids = domIds(root);
  if (ids.length > 0 && !ids.includes(pageId)) return null;

  const read = (name: string) => text(root.querySelector(field(name)));
  const buyerName = cap(read('Auth'), 500);
  const type = read('DocType');
  const ocid = read('OCID');
  const all = lines(container);
  const deadlineDate = read('DeadlineDate');
  const facts: ProactisFields = {
    pageId,
    readVia: buyerName ? 'structure' : 'text',
    ocid: ocid && /^ocds-[a-z0-9]{6}-\S+$/i.test(ocid) ? cap(ocid.toLowerCase(), 120) : null,
    noticeId: cap(read('TenderID'), 64),
    title: cap(read('Title'), 1000),
    buyer: buyerName ? { name: buyerName, address: null } : null,
    stage: proactisStage(type),
    status: cap(type, 200),
    deadline: parseNoticeDate(deadlineDate ? `${deadlineDate} ${read('DeadlineTime') ?? ''}` : null),
    publishedAt: parseNoticeDate(read('PubDate')),
    value: moneyLine(all),
    contractStart: null,
    contractEnd: null,
    cpv: uniqueCpv(all).slice(0, 200),
    suppliers: [],
    location: null,
    text: '',
  };
  if (!buyerName) facts.text = all.join('\n').slice(0, MAIN_TEXT_CAP);
  return facts;
}

type ProactisFacts = PublicContractsScotlandNoticeFacts | Sell2WalesNoticeFacts;

/** The notice-page adapter of one Proactis portal: its registry row's pages, this module's reading. */
export function proactisAdapter<F extends ProactisFacts>(site: F['site'], kind: F['kind'], testUrls: string[]): SiteAdapter<F> {
  const pages = portal(site).noticePages!;
  return {
    id: kind,
    matches: [...pages.matches],
    isPage: (url) => proactisNoticeId(pages, url) !== null,
    pageIdFromUrl: (url) => proactisNoticeId(pages, url),
    anchor: [PROACTIS_TITLE, ...PROACTIS_CONTAINER],
    extract: (root, url) => {
      const fields = extractProactisNotice(pages, root, url);
      return fields && ({ kind, site, ...fields } as F);
    },
    testUrls,
  };
}
