import type { Register } from '@/lib/councils/register';
import type { NameResolver } from '@/lib/page-context';
import { classifyRole } from '@/lib/roles/classify-role';
import type { ServiceGroupId } from '@/lib/roles/groups';
import { currentCode } from './councils';
import { MAX_SOURCE_TITLE_LENGTH, MAX_SOURCE_URL_LENGTH, type SavingsKind, type SavingsStatus } from './schema';
import { findAmounts, findFinancialYears } from './values';

/** What the context menu hands over: the selected text and the page it was selected on. */
export interface CaptureInput {
  selection: string;
  pageUrl?: string;
  pageTitle?: string;
}

/** The register and recognition engine the background already holds (entrypoints/background/knowledge.ts). */
export interface CaptureContext {
  register: Pick<Register, 'byDomain' | 'byCode' | 'currentSuccessors'>;
  resolver: Pick<NameResolver, 'findMentions'>;
}

/**
 * Where a prefilled value came from: the page's domain, the selected text, the page title, or
 * nowhere (`default`: the form's default, which the person should confirm).
 */
export type GuessSource = 'domain' | 'selection' | 'title' | 'default';

export interface Guess<T> {
  value: T;
  /** False when the value is a default: the form highlights it for the person to fill in or confirm. */
  found: boolean;
  from: GuessSource;
  /** The words the value was read from, e.g. "£1.2m", "2027/28", "Leeds City Council". */
  matched?: string;
}

export interface CouncilGuess extends Guess<string | null> {
  /** Every council the page or text points to, best first; more than one when the form should ask. */
  candidates: string[];
}

/** A prefill for the savings form. The person confirms it; nothing is saved from here. */
export interface CapturePrefill {
  council: CouncilGuess;
  serviceGroup: Guess<ServiceGroupId | null>;
  financialYear: Guess<string | null>;
  amountGbp: Guess<number | undefined>;
  kind: Guess<SavingsKind>;
  status: Guess<SavingsStatus>;
  description: string;
  sourceUrl?: string;
  sourceTitle?: string;
}

/** Longest description taken from a selection; budget-paper lines are a sentence or two. */
export const CAPTURE_DESCRIPTION_LIMIT = 500;
/** Same bar as lib/page-context.ts: below this a mention in free text is too weak to name a council. */
const MIN_MENTION_CONFIDENCE = 0.6;

/**
 * Reads a selection from a budget paper or council web page into a prefill for the savings form:
 * the council from the page's domain (the register's homepages, subdomains included:
 * `democracy.leeds.gov.uk` is Leeds) or else a council named in the selection or page title; the
 * amount, financial year, kind, status and service group from the words. Each field says whether
 * it was found or defaulted.
 *
 * @example parseCapture({ selection: 'Adult Social Care: £1.2m savings from the review of day services in 2027/28', pageUrl: 'https://democracy.leeds.gov.uk/x' }, ctx)
 *   // council LDS (domain), adult-social-care, 2027/28, 1200000, service-review
 */
export function parseCapture(input: CaptureInput, ctx: CaptureContext): CapturePrefill {
  const selection = input.selection.replace(/\s+/g, ' ').trim();
  const title = (input.pageTitle ?? '').replace(/\s+/g, ' ').trim();
  const url = pageUrl(input.pageUrl);

  const amount = pickAmount(selection);
  const year = findFinancialYears(selection)[0];
  const titleYear = year ? undefined : findFinancialYears(title)[0];
  const group = guessServiceGroup(selection);
  const titleGroup = group ? null : guessServiceGroup(title);

  return {
    council: guessCouncil(url, selection, title, ctx),
    serviceGroup: group
      ? { value: group, found: true, from: 'selection' }
      : titleGroup
        ? { value: titleGroup, found: true, from: 'title' }
        : { value: null, found: false, from: 'default' },
    financialYear: year
      ? { value: year.value, found: true, from: 'selection', matched: year.matched }
      : titleYear
        ? { value: titleYear.value, found: true, from: 'title', matched: titleYear.matched }
        : { value: null, found: false, from: 'default' },
    amountGbp: amount ? { value: amount.value, found: true, from: 'selection', matched: amount.matched } : { value: undefined, found: false, from: 'default' },
    kind: guessKind(selection),
    status: guessStatus(selection),
    description: capText(selection, CAPTURE_DESCRIPTION_LIMIT),
    // A longer address (a search page's) is left for the person to give, rather than refused on saving.
    ...(url && url.href.length <= MAX_SOURCE_URL_LENGTH ? { sourceUrl: url.href } : {}),
    ...(title ? { sourceTitle: title.slice(0, MAX_SOURCE_TITLE_LENGTH) } : {}),
  };
}

function pageUrl(href: string | undefined): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The first amount written with "£", else the first with a multiplier or thousands separators. */
function pickAmount(text: string): { value: number; matched: string } | undefined {
  const found = findAmounts(text);
  return found.find((a) => a.matched.includes('£')) ?? found[0];
}

/** Councils named in text, today's code for each, in text order, without repeats. */
function mentioned(text: string, ctx: CaptureContext): Array<{ code: string; matched: string }> {
  if (!text) return [];
  const out: Array<{ code: string; matched: string }> = [];
  for (const m of ctx.resolver.findMentions(text)) {
    if (m.confidence < MIN_MENTION_CONFIDENCE) continue;
    const council = ctx.register.byCode(m.code);
    if (!council) continue;
    const code = currentCode(ctx.register, council);
    if (!out.some((o) => o.code === code)) out.push({ code, matched: text.slice(m.start, m.end) });
  }
  return out;
}

/**
 * The page's domain decides when it is one council's site. A shared site (`adur-worthing.gov.uk`)
 * narrows to the council the text names, else offers both. Off council sites (news, moderngov
 * hosting, PDFs elsewhere) the first council named in the selection, then the page title, is taken.
 */
function guessCouncil(url: URL | null, selection: string, title: string, ctx: CaptureContext): CouncilGuess {
  const onSite = url ? ctx.register.byDomain(url.hostname) : [];
  const current = onSite.filter((c) => c.current);
  const siteCodes = (current.length > 0 ? current : onSite).map((c) => c.code);
  const inSelection = mentioned(selection, ctx);
  const inTitle = mentioned(title, ctx);

  if (siteCodes.length === 1) return { value: siteCodes[0]!, found: true, from: 'domain', matched: url!.hostname, candidates: siteCodes };
  if (siteCodes.length > 1) {
    const named = [...inSelection, ...inTitle].find((m) => siteCodes.includes(m.code));
    if (named) return { value: named.code, found: true, from: inSelection.includes(named) ? 'selection' : 'title', matched: named.matched, candidates: siteCodes };
    return { value: null, found: false, from: 'domain', matched: url!.hostname, candidates: siteCodes };
  }
  const first = inSelection[0] ?? inTitle[0];
  if (first) {
    const all = inSelection.length > 0 ? inSelection : inTitle;
    return { value: first.code, found: true, from: inSelection.length > 0 ? 'selection' : 'title', matched: first.matched, candidates: all.map((m) => m.code) };
  }
  return { value: null, found: false, from: 'default', candidates: [] };
}

/**
 * Budget-paper words that the job-title vocabulary reads as a service: "investment" and "growth"
 * (planning and regeneration), "budget" (finance), "transformation", "change" and "programme"
 * (corporate strategy). In a savings line they say what kind of item it is, not which service, so
 * they are replaced by a break before classifying; "inward investment" and "economic growth" stay.
 */
const BUDGET_WORDS = /\b(?<!inward )investments?\b|\binvest(?:s|ed|ing)?\b|\bbudgets?\b|\b(?<!economic )growth\b|\btransformation\b|\bchange\b|\bprogrammes?\b|\bsavings?\b/gi;

/**
 * The service the text is about, with the job-title vocabulary of lib/roles (its phrases come from
 * the `covers` column of ../shared/spec/service-groups.csv). Where a function is named for a
 * service ("procurement savings in adult social care"), the service is what is being changed.
 */
function guessServiceGroup(text: string): ServiceGroupId | null {
  if (!text) return null;
  const role = classifyRole(text.slice(0, 2000).replace(BUDGET_WORDS, ' ; '));
  return role.servesGroup ?? role.serviceGroup;
}

const KIND_RULES: Array<{ kind: SavingsKind; re: RegExp }> = [
  { kind: 'restructure', re: /\b(re-?structur\w*|re-?organi[sz]ation|re-?organi[sz]e[ds]?)\b/i },
  { kind: 'service-review', re: /\breview(s|ed|ing)?\b/i },
  // "Invest to save" is a saving bought by spending first: the redesign window still applies.
  { kind: 'saving', re: /\binvest[\s-]to[\s-]save\b/i },
  { kind: 'investment', re: /\binvest(ment|ments|ing|ed|s)?\b/i },
  { kind: 'saving', re: /\b(savings?|efficienc(y|ies)|cuts?|reduc(e|es|ed|ing|tion|tions))\b/i },
];

/** Restructure, review or investment when the words say so; a saving otherwise (found only when the text says "saving", "efficiency", "cut" or "reduce"). */
function guessKind(text: string): Guess<SavingsKind> {
  for (const { kind, re } of KIND_RULES) {
    const m = re.exec(text);
    if (m) return { value: kind, found: true, from: 'selection', matched: m[0] };
  }
  return { value: 'saving', found: false, from: 'default' };
}

const STATUS_RULES: Array<{ status: SavingsStatus; re: RegExp }> = [
  { status: 'delivered', re: /\b(delivered|achieved|realised)\b/i },
  { status: 'approved', re: /\b(approved|agreed)\b/i },
  { status: 'proposed', re: /\b(proposed|proposals?|planned)\b/i },
];

function guessStatus(text: string): Guess<SavingsStatus> {
  for (const { status, re } of STATUS_RULES) {
    const m = re.exec(text);
    if (m) return { value: status, found: true, from: 'selection', matched: m[0] };
  }
  return { value: 'proposed', found: false, from: 'default' };
}

/** The text cut to `limit` characters at a word break, with an ellipsis when cut. */
function capText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}
