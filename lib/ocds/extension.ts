/**
 * How many months of extension a renewal text allows, for `contractPeriod.maxEnd`.
 *
 * PCS and Sell2Wales lots (EU profile `lots[].renewal.description`) state extensions in free text:
 * "Lot may be extended on an annual basis for up to a further 2 years.", "2 x 12 month extensions",
 * "Two one year extensions", "WITH A FURTHER OPTION TO EXTEND FOR 2 + 1 YEARS", "Up to 24 Months
 * (Maximum Term, inclusive of initial term is 7 Years)" (all in ../shared/data/pcs_scotland_ocds_releases_2019.json
 * and ../shared/data/sell2wales_ocds_releases_2025.json). The patterns below read the usual
 * phrasings and give up (undefined) on anything else, e.g. "Expected renewal at end of contract
 * period", "extend annually until 31st May 2030", "24".
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
};
const NUMBER_WORD = /\b(twenty|thirty|forty|fifty|sixty)[- ](one|two|three|four|five|six|seven|eight|nine)\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|forty|fifty|sixty)\b/g;
/** "two (2) one (1) year" and "four [4] year": the bracketed figure repeats the word. */
const BRACKETED_FIGURE = /\s*[([]\d+[)\]]/g;
/** "a further year", "an additional year", "single year" name one year. */
const ONE_UNIT = /\b(?:a|an|single)(?: further| additional)? (year|month)\b/g;

const UNIT = '(month|year)s?';
const FILLER = '(?:further|separate|additional|optional|individual|single|extension|extensions|periods?|each|of|up to|a|an)';

const PATTERNS: readonly { pattern: RegExp; months: (m: RegExpExecArray) => number }[] = [
  // "2 x 12 month", "7 x 12 month extensions", "2 x 1 year periods"
  { pattern: new RegExp(`\\b(\\d+) ?x ?(\\d+)[- ]?${UNIT}`), months: (m) => Number(m[1]) * Number(m[2]) * unit(m[3]) },
  // "2 periods of 12 months", "2 1-year extension options", "2 further periods, each of 12 months"
  { pattern: new RegExp(`\\b(\\d+)(?:[\\s,]+${FILLER})*[\\s,]+(\\d+)[- ]?${UNIT}`), months: (m) => Number(m[1]) * Number(m[2]) * unit(m[3]) },
  // "2 + 1 years", "3+3+1 years"
  { pattern: new RegExp(`\\b(\\d+(?: ?\\+ ?\\d+)+) ?${UNIT}`), months: (m) => sum(m[1] ?? '') * unit(m[2]) },
  // "12 months + 12 months", "12 month plus 12 month", "+1year + 1year"
  {
    pattern: new RegExp(`\\b(\\d+) ?${UNIT} ?(?:\\+|plus) ?(\\d+) ?${UNIT}`),
    months: (m) => Number(m[1]) * unit(m[2]) + Number(m[3]) * unit(m[4]),
  },
  // "up to a further 2 years", "up to an additional 2 years", "up to 2 further years"
  { pattern: new RegExp(`\\bup to (?:a |an )?(?:further |additional )?(\\d+)[- ]?(?:further |additional )?${UNIT}`), months: (m) => Number(m[1]) * unit(m[2]) },
  // "extend for a further 12 months", "extended by 1 year", "extension of 24 months"
  {
    pattern: new RegExp(
      `\\b(?:extend|extended|extension|extensions)(?: (?:for|by|of|up|to|a|an|and|the|further|additional|period|contract|agreement|framework|award|term|optional|maximum|variable|not|exceeding)){0,8} (\\d+)[- ]?${UNIT}`,
    ),
    months: (m) => Number(m[1]) * unit(m[2]),
  },
  // "24 month extension option", "Possible 2 year extension"
  { pattern: new RegExp(`\\b(\\d+)[- ]?${UNIT} (?:optional |further |additional )?(?:extension|renewal)`), months: (m) => Number(m[1]) * unit(m[2]) },
  // the whole text is a duration: "6 months", "12 months."
  { pattern: new RegExp(`^(?:a further |an additional )?(\\d+)[- ]?${UNIT}\\.?$`), months: (m) => Number(m[1]) * unit(m[2]) },
];

function unit(word: string | undefined): number {
  return word === 'year' ? 12 : 1;
}
function sum(terms: string): number {
  return terms.split('+').reduce((total, term) => total + Number(term.trim()), 0);
}

/** Ten years: longer readings are misreadings (a year number, a contract value). */
const MAX_MONTHS = 120;

/** Months of extension stated by a renewal text, or undefined when it states none this can read. */
export function extensionMonths(text: string): number | undefined {
  const words = text
    .toLowerCase()
    .replace(BRACKETED_FIGURE, '')
    .replace(NUMBER_WORD, (_all, tens?: string, units?: string, single?: string) =>
      String(tens !== undefined ? (NUMBER_WORDS[tens] ?? 0) + (NUMBER_WORDS[units ?? ''] ?? 0) : (NUMBER_WORDS[single ?? ''] ?? 0)),
    )
    .replace(ONE_UNIT, '1 $1')
    .replace(/\s+/g, ' ')
    .trim();
  for (const { pattern, months } of PATTERNS) {
    const match = pattern.exec(words);
    if (!match) continue;
    const total = months(match);
    return total > 0 && total <= MAX_MONTHS ? total : undefined;
  }
  return undefined;
}
