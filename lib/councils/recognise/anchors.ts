/**
 * Where in a page a council mention can be. In running text a mention always contains a council
 * word ("Council", "Borough", "Authority", "Region", "Corporation", "County", "Cyngor",
 * "Comhairle") or a capitalised abbreviation or set of initials ("MBC", "LBC", "RBKC", "GMCA",
 * the "NES" of "B&NES"): findMentions accepts nothing else (lib/councils/index.ts). So instead of
 * tokenizing every word of a page, one pass over the character codes finds those anchors by each
 * word's hash, and only the words around each anchor, up to the nearest sentence-level break, are
 * tokenized and scanned.
 * tests/lib/councils/recognition.test.ts checks that the result equals a full token scan, and
 * tests/bench/recognition.bench.ts measures both.
 */

import { CUE_FIRST, CUE_TAILS, cueEnd } from './cue-words';
import { IntTable } from './int-table';
import { isJoinerCode, isWordCode } from './tokenize';

/**
 * Council words: every explicit designator contains one ("County Council", "London Borough of",
 * "Combined Authority", "City Region", "Corporation"), and so do their plurals and possessives
 * (the tokenizer reads "Council's" as "councils").
 */
const COUNCIL_WORDS = ['council', 'councils', 'county', 'countys', 'borough', 'boroughs', 'authority', 'authoritys', 'authorities', 'corporation', 'corporations', 'corporations', 'region', 'regions', 'regional'];
/** Words that begin a council's name: "Cyngor Gwynedd", "Comhairle nan Eilean Siar", "The Mayor and Burgesses of ...". */
const LEADING_WORDS = ['cyngor', 'comhairle', 'mayor'];

/**
 * Words looked at either side of an anchor, within its sentence. The longest phrase ending in an
 * anchor is a list sharing one designator ("Hammersmith & Fulham, Kensington & Chelsea and
 * Westminster Councils": nine words before); the longest after one is "Council of the City of
 * Newcastle upon Tyne" (seven after).
 */
const WORDS_BEFORE = 16;
const WORDS_AFTER = 10;
/** Hard cap in characters, for text without spaces. */
const MAX_CHARS = 400;

/**
 * Words that, right before a council word, mean it ends no council name: "the Council", "the
 * Contracting Authority", "the region". A council word followed by "of" is kept ("the Council of
 * the Isles of Scilly", "the Borough of Poole"), and so are Cyngor and Comhairle, which open a name.
 */
const STOP = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'his', 'her', 'each',
  'any', 'every', 'which', 'whose', 'local', 'contracting', 'other', 'relevant', 'same', 'said', 'such',
  'participating', 'partner', 'neighbouring', 'whole', 'entire', 'for', 'to', 'by', 'with', 'from', 'and', 'or',
  'of', 'in', 'on', 'at', 'as',
]);

/** Letters, digits and apostrophes, as the tokenizer reads them: a no-break space or a curly quote ends a word. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
  return isWordCode(c) || isJoinerCode(c);
}

/** Apostrophes and combining marks: inside a word, they join rather than add a letter. */
function isJoiner(c: number): boolean {
  return c > 127 && isJoinerCode(c);
}

function nextWordIsOf(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  if (i === at) return false;
  const a = text.charCodeAt(i) | 32;
  const b = text.charCodeAt(i + 1) | 32;
  return a === 111 && b === 102 && !isWordChar(text.charCodeAt(i + 2) || 32);
}

/** Characters that end a phrase for the tokenizer (GAP_HARD), except "." after "St"/"Co" and in-word hyphens. */
function isHardBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 59) return !endsEntity(text, i);
  if (c === 10 || c === 13 || c === 40 || c === 41 || c === 91 || c === 93 || c === 58 || c === 124 || c === 47 || c === 33 || c === 63 || c === 34) return true;
  if (c === 46) {
    const a = text.charCodeAt(i - 2) | 32;
    const b = text.charCodeAt(i - 1) | 32;
    const before = text.charCodeAt(i - 3);
    const abbreviation = ((a === 115 && b === 116) || (a === 99 && b === 111)) && !(before >= 0 && isWordChar(before));
    return !abbreviation;
  }
  return false;
}

/** Whether the ";" at `i` closes an HTML entity ("&amp;", "&#39;"), which the tokenizer reads as a word or joiner. */
function endsEntity(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const c = text.charCodeAt(k);
    if (c === 38) return k < i - 1;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 35)) return false;
  }
  return false;
}

/** Start of the window: back over up to {@link WORDS_BEFORE} words, stopping after a hard break. */
function windowStart(text: string, at: number, floor: number): number {
  let i = at;
  let words = 0;
  // Walking back past the previous window's end is wasted: the two windows merge anyway.
  const limit = Math.max(0, floor, at - MAX_CHARS);
  while (i > limit) {
    const c = text.charCodeAt(i - 1);
    if (isWordChar(c)) {
      while (i > limit && isWordChar(text.charCodeAt(i - 1))) i--;
      if (++words > WORDS_BEFORE) break;
      continue;
    }
    if (isHardBreak(text, i - 1)) break;
    i--;
  }
  while (i > 0 && isWordChar(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the window: forward over up to {@link WORDS_AFTER} words, stopping at a hard break. */
function windowEnd(text: string, from: number, stop = text.length): number {
  const n = text.length;
  let i = from;
  let words = 0;
  const limit = Math.min(n, from + MAX_CHARS);
  while (i < limit) {
    // The next anchor is inside this window: the caller only needs to know that.
    if (i >= stop) return stop;
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (++words > WORDS_AFTER) break;
      continue;
    }
    if (isHardBreak(text, i)) break;
    i++;
  }
  return i;
}




/** Hash of a lower-cased ASCII word, as the scan below computes it (the tokenizer's wordHash). */
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

const KIND_ANCHOR = 1;
/** Council words that open a name, so "the" before them does not matter: "the Mayor and Burgesses of ...". */
const KIND_LEADING = 2;
const KIND_STOP = 3;
const KINDS = new IntTable(64);
for (const w of COUNCIL_WORDS) KINDS.set(hashOf(w), KIND_ANCHOR);
for (const w of LEADING_WORDS) KINDS.set(hashOf(w), KIND_LEADING);
for (const w of STOP) KINDS.set(hashOf(w), KIND_STOP);

/**
 * Text ranges to scan, as a flat list `[start0, end0, start1, end1, ...]`, in order and more than
 * {@link MERGE_GAP} characters apart.
 * `abbreviations` holds the {@link wordHash} of every lower-cased capitalised token that can
 * anchor a mention (designator abbreviations and council initials). When `cues` is given, the
 * same pass appends to it `[tailStart, end]` for every word of a council post or body
 * (context.ts's {@link cueEnd}), `tailStart` being the cue's second character.
 *
 * One pass over the text: a compiled RegExp ({@link AnchorWords}) stops only at words that begin
 * like a council word, a cue or a capitalised abbreviation; each of those is hashed and looked up
 * once, so the cost is nearly flat in the number of council names (issue 18: a list of buyer
 * names has one every 50 to 80 characters).
 */
export function anchorWindows(text: string, words: AnchorWords, cues: number[] | null = null): number[] {
  const w: Windows = { out: [], lastAnchorEnd: -1 };
  const n = text.length;
  const abbreviations = words.hashes;
  const candidates = words.candidates;
  candidates.lastIndex = 0;
  // A RegExp \b takes "_" for a letter, the tokenizer does not: the words after underscores
  // ("_Council of the Isles of Scilly") are read here, in text order with the RegExp's.
  let underscore = text.indexOf('_');
  for (;;) {
    const more = candidates.test(text);
    let i = n;
    if (more) {
      // The match is ASCII letters after a word boundary: walking back over letters finds where they start.
      i = candidates.lastIndex;
      while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) i--;
    }
    while (underscore >= 0 && underscore < i) {
      if (isAsciiLetter(text.charCodeAt(underscore + 1))) visitWord(w, text, underscore + 1, abbreviations, cues);
      underscore = text.indexOf('_', underscore + 1);
    }
    if (!more) break;
    candidates.lastIndex = continuesWord(text, i) ? skipWord(text, i, n) : visitWord(w, text, i, abbreviations, cues);
  }
  return finish(w, text);
}

/** Reads the word starting at `s`: records it as a cue, opens a window if it is an anchor. Returns its end. */
function visitWord(w: Windows, text: string, s: number, abbreviations: IntTable, cues: number[] | null): number {
  const n = text.length;
  const c0 = text.charCodeAt(s);
  if (cues !== null && c0 < 128 && CUE_FIRST[c0] === 1) {
    const e = cueEnd(text, s, c0);
    if (e !== 0) {
      cues.push(s + 1);
      cues.push(e);
    }
  }
  let i = s;
  let h = 0;
  let before = 0;
  let letters = 0;
  let upper = 0;
  let last = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        before = h;
        h = (Math.imul(h, 31) + c) | 0;
        letters++;
        last = c;
      } else if (c >= 65 && c <= 90) {
        before = h;
        h = (Math.imul(h, 31) + c + 32) | 0;
        letters++;
        upper++;
        last = c;
      } else if (c !== 39 && c !== 96) break;
    } else if (isJoiner(c)) continue;
    else if (isWordChar(c)) {
      before = h;
      h = (Math.imul(h, 31) + c) | 0;
      letters++;
      last = c;
    } else break;
  }
  const e = i;
  const kind = KINDS.get(h);
  if (kind === KIND_ANCHOR) {
    // "the Council", "the Contracting Authority": no name, unless "of" follows ("the Council of
    // the Isles of Scilly", "the Borough of Poole"). Within reach of the open window the word is
    // taken as it stands: the window only grows, which a scan of every token would read anyway,
    // and on a list of buyer names most council words are there (issue 18).
    if (w.lastAnchorEnd >= 0 && s - w.lastAnchorEnd <= MERGE_GAP) w.lastAnchorEnd = e;
    else if (!previousIsStop(text, s) || nextWordIsOf(text, e)) push(w, text, s, e);
  } else if (kind === KIND_LEADING) push(w, text, s, e);
  else if (letters >= 2 && upper >= 2) {
    // Capitals: an abbreviation or initials ("MBC", "RBKC"), also plural or possessive ("DCs", "LBC's").
    if (upper === letters && abbreviations.get(h) !== 0) push(w, text, s, e);
    else if (upper === letters - 1 && last === 115 && abbreviations.get(before) !== 0) push(w, text, s, e);
  }
  return e;
}

/** `[Cc][Oo][Uu][Nn]`: a word's first letters in any case. */
const anyCase = (letters: string) => [...letters].map((ch) => `[${ch.toUpperCase()}${ch}]`).join('');

const CANDIDATE_WORDS = [
  ...new Set([...COUNCIL_WORDS, ...LEADING_WORDS].map((word) => anyCase(word.slice(0, 4)))),
  ...new Set(
    Object.entries(CUE_TAILS).flatMap(([code, tails]) => {
      const first = String.fromCharCode(Number(code));
      return tails.map((tail) => `[${first.toUpperCase()}${first}]${tail.slice(0, 4)}`);
    }),
  ),
].join('|');

/**
 * The capitalised words that anchor a mention (designator abbreviations and council initials, as
 * lower-case words), and the search that stops where a word may be an anchor or a cue: at a word
 * start, the first four letters of a council word in any case, the first two letters of one of
 * these words in capitals, or a cue word's first letter in either case and its next letters as
 * written. V8 runs this search in compiled code, several times faster than a loop over the
 * character codes in JavaScript (tests/bench/recognition-speed.bench.ts); each candidate is then
 * read as a whole word by {@link anchorWindows}, which resets its `lastIndex` on every use.
 *
 * The capitals are the abbreviations' own first letters rather than any two capitals: a list of
 * buyer names has "NHS", "UK", "LIMITED" and "TRUST" on most lines, and reading each of them cost
 * more than the search (issue 18, dense text: 24,000 words in capitals a megabyte, 10,000 of them
 * starting like an abbreviation). A word made only of capitals (and a plural or possessive "s")
 * starts with two of its letters in capitals, so no anchor is lost; words with a digit or a letter
 * beyond ASCII are never read as capitals, so their pairs are left out.
 */
export class AnchorWords {
  readonly hashes = new IntTable(256);
  readonly candidates: RegExp;

  constructor(words: Iterable<string>) {
    const seconds = new Map<string, Set<string>>();
    for (const word of words) {
      this.hashes.set(hashOf(word), 1);
      if (!/^[a-z]{2}/.test(word)) continue;
      const first = word[0]!.toUpperCase();
      const set = seconds.get(first) ?? new Set<string>();
      set.add(word[1]!.toUpperCase());
      seconds.set(first, set);
    }
    const pairs = [...seconds].sort().map(([first, set]) => `${first}[${[...set].sort().join('')}]`);
    this.candidates = new RegExp(`\\b(?:${[CANDIDATE_WORDS, ...pairs].join('|')})`, 'g');
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether position `i` is inside a word as the tokenizer reads it, though the RegExp sees a
 * start there: after an apostrophe or a letter beyond ASCII ("l'Authority", "Ynys Môn's"), or
 * after a curly apostrophe that itself follows a letter.
 */
function continuesWord(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && isJoiner(text.charCodeAt(p))) p--;
  return p >= 0 && isWordChar(text.charCodeAt(p));
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** End of the word that goes on at `i`. */
function skipWord(text: string, i: number, n: number): number {
  while (i < n && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the word before `at`, with only spaces between, is one of {@link STOP}. */
function previousIsStop(text: string, at: number): boolean {
  let e = at;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (e === at) return false;
  let s = e;
  while (s > 0 && e - s < 16 && isWordChar(text.charCodeAt(s - 1))) s--;
  let h = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return KINDS.get(h) === KIND_STOP;
}

/**
 * Windows closer than this many characters are one range: on a list of buyer names, one a line,
 * an anchor this close to the open window extends it without walking to the window's end and back
 * from the next anchor. findMentions tokenizes and scans every window in one call
 * (tokenizeRanges), so a range costs only those walks. 64 measured best: 16 tokenizes a third
 * fewer words of a buyer list but took its dense ratio from about 1.05x to 0.95-1.00x, and 128 to
 * about 0.92x (tests/bench/recognition-speed.bench.ts, runs alternated). Scanning the text
 * between finds nothing more: the windows already find what a scan of every token finds
 * (tests/lib/councils/recognition-sets.test.ts).
 */
const MERGE_GAP = 64;

/**
 * Windows being built: `out` holds `[start, end]` pairs, the last end provisional while
 * `lastAnchorEnd` is set. A window's end is found by walking on from its last anchor only when the
 * next anchor may lie beyond it, so on dense text each gap between anchors is walked once rather
 * than ten words after every anchor.
 */
interface Windows {
  out: number[];
  lastAnchorEnd: number;
}

/** Adds the window around the anchor at [a, e), merging it with the open window when they meet. */
function push(w: Windows, text: string, a: number, e: number): void {
  const out = w.out;
  if (w.lastAnchorEnd >= 0) {
    // Anchors this close share one range whatever lies between (the gap between their windows is
    // at most `a - lastAnchorEnd`): on a list of buyer names, walking each gap here and then
    // tokenizing it read it twice.
    if (a - w.lastAnchorEnd <= MERGE_GAP) {
      w.lastAnchorEnd = e;
      return;
    }
    const reach = windowEnd(text, w.lastAnchorEnd, a);
    if (reach >= a) {
      w.lastAnchorEnd = e;
      return;
    }
    out[out.length - 1] = reach;
    const s = windowStart(text, a, reach);
    if (s - reach > MERGE_GAP) {
      // One element a push: V8 inlines a one-argument push, and calls a builtin for two
      // (a tenth of the time on a list of buyer names, tests/bench/recognition-speed.bench.ts).
      out.push(s);
      out.push(-1);
    }
  } else {
    out.push(windowStart(text, a, 0));
    out.push(-1);
  }
  w.lastAnchorEnd = e;
}

/** Closes the open window. */
function finish(w: Windows, text: string): number[] {
  if (w.lastAnchorEnd >= 0) w.out[w.out.length - 1] = windowEnd(text, w.lastAnchorEnd);
  return w.out;
}
