/**
 * Where in a page a council mention can be. In running text a mention always contains a council
 * word ("Council", "Borough", "Authority", "Region", "Corporation", "County", "Cyngor",
 * "Comhairle") or a capitalised abbreviation or set of initials ("MBC", "LBC", "RBKC", "GMCA",
 * the "NES" of "B&NES"): findMentions accepts nothing else (lib/councils/index.ts). So instead of
 * tokenizing every word of a page, two native RegExp passes find those anchors and only the words
 * around each anchor, up to the nearest sentence-level break, are tokenized and scanned.
 * tests/councils/recognition.test.ts checks that the result equals a full token scan, and
 * tests/bench/recognition.bench.ts measures both.
 */

/** Council words, capitalised or in capitals, at the start of a word ("Council", "COUNCIL", "councils"). */
const WORDS =
  /[Cc](?:ouncil|OUNCIL|orporation|ORPORATION|ounty|OUNTY|yngor|YNGOR|omhairle|OMHAIRLE)|[Bb](?:orough|OROUGH)|[Aa](?:uthorit|UTHORIT)|[Rr](?:egion|EGION)|[Mm](?:ayor|AYOR)/g;
/** Runs of two or more capitals: designator abbreviations and initials are among them. */
const RUNS = /[A-Z][A-Z]+/g;

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

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127 || c === 39;
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
function windowStart(text: string, at: number): number {
  let i = at;
  let words = 0;
  const limit = Math.max(0, at - MAX_CHARS);
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
function windowEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  let words = 0;
  const limit = Math.min(n, from + MAX_CHARS);
  while (i < limit) {
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

function previousWord(text: string, at: number): string {
  let e = at;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  let s = e;
  while (s > 0 && e - s < 16 && isWordChar(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}

function nextWordIsOf(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const a = text.charCodeAt(i) | 32;
  const b = text.charCodeAt(i + 1) | 32;
  return a === 111 && b === 102 && !isWordChar(text.charCodeAt(i + 2) || 32);
}

function runHash(text: string, s: number, e: number): number {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i) + 32) | 0;
  return h;
}

/**
 * Text ranges to scan, as a flat list `[start0, end0, start1, end1, ...]`, in order and disjoint.
 * `abbreviations` holds the {@link wordHash} of every lower-cased capitalised token that can
 * anchor a mention (designator abbreviations and council initials).
 */
export function anchorWindows(text: string, abbreviations: ReadonlySet<number>): number[] {
  const anchors: number[] = [];
  let m: RegExpExecArray | null;
  WORDS.lastIndex = 0;
  while ((m = WORDS.exec(text)) !== null) {
    const a = m.index;
    if (a > 0 && isWordChar(text.charCodeAt(a - 1))) continue; // inside a word ("Subcouncil")
    const end = a + m[0].length;
    // Welsh and Gaelic council words come first in the name ("at Comhairle nan Eilean Siar").
    const c1 = text.charCodeAt(a + 1) | 32;
    // So do legal names: "The Mayor and Burgesses of the London Borough of ...".
    const leading = c1 === 121 || c1 === 97 || (c1 === 111 && (text.charCodeAt(a + 2) | 32) === 109); // cy-ngor, ma-yor, co-mhairle
    if (!leading && STOP.has(previousWord(text, a)) && !nextWordIsOf(text, end)) continue;
    anchors.push(a, end);
  }
  const words = anchors.length;
  RUNS.lastIndex = 0;
  while ((m = RUNS.exec(text)) !== null) {
    const a = m.index;
    const end = a + m[0].length;
    if (a > 0 && isWordChar(text.charCodeAt(a - 1)) && text.charCodeAt(a - 1) !== 39) continue;
    let after = end;
    // "Surrey Heath DCs", "Ealing LBC's", "Camden LBC’s": a plural or possessive ending.
    const c = text.charCodeAt(after);
    if (c === 39 || c === 0x2019) after++;
    if (after < text.length && text.charCodeAt(after) === 115) after++;
    else after = end;
    if (after < text.length && isWordChar(text.charCodeAt(after))) continue;
    if (!abbreviations.has(runHash(text, a, end))) continue;
    anchors.push(a, after);
  }
  // Merge the two ordered lists into windows.
  const out: number[] = [];
  let i = 0;
  let j = words;
  while (i < words || j < anchors.length) {
    let a: number;
    let e: number;
    if (j >= anchors.length || (i < words && anchors[i]! <= anchors[j]!)) {
      a = anchors[i]!;
      e = anchors[i + 1]!;
      i += 2;
    } else {
      a = anchors[j]!;
      e = anchors[j + 1]!;
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && a <= out[last]!) {
      // Inside the current window: its phrase may run on past the window's end.
      out[last] = Math.max(out[last]!, windowEnd(text, e));
      continue;
    }
    const s = windowStart(text, a);
    const we = windowEnd(text, e);
    if (last > 0 && s <= out[last]!) out[last] = Math.max(out[last]!, we);
    else out.push(s, we);
  }
  return out;
}

