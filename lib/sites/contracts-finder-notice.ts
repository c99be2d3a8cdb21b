/**
 * Contracts Finder notice pages, `https://www.contractsfinder.service.gov.uk/Notice/<uuid>`.
 *
 * One layout for every stage (seen 2025-10; contracts-finder--award-nhs-adalimumab.html is the real
 * page): the title in `h1.govuk-heading-l`, the buyer in `h2.breadcrumb-description`, the stage as
 * the first line of `#content-block-left` ("Awarded contract - This means…"), then `#content`
 * holding `h3` sections ("Contract summary", "Award information", "About the buyer") whose fields
 * are `h4 > strong` labels followed by `p` values. CPV codes are "Name - 12345678" items of the
 * Industry list; each awarded supplier is an `h4` followed by a `.form-opener` whose hidden block
 * holds "Companies House number: …". Contact name, email and phone under "About the buyer" are
 * never read.
 *
 * Not an SPA: identity is the URL's uuid, checked against the page's own form action.
 */
import type { ContractsFinderNoticeFacts, SiteAdapter, TenderNoticeFacts } from './types';
import {
  cap,
  childrenOf,
  companiesHouseNumber,
  type FieldEntry,
  fieldEntries,
  findEntry,
  firstLine,
  lines,
  parseMoney,
  parseNoticeDate,
  text,
  uniqueCpv,
  uniqueSuppliers,
} from './notice-fields';
import { first, hasVisibleText, MAIN_TEXT_CAP } from './visible-text';
import { matchesAny } from './match-pattern';
import { portal } from '@/lib/ocds/portals';

const PAGES = portal('contracts-finder').noticePages!;
const CONTAINER = [
  '#all-content-wrapper', // notice page: h1, buyer and #content, 2025-10
  '#content[role="main"]', // notice page body, 2025-10
  '[role="main"]',
];
const TITLE = 'h1.govuk-heading-l'; // notice page, 2025-10
const BUYER = 'h2.breadcrumb-description'; // notice page, under the h1, 2025-10
const BODY = '#content'; // notice page, the sections, 2025-10
const STAGE_BLOCK = '#content-block-left'; // notice page, published date and stage line, 2025-10
const SIDE = '[role="complementary"]'; // notice page right column, repeats "Closing: …", 2025-10
const SUPPLIER_OPENER = 'form-opener'; // award information, the supplier details toggle after each supplier h4, 2025-10
const FORM_ACTION = 'form[action*="/Notice/"]'; // notice page watch/print forms post to the notice URL, 2025-10

/**
 * The notice uuid of a notice page URL (lower-cased), or null: the registry's match pattern
 * (https, `/Notice/` as the site links it) and page id rule (lib/ocds/portals.ts).
 */
function noticeUuid(url: URL): string | null {
  return matchesAny(PAGES.matches, url) ? PAGES.pageId(url) : null;
}

/** The page's own notice id (form actions), if it names one. */
function domIds(root: ParentNode): string[] {
  return [...root.querySelectorAll(FORM_ACTION)]
    .map((form) => /\/Notice\/([0-9a-f-]{36})/i.exec(form.getAttribute('action') ?? '')?.[1]?.toLowerCase())
    .filter((id): id is string => !!id);
}

/** "Awarded contract - This means that…" -> "Awarded contract". */
function stageLine(block: Element | null): string | null {
  if (!block) return null;
  for (const line of lines(block)) {
    const m = /^(.{3,80}?)\s+[-–]\s+this means\b/i.exec(line);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

/** Contracts Finder's notice types and statuses -> the stage. */
export function contractsFinderStage(label: string | null): TenderNoticeFacts['stage'] {
  if (!label) return null;
  const s = label.toLowerCase();
  if (/\baward/.test(s)) return 'award';
  if (/early engagement|future opportunit|pipeline|planned|planning|prior information/.test(s)) return 'planning';
  if (/opportunit|tender|\bopen\b|\bclosed\b/.test(s)) return 'tender';
  return null;
}

function suppliersIn(entries: readonly FieldEntry[]): TenderNoticeFacts['suppliers'] {
  const award = findEntry(entries, /^award information$/i);
  if (!award) return [];
  const found: TenderNoticeFacts['suppliers'] = [];
  for (const entry of childrenOf(entries, award.index)) {
    const hasOpener = entry.heading.nextElementSibling?.classList.contains(SUPPLIER_OPENER) ?? false;
    const chLine = entry.lines.find((l) => /companies house/i.test(l));
    if (!hasOpener && !chLine) continue;
    if (!entry.label) continue;
    found.push({ name: cap(entry.label, 500) ?? entry.label, companiesHouse: companiesHouseNumber(chLine) });
  }
  return uniqueSuppliers(found);
}

function buyerAddress(entries: readonly FieldEntry[]): string | null {
  const about = findEntry(entries, /^about the buyer$/i);
  if (!about) return null;
  const address = childrenOf(entries, about.index).find((e) => /^address$/i.test(e.label));
  return address && address.lines.length > 0 ? cap(address.lines.join(', '), 1000) : null;
}

/**
 * Reads a Contracts Finder notice: title, buyer, stage, dates, value, CPV codes, suppliers and
 * location. Falls back to the content's visible text when the buyer cannot be read. Null when the
 * URL is not a notice page, nothing is rendered, or the page shows another notice than the URL.
 */
export function extractContractsFinderNotice(root: ParentNode, url: URL): ContractsFinderNoticeFacts | null {
  const pageId = noticeUuid(url);
  if (!pageId) return null;
  const container = first(root, CONTAINER);
  if (!container || !hasVisibleText(container)) return null;
  const ids = domIds(root);
  if (ids.length > 0 && !ids.includes(pageId)) return null;

  const body = container.querySelector(BODY) ?? container;
  const entries = fieldEntries(body, (el) => el.matches(SIDE));
  const title = cap(text(root.querySelector(TITLE)), 1000);
  const buyerName = cap(text(root.querySelector(BUYER)), 500);
  const status = firstLine(entries, /^(?:procurement stage|notice (?:status|type))$/i) ?? stageLine(body.querySelector(STAGE_BLOCK));
  const closing = firstLine(entries, /^closing date$/i);
  const closingTime = firstLine(entries, /^closing time$/i);
  const published = firstLine(entries, /^published date$/i) ?? lines(body.querySelector(STAGE_BLOCK) ?? body).find((l) => /^published date/i.test(l)) ?? null;
  const value = parseMoney(firstLine(entries, /^total value of contract$/i) ?? firstLine(entries, /^value of contract$/i));
  const industry = findEntry(entries, /^industry$/i);
  const cpv = uniqueCpv(industry ? industry.entry.lines : entries.flatMap((e) => e.lines)).slice(0, 200);
  const deadline = parseNoticeDate(closing && closingTime && !/\d[:.]?\d*\s*[ap]m|\d:\d\d/i.test(closing) ? `${closing}, ${closingTime}` : closing);

  const facts: ContractsFinderNoticeFacts = {
    kind: 'contracts-finder-notice',
    site: 'contracts-finder',
    pageId,
    readVia: buyerName ? 'structure' : 'text',
    ocid: null,
    noticeId: null,
    title,
    buyer: buyerName ? { name: buyerName, address: buyerAddress(entries) } : null,
    stage: contractsFinderStage(status),
    status: cap(status, 200),
    deadline,
    publishedAt: parseNoticeDate(published),
    value,
    contractStart: parseNoticeDate(firstLine(entries, /^contract start date$/i)),
    contractEnd: parseNoticeDate(firstLine(entries, /^contract end date$/i)),
    cpv,
    suppliers: suppliersIn(entries).slice(0, 500),
    location: cap(firstLine(entries, /^location of contract$/i), 1000),
    text: '',
  };
  if (!buyerName) facts.text = lines(container, (el) => el.matches(SIDE)).join('\n').slice(0, MAIN_TEXT_CAP);
  return facts;
}

/** Contracts Finder notice pages (`/Notice/<uuid>`). */
export const contractsFinderNotice: SiteAdapter<ContractsFinderNoticeFacts> = {
  id: 'contracts-finder-notice',
  matches: [...PAGES.matches],
  isPage: (url) => noticeUuid(url) !== null,
  pageIdFromUrl: noticeUuid,
  anchor: [TITLE, BUYER, ...CONTAINER],
  extract: extractContractsFinderNotice,
  testUrls: [
    'https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac',
    'https://www.contractsfinder.service.gov.uk/Notice/FD63BC1B-C8C6-46A2-9DF9-C07A0D3D1D38/',
    'https://www.contractsfinder.service.gov.uk/Notice/f4dd4a6d-e118-4d6c-a9e2-29efe07acd44?origin=SearchResults&p=1',
    'https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac#award',
  ],
};
