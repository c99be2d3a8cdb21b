import { SERVICE_GROUP_IDS } from '@/lib/roles/groups';
import { ALL_GROUPS, NO_DEADLINE, NO_END, type ProcurementKey } from './row';
import { PORTALS } from './portals';

/**
 * Short, reversible forms of the notices table's keys (issue 10: at most 700 bytes a notice, every
 * index included, at 250,000 notices). Chromium keeps every IndexedDB index entry as the index key
 * followed by the primary key, and its value is the primary key again, each string at two bytes a
 * UTF-16 unit: a Contracts Finder ocid (48 characters) costs about 100 bytes every time it is
 * written, some fifteen times a row. Here it is 10 units; a `[council, group, date]` key of the
 * card's indexes (an array of three strings, about 60 bytes) is one string of 7.
 *
 * Packed digits are 15 bits a unit, U+4000 to U+BFFF: one UTF-16 unit each, never a surrogate, and
 * in the same order as the numbers they hold, so a packed date sorts as the date does.
 *
 * Only what the app's key ranges need is order-preserving: the date inside a procurement key (the
 * card reads `[council, group, from]` to `[council, group, to]`) and updatedAt (a number). Ocids and
 * page ids are looked up by equality, and read in pages in whatever order the table holds them.
 */

const DIGIT_BASE = 0x4000;
const DIGIT_BITS = 15;
const DIGIT_MAX = (1 << DIGIT_BITS) - 1;

/** `count` 15-bit digits of `value` (a non-negative integer below 2^(15·count)), most significant first. */
function digits(value: number, count: number): string {
  let out = '';
  for (let i = count - 1; i >= 0; i--) out += String.fromCharCode(DIGIT_BASE + (Math.floor(value / 2 ** (DIGIT_BITS * i)) & DIGIT_MAX));
  return out;
}
function readDigits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const unit = text.charCodeAt(from + i) - DIGIT_BASE;
    if (!(unit >= 0 && unit <= DIGIT_MAX)) throw new Error(`Not a packed key: ${JSON.stringify(text)}`);
    value = value * 2 ** DIGIT_BITS + unit;
  }
  return value;
}

/** Hex digits (lowercase) as 15-bit units: 15 bits take 3¾ hex digits, so 4n bits in ⌈4n/15⌉ units. */
function packHex(hex: string): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < hex.length; i++) {
    acc = (acc << 4) | parseInt(hex[i]!, 16);
    bits += 4;
    if (bits >= DIGIT_BITS) {
      bits -= DIGIT_BITS;
      out += String.fromCharCode(DIGIT_BASE + ((acc >>> bits) & DIGIT_MAX));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out += String.fromCharCode(DIGIT_BASE + ((acc << (DIGIT_BITS - bits)) & DIGIT_MAX));
  return out;
}
function unpackHex(units: string, length: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < units.length && out.length < length; i++) {
    acc = ((acc << DIGIT_BITS) | readDigits(units, i, 1)) >>> 0;
    bits += DIGIT_BITS;
    while (bits >= 4 && out.length < length) {
      bits -= 4;
      out += ((acc >>> bits) & 15).toString(16);
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = /^[0-9a-f]{1,64}$/;
/** Find a Tender notice ids, `nnnnnn-yyyy`. */
const FTS_NOTICE = /^\d{6}-\d{4}$/;

/**
 * An identifier in few units: a lowercase UUID (Contracts Finder ocids and notice ids) in 10, a
 * lowercase hex or digit string (Find a Tender, Scottish and Welsh ocids) in 2 + ⌈4n/15⌉, a Find a
 * Tender notice id in 4; anything else as it is, after a marker.
 */
export function packId(id: string): string {
  if (UUID.test(id)) return `u${packHex(id.replace(/-/g, ''))}`;
  if (HEX.test(id)) return `h${String.fromCharCode(DIGIT_BASE + id.length)}${packHex(id)}`;
  if (FTS_NOTICE.test(id)) return `n${packHex(id.replace('-', ''))}`;
  return `r${id}`;
}
export function unpackId(packed: string): string {
  const kind = packed[0];
  if (kind === 'r') return packed.slice(1);
  if (kind === 'u') {
    const hex = unpackHex(packed.slice(1), 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (kind === 'h') return unpackHex(packed.slice(2), readDigits(packed, 1, 1));
  if (kind === 'n') {
    const digitsOnly = unpackHex(packed.slice(1), 10);
    return `${digitsOnly.slice(0, 6)}-${digitsOnly.slice(6)}`;
  }
  throw new Error(`Not a packed id: ${JSON.stringify(packed)}`);
}
/** The portals' ocid prefixes, one letter each (lib/ocds/portals.ts). */
const OCID_PREFIXES: readonly (readonly [letter: string, prefix: string])[] = PORTALS.map((p) => [p.ocidLetter, p.ocidPrefix]);
/** Marker of an ocid of any other publisher, kept whole. */
const OTHER_OCID = '~';

/** The stored primary key of a notice: its portal's letter and its packed id, or the ocid itself after a marker. */
export function packOcid(ocid: string): string {
  for (const [letter, prefix] of OCID_PREFIXES) if (ocid.startsWith(prefix)) return letter + packId(ocid.slice(prefix.length));
  return OTHER_OCID + ocid;
}
export function unpackOcid(key: string): string {
  if (key[0] === OTHER_OCID) return key.slice(1);
  const prefix = OCID_PREFIXES.find(([letter]) => letter === key[0])?.[1];
  if (prefix === undefined) throw new Error(`Not a packed ocid: ${JSON.stringify(key)}`);
  return prefix + unpackId(key.slice(1));
}

/**
 * A day in 2 units, in the order of the strings: y·512 + m·32 + d. The key slots' sentinels keep
 * their places as strings have them: {@link NO_END} ('0000') and '' below every date,
 * {@link NO_DEADLINE} ('9999') after every date up to 9998 and before '9999-01-01' (month 0), and
 * '\uffff' (the card's "after every date" bound) above all.
 */
const DAY_UNITS = 2;
const NO_END_VALUE = 0;
const NO_DEADLINE_VALUE = 9999 * 512;
const ABOVE_ALL_VALUE = 2 ** (DIGIT_BITS * DAY_UNITS) - 1;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function packDay(day: string): string {
  if (day === NO_END || day === '') return digits(NO_END_VALUE, DAY_UNITS);
  if (day === NO_DEADLINE) return digits(NO_DEADLINE_VALUE, DAY_UNITS);
  if (day === '\uffff') return digits(ABOVE_ALL_VALUE, DAY_UNITS);
  const match = DAY.exec(day);
  if (!match) throw new Error(`Not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return digits(Number(match[1]) * 512 + Number(match[2]) * 32 + Number(match[3]), DAY_UNITS);
}
export function unpackDay(packed: string, from = 0): string {
  const value = readDigits(packed, from, DAY_UNITS);
  if (value === NO_END_VALUE) return NO_END;
  if (value === NO_DEADLINE_VALUE) return NO_DEADLINE;
  if (value === ABOVE_ALL_VALUE) return '\uffff';
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(Math.floor(value / 512), 4)}-${pad(Math.floor(value / 32) % 16, 2)}-${pad(value % 32, 2)}`;
}

/** Ends the council code, and an unknown group's id; no council code or group id holds it. */
const SEP = '\u0001';
/** A group id the spec does not list (a dataset newer than this code), kept whole. */
const OTHER_GROUP = '~';
const GROUP_LETTERS = new Map<string, string>([[ALL_GROUPS, '*'], ...SERVICE_GROUP_IDS.map((id, i): [string, string] => [id, String.fromCharCode(0x41 + i)])]);
const GROUP_BY_LETTER = new Map([...GROUP_LETTERS].map(([id, letter]) => [letter, id]));

/**
 * `[council, group, date]` as one string: the council code, a separator, the group's letter (its
 * place in the spec's list, `*` for every group), the packed day. Keys of one council and group
 * sort by day, so the card's ranges are still ranges.
 */
export function packProcurementKey([council, group, day]: readonly [string, string, string]): string {
  if (council.includes(SEP) || group.includes(SEP)) throw new Error(`Not a council code or group id: ${JSON.stringify([council, group])}`);
  const letter = GROUP_LETTERS.get(group);
  return council + SEP + (letter ?? OTHER_GROUP + group + SEP) + packDay(day);
}
export function unpackProcurementKey(packed: string): ProcurementKey {
  const cut = packed.indexOf(SEP);
  if (cut < 0) throw new Error(`Not a packed procurement key: ${JSON.stringify(packed)}`);
  const council = packed.slice(0, cut);
  let at = cut + 1;
  let group: string;
  if (packed[at] === OTHER_GROUP) {
    const end = packed.indexOf(SEP, at + 1);
    group = packed.slice(at + 1, end);
    at = end + 1;
  } else {
    const known = GROUP_BY_LETTER.get(packed[at]!);
    if (known === undefined) throw new Error(`Not a packed procurement key: ${JSON.stringify(packed)}`);
    group = known;
    at += 1;
  }
  return [council, group, unpackDay(packed, at)];
}

/** An instant (or a day) as epoch seconds, a 9-byte number key instead of a 42-byte string. */
export function instantSeconds(value: string): number {
  const ms = Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${JSON.stringify(value)}`);
  return ms / 1000;
}
/** The normalised instant (lib/ocds/dates.ts: milliseconds only when not zero) of epoch seconds. */
export function secondsInstant(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString().replace('.000Z', 'Z');
}
