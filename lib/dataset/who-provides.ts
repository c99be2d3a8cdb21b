import type { Provision } from '@/lib/councils/schema';

/** The tiers of Great Britain's local government that the spec's who_provides text talks about. */
export type GbTier = 'upper' | 'lower' | 'unitary';
/** What each Great Britain tier runs of one service group. */
export type GbProvision = Record<GbTier, Provision>;

const GB_TIERS: readonly GbTier[] = ['upper', 'lower', 'unitary'];

/** Words of a who_provides text, as used in ../shared/spec/service-groups.csv and the LGSL tier file. */
const TIERS_BY_WORD: Readonly<Record<string, readonly GbTier[]>> = {
  county: ['upper'],
  district: ['lower'],
  unitary: ['unitary'],
  all: GB_TIERS,
};

interface Clause {
  label: string | null;
  tiers: ReadonlySet<GbTier>;
}

/**
 * Reads who runs a service group from the spec's `who_provides` text (also the LGSL file's
 * "Providing Tier"): what each tier runs, all, part or none of.
 *
 * - `county/unitary`: the named tiers run all of it, the others none.
 * - `county/unitary (parking: all)`: a bracketed labelled exception gives the tiers it adds
 *   `part` (here districts run parking only).
 * - `collection: district/unitary; disposal: county/unitary`: labelled clauses split the group;
 *   a tier named in every clause runs all of it, in some of them part, in none none.
 *
 * @throws Error on text outside this grammar, so a new spec wording is noticed, not guessed.
 */
export function parseWhoProvides(text: string): GbProvision {
  const bracket = /^([^()]*?)\s*\(([^()]*)\)\s*$/.exec(text.trim());
  const main = (bracket ? bracket[1] : text) ?? '';
  const mainClauses = main.split(';').map((c) => parseClause(c, text));
  const exceptions = bracket ? (bracket[2] ?? '').split(';').map((c) => parseClause(c, text)) : [];
  if (exceptions.some((c) => c.label === null)) throw new Error(`Unlabelled exception in who_provides ${JSON.stringify(text)}`);
  const [first] = mainClauses;
  if (!first) throw new Error(`Empty who_provides ${JSON.stringify(text)}`);
  const labelled = mainClauses.filter((c) => c.label !== null).length;
  if (mainClauses.length > 1 ? labelled !== mainClauses.length : labelled !== 0) {
    throw new Error(`who_provides ${JSON.stringify(text)} mixes labelled and unlabelled clauses`);
  }

  const provision = {} as GbProvision;
  for (const tier of GB_TIERS) {
    const inClauses = mainClauses.filter((c) => c.tiers.has(tier)).length;
    const inExceptions = exceptions.some((c) => c.tiers.has(tier));
    provision[tier] =
      inClauses === mainClauses.length ? 'all' : inClauses > 0 || inExceptions ? 'part' : 'none';
  }
  return provision;
}

function parseClause(clause: string, text: string): Clause {
  const colon = clause.indexOf(':');
  const label = colon === -1 ? null : clause.slice(0, colon).trim();
  const words = (colon === -1 ? clause : clause.slice(colon + 1)).split('/').map((w) => w.trim());
  const tiers = new Set<GbTier>();
  for (const word of words) {
    const named = TIERS_BY_WORD[word];
    if (!named) throw new Error(`Unknown tier ${JSON.stringify(word)} in who_provides ${JSON.stringify(text)}`);
    for (const tier of named) tiers.add(tier);
  }
  if (label === '') throw new Error(`Empty label in who_provides ${JSON.stringify(text)}`);
  return { label, tiers };
}
