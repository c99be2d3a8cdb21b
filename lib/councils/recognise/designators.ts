import type { CouncilType } from '../schema';
import { GAP_COMMA, GAP_SOFT, possessiveEnd, type Tokens } from './tokenize';

/**
 * The words people put around a place name to say "the council of": "Leeds City Council",
 * "London Borough of Haringey", "Wigan MBC", "Cyngor Gwynedd". A designator says what kind of
 * body is meant (its level) and how sure that makes us (its strength).
 *
 * Forms come from the register's own names (../shared/data/uk_local_authorities.csv official and
 * alt names, lookup_name_to_registry.csv) and from real buyer names in the Contracts Finder,
 * Public Contracts Scotland and Sell2Wales releases (tests/fixtures/recognition/buyers.csv), e.g.
 * "Rhondda Cynon Taf CBC", "Cyngor Sir Ceredigion County Council", "Sandwell MBC",
 * "The Metropolitan Borough of Sandwell".
 */

export type Level =
  | 'council'
  | 'city'
  | 'county'
  | 'city-or-county'
  | 'borough'
  | 'district'
  | 'metropolitan-borough'
  | 'metropolitan-district'
  | 'county-borough'
  | 'london-borough'
  | 'royal-borough'
  | 'city-and-county'
  | 'city-and-district'
  | 'corporation'
  | 'unitary'
  | 'combined-authority'
  | 'authority';

/**
 * - `strong`: contains "Council" or an equally explicit form ("London Borough of", "Cyngor").
 * - `abbrev`: a trade abbreviation (LBC, MBC, BC, DC, CC, ...): explicit, but only when written in capitals.
 * - `weak`: says "city", "county", "borough" without "council": "Leeds City", "County Durham".
 *   A place name, not necessarily its council.
 * - `block`: a council that is not a principal council (town, parish, community, youth council).
 */
export type Strength = 'strong' | 'abbrev' | 'weak' | 'block';

export interface Designator {
  readonly words: readonly string[];
  readonly level: Level;
  readonly strength: Strength;
  /** "Councils": names more than one council ("Adur and Worthing Councils"). */
  readonly plural: boolean;
  /** Names a combined or strategic authority, never a principal council. */
  readonly ca: boolean;
  /** A reversed form written after a comma: "Bristol, City of". */
  readonly afterComma: boolean;
  /** {@link STRENGTH_RANK} of `strength`, read by the scan for every candidate phrase. */
  readonly rank: number;
}

type Spec = [text: string, level: Level, strength: Strength, options?: { ca?: boolean; plural?: boolean; afterComma?: boolean }];

const COUNCIL_SUFFIXES: Array<[string, Level]> = [
  ['council', 'council'],
  ['city council', 'city'],
  ['county council', 'county'],
  ['borough council', 'borough'],
  ['district council', 'district'],
  ['metropolitan borough council', 'metropolitan-borough'],
  ['metropolitan district council', 'metropolitan-district'],
  ['county borough council', 'county-borough'],
  ['city and district council', 'city-and-district'],
  ['city and county council', 'city-and-county'],
  ['london borough council', 'london-borough'],
  ['royal borough council', 'royal-borough'],
  ['unitary council', 'unitary'],
];

const ABBREVIATION_LEVELS: Record<string, Level> = {
  cc: 'city-or-county',
  bc: 'borough',
  dc: 'district',
  mbc: 'metropolitan-borough',
  mdc: 'metropolitan-district',
  cbc: 'county-borough',
  lbc: 'london-borough',
  rbc: 'royal-borough',
};

const SUFFIX_SPECS: Spec[] = [
  ...COUNCIL_SUFFIXES.map(([t, l]): Spec => [t, l, 'strong']),
  ...COUNCIL_SUFFIXES.map(([t, l]): Spec => [`${t}s`, l, 'strong', { plural: true }]),
  // Northern Ireland's eleven councils of 2015, as the press named them while they formed: "the new
  // Armagh Banbridge and Craigavon super council" (tests/fixtures/recognition/mentions-press.csv).
  ['super council', 'council', 'strong'],
  ['super councils', 'council', 'strong', { plural: true }],
  ['unitary authority', 'unitary', 'strong'],
  ['corporation', 'corporation', 'strong'],
  ['combined authority', 'combined-authority', 'strong', { ca: true }],
  ['mayoral combined authority', 'combined-authority', 'strong', { ca: true }],
  ['combined county authority', 'combined-authority', 'strong', { ca: true }],
  ['mayoral combined county authority', 'combined-authority', 'strong', { ca: true }],
  ['city region combined authority', 'combined-authority', 'strong', { ca: true }],
  ['city region', 'combined-authority', 'strong', { ca: true }],
  ['authority', 'authority', 'strong', { ca: true }],
  // Plural, and possessive once the tokenizer drops the apostrophe: "Hart, Rushmoor and Surrey
  // Heath DCs", "Ealing LBC's director" both read "dcs"/"lbcs".
  ...['cc', 'bc', 'dc', 'mbc', 'mdc', 'cbc', 'lbc', 'rbc'].map((a): Spec => [`${a}s`, ABBREVIATION_LEVELS[a]!, 'abbrev', { plural: true }]),
  // Sector abbreviations, e.g. "Rhondda Cynon Taf CBC", "Dudley MBC", "Camden LBC".
  ...Object.entries(ABBREVIATION_LEVELS).map(([a, level]): Spec => [a, level, 'abbrev']),
  ['ua', 'unitary', 'abbrev'],
  ['ca', 'combined-authority', 'abbrev', { ca: true }],
  ['mca', 'combined-authority', 'abbrev', { ca: true }],
  ['cca', 'combined-authority', 'abbrev', { ca: true }],
  // Place-ish forms without "council": "Leeds City", "Kent County", the register's "Brent London Boro".
  ['city', 'city', 'weak'],
  ['county', 'county', 'weak'],
  ['borough', 'borough', 'weak'],
  ['district', 'district', 'weak'],
  ['metropolitan borough', 'metropolitan-borough', 'weak'],
  ['metropolitan district', 'metropolitan-district', 'weak'],
  ['county borough', 'county-borough', 'weak'],
  ['london borough', 'london-borough', 'weak'],
  ['london boro', 'london-borough', 'weak'],
  ['city and county', 'city-and-county', 'weak'],
  ['city of', 'city', 'weak', { afterComma: true }],
  ['county of', 'county', 'weak', { afterComma: true }],
  ['borough of', 'borough', 'weak', { afterComma: true }],
  // Councils below the principal tier, and councils that are not local government at all.
  ['town council', 'council', 'block'],
  ['town councils', 'council', 'block'],
  ['parish council', 'council', 'block'],
  ['parish councils', 'council', 'block'],
  ['community council', 'council', 'block'],
  ['community councils', 'council', 'block'],
  ['neighbourhood council', 'council', 'block'],
  ['village council', 'council', 'block'],
  ['youth council', 'council', 'block'],
  ['city parish council', 'council', 'block'],
  ['city region council', 'council', 'block'],
];

const PREFIX_SPECS: Spec[] = [
  ['london borough of', 'london-borough', 'strong'],
  ['royal borough of', 'royal-borough', 'strong'],
  ['borough council of', 'borough', 'strong'],
  ['metropolitan borough of', 'metropolitan-borough', 'strong'],
  ['council of the city of', 'city', 'strong'],
  ['council of the', 'council', 'strong'],
  ['city and county of', 'city-and-county', 'strong'],
  ['corporation of', 'corporation', 'strong'],
  // Legal names, as buyers sign contracts (the Find a Tender 2026 stream in
  // tests/fixtures/recognition/buyers-fts-2026.csv: "The Council of the City of Wakefield", "The
  // Mayor and Commonalty and Citizens of the City of London"), and the other forms of the class.
  ['council of the borough of', 'borough', 'strong'],
  ['council of the district of', 'district', 'strong'],
  ['council of the county of', 'county', 'strong'],
  ['council of the metropolitan borough of', 'metropolitan-borough', 'strong'],
  ['council of the london borough of', 'london-borough', 'strong'],
  ['council of the royal borough of', 'royal-borough', 'strong'],
  ['council of the city and county of', 'city-and-county', 'strong'],
  ['county council of the city and county of', 'city-and-county', 'strong'],
  ['district council of', 'district', 'strong'],
  ['county council of', 'county', 'strong'],
  ['city council of', 'city', 'strong'],
  ['mayor and burgesses of the london borough of', 'london-borough', 'strong'],
  ['mayor and burgesses of the royal borough of', 'royal-borough', 'strong'],
  ['mayor and burgesses of the borough of', 'borough', 'strong'],
  ['mayor and burgesses of the metropolitan borough of', 'metropolitan-borough', 'strong'],
  ['lord mayor and citizens of the city of', 'city', 'strong'],
  ['mayor aldermen and burgesses of the borough of', 'borough', 'strong'],
  // "... of the City of London": the article is skipped and the core is "city of london".
  ['mayor and commonalty and citizens of', 'corporation', 'strong'],
  // Welsh: "Cyngor Gwynedd", "Cyngor Sir Ceredigion", "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf".
  ['cyngor', 'council', 'strong'],
  ['cyngor sir', 'county', 'strong'],
  ['cyngor bwrdeistref sirol', 'county-borough', 'strong'],
  ['cyngor bwrdeistref', 'borough', 'strong'],
  ['cyngor dinas', 'city', 'strong'],
  ['cyngor dinas a sir', 'city-and-county', 'strong'],
  // Gaelic: "Comhairle nan Eilean Siar".
  ['comhairle', 'council', 'strong'],
  ['comhairle nan', 'council', 'strong'],
  ['lb', 'london-borough', 'abbrev'],
  ['rb', 'royal-borough', 'abbrev'],
  ['city of', 'city', 'weak'],
  ['county of', 'county', 'weak'],
  ['borough of', 'borough', 'weak'],
  ['county borough of', 'county-borough', 'weak'],
  ['county', 'county', 'weak'],
  ['cyngor tref', 'council', 'block'],
  ['cyngor cymuned', 'council', 'block'],
];

/** Ranking of strengths, for picking the surer of a prefix and a suffix. */
export const STRENGTH_RANK: Record<Strength | 'none', number> = { none: 0, weak: 1, abbrev: 2, strong: 3, block: 4 };

function build(specs: Spec[]): Designator[] {
  return specs.map(([text, level, strength, o]) => ({
    words: text.split(' '),
    level,
    strength,
    plural: o?.plural ?? false,
    ca: o?.ca ?? false,
    afterComma: o?.afterComma ?? false,
    rank: STRENGTH_RANK[strength],
  }));
}

export const SUFFIXES: readonly Designator[] = build(SUFFIX_SPECS);
export const PREFIXES: readonly Designator[] = build(PREFIX_SPECS);


/**
 * Levels a council of each register type can plausibly be called by, beyond the forms in its own
 * names. "Ashford District Council" for Ashford Borough Council is a common slip; "Lichfield City
 * Council" is a different (parish-level) body, so "city" only counts when the council's own names
 * use it (Leeds City Council, Doncaster City Council).
 */
export const TYPE_LEVELS: Record<CouncilType, readonly Level[]> = {
  county: ['council', 'county', 'city-or-county'],
  district: ['council', 'district', 'borough'],
  unitary: ['council', 'borough', 'unitary'],
  'metropolitan-district': ['council', 'metropolitan-borough', 'metropolitan-district', 'borough', 'district'],
  'london-borough': ['council', 'london-borough', 'borough'],
  'scottish-unitary': ['council'],
  'welsh-unitary': ['council', 'county', 'county-borough', 'borough'],
  'ni-district': ['council', 'borough', 'district'],
  'city-corporation': ['council', 'corporation'],
  'combined-authority': ['combined-authority', 'authority'],
  'strategic-authority': ['authority'],
};

/** Levels of the districts inside a county: "Oxfordshire District", "Kent Borough Council". */
const DISTRICT_LEVELS: ReadonlySet<Level> = new Set(['district', 'borough', 'city', 'city-and-district', 'metropolitan-borough', 'metropolitan-district']);

/**
 * Whether a county council named with a district's designator is one of its districts rather
 * than the county: "Oxfordshire District and Forest of Dean Councils" (a trade paper's slip for
 * West Oxfordshire, tests/fixtures/recognition/mentions-press.csv). In free text such a phrase is
 * no mention; a buyer field keeps its low-confidence reading.
 */
export function namesDistrictOfCounty(type: CouncilType, level: Level | null): boolean {
  return type === 'county' && level !== null && DISTRICT_LEVELS.has(level);
}

/**
 * Whether a phrase of tokens [start, end) of `text`, one place and no list, with the plural
 * council word `suffix` names the councils of an area rather than its council: "the ten Greater
 * Manchester councils", "Essex councils" (found on a real page while probing issue 18's forms).
 * A possessive is not plural ("Kent County Council’s", read "councils"), and "... and Central
 * Bedfordshire councils" ends a list that began before the text.
 */
export function namesAreaCouncils(text: string, t: Tokens, start: number, end: number, suffix: Designator): boolean {
  if (!suffix.plural || suffix.strength !== 'strong') return false;
  if (possessiveEnd(text, t.starts[end - 1]!, t.ends[end - 1]!) >= 0) return false;
  return !(start > 0 && (t.gaps[start] === GAP_COMMA || (t.gaps[start] === GAP_SOFT && t.word(start - 1) === 'and')));
}

/**
 * Two-letter-ish initials a council is written as with its designator, e.g. "LB" + "TH" for the
 * London Borough of Tower Hamlets, "NPT" + "CBC" for Neath Port Talbot County Borough Council.
 */
export const LEVEL_LETTERS: Partial<Record<Level, { prefix?: string; suffix?: string }>> = {
  council: { suffix: 'c' },
  county: { suffix: 'cc' },
  city: { suffix: 'cc' },
  borough: { suffix: 'bc' },
  district: { suffix: 'dc' },
  'metropolitan-borough': { suffix: 'mbc' },
  'metropolitan-district': { suffix: 'mdc' },
  'county-borough': { suffix: 'cbc' },
  'london-borough': { prefix: 'lb' },
  'royal-borough': { prefix: 'rb' },
  'combined-authority': { suffix: 'ca' },
};

/**
 * Words that cannot be a council's core place name on their own: what is left of
 * "City of London" after taking away "City of" is the region, not the City.
 */
export const NON_CORE = new Set([
  'london',
  'city',
  'county',
  'borough',
  'district',
  'council',
  'councils',
  'royal',
  'metropolitan',
  'the',
  'of',
  'and',
  'north',
  'south',
  'east',
  'west',
  'mid',
  'central',
  'greater',
  'great',
  'new',
  'isle',
  'isles',
  'islands',
  'vale',
  'forest',
  'st',
  'upper',
  'lower',
]);

/** Joining words that do not count towards initials ("Kensington and Chelsea" -> KC). */
export const CONNECTORS = new Set(['and', 'of', 'the', 'upon', 'on', 'under', 'in', 'with', 'y', 'a', 'nan', 'ar', 'le']);
