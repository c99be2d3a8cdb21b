import type { Engine, Found } from './engine';
import { CASE_LOWER, GAP_COMMA, GAP_HARD, GAP_SOFT, type Tokens } from './tokenize';

/**
 * Places that stand for their councils because the sentence makes the council the subject
 * (issue 18): "the chief executives of Camden, Islington and Hackney", "Camden appoints new
 * director of children's services", "moving from Derbyshire to Nottingham as assistant director".
 * Only a bare place name in one of these slots counts, and never one followed by another proper
 * noun ("Leeds Rhinos", "Camden Road", "Kent Police") or with an organisation word between it and
 * the role ("director of football at Derby", "head of the University of Kent").
 */

/**
 * Words that put a role in another organisation: "director of football at Derby", "chief executive
 * of the trust at Leeds". Council services ("director of public health at Sandwell", "director of
 * housing at Leeds") are not among them, unlike the matcher's block words.
 */
const ELSEWHERE = new Set([
  'club', 'fc', 'afc', 'football', 'rugby', 'cricket', 'university', 'college', 'school', 'academy', 'hospital',
  'hospitals', 'police', 'constabulary', 'nhs', 'trust', 'icb', 'ltd', 'limited', 'plc', 'company', 'bank',
  'newspaper', 'news', 'radio', 'museum', 'church', 'diocese', 'cathedral', 'prison', 'airport', 'port', 'harbour',
]);

const ROLE_BEFORE_OF = new Set(['executive', 'executives', 'director', 'directors', 'leader', 'cabinet', 'councillors', 'budget', 'budgets']);
const VERBS_AFTER = new Set(['appoints', 'appoint', 'appointed', 'names', 'hires']);
/** Capitalised words that may still follow a place in its slot ("Camden And Islington" in a headline, "Kent Appoints"). */
const FOLLOWERS = new Set(['and', 'to', 'as', 'appoints', 'appoint', 'appointed', 'names', 'hires']);

/**
 * The bare-place finds of a sentence's tokens that a role or appointment makes councils. `found`
 * is the engine's scan of `t`; the caller has checked that the text holds a cue (cueEnd in ./cue-words.ts).
 */
export function placesInContext(engine: Engine, t: Tokens, found: readonly Found[]): Found[] {
  const out: Found[] = [];
  const bare = found.filter((f) => isBarePlace(f, t));
  if (bare.length === 0) return out;
  const accepted = new Set<Found>();
  for (let n = 0; n < bare.length; n++) {
    const f = bare[n]!;
    if (!endsCleanly(engine, t, f.end)) continue;
    const before = f.start - 1;
    const w = before >= 0 && t.gaps[f.start] === GAP_SOFT ? t.word(before) : '';
    let ok = false;
    if (w === 'of') ok = ROLE_BEFORE_OF.has(t.word(before - 1)) && t.gaps[before] === GAP_SOFT;
    else if (w === 'at') ok = roleEarlier(t, before);
    else if (w === 'from' || w === 'to') ok = asRoleLater(t, f.end);
    // "Camden appoints ...": the place opens its clause.
    if (!ok && (f.start === 0 || t.gaps[f.start] !== GAP_SOFT) && VERBS_AFTER.has(t.word(f.end))) ok = true;
    // The rest of a list: "of Camden, Islington and Hackney".
    const prev = bare[n - 1];
    if (!ok && prev && accepted.has(prev) && listJoins(t, prev.end, f.start)) ok = true;
    if (ok) {
      accepted.add(f);
      out.push(f);
    }
  }
  return out;
}

function isBarePlace(f: Found, t: Tokens): boolean {
  const c = f.choice;
  if (f.shared || c.parse.prefix || c.parse.suffix || c.strength !== 'none') return false;
  if (c.entry.source !== 'name' || c.entry.council.kind !== 'council' || !c.entry.council.current) return false;
  if (c.ties.some((x) => x.current)) return false;
  return t.cases[c.parse.coreStart] !== CASE_LOWER;
}

/** The place's name ends here: a break or a lower-case word, not another capitalised word ("Leeds Rhinos") or an organisation word ("Kent police"). */
function endsCleanly(engine: Engine, t: Tokens, k: number): boolean {
  if (k >= t.length || t.gaps[k] !== GAP_SOFT) return true;
  if (engine.isBlockWord(t, k)) return false;
  return t.cases[k] === CASE_LOWER || FOLLOWERS.has(t.word(k));
}

/** "director of children's services at Derbyshire": a role word earlier in the clause, no organisation word between. */
function roleEarlier(t: Tokens, at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 8; k--) {
    if (t.gaps[k + 1] === GAP_HARD) return false;
    const w = t.word(k);
    if (ELSEWHERE.has(w)) return false;
    if (ROLE_BEFORE_OF.has(w)) return true;
  }
  return false;
}

/** "from Derbyshire to Nottingham as assistant director": "as" and a role later in the sentence. */
function asRoleLater(t: Tokens, from: number): boolean {
  let sawAs = false;
  for (let k = from; k < t.length && k - from <= 10; k++) {
    if (k > from && t.gaps[k] === GAP_HARD) return false;
    const w = t.word(k);
    if (w === 'as') sawAs = true;
    else if (sawAs && ROLE_BEFORE_OF.has(w)) return true;
  }
  return false;
}

function listJoins(t: Tokens, from: number, to: number): boolean {
  if (to === from) return t.gaps[to] === GAP_COMMA;
  return to === from + 1 && t.word(from) === 'and' && t.gaps[from] === GAP_SOFT && t.gaps[to] === GAP_SOFT;
}
