/**
 * The job title in a LinkedIn headline, when the headline names it. A headline is free text; the
 * 2026 top card shows it while the experience card loads lazily or not at all
 * (../shared/linkedin-real/profile-sdui-2026-04--a.html: "Senior Software Engineer @ Mercari, Japan",
 * --b.html: "Software Engineer at Deloitte Japan | AWS Certified …"). So a title is taken from it only
 * in a recognisable form, and only when the employer it names is the current one.
 */

/** Legal-form words that do not tell two employers apart. */
const LEGAL_FORM = /\b(?:ltd|limited|inc|incorporated|plc|llc|llp|gmbh|ab|co|corp|corporation)\b/g;

/** Lower-case, `&` as "and", punctuation and legal forms dropped, spaces collapsed. */
export function employerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(LEGAL_FORM, ' ')
    .replace(/^\s*the\s+/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when two employer names are the same employer as LinkedIn writes them in different places:
 * equal after {@link employerKey}, or one is the other followed by more words ("Mercari" and
 * "Mercari, Japan"; "Deloitte" and "Deloitte Japan").
 */
export function employerMatches(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return keysMatch(employerKey(a), employerKey(b));
}

function keysMatch(x: string, y: string): boolean {
  if (!x || !y) return false;
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** Where a headline's title ends and its employer starts, in the forms people use. */
const SEPARATORS = [/\s+at\s+/gi, /\s*@\s*/g, /\s+\|\s+/g, /\s*,\s+/g];

/** Where the employer named after a separator ends: the next section of the headline. */
const EMPLOYER_END = /\s+(?:\||·|•|-|–|—)\s+|\s*[|·•]\s*/;

const MAX_TITLE = 120;

/**
 * The title in a headline of the form "Title at Employer", "Title @ Employer", "Title | Employer"
 * or "Title, Employer" (each possibly followed by "| more"), when that employer matches `employer`.
 * Every occurrence of each separator is tried, so "Head of Planning, Design and Heritage at Kent
 * County Council" gives "Head of Planning, Design and Heritage". Null otherwise.
 */
export function titleFromHeadline(headline: string | null, employer: string | null): string | null {
  if (!headline || !employer) return null;
  const current = employerKey(employer);
  if (!current) return null;
  for (const separator of SEPARATORS) {
    for (const match of headline.matchAll(separator)) {
      const title = headline.slice(0, match.index).trim();
      if (!title || title.length > MAX_TITLE || /[|·•]/.test(title)) continue;
      const named = (headline.slice(match.index + match[0].length).split(EMPLOYER_END)[0] ?? '').trim();
      if (keysMatch(employerKey(named), current)) return title;
    }
  }
  return null;
}
