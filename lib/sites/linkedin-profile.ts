/**
 * LinkedIn profile pages, `/in/<slug>`.
 *
 * Variants (both served to signed-in members in 2026-11; fixtures in tests/fixtures/linkedin/):
 * - classic (Ember): the name in `h1.text-heading-xlarge`, the headline in
 *   `.text-body-medium.break-words`, the current company as a top-card button whose aria-label is
 *   "Current company: <name>. Click to skip to experience card"; the experience card is the
 *   `section` holding the `div#experience` anchor, one `li.artdeco-list__item` per employer, each
 *   label rendered twice (`span[aria-hidden="true"]` for the eye, `span.visually-hidden` for screen
 *   readers: only the first is read). Several roles at one employer nest under the employer's item,
 *   one `[data-view-name="profile-component-entity"]` per role
 *   (profile-classic--priya-sharma.html, profile-classic--sam-hughes.html).
 * - server-driven UI ("SDUI"): hashed class names (never selected on), no h1. The top card is the
 *   element whose `componentkey` ends in "Topcard" (or `[data-view-name="profile-top-card"]`), the
 *   name its first heading (`h2` or `role="heading"`); the experience card is
 *   `[data-view-name="profile-card-experience"]`, one `[componentkey^="entity-collection-item"]`
 *   per employer with its lines in `p` elements; a grouped employer holds its roles in a `ul`
 *   (profile-sdui--tom-okafor.html, profile-sdui--grace-lee.html).
 *   As saved in 2026-04 (../shared/linkedin-real/profile-sdui-2026-04--a.html, --b.html; fixtures
 *   profile-sdui-2026--jo-harwood-7a8b9c.html, profile-sdui-2026--nadia-hussain-0d1e2f.html) the top card has no
 *   "Current company" label and the Experience card is often not rendered yet: the top card's lines
 *   are headline, "Company · School", location, and the company and school are `role="button"`
 *   entities below them. The employer is the company there; the title the headline's, when it has
 *   the form "Title at Employer" and names that employer (lib/sites/linkedin-headline.ts). Cards
 *   are named `com.linkedin.sdui.profile.card.ref<member id><Card>`.
 * - public: the logged-out profile (no `main`), read from its Experience section and JSON-LD
 *   (lib/sites/linkedin-profile-public.ts; profile-public-2026--helen-marsh.html).
 * - text: when neither layout yields an employer, the visible text of `main` (capped, right rail
 *   left out) so the caller can scan it for council names (profile-unknown--ali-khan.html).
 *
 * URLs: `/in/<slug>`, with or without a trailing slash, query or hash; a profile shown in one of
 * its secondary languages (`/in/<slug>/fr/`); and overlays opened over the profile
 * (`/in/<slug>/overlay/contact-info/`), since the profile stays rendered underneath. Sub-pages such
 * as `/in/<slug>/details/experience/` or `/recent-activity/` are not profile main pages: they have
 * no top card, and the details list repeats past roles without saying which employer is current,
 * so this adapter rejects them (a later adapter may read them).
 *
 * Page identity: the decoded, lower-cased slug from the URL. Before reading, links that belong to
 * the page owner are checked against it: the top card's "Contact info" link
 * (`/in/<slug>/overlay/contact-info/`), the classic name link
 * (`/in/<slug>/overlay/about-this-profile/`) and the experience card's "Show all" link
 * (`/in/<slug>/details/experience/`). These are re-rendered together with the profile, so a
 * disagreement means the DOM still shows the previous profile and extract returns null. The
 * canonical `<link>` is not checked: it sits in the head, outside what the SPA re-renders, and a
 * stale one would hide every profile reached by SPA navigation.
 */
import type { ExperienceEntry, LinkedInProfileFacts, SiteAdapter } from './types';
import { groupEmployer, isDateLine, roleEntry, singleEntry } from './linkedin-experience';
import { employerMatches, titleFromHeadline } from './linkedin-headline';
import { readPublicProfile } from './linkedin-profile-public';
import { isLinkedInUrl, linksAgree, normaliseSlug, pathSegments } from './linkedin-url';
import { findMain, first, hasVisibleText, mainText, textOrNull, visibleText } from './visible-text';

const CLASSIC_NAME = 'h1.text-heading-xlarge'; // classic profile, 2026-11
const CLASSIC_HEADLINE = '.text-body-medium.break-words'; // classic profile top card, 2026-11
const CLASSIC_EXPERIENCE_ANCHOR = '#experience'; // classic profile, div#experience inside the card's section, 2026-11
const CLASSIC_ITEM = 'li.artdeco-list__item'; // classic profile experience entries, 2026-11
const CLASSIC_ENTITY = '[data-view-name="profile-component-entity"]'; // classic profile, one per role, 2026-11
const CLASSIC_LINE = 'span[aria-hidden="true"]'; // classic profile visible labels (visually-hidden twins skipped), 2026-11
const CLASSIC_COMPANY_BUTTON = 'button[data-field="experience_company_logo"]'; // classic profile top card, 2026-11
const CLASSIC_CARD = 'section'; // classic profile: top card and experience card are sections, 2026-11
/** Where a grouped entry's roles nest: one entity per role, else the nested list items. */
const CLASSIC_ROLES = [CLASSIC_ENTITY, 'li']; // classic profile grouped roles, 2026-11

const SDUI_TOP_CARD = [
  '[componentkey$="Topcard"]', // SDUI profile top card section, 2026-11
  '[data-view-name="profile-top-card"]', // SDUI profile top card, 2026-11
];
const SDUI_NAME = [
  'h1, h2, [role="heading"]', // SDUI profile top card, the name as h2, 2026-11
  '[data-view-name="profile-top-card-verified-badge"] [role="button"] p', // SDUI profile top card, the name as p, 2026-11
  '[data-view-name="profile-top-card-verified-badge"] p', // SDUI profile top card, 2026-11
];
const SDUI_EXPERIENCE = [
  '[data-view-name="profile-card-experience"]', // SDUI profile experience card, 2026-11
  '[data-testid^="profile_ExperienceTopLevelSection_"]', // SDUI profile experience list, 2026-11
  // The cards of the 2026-04 profiles are named com.linkedin.sdui.profile.card.ref<member id><Card>
  // ("…Topcard", "…About", "…Activity"): the experience card by the same scheme, once it loads.
  '[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="Experience"]', // SDUI profile, 2026-04
];
/** A card section whose heading reads "Experience", when no hook above names it. */
const SDUI_CARD_HEADING = 'section h2, section [role="heading"]'; // SDUI profile card headings, 2026-04
const SDUI_ENTITY_BUTTON = '[role="button"]'; // SDUI profile top card: current company and school buttons, 2026-04
const SDUI_ITEM = '[componentkey^="entity-collection-item"]'; // SDUI profile experience entries, 2026-11
const SDUI_DESCRIPTION = '[data-testid="expandable-text-box"]'; // SDUI profile entry description, 2026-11
const SDUI_LINE = 'p'; // SDUI profile: every label of the top card and entries is a p, 2026-11
const SDUI_ROLE_LIST = 'ul'; // SDUI profile grouped entry: its roles as li children, 2026-11
const SDUI_CONTROL = 'a, button, [role="button"]'; // SDUI profile top card links and buttons (company, school, name), 2026-11

const CURRENT_COMPANY_LABEL = '[aria-label]'; // classic and SDUI top card, "Current company: …", 2026-11
const IDENTITY_LINKS = [
  'a[href*="/overlay/contact-info"]', // classic and SDUI top card "Contact info", 2026-11
  'a[href*="/overlay/about-this-profile"]', // classic top card name link, 2026-11
  'a[href*="/details/experience"]', // classic and SDUI experience card "Show all", 2026-11
];

/** "Current company: Leeds City Council. Click to skip to experience card" -> "Leeds City Council". */
const CURRENT_COMPANY = /^current company:\s*(.+?)(?:\.\s*click to skip to experience card\.?)?\s*$/i;

/** Top-card lines that are not the headline: degree, pronouns, counts, links. */
const NOT_HEADLINE = [
  /^[·•]?\s*(?:1st|2nd|3rd\+?|\d+(?:st|nd|rd|th))$/i,
  /^\(?(?:he|she|they|xe|ze)\/\w+\)?$/i,
  /\d[\d,.]*\+?\s*(?:connections?|followers?)\b/i,
  /^contact info$/i,
  /^[·•]$/,
];

interface LayoutRead {
  layout: 'classic' | 'sdui' | 'public';
  name: string | null;
  headline: string | null;
  /** The employer the top card names, if it does. */
  topEmployer: string | null;
  location: string | null;
  experience: ExperienceEntry[];
  /** A title the page states outright (the public profile's JSON-LD `jobTitle`). */
  statedTitle?: string | null;
}

/** Elements matching `selector` under `scope` that are not nested in another match under `scope`. */
function outermost(scope: Element, selector: string): Element[] {
  return [...scope.querySelectorAll(selector)].filter((el) => {
    const outer = el.parentElement?.closest(selector);
    return !outer || outer === scope || !scope.contains(outer);
  });
}

function insideAny(el: Element, containers: readonly Element[]): boolean {
  return containers.some((c) => c !== el && c.contains(el));
}

/** The employer named by a "Current company: …" aria-label in the top card. */
function currentCompany(topCard: Element): string | null {
  for (const el of topCard.querySelectorAll(CURRENT_COMPANY_LABEL)) {
    const match = CURRENT_COMPANY.exec(el.getAttribute('aria-label') ?? '');
    const name = match?.[1]?.trim();
    if (name) return name;
  }
  return null;
}

/** A classic entity's visible lines, leaving out nested role entities. */
function classicLines(entity: Element, exclude: readonly Element[]): string[] {
  const lines: string[] = [];
  for (const span of entity.querySelectorAll(CLASSIC_LINE)) {
    if (insideAny(span, exclude)) continue;
    const outer = span.parentElement?.closest(CLASSIC_LINE);
    if (outer && entity.contains(outer)) continue;
    const text = visibleText(span);
    if (text) lines.push(text);
  }
  return lines;
}

/**
 * One classic experience item: a single role, or an employer with its roles nested (the outer
 * entity carries the employer and total tenure, each nested one a title and dates).
 */
function classicItem(item: Element): ExperienceEntry[] {
  const entity = item.querySelector(CLASSIC_ENTITY) ?? item;
  for (const selector of CLASSIC_ROLES) {
    const nested = outermost(entity, selector);
    const roles = nested.filter((role) => classicLines(role, []).some(isDateLine));
    if (roles.length === 0) continue;
    const employer = groupEmployer(classicLines(entity, nested));
    if (!employer) return [];
    return roles.map((role) => roleEntry(classicLines(role, outermost(role, selector)), employer));
  }
  const entry = singleEntry(classicLines(entity, []));
  return entry ? [entry] : [];
}

function readClassic(main: Element, root: ParentNode): LayoutRead | null {
  const nameEl = main.querySelector(CLASSIC_NAME);
  // The experience card sits in main, but markup that is not well nested (the Activity card of
  // ../shared/linkedin-real/profile-classic-hashed-2024-07--a.html) can end main early in a parser
  // less forgiving than Chromium's: the id is unique to the profile's card, so look page-wide too.
  const anchor = main.querySelector(CLASSIC_EXPERIENCE_ANCHOR) ?? (nameEl ? root.querySelector(CLASSIC_EXPERIENCE_ANCHOR) : null);
  if (!nameEl && !anchor) return null;
  const topCard = nameEl?.closest(CLASSIC_CARD) ?? null;
  let topEmployer: string | null = null;
  if (topCard) topEmployer = currentCompany(topCard) ?? textOrNull(topCard.querySelector(CLASSIC_COMPANY_BUTTON));
  const section = anchor?.closest(CLASSIC_CARD) ?? null;
  const experience = section ? outermost(section, CLASSIC_ITEM).flatMap(classicItem) : [];
  return {
    layout: 'classic',
    name: textOrNull(nameEl),
    headline: textOrNull(topCard?.querySelector(CLASSIC_HEADLINE)),
    topEmployer,
    location: null,
    experience,
  };
}

/** An SDUI element's visible `p` lines, leaving out excluded subtrees and descriptions. */
function sduiLines(scope: Element, exclude: readonly Element[]): string[] {
  const lines: string[] = [];
  for (const p of scope.querySelectorAll(SDUI_LINE)) {
    if (insideAny(p, exclude) || p.closest(SDUI_DESCRIPTION)) continue;
    const text = visibleText(p);
    // The same label is sometimes rendered twice in a row (a visible and an accessible copy).
    if (text && lines[lines.length - 1] !== text) lines.push(text);
  }
  return lines;
}

function sduiItem(item: Element): ExperienceEntry[] {
  const descriptions = [...item.querySelectorAll(SDUI_DESCRIPTION)];
  const list = [...item.querySelectorAll(SDUI_ROLE_LIST)].find((ul) => !insideAny(ul, descriptions));
  const roles = list ? [...list.children].filter((li) => li.localName === 'li' && sduiLines(li, []).some(isDateLine)) : [];
  if (list && roles.length > 0) {
    const employer = groupEmployer(sduiLines(item, [list]));
    if (!employer) return [];
    return roles.map((role) => roleEntry(sduiLines(role, []), employer));
  }
  const entry = singleEntry(sduiLines(item, []));
  return entry ? [entry] : [];
}

/** The top card's own lines (not the name, not inside links or buttons), in order. */
function sduiTopLines(topCard: Element, nameEl: Element | null, name: string | null): string[] {
  const lines: string[] = [];
  for (const p of topCard.querySelectorAll(SDUI_LINE)) {
    if (nameEl && (nameEl.contains(p) || p.contains(nameEl))) continue;
    if (p.closest(SDUI_CONTROL)) continue;
    const text = visibleText(p);
    if (!text || text === name || NOT_HEADLINE.some((re) => re.test(text))) continue;
    lines.push(text);
  }
  return lines;
}

/** Words that make a top-card entity a place of study rather than an employer. */
const SCHOOL = /\b(?:university|universit[äéy]|college|school|academy|polytechnic|institute of technology|sixth form)\b/i;

/**
 * The "Company · School" line under the headline and the entity buttons below it name the current
 * company first, then the school (profile-sdui-2026-04--a.html: "Mercari, Inc. · ABV-Indian
 * Institute …", buttons "Mercari, Inc." and "ABV-Indian Institute …"). The line is the one whose
 * parts are all button labels; with one part only, it is the company unless it reads as a school.
 */
function sduiCompany(topCard: Element, lines: readonly string[]): { employer: string | null; line: number } {
  const labels = new Set(
    [...topCard.querySelectorAll(SDUI_ENTITY_BUTTON)].map((el) => visibleText(el)).filter((label) => label.length > 0),
  );
  if (labels.size === 0) return { employer: null, line: -1 };
  const line = lines.findIndex((text) => text.split(' · ').every((part) => labels.has(part.trim())));
  if (line < 0) return { employer: null, line };
  const parts = (lines[line] ?? '').split(' · ').map((part) => part.trim());
  const company = parts[0] ?? null;
  if (parts.length === 1 && company && SCHOOL.test(company)) return { employer: null, line };
  return { employer: company, line };
}

/** The experience card: a named hook, else the section whose heading reads "Experience". */
function sduiExperienceCard(main: Element): Element | null {
  const card = first(main, SDUI_EXPERIENCE);
  if (card) return card;
  for (const heading of main.querySelectorAll(SDUI_CARD_HEADING)) {
    if (visibleText(heading).toLowerCase() === 'experience') return heading.closest('section');
  }
  return null;
}

function readSdui(main: Element): LayoutRead | null {
  const topCard = first(main, SDUI_TOP_CARD);
  const card = sduiExperienceCard(main);
  if (!topCard && !card) return null;
  const nameEl = topCard ? first(topCard, SDUI_NAME) : null;
  const name = textOrNull(nameEl);
  const lines = topCard ? sduiTopLines(topCard, nameEl, name) : [];
  const company = topCard ? sduiCompany(topCard, lines) : { employer: null, line: -1 };
  // The location follows the company line (or the headline when there is none).
  const location = lines[company.line >= 0 ? company.line + 1 : 1] ?? null;
  return {
    layout: 'sdui',
    name,
    headline: lines[0] ?? null,
    topEmployer: (topCard ? currentCompany(topCard) : null) ?? company.employer,
    location,
    experience: card ? outermost(card, SDUI_ITEM).flatMap(sduiItem) : [],
  };
}

function readPublic(root: ParentNode): LayoutRead | null {
  const read = readPublicProfile(root);
  if (!read) return null;
  return {
    layout: 'public',
    name: read.name,
    headline: read.headline,
    topEmployer: read.ldEmployer,
    location: null,
    experience: read.experience,
    statedTitle: read.ldTitle,
  };
}

/** The profile slug segment of a profile main page URL, or null for any other URL. */
function profileSlug(url: URL): string | null {
  if (!isLinkedInUrl(url)) return null;
  const [prefix, slug, third, ...rest] = pathSegments(url);
  if (prefix !== 'in' || !slug) return null;
  const isMain =
    third === undefined ||
    (rest.length === 0 && /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i.test(third)) || // a secondary-language profile, /in/<slug>/fr
    (third === 'overlay' && rest.length > 0); // a dialog over the profile, /in/<slug>/overlay/contact-info/
  return isMain ? normaliseSlug(slug) : null;
}

/**
 * Current employer: the top card's, else the first current experience entry's. Title: the current
 * entry at that employer, else a title the page states, else the headline's when it names that
 * employer ("Title at Employer" and the like, lib/sites/linkedin-headline.ts).
 */
function employerAndTitle(read: LayoutRead): { employer: string | null; title: string | null } {
  const current = read.experience.filter((e) => e.current);
  const employer = read.topEmployer ?? current[0]?.employer ?? null;
  const title =
    current.find((e) => e.title && employerMatches(e.employer, employer))?.title ??
    (employer ? read.statedTitle : null) ??
    titleFromHeadline(read.headline, employer);
  return { employer, title };
}

/** Facts from a layout read, or the visible text of `scope` when it names no employer. */
function facts(pageId: string, read: LayoutRead, scope: ParentNode): LinkedInProfileFacts {
  const { employer, title } = employerAndTitle(read);
  const { layout, name, headline, location, experience } = read;
  if (employer) return { kind: 'linkedin-profile', pageId, readVia: layout, name, headline, location, employer, title, experience, text: '' };
  const body = (scope as Document).body ?? scope;
  return { kind: 'linkedin-profile', pageId, readVia: 'text', name, headline, location, employer: null, title: null, experience, text: mainText(body as Element) };
}

/**
 * Reads a LinkedIn profile: name, headline, current employer and title, and the experience list,
 * from whichever layout the page uses; falls back to the visible text of the main content.
 * Null when the URL is not a profile main page, the SPA shell has no main content yet, or the DOM
 * still shows another profile than the URL names.
 */
export function extractLinkedInProfile(root: ParentNode, url: URL): LinkedInProfileFacts | null {
  const pageId = profileSlug(url);
  if (!pageId) return null;
  const main = findMain(root);
  if (!main) {
    // The logged-out public profile has no main landmark; every signed-in layout has one.
    const read = readPublic(root);
    return read ? facts(pageId, read, root) : null;
  }
  if (!hasVisibleText(main)) return null;
  if (!linksAgree(main, IDENTITY_LINKS, 'in', pageId)) return null;

  const reads = [readClassic(main, root), readSdui(main)].filter((r): r is LayoutRead => r !== null);
  for (const read of reads) {
    const { employer, title } = employerAndTitle(read);
    if (employer) {
      const { layout, name, headline, location, experience } = read;
      return { kind: 'linkedin-profile', pageId, readVia: layout, name, headline, location, employer, title, experience, text: '' };
    }
  }
  // A layout was recognised but named no employer (experience not rendered yet, or none listed):
  // keep what it did read, and hand over the visible text.
  const partial = reads[0];
  return {
    kind: 'linkedin-profile',
    pageId,
    readVia: 'text',
    name: partial?.name ?? null,
    headline: partial?.headline ?? null,
    location: partial?.location ?? null,
    employer: null,
    title: null,
    experience: partial?.experience ?? [],
    text: mainText(main),
  };
}

/** LinkedIn profile pages (`/in/<slug>`): classic, server-driven and logged-out layouts, and a visible-text fallback. */
export const linkedInProfile: SiteAdapter<LinkedInProfileFacts> = {
  id: 'linkedin-profile',
  // Every LinkedIn page, not just /in/*: LinkedIn is a single-page app, and a profile is usually
  // reached from the feed or search by pushState, where no new content script would be injected.
  matches: ['*://www.linkedin.com/*'],
  isPage: (url) => profileSlug(url) !== null,
  pageIdFromUrl: profileSlug,
  anchor: [
    ...SDUI_TOP_CARD,
    CLASSIC_NAME,
    'h1.top-card-layout__title', // logged-out public profile, 2026-06
    'main', // any layout: the text fallback reads main, 2026-11
    '[role="main"]', // any layout, 2026-11
  ],
  extract: extractLinkedInProfile,
  testUrls: [
    'https://www.linkedin.com/in/priya-sharma',
    'https://www.linkedin.com/in/priya-sharma/',
    'https://www.linkedin.com/in/Tom-Okafor/?originalSubdomain=uk',
    'https://www.linkedin.com/in/sam-hughes/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB1',
    'https://www.linkedin.com/in/grace-lee/#experience',
    'https://www.linkedin.com/in/j%C3%BCrgen-m-123',
    'https://www.linkedin.com/in/grace-lee/fr/',
    'https://www.linkedin.com/in/ali-khan/overlay/contact-info/',
    'http://www.linkedin.com/in/priya-sharma/',
  ],
};
