import type { Council, ServicesFile } from '@/lib/councils/schema';
import type { Register } from '@/lib/councils/register';
import { z } from 'zod';
import {
  buildCouncilCard,
  CouncilCardSchema,
  CouncilMatchSchema,
  PreviousCouncilSchema,
  type CouncilMatch,
  type CouncilRef,
  type PreviousCouncil,
} from '@/lib/councils/card';
import { ProcurementSchema } from '@/lib/ocds/summary';
import { PersonSchema, RoleSchema, type Role } from '@/lib/roles/role';
import type { PageFacts } from '@/lib/sites/types';

/** What the side panel, badge and in-page card show for one tab. */
export const TabContextSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  pageId: z.string().nullable(),
  pageKind: z.string().nullable(),
  /**
   * `reading`: a new page view started and the page is still being read (the previous page's
   * council must not show meanwhile); `unreadable`: a supported page whose content could not be read.
   */
  status: z.enum(['reading', 'council', 'no-council', 'unreadable', 'unsupported']),
  person: PersonSchema.nullable(),
  /** The person's current role, classified; null off profiles or when no title was read. */
  role: RoleSchema.nullable(),
  match: CouncilMatchSchema.nullable(),
  card: CouncilCardSchema.nullable(),
  /** Open tenders and contracts ending for the card's council; null without a council. */
  procurement: ProcurementSchema.nullable(),
  /** Other councils the page names (e.g. past council roles), for "previously at". */
  previously: z.array(PreviousCouncilSchema),
  updatedAt: z.number(),
});
export type TabContext = z.infer<typeof TabContextSchema>;

/** The part of a recognition hit this module needs (see lib/councils/council-index.ts). */
export interface NameHit {
  code: string;
  confidence: number;
}
export interface TextMention extends NameHit {
  start: number;
  end: number;
}

/** Turns names and free text into councils. Implemented by the recognition engine. */
export interface NameResolver {
  resolveName(name: string): NameHit[];
  findMentions(text: string): TextMention[];
}

export interface PageContextDeps {
  register: Register;
  services: ServicesFile;
  resolver: NameResolver;
  classifyTitle?: (title: string) => Role | null;
}

export type PageContext = Omit<TabContext, 'tabId' | 'url' | 'updatedAt'>;

/** Below this, a free-text mention is too weak to put a council on the card. */
const MIN_TEXT_CONFIDENCE = 0.6;

interface Found {
  /** The council the card is about: the named council, or for a former one its first current successor. */
  council: Council;
  /** The council the page names, as it was (a former council stays itself). */
  named: Council;
  /** For a former council: every current council that replaced it. */
  successors: Council[];
  match: CouncilMatch;
}

const ref = (council: Council): CouncilRef => ({ code: council.code, name: council.officialName });

/**
 * Follows an abolished council through every later abolition to today's councils that replaced it,
 * keeping what the page said. Two hops (Taunton Deane -> Somerset West and Taunton -> Somerset)
 * and splits (Cumbria -> Cumberland + Westmorland and Furness) both count; the card shows the first.
 */
function follow(council: Council, matchedText: string, source: CouncilMatch['source'], confidence: number, register: Register): Found | null {
  if (council.current) return { council, named: council, successors: [], match: { matchedText, former: null, source, confidence } };
  const successors = register.currentSuccessors(council);
  const first = successors[0];
  if (!first) return null;
  const former = { code: council.code, name: council.officialName, endDate: council.endDate, successors: successors.map(ref) };
  return { council: first, named: council, successors, match: { matchedText, source, former, confidence } };
}

function resolveOne(name: string, source: CouncilMatch['source'], deps: PageContextDeps): Found | null {
  for (const hit of deps.resolver.resolveName(name)) {
    const council = deps.register.byCode(hit.code);
    if (!council) continue;
    const found = follow(council, name, source, hit.confidence, deps.register);
    if (found) return found;
  }
  return null;
}

function fromText(text: string, deps: PageContextDeps): Found | null {
  if (!text) return null;
  // The first confident mention: on a profile's visible text that is the top card, which comes
  // before the experience list and the "People also viewed" rail.
  for (const m of deps.resolver.findMentions(text)) {
    if (m.confidence < MIN_TEXT_CONFIDENCE) continue;
    const council = deps.register.byCode(m.code);
    const found = council && follow(council, text.slice(m.start, m.end), 'text', m.confidence, deps.register);
    if (found) return found;
  }
  return null;
}

/**
 * What one page says about councils: the council the person works for (or the company page is),
 * councils they worked for before, and their role. Pure: the caller adds tab id, URL and time.
 */
export function resolvePageContext(facts: PageFacts | null, pageKind: string | null, deps: PageContextDeps): PageContext {
  const empty: PageContext = {
    pageId: facts?.pageId ?? null,
    pageKind,
    status: pageKind ? 'unreadable' : 'unsupported',
    person: null,
    role: null,
    match: null,
    card: null,
    procurement: null,
    previously: [],
  };
  if (!facts) return empty;

  let found: Found | null = null;
  const previously: PreviousCouncil[] = [];
  let person: PageContext['person'] = null;
  let role: Role | null = null;

  if (facts.kind === 'linkedin-profile') {
    person = { name: facts.name, title: facts.title, employer: facts.employer };
    const currentEmployers = [facts.employer, ...facts.experience.filter((e) => e.current).map((e) => e.employer)];
    for (const employer of currentEmployers) {
      if (employer && (found = resolveOne(employer, employer === facts.employer ? 'employer' : 'experience', deps))) break;
    }
    found ??= fromText(facts.text, deps);
    // Keyed by the council the person worked at, not its successor: a past job at Harrogate
    // Borough Council is "Harrogate Borough Council, now part of North Yorkshire Council".
    const seen = new Set(found ? [found.council.code, found.named.code] : []);
    for (const entry of facts.experience) {
      if (entry.current) continue;
      const past = resolveOne(entry.employer, 'experience', deps);
      if (past && !seen.has(past.named.code)) {
        seen.add(past.named.code);
        previously.push(past.named.current ? ref(past.named) : { ...ref(past.named), successors: past.successors.map(ref) });
      }
    }
    const title = facts.title ?? facts.experience.find((e) => e.current)?.title ?? null;
    role = title && deps.classifyTitle ? deps.classifyTitle(title) : null;
  } else if (facts.kind === 'linkedin-company') {
    found = (facts.companyName && resolveOne(facts.companyName, 'company', deps)) || fromText(facts.text, deps);
  } else {
    // Tender notices: the buyer as printed, else the visible text.
    found = (facts.buyer && resolveOne(facts.buyer.name, 'buyer', deps)) || fromText(facts.text, deps);
  }

  return {
    ...empty,
    status: found ? 'council' : 'no-council',
    person,
    role,
    match: found?.match ?? null,
    card: found ? buildCouncilCard(found.council, deps.register, deps.services) : null,
    previously,
  };
}
