/**
 * Find a Tender notice pages, `https://www.find-tender.service.gov.uk/Notice/<nnnnnn-yyyy>`.
 *
 * Both layouts share a header (seen 2025-10; find-a-tender--award-nhs-adalimumab.html is the real
 * page): `main.notice-view` with a `span.govuk-caption-l`, the title in `h1.govuk-heading-l`, the
 * buyer as the first item of the `ul.govuk-list` under it, and `p.govuk-body-s` lines for the
 * notice type ("F03: Contract award notice", "UK4: Tender notice"), "Notice identifier: …",
 * "Procurement identifier (OCID): ocds-h6vhtk-…" and "Published 24 March 2023, 11:45am". The body
 * (`#main-content`) is headings followed by `p`/`li` values:
 * - 2020–2024 notices (TED forms F01–F24): numbered sections, "Section I: Contracting authority"
 *   to "Section VI", each numbered heading printed twice (a `span.aria-only` spelled-out copy for
 *   screen readers, skipped here), contractors under "V.2.3) Name and address of the contractor".
 * - Procurement Act 2023 notices (UK1–UK7, from 2025-02): unnumbered headings such as "Scope",
 *   "Total value (estimated)", "Contract dates (estimated)", "CPV classifications", "Submission",
 *   "Tender submission deadline", "Contracting authority", "Suppliers".
 * Heading ids change from load to load, so fields are found by heading text, never by id.
 * Personal contact details (contact names, emails, phones) are never read.
 */
import type { FindATenderNoticeFacts, SiteAdapter, TenderNoticeFacts } from './types';
import {
  cap,
  childrenOf,
  companiesHouseNumber,
  type FieldEntry,
  fieldEntries,
  findEntry,
  firstLine,
  lines,
  parseDateRange,
  parseMoney,
  parseNoticeDate,
  text,
  uniqueCpv,
  uniqueSuppliers,
} from './notice-fields';
import { first, hasVisibleText, MAIN_TEXT_CAP } from './visible-text';
import { matchesAny } from './match-pattern';
import { portal } from '@/lib/ocds/portals';

const PAGES = portal('find-a-tender').noticePages!;
const CONTAINER = [
  'main.notice-view', // notice page, both layouts, 2025-10
  'main', // any layout
  '[role="main"]',
];
const TITLE = 'h1.govuk-heading-l'; // notice page header, 2025-10
const HEADER_BUYER = 'h1 + .govuk-grid-row ul.govuk-list > li'; // notice page header, the buyer under the title, 2025-10
const ID_LINES = 'p.govuk-body-s'; // notice page header: type, notice identifier, OCID, published, 2025-10
const CAPTION = '.govuk-caption-l'; // notice page header, "Contract" / "Tender" / "Planning", 2025-10
const BODY = '#main-content'; // notice page body column, 2025-10
const SIDE = '[role="complementary"]'; // notice page contents menu and back-to-top, 2025-10
const DOWNLOADS = 'a[href*="/Notice/"][href$="/PDF"]'; // notice page "PDF version" link, 2025-10

/**
 * The notice id of a notice page URL ("008624-2023"), or null: the registry's match pattern and
 * page id rule (lib/ocds/portals.ts). Sub-paths (`/PDF`, `/OCDS/…`) are not notice pages.
 */
function noticeId(url: URL): string | null {
  return matchesAny(PAGES.matches, url) ? PAGES.pageId(url) : null;
}

/** The page's own notice id from its download links, if any. */
function domIds(root: ParentNode): string[] {
  return [...root.querySelectorAll(DOWNLOADS)]
    .map((a) => /\/Notice\/(\d{6}-\d{4})\//.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((id): id is string => !!id);
}

const NOTICE_TYPE = /^((?:F|UK|TED)\d{1,2}|[A-Z]{1,3}\d{1,2})\s*:\s*(.+)$/;

/** Find a Tender notice types -> the stage: form code first, then the type's name or the caption. */
export function findATenderStage(type: string | null, caption: string | null): TenderNoticeFacts['stage'] {
  const code = type ? (NOTICE_TYPE.exec(type)?.[1] ?? '').toUpperCase() : '';
  const byCode: Record<string, TenderNoticeFacts['stage']> = {
    UK1: 'planning', UK2: 'planning', UK3: 'planning', UK4: 'tender', UK5: 'award', UK6: 'award', UK7: 'contract',
    UK8: 'contract', UK9: 'contract', UK10: 'contract', UK11: 'contract',
    F01: 'planning', F04: 'planning', F02: 'tender', F05: 'tender', F07: 'tender', F03: 'award', F06: 'award', F15: 'award', F20: 'contract',
  };
  const known = byCode[code];
  if (known) return known;
  const s = `${type ?? ''} ${caption ?? ''}`.toLowerCase();
  if (/award|transparency/.test(s)) return 'award';
  if (/prior information|pipeline|planning|planned procurement|market engagement/.test(s)) return 'planning';
  if (/contract details|modification|termination|payments/.test(s)) return 'contract';
  if (/tender|contract notice|opportunit/.test(s)) return 'tender';
  return null;
}

interface Header {
  type: string | null;
  noticeId: string | null;
  ocid: string | null;
  published: string | null;
}

function readHeader(main: Element): Header {
  const header: Header = { type: null, noticeId: null, ocid: null, published: null };
  for (const p of main.querySelectorAll(ID_LINES)) {
    if (p.closest(BODY) || p.closest(SIDE)) continue;
    const line = text(p);
    if (!line) continue;
    let m: RegExpExecArray | null;
    if ((m = /^notice identifier\s*:\s*(.+)$/i.exec(line))) header.noticeId ??= m[1]?.trim() ?? null;
    else if ((m = /\b(ocds-[a-z0-9]+-[\w-]+)/i.exec(line))) header.ocid ??= m[1] ?? null;
    else if (/^published\b/i.test(line)) header.published ??= line;
    else if (NOTICE_TYPE.test(line)) header.type ??= line.replace(/\s+[-–]\s+(?:procurement act 2023|view information).*$/i, '').trim();
  }
  return header;
}

/** Values of the entries nested under the first entry matching `parent`, keyed by their label. */
function childLine(entries: readonly FieldEntry[], parent: RegExp, child: RegExp): string | null {
  const found = findEntry(entries, parent);
  if (!found) return null;
  return childrenOf(entries, found.index).find((e) => child.test(e.label))?.lines[0] ?? null;
}

function readDeadline(entries: readonly FieldEntry[]): string | null {
  // Procurement Act notices: one line, "14 April 2025, 12:00pm".
  const direct = firstLine(entries, /^(?:tender )?submission deadline$|^deadline for (?:tenders|requests to participate|receipt)|^engagement deadline$/i);
  if (direct) return parseNoticeDate(direct);
  // TED forms: "IV.2.2) Time limit for receipt of tenders…" with "Date" and "Local time" under it.
  const limit = findEntry(entries, /^time limit for receipt of (?:tenders|expressions of interest)/i);
  if (!limit) return null;
  const own = limit.entry.lines.join(' ');
  const children = childrenOf(entries, limit.index);
  const date = children.find((e) => /^date$/i.test(e.label))?.lines[0] ?? own;
  const time = children.find((e) => /^local time$/i.test(e.label))?.lines[0];
  return parseNoticeDate(time ? `${date}, ${time}` : date);
}

function readContractDates(entries: readonly FieldEntry[]): { start: string | null; end: string | null } {
  const range = firstLine(entries, /^contract dates\b/i);
  if (range) return parseDateRange(range);
  const duration = /^duration of the contract/i;
  return {
    start: parseNoticeDate(childLine(entries, duration, /^start date$/i)),
    end: parseNoticeDate(childLine(entries, duration, /^end date$/i)),
  };
}

function readSuppliers(entries: readonly FieldEntry[]): TenderNoticeFacts['suppliers'] {
  const found: TenderNoticeFacts['suppliers'] = [];
  entries.forEach((entry, index) => {
    if (/^name and address of the contractor/i.test(entry.label)) {
      const name = entry.lines[0];
      if (!name) return;
      const number = childrenOf(entries, index).find((e) => /^national registration number$/i.test(e.label))?.lines[0];
      found.push({ name, companiesHouse: companiesHouseNumber(number) });
    } else if (/^suppliers?$/i.test(entry.label)) {
      // Procurement Act award notices: one heading per supplier under "Suppliers".
      for (const child of childrenOf(entries, index)) {
        if (child.level !== entry.level + 1 || !child.label) continue;
        const sub = entries.indexOf(child);
        const all = [...child.lines, ...childrenOf(entries, sub).flatMap((e) => [e.label, ...e.lines])];
        found.push({ name: child.label, companiesHouse: companiesHouseNumber(all.find((l) => /companies house/i.test(l))) });
      }
    }
  });
  return uniqueSuppliers(found.map((s) => ({ ...s, name: cap(s.name, 500) ?? s.name })));
}

/** Postal lines: not identifiers ("Label: value"), links or the country alone. */
function addressLines(candidates: readonly string[]): string | null {
  const kept = candidates.filter((l) => !/:\s/.test(l) && !/^https?:/i.test(l) && !/@/.test(l));
  return kept.length > 0 ? cap(kept.join(', '), 1000) : null;
}

function readBuyer(main: Element, entries: readonly FieldEntry[]): TenderNoticeFacts['buyer'] {
  let name = text(main.querySelector(HEADER_BUYER));
  let address: string | null = null;
  const names = findEntry(entries, /^name and addresses?$/i);
  if (names) {
    name ??= names.entry.lines[0] ?? null;
    address = addressLines(names.entry.lines.slice(1));
  } else {
    const authority = findEntry(entries, /^(?:contracting authority|contracting entity|buyer)$/i);
    const org = authority ? childrenOf(entries, authority.index).find((e) => e.level === authority.entry.level + 1) : undefined;
    if (org) {
      name ??= org.label || null;
      address = addressLines(org.lines);
    }
  }
  return name ? { name: cap(name, 500) ?? name, address } : null;
}

/**
 * Reads a Find a Tender notice, either layout: identifiers, title, buyer, stage, deadline, value,
 * contract dates, CPV codes, awarded suppliers and place of performance. Falls back to the visible
 * text of `main` when no buyer can be read. Null when the URL is not a notice page, nothing is
 * rendered, or the page shows another notice than the URL.
 */
export function extractFindATenderNotice(root: ParentNode, url: URL): FindATenderNoticeFacts | null {
  const pageId = noticeId(url);
  if (!pageId) return null;
  const main = first(root, CONTAINER);
  if (!main || !hasVisibleText(main)) return null;
  const ids = domIds(root);
  if (ids.length > 0 && !ids.includes(pageId)) return null;

  const body = main.querySelector(BODY) ?? main;
  const entries = fieldEntries(body, (el) => el.matches(SIDE));
  const header = readHeader(main);
  const buyer = readBuyer(main, entries);
  const caption = text(main.querySelector(CAPTION));
  const { start, end } = readContractDates(entries);
  const cpvLines = entries.filter((e) => /\bcpv\b/i.test(e.label)).flatMap((e) => e.lines);
  const locations = [...new Set(entries.filter((e) => /^(?:nuts codes?|contract locations?|delivery locations?)$/i.test(e.label)).flatMap((e) => e.lines))];
  const value = parseMoney(firstLine(entries, /^(?:estimated )?total value\b/i) ?? firstLine(entries, /^(?:estimated )?value\b/i));

  const facts: FindATenderNoticeFacts = {
    kind: 'find-a-tender-notice',
    site: 'find-a-tender',
    pageId,
    readVia: buyer ? 'structure' : 'text',
    ocid: cap(header.ocid, 120),
    noticeId: cap(header.noticeId, 64),
    title: cap(text(main.querySelector(TITLE)) ?? firstLine(entries, /^title$/i), 1000),
    buyer,
    stage: findATenderStage(header.type, caption),
    status: cap(header.type, 200),
    deadline: readDeadline(entries),
    publishedAt: parseNoticeDate(header.published),
    value,
    contractStart: start,
    contractEnd: end,
    cpv: uniqueCpv(cpvLines.length > 0 ? cpvLines : entries.flatMap((e) => e.lines)).slice(0, 200),
    suppliers: readSuppliers(entries).slice(0, 500),
    location: cap(locations.length > 0 ? locations.join(', ') : null, 1000),
    text: '',
  };
  if (!buyer) facts.text = lines(main, (el) => el.matches(SIDE)).join('\n').slice(0, MAIN_TEXT_CAP);
  return facts;
}

/** Find a Tender notice pages (`/Notice/<nnnnnn-yyyy>`), TED-form and Procurement Act layouts. */
export const findATenderNotice: SiteAdapter<FindATenderNoticeFacts> = {
  id: 'find-a-tender-notice',
  matches: [...PAGES.matches],
  isPage: (url) => noticeId(url) !== null,
  pageIdFromUrl: noticeId,
  anchor: [...CONTAINER.slice(0, 1), TITLE, ...CONTAINER.slice(1)],
  extract: extractFindATenderNotice,
  testUrls: [
    'https://www.find-tender.service.gov.uk/Notice/008624-2023',
    'https://www.find-tender.service.gov.uk/Notice/008624-2023/',
    'https://www.find-tender.service.gov.uk/Notice/012345-2025?origin=SearchResults&p=1',
    'https://www.find-tender.service.gov.uk/Notice/008624-2023#award_contract-1',
    'https://www.find-tender.service.gov.uk/Notice/030223-2022',
  ],
};
