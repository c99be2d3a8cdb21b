/**
 * The logged-out public profile (`/in/<slug>` as a signed-out visitor sees it, often reached from a
 * search engine): no `main`, no SDUI; a `section.top-card` with `h1.top-card-layout__title`, an
 * experience section `section[data-section="experience"]` with one `li.experience-item` per role
 * (title in `.experience-item__title`, employer in `.experience-item__subtitle`, dates in
 * `.date-range`), current roles marked `data-section="currentPositionsDetails"`
 * (../shared/linkedin-real/public-profile-logged-out-2026-06--excerpt.html, 2026-06), and a JSON-LD
 * `Person` (schema.org: `name`, `jobTitle`, `worksFor`) that LinkedIn publishes for search engines.
 */
import type { ExperienceEntry } from './types';
import { isCurrentDates } from './linkedin-experience';
import { textOrNull, visibleText } from './visible-text';

const PUBLIC_NAME = 'h1.top-card-layout__title'; // logged-out public profile top card, 2026-06
const PUBLIC_HEADLINE = '.top-card-layout__headline'; // logged-out public profile top card, 2026-06
const PUBLIC_EXPERIENCE = 'section[data-section="experience"]'; // logged-out public profile, 2026-06
const PUBLIC_ITEM = 'li.experience-item'; // logged-out public profile experience entries, 2026-06
const PUBLIC_TITLE = '.experience-item__title'; // logged-out public profile, 2026-06
const PUBLIC_EMPLOYER = '.experience-item__subtitle'; // logged-out public profile, 2026-06
const PUBLIC_DATES = '.date-range'; // logged-out public profile, "2000 - Present 26 years", 2026-06
const PUBLIC_CURRENT = '[data-section="currentPositionsDetails"]'; // logged-out public profile current roles, 2026-06
const JSON_LD = 'script[type="application/ld+json"]'; // logged-out public profile, schema.org Person, 2026-06

export interface PublicRead {
  name: string | null;
  headline: string | null;
  experience: ExperienceEntry[];
  /** From JSON-LD: the first `worksFor` organisation and the `jobTitle`, when published. */
  ldEmployer: string | null;
  ldTitle: string | null;
}

/** "2000 - Present 26 years" -> "2000 - Present · 26 years", the form the other layouts show. */
function datesOf(item: Element): string | null {
  const range = item.querySelector(PUBLIC_DATES);
  if (!range) return null;
  const duration = [...range.children].find((el) => el.localName === 'span');
  const whole = visibleText(range);
  const tail = duration ? visibleText(duration) : '';
  const head = tail && whole.endsWith(tail) ? whole.slice(0, -tail.length).trim() : whole;
  return head ? (tail ? `${head} · ${tail}` : head) : null;
}

function entry(item: Element): ExperienceEntry | null {
  const employer = textOrNull(item.querySelector(PUBLIC_EMPLOYER));
  if (!employer) return null;
  const dates = datesOf(item);
  const current = item.matches(PUBLIC_CURRENT) || (dates !== null && isCurrentDates(dates));
  return { employer, title: textOrNull(item.querySelector(PUBLIC_TITLE)), current, dates };
}

interface LdPerson {
  name: string | null;
  jobTitle: string | null;
  worksFor: string | null;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return asText(value[0]);
  return null;
}

/** The schema.org Person in the page's JSON-LD, directly or in an `@graph`; bad JSON is ignored. */
function ldPerson(root: ParentNode): LdPerson | null {
  for (const script of root.querySelectorAll(JSON_LD)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph']) ?? [])];
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const person = node as Record<string, unknown>;
      if (person['@type'] !== 'Person') continue;
      const works = Array.isArray(person.worksFor) ? person.worksFor[0] : person.worksFor;
      const worksFor = works && typeof works === 'object' ? asText((works as Record<string, unknown>).name) : asText(works);
      return { name: asText(person.name), jobTitle: asText(person.jobTitle), worksFor };
    }
  }
  return null;
}

/** Reads the logged-out public profile; null when the page is not in that layout. */
export function readPublicProfile(root: ParentNode): PublicRead | null {
  const nameEl = root.querySelector(PUBLIC_NAME);
  const section = root.querySelector(PUBLIC_EXPERIENCE);
  const ld = ldPerson(root);
  if (!nameEl && !section && !ld) return null;
  const experience = section ? [...section.querySelectorAll(PUBLIC_ITEM)].map(entry).filter((e): e is ExperienceEntry => e !== null) : [];
  return {
    name: textOrNull(nameEl) ?? ld?.name ?? null,
    headline: textOrNull(root.querySelector(PUBLIC_HEADLINE)),
    experience,
    ldEmployer: ld?.worksFor ?? null,
    ldTitle: ld?.jobTitle ?? null,
  };
}
