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
import { groupEmployer, isDateLine, roleEntry, sameEmployer, singleEntry } from './linkedin-experience';
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
];
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
  layout: 'classic' | 'sdui';
  name: string | null;
  headline: string | null;
  /** The employer the top card names, if it does. */
  topEmployer: string | null;
  experience: ExperienceEntry[];
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

function readClassic(main: Element): LayoutRead | null {
  const nameEl = main.querySelector(CLASSIC_NAME);
  const anchor = main.querySelector(CLASSIC_EXPERIENCE_ANCHOR);
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

function sduiHeadline(topCard: Element, nameEl: Element | null, name: string | null): string | null {
  for (const p of topCard.querySelectorAll(SDUI_LINE)) {
    if (nameEl && (nameEl.contains(p) || p.contains(nameEl))) continue;
    if (p.closest(SDUI_CONTROL)) continue;
    const text = visibleText(p);
    if (!text || text === name || NOT_HEADLINE.some((re) => re.test(text))) continue;
    return text;
  }
  return null;
}

function readSdui(main: Element): LayoutRead | null {
  const topCard = first(main, SDUI_TOP_CARD);
  const card = first(main, SDUI_EXPERIENCE);
  if (!topCard && !card) return null;
  const nameEl = topCard ? first(topCard, SDUI_NAME) : null;
  const name = textOrNull(nameEl);
  return {
    layout: 'sdui',
    name,
    headline: topCard ? sduiHeadline(topCard, nameEl, name) : null,
    topEmployer: topCard ? currentCompany(topCard) : null,
    experience: card ? outermost(card, SDUI_ITEM).flatMap(sduiItem) : [],
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

function employerAndTitle(read: LayoutRead): { employer: string | null; title: string | null } {
  const current = read.experience.filter((e) => e.current);
  const employer = read.topEmployer ?? current[0]?.employer ?? null;
  const title = current.find((e) => sameEmployer(e.employer, employer))?.title ?? null;
  return { employer, title };
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
  if (!main || !hasVisibleText(main)) return null;
  if (!linksAgree(main, IDENTITY_LINKS, 'in', pageId)) return null;

  const reads = [readClassic(main), readSdui(main)].filter((r): r is LayoutRead => r !== null);
  for (const read of reads) {
    const { employer, title } = employerAndTitle(read);
    if (employer) {
      const { layout, name, headline, experience } = read;
      return { kind: 'linkedin-profile', pageId, readVia: layout, name, headline, employer, title, experience, text: '' };
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
    employer: null,
    title: null,
    experience: partial?.experience ?? [],
    text: mainText(main),
  };
}

/** LinkedIn profile pages (`/in/<slug>`), both 2026 layouts and a visible-text fallback. */
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
