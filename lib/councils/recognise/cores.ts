import type { Council } from '../schema';
import { CONNECTORS, LEVEL_LETTERS, NON_CORE, PREFIXES, SUFFIXES, type Designator, type Level } from './designators';
import { createTokenBuffer, wordsOf } from './tokenize';

/**
 * How a core name was obtained:
 * - `name`: from one of the council's register names with its designators taken off
 *   ("City of Bradford Metropolitan District Council" -> "bradford");
 * - `derived`: a shortening people use that the register does not list ("Kingston upon Thames"
 *   -> "kingston", "Bath and North East Somerset" -> "bath"); loses ties to `name` cores;
 * - `initials`: bare initials ("bcp", "banes"); only trusted next to a designator or as a whole name;
 * - `initials-designated`: initials with designator letters ("rbkc", "nptcbc", "lbth");
 * - `initials-and`: initials around an ampersand ("b & nes").
 */
export type CoreSource = 'name' | 'derived' | 'initials' | 'initials-designated' | 'initials-and';

export interface CoreEntry {
  readonly council: Council;
  readonly words: readonly string[];
  readonly source: CoreSource;
  /** For `initials-designated`: the level the letters stand for. */
  readonly level: Level | null;
  /** Position in the list {@link deriveCores} returns: a key for per-entry tables. */
  readonly index: number;
}

/** Per council: the designator levels its own names use ("Leeds City Council" -> city). */
export type OwnLevels = Map<string, Set<Level | 'bare'>>;

/**
 * Standard county abbreviations ("East Herts Council" in tests/fixtures/recognition/buyers.csv,
 * "Bucks", "Cambs", "Northants" in everyday use). Applied as extra spellings of core names.
 */
const COUNTY_SHORT: Record<string, string[]> = {
  hertfordshire: ['herts'],
  buckinghamshire: ['bucks'],
  bedfordshire: ['beds'],
  cambridgeshire: ['cambs'],
  lancashire: ['lancs'],
  lincolnshire: ['lincs'],
  leicestershire: ['leics'],
  nottinghamshire: ['notts'],
  northamptonshire: ['northants'],
  worcestershire: ['worcs'],
  warwickshire: ['warks'],
  wiltshire: ['wilts'],
  gloucestershire: ['glos'],
  oxfordshire: ['oxon'],
  staffordshire: ['staffs'],
  hampshire: ['hants'],
  berkshire: ['berks'],
  derbyshire: ['derbys'],
  yorkshire: ['yorks'],
};

/**
 * Names people and buyers use that the register's names lack, by register code. City status
 * granted in 2022 (Colchester, Milton Keynes, Southend-on-Sea), after which the councils took
 * "City Council"; Wakefield's legal name ("The Council of the City of Wakefield", a buyer in
 * ../shared/data/find-a-tender-2026); Welsh short names ("Cyngor Sir Gâr"; the register spells
 * Ynys Môn without its accented letter).
 */
const EXTRA_NAMES: Record<string, readonly string[]> = {
  COL: ['Colchester City Council'],
  MIK: ['Milton Keynes City Council'],
  SOS: ['Southend-on-Sea City Council', 'Southend City Council'],
  WKF: ['City of Wakefield'],
  CMN: ['Sir Gâr'],
  AGY: ['Ynys Môn'],
};

/** Words that join a place to its river or district in hyphenated names ("Stoke-on-Trent"). */
const LOCATIVES = new Set(['upon', 'on', 'under', 'in']);

/** Designators by their first word (prefixes) or last word (suffixes), longest first. */
function indexBy(list: readonly Designator[], pick: (d: Designator) => string): Map<string, Designator[]> {
  const map = new Map<string, Designator[]>();
  for (const d of list) {
    if (d.strength === 'block') continue;
    const k = pick(d);
    const bucket = map.get(k) ?? [];
    bucket.push(d);
    map.set(k, bucket);
  }
  for (const bucket of map.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return map;
}

let prefixByFirst: Map<string, Designator[]> | null = null;
let suffixByLast: Map<string, Designator[]> | null = null;

/** Longest prefix designator at words[lo..hi), leaving at least one word. */
function prefixAt(words: readonly string[], lo: number, hi: number): Designator | null {
  prefixByFirst ??= indexBy(PREFIXES, (d) => d.words[0]!);
  const bucket = prefixByFirst.get(words[lo]!);
  if (!bucket) return null;
  outer: for (const d of bucket) {
    const n = d.words.length;
    if (n >= hi - lo) continue;
    for (let k = 1; k < n; k++) if (words[lo + k] !== d.words[k]) continue outer;
    return d;
  }
  return null;
}

/** Longest suffix designator ending at words[hi - 1], leaving at least one word. */
function suffixAt(words: readonly string[], lo: number, hi: number): Designator | null {
  suffixByLast ??= indexBy(SUFFIXES, (d) => d.words[d.words.length - 1]!);
  const bucket = suffixByLast.get(words[hi - 1]!);
  if (!bucket) return null;
  outer: for (const d of bucket) {
    const n = d.words.length;
    if (n >= hi - lo) continue;
    for (let k = 0; k < n - 1; k++) if (words[hi - n + k] !== d.words[k]) continue outer;
    return d;
  }
  return null;
}

function isCore(words: readonly string[]): boolean {
  return words.length > 0 && !(words.length === 1 && NON_CORE.has(words[0]!));
}

/**
 * Strips designators off a register name, returning the core place name and the levels seen.
 *
 * @example stripDesignators(['city','of','bradford','metropolitan','district','council'])
 *   // { core: ['bradford'], levels: ['city', 'metropolitan-district'] }
 */
export function stripDesignators(words: readonly string[]): { core: string[]; levels: Level[] } {
  let lo = 0;
  let hi = words.length;
  if (words[0] === 'the' && hi > 1) lo = 1;
  const levels: Level[] = [];
  for (let guard = 0; guard < 6; guard++) {
    // Suffix first: "City of London Corporation" is "City of London" + Corporation, and
    // "London" alone is not a core.
    const s = suffixAt(words, lo, hi);
    if (s && isCoreRange(words, lo, hi - s.words.length)) {
      hi -= s.words.length;
      levels.push(s.level);
      continue;
    }
    const p = prefixAt(words, lo, hi);
    if (p) {
      let next = lo + p.words.length;
      if (words[next] === 'the' && hi - next > 1) next++;
      if (isCoreRange(words, next, hi)) {
        lo = next;
        levels.push(p.level);
        continue;
      }
    }
    break;
  }
  return { core: words.slice(lo, hi), levels };
}

function isCoreRange(words: readonly string[], lo: number, hi: number): boolean {
  return hi > lo && !(hi - lo === 1 && NON_CORE.has(words[lo]!));
}

function significant(words: readonly string[]): string[] {
  return words.filter((w) => !CONNECTORS.has(w));
}

function initials(words: readonly string[], withAnd: boolean): string {
  let out = '';
  for (const w of words) {
    if (w === 'and') {
      if (withAnd) out += 'a';
    } else if (!CONNECTORS.has(w)) out += w[0];
  }
  return out;
}

const key = (words: readonly string[]) => words.join(' ');

/**
 * Every core name of every council, with where it came from, and the levels each council's own
 * names use. Pure function of the register; see {@link CoreSource} for the kinds of entry.
 */
export function deriveCores(councils: readonly Council[]): { entries: CoreEntry[]; ownLevels: OwnLevels } {
  const ownLevels: OwnLevels = new Map();
  const perCouncil = new Map<string, Map<string, string[]>>();
  const coreOwners = new Map<string, Set<string>>();
  const buffer = createTokenBuffer();

  for (const council of councils) {
    const levels = new Set<Level | 'bare'>();
    const cores = new Map<string, string[]>();
    for (const raw of [...council.names, ...(EXTRA_NAMES[council.code] ?? [])]) {
      // "comhairle nan eilean siar (western isles)", "edinburgh (city of)": the bracket is a gloss.
      const unbracketed = raw.includes('(') ? raw.replace(/\([^)]*\)/g, ' ').trim() || raw : raw;
      const words = wordsOf(unbracketed, buffer);
      if (words.length === 0) continue;
      const { core, levels: seen } = stripDesignators(words);
      if (!isCore(core)) continue;
      if (seen.length === 0) levels.add('bare');
      for (const l of seen) levels.add(l);
      cores.set(key(core), core);
      const owners = coreOwners.get(key(core)) ?? new Set<string>();
      owners.add(council.code);
      coreOwners.set(key(core), owners);
    }
    ownLevels.set(council.code, levels);
    perCouncil.set(council.code, cores);
  }

  const entries: CoreEntry[] = [];
  const seen = new Set<string>();
  const add = (council: Council, words: readonly string[], source: CoreSource, level: Level | null = null) => {
    const id = `${council.code}|${key(words)}|${source}|${level ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    entries.push({ council, words, source, level, index: entries.length });
  };

  const initialsOwners = new Map<string, Set<string>>();
  const pendingInitials: Array<{ council: Council; words: string[]; source: CoreSource; level: Level | null }> = [];
  const addInitials = (council: Council, words: string[], source: CoreSource, level: Level | null = null) => {
    const k = key(words);
    const owners = initialsOwners.get(k) ?? new Set<string>();
    owners.add(council.code);
    initialsOwners.set(k, owners);
    pendingInitials.push({ council, words, source, level });
  };

  for (const council of councils) {
    const cores = perCouncil.get(council.code)!;
    const levels = ownLevels.get(council.code)!;
    for (const core of cores.values()) {
      // "adur and worthing borough council" is listed for Worthing alone: a name joining this
      // council's core to another council's core names a shared service, not this council.
      const andAt = core.indexOf('and');
      if (andAt > 0) {
        const a = key(core.slice(0, andAt));
        const b = key(core.slice(andAt + 1));
        const aOwners = coreOwners.get(a);
        const bOwners = coreOwners.get(b);
        const ownsA = aOwners?.has(council.code) ?? false;
        const ownsB = bOwners?.has(council.code) ?? false;
        if (aOwners && bOwners && ownsA !== ownsB) continue;
      }
      add(council, core, 'name');
      for (const variant of countyShortVariants(core)) add(council, variant, 'name');

      // Shortenings: "Kingston upon Thames" -> "Kingston", "Stoke-on-Trent" -> "Stoke".
      const loc = core.findIndex((w, k) => k > 0 && LOCATIVES.has(w));
      if (loc > 0 && isCore(core.slice(0, loc))) add(council, core.slice(0, loc), 'derived');
      if (loc > 0 && core[loc] === 'upon') add(council, [...core.slice(0, loc), 'on', ...core.slice(loc + 1)], 'derived');
      // "Kings Lynn and West Norfolk" -> "Kings Lynn"; "Bath and North East Somerset" -> "Bath".
      if (andAt > 0 && andAt <= 2 && isCore(core.slice(0, andAt))) add(council, core.slice(0, andAt), 'derived');
      // "East Riding of Yorkshire" -> "East Riding" (not "Isle of Wight" -> "Isle").
      const ofAt = core.indexOf('of');
      if (ofAt >= 2 && isCore(core.slice(0, ofAt))) add(council, core.slice(0, ofAt), 'derived');

      // Initials, only for names of two or more significant words: "Bournemouth, Christchurch
      // and Poole" -> BCP, "Bath and North East Somerset" -> BANES and B&NES.
      const sig = significant(core);
      if (sig.length < 2) continue;
      if (council.kind === 'combined-authority') {
        // "GMCA", "WECA", "CPCA", "EMCCA": initials plus CA/MCA/CCA.
        const plain = initials(core, false);
        for (const tail of ['ca', 'mca', 'cca']) addInitials(council, [plain + tail], 'initials-designated', 'combined-authority');
        continue;
      }
      const plain = initials(core, false);
      if (plain.length >= 3) addInitials(council, [plain], 'initials');
      if (andAt > 0) {
        const withAnd = initials(core, true);
        if (withAnd.length >= 4) addInitials(council, [withAnd], 'initials');
        const left = initials(core.slice(0, andAt), false);
        const right = initials(core.slice(andAt + 1), false);
        if (left && right) addInitials(council, [left, 'and', right], 'initials-and');
      }
      for (const level of levels) {
        if (level === 'bare') continue;
        const letters = LEVEL_LETTERS[level];
        if (letters?.suffix) addInitials(council, [plain + letters.suffix], 'initials-designated', level);
        if (letters?.prefix) addInitials(council, [letters.prefix + plain], 'initials-designated', level);
      }
      addInitials(council, [plain + 'c'], 'initials-designated', 'council');
    }
  }

  // "KCC" is Kent County Council to most readers, not Kensington and Chelsea Council: initials that
  // a one-word council's initial plus designator letters also spell are ambiguous too.
  for (const council of councils) {
    for (const core of perCouncil.get(council.code)!.values()) {
      if (core.length !== 1) continue;
      for (const level of ownLevels.get(council.code)!) {
        const letters = level === 'bare' ? { suffix: 'c' } : LEVEL_LETTERS[level];
        const k = core[0]![0]! + (letters?.suffix ?? '');
        const owners = initialsOwners.get(k);
        if (owners) owners.add(`~${council.code}`);
      }
    }
  }

  // Initials shared by two councils, or spelling another council's name, are dropped: they would
  // name the wrong council as often as the right one.
  for (const p of pendingInitials) {
    const k = key(p.words);
    if (initialsOwners.get(k)!.size > 1) continue;
    const owners = coreOwners.get(k);
    if (owners && !owners.has(p.council.code)) continue;
    // Initials that are ordinary words ("Ards and North Down" -> "and") would fire everywhere.
    if (p.words.length === 1 && (p.words[0]!.length < 3 || CONNECTORS.has(p.words[0]!) || NON_CORE.has(p.words[0]!))) continue;
    add(p.council, p.words, p.source, p.level);
  }
  return { entries, ownLevels };
}

function countyShortVariants(core: readonly string[]): string[][] {
  const out: string[][] = [];
  core.forEach((w, k) => {
    for (const short of COUNTY_SHORT[w] ?? []) out.push([...core.slice(0, k), short, ...core.slice(k + 1)]);
  });
  return out;
}
