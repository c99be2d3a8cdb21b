import { normaliseName } from '@/lib/councils/normalise';

/** A row of ../shared/data/govuk_local_authorities_homepages.csv, as far as the join needs it. */
export interface HomepageRow {
  gss: string;
  slug: string;
  name: string;
  homepageUrl: string;
}

/** What the join needs to know of a register row. */
export interface HomepageTarget {
  code: string;
  gss: string | null;
  govUkSlug: string;
  officialName: string;
  niceName: string;
}

/** A council's GOV.UK homepage URL as given, and its domain. */
export interface Homepage {
  homepage: string;
  domain: string;
}

/**
 * The host of a homepage URL, lower-cased, without a leading `www.`
 * (e.g. `https://www.blackpool.gov.uk/Home.aspx` -> `blackpool.gov.uk`).
 */
export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/**
 * Joins GOV.UK homepages to register rows (meant for the current principal councils: the GOV.UK
 * file holds exactly those, one row each). First on GSS code; then, for the councils whose GSS
 * code is a different vintage from GOV.UK's (SOURCES.md names Fife, Glasgow, North Lanarkshire,
 * Perth & Kinross, North Yorkshire and Somerset), among the homepage rows not yet joined: on
 * `gov-uk-slug` = `slug`, then on normalised official name, then on the nice name written as a
 * slug (North Yorkshire and Somerset have no `gov-uk-slug`). A fallback join is used only when it
 * finds exactly one row.
 *
 * @returns homepage and domain by council code; councils that did not join are absent.
 * @throws Error when two councils would share one homepage row.
 */
export function joinHomepages(
  targets: readonly HomepageTarget[],
  rows: readonly HomepageRow[],
): Map<string, Homepage> {
  const byGss = new Map<string, HomepageRow>();
  for (const row of rows) {
    if (byGss.has(row.gss)) throw new Error(`Two homepage rows share GSS ${row.gss}`);
    byGss.set(row.gss, row);
  }
  const joined = new Map<string, HomepageRow>();
  const used = new Map<HomepageRow, string>();
  const take = (target: HomepageTarget, row: HomepageRow): void => {
    const other = used.get(row);
    if (other) throw new Error(`Homepage row ${row.slug} joins both ${other} and ${target.code}`);
    used.set(row, target.code);
    joined.set(target.code, row);
  };

  for (const target of targets) {
    const row = target.gss ? byGss.get(target.gss) : undefined;
    if (row) take(target, row);
  }

  const fallbacks: ((target: HomepageTarget, row: HomepageRow) => boolean)[] = [
    (target, row) => target.govUkSlug !== '' && target.govUkSlug === row.slug,
    (target, row) => normaliseName(target.officialName) === normaliseName(row.name),
    (target, row) => normaliseName(target.niceName).replaceAll(' ', '-') === row.slug,
  ];
  for (const target of targets) {
    if (joined.has(target.code)) continue;
    for (const matches of fallbacks) {
      const candidates = rows.filter((row) => !used.has(row) && matches(target, row));
      const [only] = candidates;
      if (only && candidates.length === 1) {
        take(target, only);
        break;
      }
    }
  }

  const result = new Map<string, Homepage>();
  for (const [code, row] of joined) result.set(code, { homepage: row.homepageUrl, domain: domainOf(row.homepageUrl) });
  return result;
}
