/**
 * Single-pass tokenizer for council recognition.
 *
 * Splits text into normalised word tokens (lower case, accents folded, apostrophes dropped, `&`
 * and `&amp;` read as "and", "saint" read as "st") and keeps, for every token, its UTF-16 start
 * and end in the original text, so a match over tokens maps straight back to
 * `text.slice(start, end)`. Between tokens it records how strong the break is, because a council
 * name may cross a comma ("Armagh City, Banbridge and Craigavon") but not a full stop, a bracket,
 * a spaced dash or a new line ("London Borough of Haringey - Parks and Leisure").
 *
 * Speed: one pass of char-code tests. Token strings are made lazily: the scan computes a key of
 * each normalised word as it goes ({@link wordKey}), looks it up in the {@link Vocabulary} and,
 * when given the words that can start a council phrase, marks only those tokens; every other word
 * of a page is never turned into a string (tests/bench/recognition.bench.ts measures the effect).
 */

import { IntTable } from './int-table';

/** Break before a token: space or in-word hyphen. */
export const GAP_SOFT = 0;
/** Break before a token: a comma. Allowed inside a name, not inside a designator. */
export const GAP_COMMA = 1;
/** Break before a token: full stop, bracket, slash, colon, spaced dash, new line and the like. */
export const GAP_HARD = 2;

/** Case of a token in the original text: lower, capitalised, or two or more capitals (an acronym). */
export const CASE_LOWER = 0;
export const CASE_UPPER = 1;
export const CASE_ACRONYM = 2;

export interface Tokens {
  readonly length: number;
  /** UTF-16 offsets into the original text. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Break before each token: {@link GAP_SOFT}, {@link GAP_COMMA} or {@link GAP_HARD}. */
  readonly gaps: Uint8Array;
  /** {@link CASE_LOWER}, {@link CASE_UPPER} or {@link CASE_ACRONYM} per token. */
  readonly cases: Uint8Array;
  /**
   * The {@link Vocabulary} id of each token's normalised word, 0 for a word the vocabulary lacks:
   * the matcher compares integers, never strings.
   */
  readonly ids: Int32Array;
  /**
   * 1 where the token's word may start a council phrase ({@link Vocabulary.markStart}); null when
   * no vocabulary was given.
   */
  readonly startable: Uint8Array | null;
  /** The normalised text of token `k`, made on first use. */
  word(k: number): string;
}

// Character classes, one per UTF-16 code unit. The word classes come first, so `cls <= C_WIDE_UPPER`
// tests for a letter or digit.
const C_UNSET = 0; // above 127 and not yet classified: see classify()
const C_WORD = 1; // ASCII lower-case letter or digit
const C_UPPER = 2; // ASCII capital
const C_WIDE = 3; // other letter or digit, folded by foldChar()
const C_WIDE_UPPER = 4; // the same, in capitals
const C_SPACE = 5;
const C_COMMA = 6;
const C_APOS = 7; // ASCII apostrophe or backtick
const C_AMP = 8;
const C_HYPHEN = 9;
const C_DOT = 10;
const C_NEWLINE = 11;
const C_JOINER = 12; // curly apostrophe or combining mark: joins a word, adds no letter
const C_OTHER = 13; // hard break

/**
 * The class of every code unit: ASCII filled here, the rest on first sight by {@link classify}.
 * One table lookup a character, whatever the script (64 KiB, made once).
 */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) CLASS[c] = C_OTHER;
for (let c = 48; c <= 57; c++) CLASS[c] = C_WORD;
for (let c = 97; c <= 122; c++) CLASS[c] = C_WORD;
for (let c = 65; c <= 90; c++) CLASS[c] = C_UPPER;
CLASS[32] = C_SPACE;
CLASS[9] = C_SPACE;
CLASS[10] = C_NEWLINE;
CLASS[13] = C_NEWLINE;
CLASS[44] = C_COMMA;
CLASS[39] = C_APOS;
CLASS[96] = C_APOS;
CLASS[38] = C_AMP;
CLASS[45] = C_HYPHEN;
CLASS[46] = C_DOT;

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

/** Classifies a code unit above 127 and records it in {@link CLASS}. */
function classify(code: number): number {
  const f = foldChar(code);
  let cls: number;
  if (f === null) cls = isSpaceLike(code) ? C_SPACE : C_OTHER;
  else if (f === '') cls = C_JOINER;
  else {
    const ch = String.fromCharCode(code);
    cls = ch !== ch.toLowerCase() ? C_WIDE_UPPER : C_WIDE;
  }
  CLASS[code] = cls;
  return cls;
}

/** Whether a code unit above 127 joins a word without adding a letter (curly apostrophe, combining mark). */
export function isJoinerCode(code: number): boolean {
  let k = CLASS[code]!;
  if (k === C_UNSET) k = classify(code);
  return k === C_JOINER;
}

/** Whether a code unit is a letter or digit, after folding accents. */
export function isWordCode(code: number): boolean {
  let k = CLASS[code]!;
  if (k === C_UNSET) k = classify(code);
  return k <= C_WIDE_UPPER;
}

function matchesAt(text: string, at: number, options: readonly string[]): number {
  for (const o of options) {
    if (text.length - at < o.length) continue;
    // Compared code by code, upper-case ASCII letters folded: a list of buyer names has an "&" in
    // every few lines, and a lower-cased copy of the text after each cost an allocation.
    let k = 0;
    for (; k < o.length; k++) {
      let c = text.charCodeAt(at + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== o.charCodeAt(k)) break;
    }
    if (k === o.length) return o.length;
  }
  return 0;
}

/**
 * The value of each ASCII letter and digit in a word's key: digits 1 to 10, letters 11 to 36 in
 * either case, so a key is a word's number in bijective base 37.
 */
const DIGIT = new Uint8Array(128);
for (let c = 48; c <= 57; c++) DIGIT[c] = c - 47;
for (let c = 97; c <= 122; c++) DIGIT[c] = c - 86;
for (let c = 65; c <= 90; c++) DIGIT[c] = c - 54;

/**
 * A word's key is two 32-bit integers: its first six letters as a number in base 37 (the head),
 * and the letters after them (the tail). Six letters fit in 32 bits (37^6 < 2^32), so a word of
 * up to twelve ASCII letters and digits is its key and nothing else: two such words with equal
 * keys are the same word. Longer words wrap round and are checked letter by letter.
 */
const HEAD_LENGTH = 6;
const EXACT_LENGTH = 2 * HEAD_LENGTH;

/** {@link DIGIT} for every code unit, 0 for all but ASCII letters and digits: one lookup tells a word character and its value. */
const WORD_VALUE = new Uint8Array(65536);
WORD_VALUE.set(DIGIT);
/** 1 for an ASCII capital. */
const IS_UPPER = new Uint8Array(65536);
IS_UPPER.fill(1, 65, 91);

/** A key's value for a code unit of a normalised word: {@link DIGIT} for ASCII, the code itself beyond. */
function digitOf(code: number): number {
  return code < 128 ? DIGIT[code]! : code;
}

/** The [head, tail] key {@link tokenize} computes for a normalised word. */
export function wordKey(word: string): [number, number] {
  let h = 0;
  let t = 0;
  for (let i = 0; i < word.length; i++) {
    const d = digitOf(word.charCodeAt(i));
    if (i < HEAD_LENGTH) h = (Math.imul(h, 37) + d) | 0;
    else t = (Math.imul(t, 37) + d) | 0;
  }
  return [h, t];
}

/** Where the {@link Vocabulary} files a word of key [h, t]. */
function slotOf(h: number, t: number): number {
  return (h ^ Math.imul(t, 0x27d4eb2d)) | 0;
}

// The heads of short words: their whole key.
const HEAD_SAINT = wordKey('saint')[0];
const HEAD_ST = wordKey('st')[0];
const HEAD_AND = wordKey('and')[0];
const HEAD_CO = wordKey('co')[0];

/**
 * The words the matcher knows (every word of every core name, designator and block word), each
 * with a small integer id. {@link tokenize} looks each word's hash up here and checks the text
 * against the word found, so a hash collision never gives an unknown word a known id.
 */
export class Vocabulary {
  /** Word of each id; id 0 is "not a known word". */
  readonly words: string[] = [''];
  /** The {@link wordKey} of each id's word. */
  heads = new Int32Array(64);
  tails = new Int32Array(64);
  private readonly byHash = new IntTable(1024);
  private start = new Uint8Array(64);

  /** The id of `word` (normalised, as {@link wordsOf} gives it), adding it if new. */
  add(word: string): number {
    const [h, t] = wordKey(word);
    const slot = slotOf(h, t);
    const known = this.byHash.get(slot);
    if (known !== 0) {
      if (this.words[known] !== word) throw new Error(`vocabulary: "${word}" and "${this.words[known]}" share a hash`);
      return known;
    }
    const id = this.words.length;
    this.words.push(word);
    this.byHash.set(slot, id);
    if (id >= this.heads.length) {
      const heads = new Int32Array(this.heads.length * 2);
      const tails = new Int32Array(this.heads.length * 2);
      heads.set(this.heads);
      tails.set(this.tails);
      this.heads = heads;
      this.tails = tails;
    }
    this.heads[id] = h;
    this.tails[id] = t;
    return id;
  }

  /** The id of a known word, or 0. */
  idOf(word: string): number {
    const id = this.byHash.get(slotOf(...wordKey(word)));
    return this.words[id] === word ? id : 0;
  }

  /** Marks a word as one that can begin a council phrase. */
  markStart(id: number): void {
    if (id >= this.start.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.start.length * 2));
      grown.set(this.start);
      this.start = grown;
    }
    this.start[id] = 1;
  }

  /** @internal For {@link tokenize}: the candidate id of a word filed under `slot`, before checking the text. */
  candidate(slot: number): number {
    return this.byHash.get(slot);
  }

  /** @internal */
  isStart(id: number): boolean {
    return id < this.start.length && this.start[id] === 1;
  }
}

/** Whether `text.slice(s, e)`, a plain ASCII word, lower-cases to `word`, without making a string. */
function plainEquals(text: string, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = s; i < e; i++) if ((text.charCodeAt(i) | 32) !== word.charCodeAt(i - s)) return false;
  return true;
}

class TokenList implements Tokens {
  length = 0;
  starts: Int32Array;
  ends: Int32Array;
  gaps: Uint8Array;
  cases: Uint8Array;
  ids: Int32Array;
  startable: Uint8Array | null = null;
  private startBuffer: Uint8Array;
  /** 1 when the token is plain ASCII letters and digits: its word is a lower-cased slice. */
  plain: Uint8Array;
  private text = '';

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.gaps = new Uint8Array(capacity);
    this.cases = new Uint8Array(capacity);
    this.ids = new Int32Array(capacity);
    this.plain = new Uint8Array(capacity);
    this.startBuffer = new Uint8Array(capacity);
  }

  /** Prepares the list for a new text, keeping its buffers. */
  reset(text: string, withStart: boolean): this {
    this.text = text;
    this.length = 0;
    this.startable = withStart ? this.startBuffer : null;
    return this;
  }

  grow(): void {
    const n = this.starts.length * 2 + 16;
    const g = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = g(this.starts, (k) => new Int32Array(k));
    this.ends = g(this.ends, (k) => new Int32Array(k));
    this.gaps = g(this.gaps, (k) => new Uint8Array(k));
    this.cases = g(this.cases, (k) => new Uint8Array(k));
    this.ids = g(this.ids, (k) => new Int32Array(k));
    this.plain = g(this.plain, (k) => new Uint8Array(k));
    this.startBuffer = g(this.startBuffer, (k) => new Uint8Array(k));
    if (this.startable) this.startable = this.startBuffer;
  }

  word(k: number): string {
    if (k < 0 || k >= this.length) return '';
    // Not cached: a word is read at most a few times, and a sparse cache indexed by token number
    // would fall back to a slow dictionary on long pages.
    const s = this.starts[k]!;
    const e = this.ends[k]!;
    let w: string;
    if (this.text.charCodeAt(s) === 38) w = 'and';
    else if (this.plain[k]) w = this.text.slice(s, e).toLowerCase();
    else w = foldWord(this.text, s, e);
    if (w === 'saint') w = 'st';
    return w;
  }
}

/**
 * Splits `text` (or `text.slice(from, to)`, keeping offsets into `text`) into normalised tokens
 * with their original offsets. With a `vocab`, gives each token its word's id and marks in
 * `startable` the tokens that may begin a council phrase.
 *
 * @example
 * const t = tokenize("King's Lynn &amp; West Norfolk");
 * Array.from({ length: t.length }, (_, k) => t.word(k)) // ['kings', 'lynn', 'and', 'west', 'norfolk']
 */
export function tokenize(text: string, vocab?: Vocabulary, from = 0, to = text.length, reuse?: TokenBuffer): Tokens {
  ONE_RANGE[0] = from;
  ONE_RANGE[1] = to;
  return tokenizeRanges(text, vocab, ONE_RANGE, 2, reuse);
}

const ONE_RANGE = [0, 0];

/**
 * {@link tokenize} over several ranges of `text` at once, `ranges` holding `[from0, to0, from1,
 * to1, ...]` in order (its first `length` entries are read): the tokens of every range in one
 * list, each range read exactly as `tokenize(text, vocab, from, to)` reads it, so the first token
 * of a range has a hard break before it and no phrase joins two ranges. The anchor windows of a
 * page are read this way in one call, and scanned in one call (issue 18: on a list of buyer names,
 * a tokenize and scan call per window cost more than the words between windows).
 */
export function tokenizeRanges(text: string, vocab: Vocabulary | undefined, ranges: ArrayLike<number>, length: number, reuse?: TokenBuffer): Tokens {
  let size = 0;
  for (let r = 0; r < length; r += 2) size += ranges[r + 1]! - ranges[r]!;
  const out = (reuse instanceof TokenList ? reuse : new TokenList(Math.min(size + 1, 64 + (size >> 2)))).reset(text, vocab !== undefined);
  // The arrays in locals, read again after each grow(): a field load per write cost a tenth of a
  // scan of a buyer list (issue 18, tests/bench/recognition-speed.bench.ts).
  let starts = out.starts;
  let ends = out.ends;
  let gaps = out.gaps;
  let cases = out.cases;
  let ids = out.ids;
  let plains = out.plain;
  let startable = out.startable;
  let count = 0;
  for (let r = 0; r < length; r += 2) {
    const n = ranges[r + 1]!;
    let gap = GAP_HARD;
    let lastEnd = -1;
    let lastWasSt = false;
    let i = ranges[r]!;

    while (i < n) {
      // Room for the token this step may add, checked once here rather than at each place that adds one.
      if (count === starts.length) {
        out.grow();
        ({ starts, ends, gaps, cases, ids, startable } = out);
        plains = out.plain;
      }
      const code = text.charCodeAt(i);
      let cls = CLASS[code]!;
      if (cls === C_UNSET) cls = classify(code);
      if (cls <= C_WIDE_UPPER) {
        // A word: letters and digits, with apostrophes inside it dropped ("King's" -> "kings").
        // ASCII letters take the first two branches; everything else is rare.
        const s = i;
        let plain = 1;
        let upper = 0;
        let h = 0;
        let t = 0;
        let len = 0;
        let e = i;
        let c = code;
        let k = cls;
        // Fast path, the words of almost every page: ASCII letters and digits up to a character
        // that cannot go on with a word. Anything else (an accent, an apostrophe, an entity) reads
        // the word again by the general loop below.
        if (cls <= C_UPPER) {
          do {
            h = (Math.imul(h, 37) + WORD_VALUE[c]!) | 0;
            upper += IS_UPPER[c]!;
            c = ++e < n ? text.charCodeAt(e) : 32;
          } while (e - s < HEAD_LENGTH && WORD_VALUE[c] !== 0);
          while (WORD_VALUE[c] !== 0) {
            t = (Math.imul(t, 37) + WORD_VALUE[c]!) | 0;
            upper += IS_UPPER[c]!;
            c = ++e < n ? text.charCodeAt(e) : 32;
          }
          len = e - s;
          k = e < n ? CLASS[c]! : C_SPACE;
          if (k === C_UNSET) k = classify(c);
          if (k === C_WIDE || k === C_WIDE_UPPER || k === C_APOS || k === C_JOINER || k === C_AMP) {
            upper = h = t = len = 0;
            e = s;
            c = code;
            k = cls;
          } else k = C_SPACE;
        }
        for (; k !== C_SPACE; ) {
          if (k === C_WORD) {
            if (len < HEAD_LENGTH) h = (Math.imul(h, 37) + DIGIT[c]!) | 0;
            else t = (Math.imul(t, 37) + DIGIT[c]!) | 0;
            len++;
          } else if (k === C_UPPER) {
            if (len < HEAD_LENGTH) h = (Math.imul(h, 37) + DIGIT[c]!) | 0;
            else t = (Math.imul(t, 37) + DIGIT[c]!) | 0;
            len++;
            upper++;
          } else if (k === C_WIDE || k === C_WIDE_UPPER) {
            const f = foldChar(c)!;
            for (let q = 0; q < f.length; q++) {
              if (len < HEAD_LENGTH) h = (Math.imul(h, 37) + digitOf(f.charCodeAt(q))) | 0;
              else t = (Math.imul(t, 37) + digitOf(f.charCodeAt(q))) | 0;
              len++;
            }
            if (k === C_WIDE_UPPER) upper++;
            plain = 0;
          } else if ((k === C_APOS || k === C_JOINER) && e + 1 < n && isWordCode(text.charCodeAt(e + 1))) {
            plain = 0;
          } else if (k === C_AMP && e + 1 < n) {
            const el = matchesAt(text, e + 1, ENTITY_APOS);
            if (!(el && e + 1 + el < n && isWordCode(text.charCodeAt(e + 1 + el)))) break;
            plain = 0;
            e += el;
          } else break;
          if (++e >= n) break;
          c = text.charCodeAt(e);
          k = CLASS[c]!;
          if (k === C_UNSET) k = classify(c);
        }
        starts[count] = s;
        ends[count] = e;
        gaps[count] = gap;
        cases[count] = upper >= 2 ? CASE_ACRONYM : cls === C_UPPER || cls === C_WIDE_UPPER ? CASE_UPPER : CASE_LOWER;
        plains[count] = plain;
        const saint = len === 5 && h === HEAD_SAINT;
        if (saint) h = HEAD_ST;
        if (vocab) {
          let id = vocab.candidate(slotOf(h, t));
          // A slot only names a candidate. A plain word of up to twelve letters is its whole key,
          // so comparing keys settles it; other words must spell the vocabulary's word
          // (comparing every plain word letter by letter was a sixth of the tokenizer's time on a
          // list of buyer names, issue 18).
          if (id !== 0) {
            if (plain && len <= EXACT_LENGTH) {
              if (vocab.heads[id] !== h || vocab.tails[id] !== t) id = 0;
            } else {
              const expected = saint ? 'saint' : vocab.words[id]!;
              if (!(plain ? plainEquals(text, s, e, expected) : foldWord(text, s, e) === expected)) id = 0;
            }
          }
          ids[count] = id;
          // A one-letter word only starts a phrase before an ampersand ("B&NES"); skipping the rest
          // keeps every "a" of a page out of the matcher.
          startable![count] = id !== 0 && vocab.isStart(id) && (len > 1 || nextIsAmp(text, e)) ? 1 : 0;
        } else ids[count] = 0;
        lastWasSt = len === 2 && (h === HEAD_ST || h === HEAD_CO);
        lastEnd = e;
        count++;
        gap = GAP_SOFT;
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
        case C_DOT:
          // "St. Helens" and "Co. Durham": a full stop after these abbreviations is not a break.
          if (!(lastEnd === i && lastWasSt)) gap = GAP_HARD;
          i++;
          continue;
        case C_AMP: {
          const el = matchesAt(text, i + 1, ENTITY_AND);
          if (el || !matchesAt(text, i + 1, ENTITY_SPACE)) {
            // "&" or "&amp;" reads as "and"; the token spans the characters written.
            const e = i + 1 + el;
            starts[count] = i;
            ends[count] = e;
            gaps[count] = gap;
            cases[count] = CASE_LOWER;
            plains[count] = 0;
            if (vocab) {
              let id = vocab.candidate(slotOf(HEAD_AND, 0));
              if (vocab.words[id] !== 'and') id = 0;
              ids[count] = id;
              startable![count] = id !== 0 && vocab.isStart(id) ? 1 : 0;
            } else ids[count] = 0;
            lastWasSt = false;
            lastEnd = e;
            count++;
            gap = GAP_SOFT;
            i = e;
            continue;
          }
          i += 1 + matchesAt(text, i + 1, ENTITY_SPACE);
          continue;
        }
        case C_APOS:
        case C_JOINER:
          i++;
          continue;
        default:
          gap = GAP_HARD;
          i++;
      }
    }
  }
  out.length = count;
  return out;
}

/**
 * Where the text at [s, e) ends without a possessive "'s" or "’s" ("Kent’s" -> the end of "Kent",
 * "Kent County Council's" -> the end of "Council"), or -1. The tokenizer reads such a word with its
 * "s" ("kents", "councils"), so the readers that must tell a possessive from a plural ask here.
 * ("Hastings' leader" needs nothing: the tokenizer ends that word before its apostrophe.)
 */
export function possessiveEnd(text: string, s: number, e: number): number {
  const q = text.charCodeAt(e - 2);
  return e - s > 2 && (text.charCodeAt(e - 1) | 32) === 115 && (q === 39 || q === 0x2019) ? e - 2 : -1;
}

function nextIsAmp(text: string, at: number): boolean {
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return text.charCodeAt(at) === 38;
}

function foldWord(text: string, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = CLASS[c]!;
      if (k === C_WORD) out += text[i];
      else if (k === C_UPPER) out += String.fromCharCode(c + 32);
      else if (k === C_AMP) i += matchesAt(text, i + 1, ENTITY_APOS);
      continue;
    }
    out += foldChar(c) ?? '';
  }
  return out;
}

/**
 * Reusable token storage: scanning many small windows of a page into one buffer saves allocating
 * typed arrays per window. A {@link Tokens} read from a buffer is valid until the buffer is reused.
 */
export type TokenBuffer = object;

/** A buffer for {@link tokenize}'s `reuse` argument. */
export function createTokenBuffer(): TokenBuffer {
  return new TokenList(256);
}

/** The normalised words of a short text, for building the index from register names. */
export function wordsOf(text: string, reuse?: TokenBuffer): string[] {
  const t = tokenize(text, undefined, 0, text.length, reuse);
  const out: string[] = new Array(t.length);
  for (let k = 0; k < t.length; k++) out[k] = t.word(k);
  return out;
}
