/**
 * The cue words of ./context.ts (a council post or body named in the sentence), in their own file
 * because the anchor pass reads them too: context.ts reads the engine's types, the engine builds
 * the anchor words, and the anchor pass reads the cues, so the cues cannot live in context.ts
 * without an import cycle (tests/import-cycles.test.ts).
 */

/**
 * The words of a council post or body ("director", "leader", "cabinet", "councillors",
 * "appoint...", "budget", "chief executive"), or of councils as a class ("councils such
 * as", "authorities like"): a sentence needs one before anything here is tried. Sharing words
 * ("shares some services with", "a joint trading standards department") are not cues: as cues they
 * cost about 5% on prose and dense text alike (tests/bench/recognition-speed.bench.ts, issue 18),
 * so sharing counts only in a sentence that names a post too ("shared a chief executive with"), and
 * so does "the Mayor of" (as a cue, about 2% of prose).
 * Each is a word start, its first letter in either case and the rest as written here, so a word
 * that merely begins with one ("Directorate", "leadership", "appointments") counts too; titles in
 * capitals are not cues. The anchor pass (anchors.ts) calls {@link cueEnd} at every word start it
 * reads, so finding cues costs no second pass over the page (issue 18: a separate RegExp for them
 * cost a fifth of the recogniser's time on prose, tests/bench/recognition-speed.bench.ts).
 */
export const CUE_TAILS: Readonly<Record<number, readonly string[]>> = {
  100: ['irector'], // d
  108: ['eader'], // l
  // "authorities" only before "like", "such" or "including": contracting authorities are
  // everywhere in notices, and each cue costs its sentence a second reading. "councils " is rarer
  // ("Councils meeting on Thursday included Glasgow, ...", mentions-press-2.csv): measured against
  // the engine without it, six alternated runs each, both speed ratios within noise (about 1%).
  99: ['abinet', 'ouncillors', 'hief Executive', 'hief executive', 'ouncils like', 'ouncils such', 'ouncils including', 'ouncils '], // c
  97: ['ppoint', 'uthorities like', 'uthorities such', 'uthorities including'], // a
  98: ['udget'], // b
};

/** 1 for the ASCII codes a cue can start with (a, b, c, d, l in either case). */
export const CUE_FIRST = new Uint8Array(128);
/** The tails of {@link CUE_TAILS} by lower-case first letter, in an array for the anchor pass's lookups. */
const TAILS_BY_CODE: Array<readonly string[] | undefined> = [];
for (const [code, tails] of Object.entries(CUE_TAILS).map(([k, v]) => [Number(k), v] as const)) {
  CUE_FIRST[code] = 1;
  CUE_FIRST[code - 32] = 1;
  TAILS_BY_CODE[code] = tails;
}

/**
 * At a word start `s` whose first character is `c0` (with {@link CUE_FIRST} set), the end of the
 * cue written there, or 0.
 */
export function cueEnd(text: string, s: number, c0: number): number {
  const tails = TAILS_BY_CODE[c0 | 32];
  if (tails === undefined) return 0;
  const c1 = text.charCodeAt(s + 1);
  for (let k = 0; k < tails.length; k++) {
    const tail = tails[k]!;
    // Second and last letters first: every "Council" of a buyer list begins like "Councillors".
    if (tail.charCodeAt(0) === c1 && text.charCodeAt(s + tail.length) === tail.charCodeAt(tail.length - 1) && text.startsWith(tail, s + 1)) return s + 1 + tail.length;
  }
  return 0;
}
