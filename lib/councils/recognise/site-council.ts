import { cleanHost, siteOf } from '../register';

/**
 * "The Council" on a council's own pages. A council's website says "the Council" and rarely its
 * own name (issue 18), so when the page's host is one council's site, those words are that
 * council. Pure: the caller gives the host and the council the site belongs to.
 *
 * Minutes and reports on councils' own sites (tests/fixtures/recognition/mentions-press.csv:
 * democracy.eastherts.gov.uk, democracy.merthyr.gov.uk, minutes-1.nwleics.gov.uk,
 * moderngov.wrexham.gov.uk) also write "this Council", "the full Council", "agreed by Council",
 * "reported to Council" and "Council considered a report": the same council; and a council's own
 * words for itself, which its name holds ("the County Council" on devon.gov.uk, "the City
 * Council’s Constitution" on Birmingham's, "the Comhairle" on cne-siar.gov.uk), but not another
 * tier's ("the County Council" on a district's site is the county).
 *
 * Many councils' minutes are not on their own domain (tests/fixtures/recognition/mentions-press-2.csv):
 * a committee-system vendor hosts them under the council's short name (rctcbc.moderngov.co.uk,
 * birmingham.cmis.uk.com, the name of rctcbc.gov.uk and birmingham.gov.uk), or the council uses a
 * domain of its full name that the register lacks (meetings.derrycityandstrabanedistrict.com).
 */

/** Domains under which a committee-system vendor hosts many councils' meetings, one subdomain a council (Civica's modern.gov, Idox's CMIS). */
const VENDOR_SITES: readonly string[] = ['moderngov.co.uk', 'cmis.uk.com'];

/** A name squashed to letters, at least this long, can be a council's own domain ("derrycityandstrabanedistrict"); shorter ones ("leedscity") are too often someone else's. */
const MIN_NAME_SITE = 14;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The keys a page's host answers to: its registrable site ("d:kent.gov.uk"), a vendor-hosted
 * council's short name ("v:rctcbc" for rctcbc.moderngov.co.uk), and the site's own label as a
 * squashed name ("n:derrycityandstrabanedistrict"). Empty for a host that names no site.
 */
export function hostSiteKeys(host: string): string[] {
  const clean = cleanHost(host);
  const vendor = VENDOR_SITES.find((v) => clean.endsWith(`.${v}`));
  if (vendor) {
    const labels = clean.slice(0, -vendor.length - 1).split('.');
    const own = labels[labels.length - 1];
    return own ? [`v:${own}`] : [];
  }
  const site = siteOf(clean);
  if (!site) return [];
  const label = site.slice(0, site.indexOf('.'));
  return label.length >= MIN_NAME_SITE ? [`d:${site}`, `n:${label}`] : [`d:${site}`];
}

/** The keys a council's site answers to ({@link hostSiteKeys}): its domain's site and short name, and its official name squashed, with and without "council". */
export function councilSiteKeys(council: { domain: string | null; officialName: string }): string[] {
  const out: string[] = [];
  const site = council.domain ? siteOf(council.domain) : null;
  if (site) out.push(`d:${site}`, `v:${site.slice(0, site.indexOf('.'))}`);
  const name = squash(council.officialName);
  const bare = name.replace(/council$/, '');
  if (bare.length >= MIN_NAME_SITE) out.push(`n:${bare}`);
  if (name !== bare && name.length >= MIN_NAME_SITE) out.push(`n:${name}`);
  return out;
}

/** Not the council itself after the word: "the Council Tax", "the Council of the Isles of Scilly", "Council for Mosques". */
const NOT_AFTER = String.raw`(?![ \u00a0]+(?:[Tt]ax|[Tt]axes|[Oo]f|[Ff]or|[Tt]axpayers?)\b)`;
const WORD_END = String.raw`(?![\p{L}\p{N}])(?:['\u2019][Ss])?`;

/** A council's words for itself between "the" and "Council": the longest first, each checked against the council's name. */
const OWN_WORDS = String.raw`(?:(?:[Cc]ounty[ \u00a0]+[Bb]orough|[Mm]etropolitan[ \u00a0]+[Bb]orough|[Cc]ounty|[Cc]ity|[Bb]orough|[Dd]istrict)[ \u00a0]+)?`;

/**
 * "the Council", "the council's", "The COUNCIL", "this Council", "the full Council", "the County
 * Council", "the Comhairle"; "by Council",
 * "to Council" (capitalised, as minutes write the body); "Council" opening a sentence before what
 * a council does at a meeting ("Council considered", "Council agreed"), or after a lower-case word
 * before what it is asked to do ("to allow Council to discuss", not "Arts Council to consider").
 */
const THE_COUNCIL = new RegExp(
  String.raw`\b(?:[Tt][Hh][Ee]|[Tt]his|THIS)[ \u00a0]+(?:[Ff]ull[ \u00a0]+)?${OWN_WORDS}([Cc](?:ouncil|OUNCIL)|Comhairle)${WORD_END}${NOT_AFTER}` +
    String.raw`|\b(?:by|to)[ \u00a0]+(Council)${WORD_END}${NOT_AFTER}` +
    String.raw`|(?:^|[.:;\n][ \u00a0]*)(Council)[ \u00a0]+(?:considered|agreed|approved|resolved|noted|received|decided|voted|endorsed|adopted|accepted|asked|instructed|requested|welcomed)\b`+
    String.raw`|(?<=\b[a-z]+[ \u00a0]+)(Council)[ \u00a0]+to[ \u00a0]+(?:consider|discuss|note|agree|approve|adopt|endorse|receive|decide|debate)\b`,
  'gu',
);

const OWN_WORD = /(?:county|city|borough|district|metropolitan)(?![a-z])/g;

/**
 * Offsets `[start, end)` of the words for the council ("Council", "County Council", "Comhairle")
 * in each "the Council" of `text`, in order. `ownName` is the site's council's official name: a
 * word before "Council" or "Comhairle" counts only if that name has it ("the County Council" on
 * Devon County Council's site, not on a district's).
 */
export function theCouncilSpans(text: string, ownName = ''): number[] {
  const out: number[] = [];
  const own = ownName.toLowerCase();
  THE_COUNCIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = THE_COUNCIL.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const word = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    // The word is the last "Council" of the match's opening words: search from the match's start.
    const at = m.index + m[0].search(/[Cc](?:ouncil|OUNCIL)|Comhairle/);
    const lead = m[1] ? (text.slice(m.index, at).toLowerCase().match(OWN_WORD) ?? []) : [];
    if (lead.some((w) => !own.includes(w)) || (word === 'Comhairle' && !own.includes('comhairle'))) {
      THE_COUNCIL.lastIndex = Math.max(end, THE_COUNCIL.lastIndex);
      continue;
    }
    const start = lead.length ? m.index + text.slice(m.index, at).search(/[CcBbDdMm][a-z]+[ \u00a0]/) : at;
    out.push(start, at + word.length);
    THE_COUNCIL.lastIndex = Math.max(end, THE_COUNCIL.lastIndex);
  }
  return out;
}
