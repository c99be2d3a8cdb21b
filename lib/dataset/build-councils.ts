import { CouncilsFileSchema, type Council, type CouncilsFile } from '@/lib/councils/schema';
import { splitAltNames } from './alt-names';
import { councilTypeFor, TIER_BY_POWERS, tiersByTypeName } from './council-types';
import { parseCsvRecords } from './csv';
import { joinHomepages, type HomepageTarget } from './homepages';
import { NI_SUCCESSORS } from './ni-successors';
import { correctedRegion, regionProblems } from './regions';
import { COUNCILS_SOURCES } from './sources';

/** The CSV texts councils.json is built from, named after their ../shared/data files. */
export interface CouncilsInputs {
  /** uk_local_authorities.csv */
  authorities: string;
  /** lookup_name_to_registry.csv */
  lookupNames: string;
  /** mysociety_local_authority_type.csv */
  types: string;
  /** mysociety_local_authority_powers.csv */
  powers: string;
  /** govuk_local_authorities_homepages.csv */
  homepages: string;
}

/**
 * Names damaged by a UTF-8 -> Latin-1 round trip in lookup_name_to_registry.csv and the
 * register's alt-names: AGY "Sir Ynys Mï¿½n" (the "ô" was already lost as U+FFFD) and SWA
 * "Cityï¾\u00a0and County of Swansea". They can never match page text and would show as
 * garbage, so they are left out of `names`.
 */
const MOJIBAKE = /\uFFFD|\u00EF\u00BF\u00BD|\u00EF\u00BE/;

/** Register type codes of the bodies flagged `kind: "combined-authority"`. */
const COMBINED_TYPES = new Set(['COMB', 'SRA']);

/**
 * Builds the councils.json content from the register, lookup, type, powers and GOV.UK homepage
 * CSV texts: one entry per register row (current and former), sorted by code, validated.
 * @throws Error (or ZodError) when the inputs disagree with each other or the schema.
 */
export function buildCouncilsFile(inputs: CouncilsInputs): CouncilsFile {
  const rows = parseCsvRecords(inputs.authorities);
  const typeNames = new Map(parseCsvRecords(inputs.types).map((r) => [r['local-authority-type'] ?? '', r['local-authority-type-name'] ?? '']));
  const tiers = tiersByTypeName(parseCsvRecords(inputs.powers));

  const lookupNames = new Map<string, string[]>();
  for (const r of parseCsvRecords(inputs.lookupNames)) {
    const code = field(r, 'local-authority-code');
    const list = lookupNames.get(code) ?? [];
    list.push(field(r, 'la-name'));
    lookupNames.set(code, list);
  }

  const codes = new Set<string>();
  for (const row of rows) {
    const code = field(row, 'local-authority-code');
    if (codes.has(code)) throw new Error(`Duplicate local-authority-code ${code}`);
    codes.add(code);
  }
  for (const code of lookupNames.keys()) {
    if (!codes.has(code)) throw new Error(`lookup_name_to_registry.csv names unknown code ${code}`);
  }

  const isPrincipalCurrent = (row: Record<string, string>): boolean =>
    field(row, 'current-authority') === 'True' && !COMBINED_TYPES.has(field(row, 'local-authority-type'));
  const homepageTargets: HomepageTarget[] = rows.filter(isPrincipalCurrent).map((row) => ({
    code: field(row, 'local-authority-code'),
    gss: field(row, 'gss-code') || null,
    govUkSlug: field(row, 'gov-uk-slug'),
    officialName: field(row, 'official-name').trim(),
    niceName: field(row, 'nice-name').trim(),
  }));
  const homepages = joinHomepages(
    homepageTargets,
    parseCsvRecords(inputs.homepages).map((r) => ({
      gss: field(r, 'gss'),
      slug: field(r, 'slug'),
      name: field(r, 'name'),
      homepageUrl: field(r, 'homepage_url'),
    })),
  );

  const councils = rows.map((row): Council => {
    const code = field(row, 'local-authority-code');
    const typeCode = field(row, 'local-authority-type');
    const typeName = field(row, 'local-authority-type-name');
    if (typeNames.get(typeCode) !== typeName) {
      throw new Error(`${code}: type ${typeCode} is "${typeNames.get(typeCode)}" in the type file, "${typeName}" in the register`);
    }
    const tier = tiers.get(typeName);
    if (!tier) throw new Error(`${code}: no powers for type "${typeName}"`);
    if (TIER_BY_POWERS[field(row, 'powers')] !== tier) throw new Error(`${code}: powers column disagrees with the powers file`);
    const current = parseBoolean(code, field(row, 'current-authority'));
    const officialName = field(row, 'official-name').trim();
    const niceName = field(row, 'nice-name').trim();
    const homepage = homepages.get(code);
    const gss = field(row, 'gss-code') || null;
    const parentCounty = field(row, 'county-la') || null;
    return {
      code,
      kind: COMBINED_TYPES.has(typeCode) ? 'combined-authority' : 'council',
      current,
      officialName,
      niceName,
      gss,
      type: councilTypeFor(typeCode),
      typeName,
      tier,
      nation: field(row, 'nation') as Council['nation'],
      region: correctedRegion({ code, gss, region: field(row, 'region'), parentCounty }),
      parentCounty,
      combinedAuthority: field(row, 'combined-authority') || null,
      population: parseInteger(code, field(row, 'pop-2020')),
      areaKm2: parseNumber(code, field(row, 'area')),
      lat: parseNumber(code, field(row, 'lat')),
      long: parseNumber(code, field(row, 'long')),
      homepage: homepage?.homepage ?? null,
      domain: homepage?.domain ?? null,
      names: councilNames(officialName, niceName, field(row, 'alt-names'), lookupNames.get(code) ?? []),
      startDate: field(row, 'start-date') || null,
      endDate: field(row, 'end-date') || null,
      successors: successorsOf(code, field(row, 'replaced-by')),
    };
  });

  for (const council of councils) checkReferences(council, codes);
  // The next wrong region fails the build instead of shipping (issue 12).
  const regions = regionProblems(councils);
  if (regions.length > 0) throw new Error(`Regions disagree (fix upstream or add to lib/dataset/regions.ts):\n${regions.join('\n')}`);
  councils.sort((a, b) => compareCodes(a.code, b.code));
  return CouncilsFileSchema.parse({ sources: COUNCILS_SOURCES, councils });
}

/**
 * Every name of a council, in order: official, nice, alt-names, lookup names; deduplicated
 * case-insensitively keeping the first spelling; damaged (mojibake) names dropped.
 */
export function councilNames(officialName: string, niceName: string, altNamesCell: string, lookupNames: readonly string[]): string[] {
  const alt = splitAltNames(altNamesCell, [officialName, niceName, ...lookupNames]);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of [officialName, niceName, ...alt, ...lookupNames]) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (!name || MOJIBAKE.test(name) || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** Successor codes: the register's `replaced-by`, or the hand-written table for NI's 2015 reorganisation. */
function successorsOf(code: string, replacedBy: string): string[] {
  const fromRegister = replacedBy.split(',').map((s) => s.trim()).filter(Boolean);
  const fromTable = NI_SUCCESSORS[code];
  if (fromTable && fromRegister.length > 0) throw new Error(`${code} has replaced-by in the register and in NI_SUCCESSORS`);
  return fromTable ? [...fromTable] : fromRegister;
}

function checkReferences(council: Council, codes: ReadonlySet<string>): void {
  const refs = [council.parentCounty, council.combinedAuthority, ...council.successors];
  for (const ref of refs) {
    if (ref !== null && !codes.has(ref)) throw new Error(`${council.code} refers to unknown code ${ref}`);
  }
  if (council.current && council.successors.length > 0) throw new Error(`${council.code} is current but has successors`);
  if (!council.current && council.successors.length === 0) throw new Error(`${council.code} is former but has no successor`);
}

/** Plain code-unit order, so the output does not depend on the machine's locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function field(record: Record<string, string>, name: string): string {
  const value = record[name];
  if (value === undefined) throw new Error(`Missing column ${name}`);
  return value;
}

function parseBoolean(code: string, value: string): boolean {
  if (value === 'True') return true;
  if (value === 'False') return false;
  throw new Error(`${code}: current-authority is ${JSON.stringify(value)}`);
}

function parseNumber(code: string, value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${code}: ${JSON.stringify(value)} is not a number`);
  return n;
}

function parseInteger(code: string, value: string): number | null {
  const n = parseNumber(code, value);
  if (n !== null && !Number.isInteger(n)) throw new Error(`${code}: population ${value} is not a whole number`);
  return n;
}
