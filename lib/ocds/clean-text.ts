/**
 * Text repair for OCDS notices: HTML entities and tags, UTF-8 read as Windows-1252 ("mojibake"),
 * and line breaks whose backslashes were stripped ("\r\n" become the letters "rn").
 *
 * Every regex is precompiled and linear (no nested quantifiers); the line-break repair is one
 * scan over the "rn" runs of the text.
 */

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  pound: '£', euro: '€', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', deg: '°', frac12: '½',
  eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', auml: 'ä', ouml: 'ö', uuml: 'ü',
  acirc: 'â', ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û', wcirc: 'ŵ', ycirc: 'ŷ',
}));

/** `&amp;` may wrap another entity once (`&amp;#39;`, double-encoded by some buyer systems). */
const ENTITY = /&(?:amp;)?(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,7});/gi;

/** Decodes the common named entities and every numeric one; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body) ?? NAMED_ENTITIES.get(body.toLowerCase()) ?? whole;
  });
}

const HTML_COMMENT = /<!--[^]*?-->/g;
/** A tag needs a letter after `<`, so "values < 5 and > 3" is text. */
const HTML_TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi;
const BLOCK_TAGS = new Set(['p', 'br', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'blockquote']);

/** Removes HTML tags; an opening block tag or `<br>` becomes a line break. */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(HTML_COMMENT, '')
    .replace(HTML_TAG, (tag: string, name: string) => (!tag.startsWith('</') && BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : ''));
}

/** Windows-1252 characters of bytes 0x80-0x9F (the others are Latin-1). */
const CP1252_HIGH: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const CONT = '[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
/** A UTF-8 lead byte and its continuation bytes, each shown as its Windows-1252 character. */
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');
/** "”" is E2 80 9D; 0x9D has no Windows-1252 character, so it is often lost. */
const LOST_RIGHT_QUOTE = /â€/g;
/** UTF-8 no-break space (C2 A0) whose A0 was later turned into a plain space. */
const LOST_NBSP = /(?<=\S)Â(?= )/g;

function cp1252Byte(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 0xff ? code : (CP1252_HIGH[char] ?? -1);
}

/** Decodes one lead+continuation sequence; undefined when the bytes are not valid UTF-8. */
function decodeUtf8(chars: string): string | undefined {
  const bytes = Array.from(chars, cp1252Byte);
  if (bytes.some((b) => b < 0)) return undefined;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
  let code: number;
  if (bytes.length === 2) code = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  else if (bytes.length === 3) code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  else code = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  const minimum = bytes.length === 2 ? 0x80 : bytes.length === 3 ? 0x800 : 0x10000;
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1: "â€™" -> "’", "â€“" -> "–",
 * "â€¯" -> narrow no-break space, "Â£" -> "£" (seen in ../shared/data/contracts_finder_ocds_search_2025-01-23.json,
 * e.g. the "Parking Pilot - CEO" notice). Sequences that are not valid UTF-8 are kept, so Welsh "â" stays.
 */
export function fixMojibake(text: string): string {
  if (!/[ÂÃâ]/.test(text)) return text;
  return text
    .replace(MOJIBAKE, (chars) => decodeUtf8(chars) ?? chars)
    .replace(LOST_RIGHT_QUOTE, '”')
    .replace(LOST_NBSP, '');
}

/**
 * Words that really end in "rn", lower case. "torn" is left out on purpose: in
 * ../shared/data/pcs_scotland_ocds_releases_2019.json every "torn" is "to" + a stripped line break
 * ("not limited torn Joinery"), while "worn" is always the word ("replacing worn belts").
 */
const RN_WORDS = new Set([
  'learn', 'unlearn', 'relearn', 'earn', 'yearn', 'worn', 'sworn', 'shorn', 'adorn', 'scorn', 'stubborn', 'forlorn', 'lorn',
  'churn', 'spurn', 'urn', 'mourn', 'saturn', 'sojourn', 'adjourn', 'nocturn', 'cairn', 'barn', 'darn', 'yarn', 'tarn',
  'padarn', 'pensarn', 'llanbadarn', 'fern', 'kern', 'quern', 'stern', 'astern', 'postern', 'modern', 'govern', 'concern',
  'discern', 'intern', 'extern', 'lantern', 'bittern', 'cistern', 'tavern', 'cavern', 'pattern', 'subaltern', 'slattern',
  'kentigern', 'sadwrn', 'llansadwrn',
]);
/** Endings of real "rn" words: return, Blackburn, Fulbourn, newborn, acorn, Kinghorn, hawthorn, north-eastern. */
const RN_WORD_ENDINGS = ['turn', 'burn', 'bourn', 'born', 'corn', 'horn', 'eastern', 'western', 'northern', 'southern'];

function isRnWord(word: string): boolean {
  const lower = word.toLowerCase();
  return RN_WORDS.has(lower) || RN_WORD_ENDINGS.some((ending) => lower.endsWith(ending));
}

const RN_RUN = /(?:rn)+/g;

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}
function isLower(char: string | undefined): boolean {
  return char !== undefined && char >= 'a' && char <= 'z';
}

interface RnRun {
  start: number;
  length: number;
  /** How many of the run's "rn" pairs are line breaks when the text is known to be stripped. */
  ifStripped: number;
  /** How many are line breaks in any text (the sure cases). */
  always: number;
}

function rnRuns(text: string): RnRun[] {
  const runs: RnRun[] = [];
  for (const match of text.matchAll(RN_RUN)) {
    const start = match.index;
    const pairs = match[0].length / 2;
    const before = text[start - 1];
    const after = text[start + match[0].length];
    if (isLetter(before)) {
      let wordStart = start - 1;
      while (wordStart > 0 && isLetter(text[wordStart - 1])) wordStart -= 1;
      const breaks = isRnWord(text.slice(wordStart, start) + 'rn') ? pairs - 1 : pairs;
      if (pairs >= 2) runs.push({ start, length: match[0].length, ifStripped: breaks, always: breaks });
      else if (!isLower(after)) runs.push({ start, length: 2, ifStripped: breaks, always: 0 });
    } else {
      const sure = pairs >= 2 || !isLower(after);
      runs.push({ start, length: match[0].length, ifStripped: pairs, always: sure ? pairs : 0 });
    }
  }
  return runs;
}

/** Whether the text has a line break that surely lost its backslashes (see `fixStrippedLineBreaks`). */
export function hasStrippedLineBreaks(text: string): boolean {
  return text.includes('rn') && rnRuns(text).some((run) => run.always > 0);
}

/**
 * Turns the letters "rn" back into line breaks where a "\r\n" lost its backslashes
 * (../shared/data/contracts_finder_ocds_releases_2025-01_to_03_extra.json, the PCS and Sell2Wales files).
 *
 * Sure cases, in any text: "rnrn" (no word holds it), and "rn" after punctuation, a digit, a space or
 * the start when an upper-case letter, punctuation, a space or the end follows ("services.rnThe",
 * "2025rnrn", "paperworkrn (WA Ref"). Ambiguous cases are repaired only in stripped text: text with
 * a sure case, or `stripped` when the caller knows (another field of the same release has one).
 * They are a word + "rn" before a space, capital or the end ("Thanksrn NOTE", "RoadrnLondon")
 * unless word + "rn" is a real word ("Northern Ireland", "return", "modern"), and "rn" after
 * punctuation before a lower-case letter. "rn" between two lower-case letters is always kept:
 * "government", "internal", "learning", but also the unrepairable "inrnprocessing".
 */
export function fixStrippedLineBreaks(text: string, stripped?: boolean): string {
  if (!text.includes('rn')) return text;
  const runs = rnRuns(text);
  const isStripped = stripped === true || runs.some((run) => run.always > 0);
  let out = '';
  let last = 0;
  for (const run of runs) {
    const breaks = isStripped ? run.ifStripped : run.always;
    if (breaks === 0) continue;
    const kept = run.length / 2 - breaks;
    out += text.slice(last, run.start) + 'rn'.repeat(kept) + '\n'.repeat(breaks);
    last = run.start + run.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;
const SPACES = /[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const SPACED_BREAK = / ?\n ?/g;
const MANY_BREAKS = /\n{3,}/g;
const ANY_WHITESPACE = /\s+/g;

function repair(text: string): string {
  return stripTags(fixMojibake(decodeEntities(text)));
}

/**
 * A description as plain text: entities decoded, mojibake fixed, tags stripped, stripped line breaks
 * restored (`stripped` as for `fixStrippedLineBreaks`), spaces collapsed, at most one blank line in
 * a row, trimmed.
 */
export function cleanText(text: string, stripped?: boolean): string {
  return fixStrippedLineBreaks(repair(text).replace(/\r\n?/g, '\n'), stripped)
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(SPACED_BREAK, '\n')
    .replace(MANY_BREAKS, '\n\n')
    .trim();
}

/** Anything `cleanLine` would change besides the ends: most names and titles have none of it. */
const NEEDS_CLEANING = /[&<ÂÃâ\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]|\s\s/;

/** A title or name on one line: as `cleanText` without the line-break repair, all whitespace one space. */
export function cleanLine(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return repair(text).replace(CONTROL, '').replace(ANY_WHITESPACE, ' ').replace(SPACES, ' ').trim();
}

/**
 * Text folded for comparison, not display: accents dropped (NFKD, marks removed), lower case,
 * `&` as "and", every run of characters other than letters and digits as one space, trimmed.
 * Notice titles across portals (lib/ocds/summary.ts) and savings descriptions
 * (lib/savings/schema.ts) are matched on this.
 *
 * @example foldText('  Café & Day-Services:  REVIEW! ') // 'cafe and day services review'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
