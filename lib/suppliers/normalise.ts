import { normaliseName as normaliseCouncilName } from '@/lib/councils/normalise';
import { normaliseCompanyNumber } from '@/lib/ocds/parties';

export { normaliseCompanyNumber };

/**
 * Supplier names as publishers write them (../shared/data Contracts Finder files): "Anglian
 * Building Products" and "… Ltd", "Ernst & Young LLP" and "ERNST AND YOUNG LLP", "INSIGHT DIRECT
 * (UK) LTD", "YESSS (B) Electrical Limited - Nottingham", "A&E Elkins T/A Elkins Construction".
 */

/** Company-form words dropped from the end of a name. */
const COMPANY_FORMS = new Set(['ltd', 'limited', 'plc', 'llp', 'llc', 'lp', 'inc', 'incorporated', 'cic', 'co', 'company']);

/** Country words dropped from the end of a name even without punctuation ("WSP UK Ltd"). */
const COUNTRIES = new Set(['uk', 'gb', 'united kingdom', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland']);

/**
 * Places dropped when set off by brackets, a dash or a comma ("(Derby)", "- Leeds", ", London"):
 * nations, regions and the larger UK cities. A bracketed word not listed ("(Holdings)") stays.
 */
const PLACES = new Set([
  ...COUNTRIES,
  ...['north', 'south', 'east', 'west', 'midlands', 'east midlands', 'west midlands', 'north east', 'north west', 'south east', 'south west'],
  ...['yorkshire', 'east anglia', 'south wales', 'north wales', 'europe', 'ireland', 'scotland and northern ireland'],
  ...['aberdeen', 'bath', 'belfast', 'birmingham', 'bradford', 'brighton', 'bristol', 'cambridge', 'canterbury', 'cardiff', 'carlisle'],
  ...['chelmsford', 'chester', 'coventry', 'derby', 'doncaster', 'dundee', 'durham', 'edinburgh', 'exeter', 'glasgow', 'gloucester'],
  ...['hereford', 'hull', 'inverness', 'ipswich', 'kent', 'lancaster', 'leeds', 'leicester', 'lincoln', 'liverpool', 'london'],
  ...['manchester', 'middlesbrough', 'milton keynes', 'newcastle', 'newport', 'northampton', 'norwich', 'nottingham', 'oxford'],
  ...['peterborough', 'plymouth', 'portsmouth', 'preston', 'reading', 'salford', 'sheffield', 'southampton', 'stoke', 'sunderland'],
  ...['swansea', 'swindon', 'wakefield', 'wolverhampton', 'worcester', 'york'],
]);

/** "t/a", "T/A", "t.a.", "trading as", "t/as": what follows is a trading name. */
const TRADING_AS = /\s*\(?\s*\b(?:t\s*\/\s*as?|t\.\s*a\.|trading\s+as)(?=\s|$)\s*/i;
/** Bare upper-case "TA" between words ("A&E Elkins TA Elkins Construction"): only in that case. */
const BARE_TA = /\s+TA\s+(?=\S)/;

/**
 * The legal name and the trading name of "<legal> t/a <trading>".
 * @example splitTradingAs('DENNIS EAGLE LIMITED (t/a Terberg Matec UK)') // { legal: 'DENNIS EAGLE LIMITED', trading: 'Terberg Matec UK' }
 */
export function splitTradingAs(name: string): { legal: string; trading: string | null } {
  const match = TRADING_AS.exec(name) ?? BARE_TA.exec(name);
  if (!match || match.index === 0) return { legal: name.trim(), trading: null };
  const legal = name.slice(0, match.index).trim();
  const trading = name
    .slice(match.index + match[0].length)
    .replace(/\)\s*$/, '')
    .trim();
  return legal && trading ? { legal, trading } : { legal: name.trim(), trading: null };
}

/** Lower case, accents folded, `&` as "and", apostrophes dropped, other punctuation as spaces (lib/councils/normalise.ts). */
const words = (text: string): string => normaliseCouncilName(text).replace(/^the /, '');

/** Runs of single letters joined: "u k" -> "uk", "t h white" -> "th white". */
function joinInitials(text: string): string {
  return text.replace(/\b(?:[a-z0-9] )+[a-z0-9]\b/g, (run) => run.replaceAll(' ', ''));
}

/** Drops a trailing "(Derby)", "- Leeds" or ", London" when it is a known place. */
function dropTrailingPlace(text: string): string {
  const match = /^(.*\S)\s*(?:\(([^()]*)\)|[-\u2013,]\s*([^-\u2013,()]+))\s*$/.exec(text);
  if (!match?.[1]) return text;
  const place = joinInitials(words(match[2] ?? match[3] ?? ''));
  return PLACES.has(place) ? match[1] : text;
}

/** Drops company forms, country words, "the" and a dangling "and" from the end while any word is left. */
function dropTrailingForms(text: string): string {
  const tokens = text.split(' ').filter(Boolean);
  for (;;) {
    const last = tokens[tokens.length - 1];
    const lastTwo = tokens.slice(-2).join(' ');
    if (tokens.length > 2 && COUNTRIES.has(lastTwo)) tokens.splice(-2);
    else if (tokens.length > 1 && last && (COMPANY_FORMS.has(last) || COUNTRIES.has(last) || last === 'the' || last === 'and')) tokens.pop();
    else break;
  }
  return tokens.join(' ');
}

/**
 * The grouping key of a supplier name: case, punctuation, "&"/"and", company forms (Ltd, Limited,
 * PLC, LLP, LLC, Inc, CIC, Co, Company), a trading name, a trailing place ("(UK)", "- Leeds",
 * ", London"), a leading "The" and spacing do not count. Empty when nothing is left.
 *
 * @example normaliseSupplierName('The Royal School of the Deaf (Derby)') // 'royal school of the deaf'
 * @example normaliseSupplierName('Axel-Elex Ltd T/A Curti Lifts') // 'axel elex'
 */
export function normaliseSupplierName(name: string): string {
  let text = splitTradingAs(name).legal;
  for (let i = 0; i < 3; i++) {
    // Forms come off first so a place before them is trailing: "Chigwell (London) Plc".
    const stripped = dropTrailingPlace(text.replace(/(\S)[\s.,]+(?:ltd|limited|plc|llp|llc|inc|cic)\.?\s*$/i, '$1'));
    if (stripped === text) break;
    text = stripped;
  }
  return dropTrailingForms(joinInitials(words(text)));
}

/**
 * A Companies House number typed or pasted by a person: "01628868", "1628868", "SC268016",
 * "GB-COH-03794455"; null when the text is not one.
 */
export function companyNumberIn(text: string): string | null {
  const compact = text.trim().replace(/^GB-COH-/i, '').replace(/\s+/g, '');
  if (!/^(?:\d{5,8}|[A-Za-z]{2}\d{1,6})$/.test(compact)) return null;
  return normaliseCompanyNumber(compact) ?? null;
}
