import { normaliseName } from './normalise';
import type { Council, CouncilsFile } from './schema';

/** Read access to the council register (public/data/councils.json). */
export interface Register {
  /** Every council, current and former, in file order (sorted by code). */
  readonly all: readonly Council[];
  /** The council with this register code (e.g. `LDS`), or null. */
  byCode(code: string): Council | null;
  /**
   * The council a name belongs to, by exact match of {@link normaliseName} against every name the
   * register knows (official, nice, alternative and lookup names). A current council wins over a
   * former one with the same name ("North Yorkshire" is NYE, not NYK); a name only a former council
   * had gives that former council, whose `successors` lead to today's. Null when nothing matches,
   * or when two councils of the same standing share the name.
   */
  lookupName(name: string): Council | null;
  /**
   * The councils whose homepage is on the site of this host name: `www.leeds.gov.uk`,
   * `democracy.leeds.gov.uk` and `leeds.gov.uk` all give Leeds. Shared-service sites give every
   * council on them (`adur-worthing.gov.uk` gives Adur and Worthing). Empty when none.
   */
  byDomain(host: string): Council[];
  /** Today's councils that replaced a former one, following chains (Taunton Deane -> SWT -> SMT). */
  currentSuccessors(council: Council): Council[];
}

/**
 * Suffixes under which anyone can register a name, longest first, for the host names council
 * homepages use (../shared/data/govuk_local_authorities_homepages.csv: gov.uk, gov.wales,
 * llyw.cymru, com, org). A small stand-in for the Public Suffix List.
 */
const PUBLIC_SUFFIXES: readonly string[] = [
  'gov.uk',
  'org.uk',
  'co.uk',
  'ac.uk',
  'nhs.uk',
  'police.uk',
  'gov.wales',
  'llyw.cymru',
  'gov.scot',
  'uk',
  'wales',
  'cymru',
  'scot',
  'com',
  'org',
  'net',
];

/** A host name as written in a URL or the register, lower-cased, without a port or a final dot. */
export function cleanHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * The registrable site of a host name: the public suffix plus one label
 * (`my.northtyneside.gov.uk` -> `northtyneside.gov.uk`), or null for a bare suffix.
 * Unknown suffixes are taken to be one label long.
 */
export function siteOf(host: string): string | null {
  const clean = cleanHost(host);
  const labels = clean.split('.').filter(Boolean);
  if (labels.length === 0) return null;
  const suffix = PUBLIC_SUFFIXES.find((s) => clean.endsWith(`.${s}`) || clean === s);
  const suffixLabels = suffix ? suffix.split('.').length : 1;
  if (labels.length <= suffixLabels) return null;
  return labels.slice(-suffixLabels - 1).join('.');
}

/**
 * Builds the lookups over a parsed councils.json.
 * @example createRegister(file).lookupName('Leeds City Council')?.code // 'LDS'
 */
export function createRegister(file: CouncilsFile): Register {
  const all = file.councils;
  const codes = new Map(all.map((c) => [c.code, c]));
  const names = new Map<string, Council[]>();
  const sites = new Map<string, Council[]>();
  for (const council of all) {
    for (const name of council.names) addOnce(names, normaliseName(name), council);
    const site = council.domain ? siteOf(council.domain) : null;
    if (site) addOnce(sites, site, council);
  }

  const byCode = (code: string): Council | null => codes.get(code) ?? null;

  return {
    all,
    byCode,
    lookupName(name) {
      const matches = names.get(normaliseName(name)) ?? [];
      const current = matches.filter((c) => c.current);
      const pick = current.length > 0 ? current : matches;
      return pick.length === 1 ? (pick[0] ?? null) : null;
    },
    byDomain(host) {
      const site = siteOf(host);
      return site ? [...(sites.get(site) ?? [])] : [];
    },
    currentSuccessors(council) {
      const found: Council[] = [];
      const seen = new Set<string>();
      const visit = (code: string): void => {
        if (seen.has(code)) return;
        seen.add(code);
        const next = byCode(code);
        if (!next) return;
        if (next.current) found.push(next);
        else next.successors.forEach(visit);
      };
      council.successors.forEach(visit);
      return found;
    },
  };
}

function addOnce(map: Map<string, Council[]>, key: string, council: Council): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(council)) list.push(council);
  map.set(key, list);
}
