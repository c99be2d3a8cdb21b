/**
 * Single-pass tokenizer for council recognition.
 *
 * Turns text into normalised word tokens (lower case, accents folded, apostrophes dropped,
 * `&` and `&amp;` read as "and", "saint" read as "st") and keeps, for every token, its UTF-16
 * start and end in the original text, so a match over tokens maps straight back to
 * `text.slice(start, end)`. Between tokens it records how strong the break is, because a council
 * name may cross a comma ("Armagh City, Banbridge and Craigavon") but not a full stop, a bracket,
 * a spaced dash or a new line ("London Borough of Haringey - Parks and Leisure").
 *
 * It scans the text once with char-code tests; strings are only created for word tokens.
 */

/** Break before a token: space or in-word hyphen. */
export const GAP_SOFT = 0;
/** Break before a token: a comma. Allowed inside a name, not inside a designator. */
export const GAP_COMMA = 1;
/** Break before a token: full stop, bracket, slash, colon, spaced dash, new line and the like. */
export const GAP_HARD = 2;

/** Case of a token's first letter in the original text (acronym = two or more capitals). */
export const CASE_LOWER = 0;
export const CASE_UPPER = 1;
export const CASE_ACRONYM = 2;

export interface Tokens {
  readonly length: number;
  /** Normalised token text. */
  readonly words: string[];
  /** UTF-16 offsets into the original text. */
  readonly starts: number[];
  readonly ends: number[];
  /** Break before each token: {@link GAP_SOFT}, {@link GAP_COMMA} or {@link GAP_HARD}. */
  readonly gaps: number[];
  /** {@link CASE_LOWER}, {@link CASE_UPPER} or {@link CASE_ACRONYM} per token. */
  readonly cases: number[];
}

// Character classes for code units below 128.
const C_OTHER = 0; // hard break
const C_WORD = 1;
const C_SPACE = 2;
const C_COMMA = 3;
const C_APOS = 4;
const C_AMP = 5;
const C_HYPHEN = 6;
const C_DOT = 7;
const C_NEWLINE = 8;
const C_UPPER = 9;

const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = C_WORD;
for (let c = 97; c <= 122; c++) ASCII[c] = C_WORD;
for (let c = 65; c <= 90; c++) ASCII[c] = C_UPPER;
ASCII[32] = C_SPACE;
ASCII[9] = C_SPACE;
ASCII[10] = C_NEWLINE;
ASCII[13] = C_NEWLINE;
ASCII[44] = C_COMMA;
ASCII[39] = C_APOS;
ASCII[96] = C_APOS;
ASCII[38] = C_AMP;
ASCII[45] = C_HYPHEN;
ASCII[46] = C_DOT;

/** Entities that stand for "and", an apostrophe or a space; anything else after `&` is a plain "&". */
const ENTITY_AND = ['amp;', '#38;', '#x26;'];
const ENTITY_APOS = ['#39;', 'apos;', '#x27;', 'rsquo;', 'lsquo;', '#8217;', '#8216;'];
const ENTITY_SPACE = ['nbsp;', '#160;', '#xa0;'];

/** Folded form of non-ASCII code units: a letter without its accent, '' for a joiner, null for a break. */
const foldCache = new Map<number, string | null>();
function foldChar(code: number): string | null {
  let folded = foldCache.get(code);
  if (folded !== undefined) return folded;
  const ch = String.fromCharCode(code);
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) folded = '';
  else if (/\p{L}|\p{N}/u.test(ch)) {
    folded = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    if (!/^[a-z0-9]*$/.test(folded)) folded = ch.toLowerCase();
  } else if (/\p{M}/u.test(ch)) folded = '';
  else folded = null;
  foldCache.set(code, folded);
  return folded;
}

function isSpaceLike(code: number): boolean {
  return code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x200b || code === 0x3000;
}

function matchesAt(text: string, at: number, options: string[]): number {
  for (const o of options) {
    if (text.length - at >= o.length && text.substr(at, o.length).toLowerCase() === o) return o.length;
  }
  return 0;
}

/**
 * Splits `text` into normalised tokens with their original offsets.
 *
 * @example tokenize("King's Lynn &amp; West Norfolk").words // ['kings', 'lynn', 'and', 'west', 'norfolk']
 */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const gaps: number[] = [];
  const cases: number[] = [];
  // Lower-casing the whole text once keeps offsets aligned unless a character expands
  // (e.g. U+0130); then each token is lower-cased on its own.
  const lowered = text.toLowerCase();
  const aligned = lowered.length === text.length;
  const n = text.length;
  let gap = GAP_HARD;
  let i = 0;


  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? ASCII[code]! : classifyWide(code);
    if (cls === C_WORD || cls === C_UPPER) {
      // A word: letters and digits, with apostrophes inside it dropped ("King's" -> "kings").
      const s = i;
      let plain = true; // only ASCII letters/digits, no apostrophes: the token is a plain slice
      let upper = 0;
      let e = i;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c < 128) {
          const k = ASCII[c]!;
          if (k === C_WORD) {
            e++;
            continue;
          }
          if (k === C_UPPER) {
            upper++;
            e++;
            continue;
          }
          if (k === C_APOS && e + 1 < n && isWordCode(text.charCodeAt(e + 1))) {
            plain = false;
            e++;
            continue;
          }
          if (k === C_AMP && e + 1 < n) {
            const len = matchesAt(text, e + 1, ENTITY_APOS);
            if (len && e + 1 + len < n && isWordCode(text.charCodeAt(e + 1 + len))) {
              plain = false;
              e += 1 + len;
              continue;
            }
          }
          break;
        }
        const f = foldChar(c);
        if (f === null) break;
        if (f === '' && !(e + 1 < n && isWordCode(text.charCodeAt(e + 1)))) break;
        if (c !== lowered.charCodeAt(e)) upper++;
        plain = false;
        e++;
      }
      let word: string;
      if (plain) word = aligned ? lowered.slice(s, e) : text.slice(s, e).toLowerCase();
      else word = foldWord(text, s, e);
      const first = text.charCodeAt(s);
      const firstUpper = first < 128 ? ASCII[first] === C_UPPER : text[s] !== text[s]!.toLowerCase();
      const c = upper >= 2 ? CASE_ACRONYM : firstUpper ? CASE_UPPER : CASE_LOWER;
      if (word.length > 0) {
        words.push(word === 'saint' ? 'st' : word);
        starts.push(s);
        ends.push(e);
        gaps.push(gap);
        cases.push(c);
        gap = GAP_SOFT;
      }
      i = e;
      continue;
    }
    switch (cls) {
      case C_SPACE:
        i++;
        continue;
      case C_NEWLINE:
        gap = GAP_HARD;
        i++;
        continue;
      case C_COMMA:
        if (gap < GAP_COMMA) gap = GAP_COMMA;
        i++;
        continue;
      case C_HYPHEN: {
        // "Stockton-on-Tees" is one name; "Haringey - Parks" is a name and a department.
        const before = i > 0 ? text.charCodeAt(i - 1) : 32;
        const after = i + 1 < n ? text.charCodeAt(i + 1) : 32;
        if (before === 32 || after === 32 || before === 10 || after === 10) gap = GAP_HARD;
        i++;
        continue;
      }
      case C_DOT: {
        // "St. Helens" and "Co. Durham": a full stop after these abbreviations is not a break.
        const last = words.length > 0 ? words[words.length - 1] : '';
        const adjacent = ends.length > 0 && ends[ends.length - 1] === i;
        if (!(adjacent && (last === 'st' || last === 'co'))) gap = GAP_HARD;
        i++;
        continue;
      }
      case C_AMP: {
        let len = matchesAt(text, i + 1, ENTITY_AND);
        if (len || !matchesAt(text, i + 1, ENTITY_SPACE)) {
          // "&" or "&amp;" reads as "and"; the token spans the characters written.
          const e = i + 1 + len;
          words.push('and');
          starts.push(i);
          ends.push(e);
          gaps.push(gap);
          cases.push(CASE_LOWER);
          gap = GAP_SOFT;
          i = e;
          continue;
        }
        len = matchesAt(text, i + 1, ENTITY_SPACE);
        i += 1 + len;
        continue;
      }
      case C_APOS:
        i++;
        continue;
      default:
        gap = GAP_HARD;
        i++;
    }
  }
  return { length: words.length, words, starts, ends, gaps, cases };
}

function classifyWide(code: number): number {
  const f = foldChar(code);
  if (f === null) return isSpaceLike(code) ? C_SPACE : C_OTHER;
  return f === '' ? C_APOS : C_WORD;
}

function isWordCode(code: number): boolean {
  if (code < 128) {
    const k = ASCII[code]!;
    return k === C_WORD || k === C_UPPER;
  }
  const f = foldChar(code);
  return f !== null && f !== '';
}

function foldWord(text: string, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ASCII[c]!;
      if (k === C_WORD) out += text[i];
      else if (k === C_UPPER) out += String.fromCharCode(c + 32);
      else if (k === C_AMP) i += matchesAt(text, i + 1, ENTITY_APOS);
      continue;
    }
    out += foldChar(c) ?? '';
  }
  return out;
}
