import type { Engine, Found } from './engine';
import { CASE_LOWER, createTokenBuffer, GAP_COMMA, GAP_HARD, GAP_SOFT, possessiveEnd, tokenize, type Tokens } from './tokenize';

/**
 * Places that stand for their councils because the sentence makes the council the subject
 * (issue 18): "the chief executives of Camden, Islington and Hackney", "Camden appoints new
 * director of children's services", "moving from Derbyshire to Nottingham as assistant director".
 * Only a bare place name in one of these slots counts, and never one followed by another proper
 * noun ("Leeds Rhinos", "Camden Road", "Kent Police") or with an organisation word between it and
 * the role ("director of football at Derby", "head of the University of Kent").
 *
 * Forms first seen in real trade press (tests/fixtures/recognition/mentions-press.csv): the post
 * after the place, possessive or not ("Bexley leader Pat Quinn", "Lincolnshire’s deputy leader",
 * "Lancashire’s senior management and political leadership teams"), "strategic director for
 * South Oxfordshire and the Vale of White Horse", and "councillors in Leeds"; and from a second
 * unseen set (mentions-press-2.csv), "the Mayor of Newham", and councils sharing officers or
 * services in a sentence that names a post ("Essex shared a chief executive with Brentwood District
 * Council"; sharing words alone are no cue, see ./cue-words.ts), and councils named as a class
 * that a clause then lists ("Councils meeting on Thursday included Glasgow, Edinburgh, ...").
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

const ROLE_BEFORE_OF = new Set(['executive', 'executives', 'director', 'directors', 'leader', 'cabinet', 'councillors', 'budget', 'budgets', 'mayor']);
/**
 * The council's posts and bodies that may follow the place itself: "Bexley leader", "Highland
 * councillors", "Kent’s cabinet", "Lancashire’s political leadership". Not "director": "Derby
 * director" is as often a club's or a firm's.
 */
const POST_AFTER = new Set(['leader', 'leaders', 'leadership', 'cabinet', 'councillors', 'executive']);
/**
 * After a possessive the post may also be a director: "Kent’s director of public health". Not a
 * budget: "Manchester’s budget airline", "Bath’s budget hotels".
 */
const POST_AFTER_POSSESSIVE = new Set([...POST_AFTER, 'director', 'directors']);
/**
 * Posts whose word has an everyday sense that reads the same after a place, told apart by the
 * next word: "leadership" only of a team or board ("Cornwall’s leadership in renewable energy" is
 * not the council's), a cabinet or a leader not "of" something ("Oxford’s cabinet of curiosities").
 */
const LEADERSHIP_OF = new Set(['team', 'teams', 'board']);
/** "Westminster" stands for Parliament as often as for its city council: "Westminster leaders", "the Westminster cabinet". */
const PARLIAMENT = 'WSM';
/**
 * Words that put a whole sentence in another world, where "Leeds chief executive" is a club's:
 * "Leeds chief executive Sam Hale urged investors to contact the club" (a real sports page).
 * A post after a place only counts in a sentence without one.
 */
const OTHER_WORLD = new Set([
  'club', 'clubs', 'fc', 'afc', 'football', 'rugby', 'cricket', 'fans', 'players', 'league', 'championship', 'premiership',
  'university', 'hospital', 'hospitals', 'police', 'constabulary', 'nhs', 'trust', 'icb', 'ltd', 'limited', 'plc',
]);

/** Words that may stand between a place and its post without a possessive: "Bexley deputy leader". */
const POST_MODIFIERS = new Set(['deputy', 'interim', 'acting', 'new', 'former', 'council', 'opposition']);

const VERBS_AFTER = new Set(['appoints', 'appoint', 'appointed', 'names', 'hires']);
/** Capitalised words that may still follow a place in its slot ("Camden And Islington" in a headline, "Kent Appoints"). */
const FOLLOWERS = new Set(['and', 'to', 'as', 'appoints', 'appoint', 'appointed', 'names', 'hires']);

/**
 * The bare-place finds of a sentence's tokens that a role or appointment makes councils. `found`
 * is the engine's scan of `t`; the caller has checked that the text holds a cue (cueEnd in ./cue-words.ts).
 */
export function placesInContext(engine: Engine, text: string, t: Tokens, found: readonly Found[]): Found[] {
  const out: Found[] = [];
  const bare = found.filter((f) => isBarePlace(f, t));
  const possessive = possessivePlaces(engine, text, t, bare);
  if (possessive.length) {
    bare.push(...possessive);
    bare.sort((a, b) => a.start - b.start);
  }
  if (bare.length === 0) return out;
  for (let n = 0; n < bare.length; n++) {
    const f = bare[n]!;
    const prev = out[out.length - 1];
    // "South Oxfordshire" is also read as "Oxfordshire": one place a phrase.
    if (prev && f.start < prev.end) continue;
    // "director for the Vale of White Horse": the article is not the slot's word.
    let at = f.start;
    if (at > 0 && t.gaps[at] === GAP_SOFT && t.word(at - 1) === 'the') at--;
    const before = at - 1;
    const w = before >= 0 && t.gaps[at] === GAP_SOFT ? t.word(before) : '';
    // Only places have mayors: "Mayor of Newham Rita Farooq" ends the place before the person's name.
    if (!endsCleanly(engine, t, f.end) && !(w === 'of' && t.word(before - 1) === 'mayor' && namedAfter(engine, t, f.end))) continue;
    let ok = false;
    if (w === 'of' || w === 'for') ok = ROLE_BEFORE_OF.has(t.word(before - 1)) && t.gaps[before] === GAP_SOFT && !mayorOfRegion(t, before, f.end);
    else if (w === 'at') ok = roleEarlier(t, before);
    else if (w === 'from' || w === 'to') ok = asRoleLater(t, f.end);
    else if (w === 'in') ok = t.word(before - 1) === 'councillors' && t.gaps[before] === GAP_SOFT;
    else if (w === 'like' || w === 'including' || (w === 'as' && t.word(before - 1) === 'such')) ok = councilsAsClass(engine, t, w === 'as' ? before - 1 : before);
    else if (w === 'with') ok = sharingBefore(t, before);
    else if (INCLUDE.has(w)) ok = councilsIncludeBefore(engine, t, before);
    // "Bexley leader Pat Quinn", "Lincolnshire’s deputy leader": the council's post after the place.
    if (!ok) ok = postAfter(engine, t, f, possessive.includes(f) || text.charCodeAt(t.ends[f.end - 1]!) === 39 || text.charCodeAt(t.ends[f.end - 1]!) === 0x2019);
    // "Camden appoints ...": the place opens its clause.
    const opens = at === 0 || t.gaps[at] !== GAP_SOFT;
    if (!ok && opens && VERBS_AFTER.has(t.word(f.end))) ok = true;
    // "Brentwood now shares some services with ...", "Chorley and South Ribble ... their shared services".
    if (!ok && opens && sharingAfter(t, f.end)) ok = true;
    // The rest of a list: "of Camden, Islington and Hackney".
    if (!ok && prev && listJoins(t, prev.end, f.start)) ok = true;
    if (ok) out.push(f);
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

/**
 * "Mayor of Cambridgeshire and Peterborough", "Mayor of York and North Yorkshire": a mayor of
 * places joined by "and" is a combined authority's, not the first place's council.
 */
function mayorOfRegion(t: Tokens, of: number, end: number): boolean {
  return t.word(of - 1) === 'mayor' && end + 1 < t.length && t.gaps[end] === GAP_SOFT && t.word(end) === 'and' && t.cases[end + 1] !== CASE_LOWER;
}

/** A person's name after the place: two capitalised words, neither an organisation word ("Mayor of Bath Rugby Club" is none). */
function namedAfter(engine: Engine, t: Tokens, k: number): boolean {
  for (let j = k; j < k + 2; j++) {
    if (j >= t.length || t.gaps[j] !== GAP_SOFT || t.cases[j] === CASE_LOWER || engine.isBlockWord(t, j) || ELSEWHERE.has(t.word(j))) return false;
  }
  return k + 2 >= t.length || t.gaps[k + 2] !== GAP_SOFT || t.cases[k + 2] === CASE_LOWER;
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

/** Words that name councils as a class, before "like", "such as" or "including". */
const COUNCILS_WORDS = new Set(['councils', 'authorities']);

/**
 * "Rural authorities like Lincolnshire", "councils such as Kent, Surrey and Essex": the place is
 * one of the councils named as a class just before `at` ("like", "such" or "including"); not
 * "health authorities such as Leeds" or "police authorities like Kent".
 */
function councilsAsClass(engine: Engine, t: Tokens, at: number): boolean {
  const k = at - 1;
  if (k < 0 || t.gaps[at] !== GAP_SOFT || !COUNCILS_WORDS.has(t.word(k))) return false;
  if (k === 0 || t.gaps[k] !== GAP_SOFT) return true;
  return !engine.isBlockWord(t, k - 1) && !ELSEWHERE.has(t.word(k - 1));
}

/** Verbs of sharing, and "joint", before what councils share (issue 18: shared services and joint management in the trade press). */
const SHARING = new Set(['share', 'shares', 'shared', 'sharing', 'joint']);
/** What councils share: officers, teams and services, not a border, a stadium or a venture. */
const SHARED_THINGS = new Set([
  'service', 'services', 'executive', 'executives', 'management', 'manager', 'managers', 'team', 'teams', 'officer', 'officers',
  'staff', 'director', 'directors', 'functions', 'department', 'departments', 'leadership', 'workforce', 'committee',
]);
/** Services that are not a council's: "share a bus service", "a joint fire service". */
const NOT_COUNCIL_SERVICE = new Set(['bus', 'buses', 'train', 'rail', 'ferry', 'air', 'fire', 'rescue', 'ambulance', 'water', 'health', 'hospital', 'gp', 'church', 'postal']);
/** Organisations that share services too: a sentence naming one is not about councils ("Surrey and Sussex police forces share services"). */
const SHARING_ELSEWHERE = new Set([...ELSEWHERE, ...OTHER_WORLD, 'universities', 'colleges', 'schools', 'clubs', 'trusts', 'forces', 'force', 'boards', 'ccg', 'ccgs', 'companies', 'firms', 'constable', 'constables', 'fire', 'rescue', 'ambulance']);

/** Whether `k` starts a sharing phrase: a {@link SHARING} word with a {@link SHARED_THINGS} word within the next four. */
function sharingAt(t: Tokens, k: number): boolean {
  if (!SHARING.has(t.word(k))) return false;
  for (let j = k + 1; j < t.length && j <= k + 4 && t.gaps[j] !== GAP_HARD; j++) {
    if (NOT_COUNCIL_SERVICE.has(t.word(j))) return false;
    if (SHARED_THINGS.has(t.word(j))) return true;
  }
  return false;
}

/** Whether the sentence of `t` names an organisation that is not a council ({@link SHARING_ELSEWHERE}). */
function sharingElsewhere(t: Tokens): boolean {
  for (let k = 0; k < t.length; k++) if (SHARING_ELSEWHERE.has(t.word(k))) return true;
  return false;
}

/** "shares some services with Basildon": a sharing phrase earlier in the clause before "with" at `at`. */
function sharingBefore(t: Tokens, at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 10; k--) {
    if (t.gaps[k + 1] === GAP_HARD) return false;
    if (sharingAt(t, k)) return !sharingElsewhere(t);
  }
  return false;
}

/** "Essex shared a chief executive", "Devon and Somerset run a joint trading standards department": a sharing phrase later in the clause the place opens. */
function sharingAfter(t: Tokens, from: number): boolean {
  for (let k = from; k < t.length && k - from <= 20; k++) {
    if (k > from && t.gaps[k] === GAP_HARD) return false;
    if (sharingAt(t, k)) return !sharingElsewhere(t);
  }
  return false;
}

/** Verbs that list the members of a class: "Councils meeting on Thursday included Glasgow, Edinburgh and Fife". */
const INCLUDE = new Set(['include', 'includes', 'included']);

/**
 * "Councils meeting on Thursday included Glasgow, ...", "The councils affected include Kent and
 * Surrey": councils named as a class open the clause, and "include" before `at` lists them (not
 * "health authorities ... include Leeds", nor a clause with an organisation word between).
 */
function councilsIncludeBefore(engine: Engine, t: Tokens, at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 6; k--) {
    if (t.gaps[k + 1] === GAP_HARD) return false;
    const w = t.word(k);
    if (ELSEWHERE.has(w)) return false;
    if (COUNCILS_WORDS.has(w)) {
      const opens = k === 0 || t.gaps[k] !== GAP_SOFT || (k === 1 && t.word(0) === 'the') || (t.word(k - 1) === 'the' && (k === 1 || t.gaps[k - 1] !== GAP_SOFT));
      return opens && (k === 0 || !engine.isBlockWord(t, k - 1));
    }
  }
  return false;
}

function listJoins(t: Tokens, from: number, to: number): boolean {
  if (to === from) return t.gaps[to] === GAP_COMMA;
  if (t.word(from) !== 'and' || t.gaps[from] !== GAP_SOFT || t.gaps[to] !== GAP_SOFT) return false;
  // "South Oxfordshire and the Vale of White Horse".
  return to === from + 1 || (to === from + 2 && t.word(from + 1) === 'the' && t.gaps[from + 1] === GAP_SOFT);
}

/**
 * The council's post right after the place ("Bexley leader", "Highland councillors", "Bexley
 * deputy leader"), or after its possessive within four lower-case words ("Lancashire’s senior
 * management and political leadership"), with no organisation word on the way ("Kent’s cricket
 * chief executive") and none in the "of ..." after a director ("Derby’s director of football"),
 * in a sentence that is not about a club, a university, a hospital or the police ({@link OTHER_WORLD}).
 */
function postAfter(engine: Engine, t: Tokens, f: Found, possessive: boolean): boolean {
  const posts = possessive ? POST_AFTER_POSSESSIVE : POST_AFTER;
  const reach = possessive ? 5 : 2;
  for (let k = f.end; k < t.length && k - f.end < reach; k++) {
    if (t.gaps[k] !== GAP_SOFT || t.cases[k] !== CASE_LOWER || engine.isBlockWord(t, k)) return false;
    const w = t.word(k);
    if (ELSEWHERE.has(w)) return false;
    if (posts.has(w) && (w !== 'executive' || (k > f.end && t.word(k - 1) === 'chief'))) {
      if (f.choice.entry.council.code === PARLIAMENT && w !== 'councillors') return false;
      const next = k + 1 < t.length && t.gaps[k + 1] === GAP_SOFT ? t.word(k + 1) : '';
      if (w === 'leadership' && !LEADERSHIP_OF.has(next)) return false;
      if ((w === 'cabinet' || w === 'leader' || w === 'leaders') && next === 'of') return false;
      return !elsewhereAfter(t, k + 1) && !otherWorld(t);
    }
    if (!possessive && !POST_MODIFIERS.has(w) && w !== 'chief') return false;
  }
  return false;
}

/** Whether the sentence speaks of a club, a university, a hospital or the police ({@link OTHER_WORLD}). */
function otherWorld(t: Tokens): boolean {
  for (let k = 0; k < t.length; k++) if (OTHER_WORLD.has(t.word(k))) return true;
  return false;
}

/** An organisation word in the "of ..." or "at ..." right after a post: "director of football", "leader of the university’s ...". */
function elsewhereAfter(t: Tokens, k: number): boolean {
  if (k >= t.length || t.gaps[k] !== GAP_SOFT) return false;
  const w = t.word(k);
  if (w !== 'of' && w !== 'at') return false;
  for (let j = k + 1; j < t.length && j <= k + 3 && t.gaps[j] === GAP_SOFT; j++) if (ELSEWHERE.has(t.word(j))) return true;
  return false;
}

const possessiveScratch = createTokenBuffer();

/**
 * Places written with a possessive ("Lincolnshire’s", "Milton Keynes'"), which the tokenizer reads
 * as one word with the "s" ("lincolnshires") and the scan so never finds: each run of up to four
 * words ending in a possessive, longest first, is read again without it. Only sentences with a
 * cue get here, and only their possessives are read twice.
 */
function possessivePlaces(engine: Engine, text: string, t: Tokens, bare: readonly Found[]): Found[] {
  let out: Found[] | null = null;
  for (let k = 0; k < t.length; k++) {
    const end = possessiveEnd(text, t.starts[k]!, t.ends[k]!);
    if (end < 0 || t.cases[k] === CASE_LOWER) continue;
    if (bare.some((f) => f.start <= k && k < f.end)) continue;
    for (let j = Math.max(0, k - 3); j <= k; j++) {
      let joined = true;
      for (let m = j + 1; m <= k; m++) if (t.gaps[m] !== GAP_SOFT) joined = false;
      if (!joined) continue;
      const sub = tokenize(text, engine.vocab, t.starts[j]!, end, possessiveScratch);
      const hit = engine.scan(sub).find((f) => f.start === 0 && f.end === sub.length && isBarePlace(f, sub));
      if (hit) {
        (out ??= []).push({ choice: hit.choice, start: j, end: k + 1, shared: null, lowercase: false });
        break;
      }
    }
  }
  return out ?? NO_FINDS;
}

const NO_FINDS: Found[] = [];
