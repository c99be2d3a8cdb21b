/**
 * Regions: corrections to the register's `region` column, and the check that catches the next
 * wrong one. Issue 12 found Lincolnshire County Council shown in "Yorkshire and The Humber" and
 * Derbyshire County Council in "West Midlands": both rows are wrong upstream
 * (../shared/data/uk_local_authorities.csv, mySociety commit 67ef8b11), while every one of their
 * districts says "East Midlands".
 */

/** ONS regions (E12 codes) of England, as the register spells them. */
export const ENGLISH_REGIONS: Readonly<Record<string, string>> = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
};

/** The region each nation outside England has in the register, keyed by the GSS code's first letter. */
const NATION_REGIONS: Readonly<Record<string, string>> = { S: 'Scotland', W: 'Wales', N: 'Northern Ireland' };

export interface RegionCorrection {
  code: string;
  /** The council's GSS code: the correction applies only while the register row has it. */
  gss: string;
  /** What the register says, so the correction is dropped (and the build says so) once upstream fixes it. */
  was: string;
  /** The ONS region code of the council's GSS code. */
  onsRegion: keyof typeof ENGLISH_REGIONS;
  /** Where that ONS region comes from. */
  evidence: string;
}

export const REGION_CORRECTIONS: readonly RegionCorrection[] = [
  {
    code: 'DBY',
    gss: 'E10000007',
    was: 'West Midlands',
    onsRegion: 'E12000004',
    evidence:
      'ONS Local Authority District to Region lookup: county E10000007 Derbyshire is in E12000004 East Midlands, as are all 8 of its districts in the register (AMB, BOS, CHS, DEB, ERE, HIG, NED, SDE).',
  },
  {
    code: 'LIN',
    gss: 'E10000019',
    was: 'Yorkshire and The Humber',
    onsRegion: 'E12000004',
    evidence:
      'ONS Local Authority District to Region lookup: county E10000019 Lincolnshire is in E12000004 East Midlands, as are all 7 of its districts in the register (BOS, ELI, LIC, NKE, SHO, SKE, WLI).',
  },
];

/** The register fields the region check reads. */
export interface RegionRow {
  code: string;
  gss: string | null;
  region: string;
  parentCounty: string | null;
}

/**
 * The register's region with the corrections applied.
 * @throws Error when a correction no longer fits its row (the GSS code changed, or the register
 *   now says something else): the table must be looked at again, not silently applied.
 */
export function correctedRegion(row: RegionRow, corrections: readonly RegionCorrection[] = REGION_CORRECTIONS): string {
  const fix = corrections.find((c) => c.code === row.code);
  if (!fix) return row.region;
  const region = ENGLISH_REGIONS[fix.onsRegion];
  if (row.gss !== fix.gss) throw new Error(`Region correction for ${row.code} expects GSS ${fix.gss}, the register has ${row.gss ?? 'none'}`);
  if (row.region === region) {
    throw new Error(`Region correction for ${row.code} is no longer needed: the register now says "${region}"; remove it from lib/dataset/regions.ts`);
  }
  if (row.region !== fix.was) {
    throw new Error(`Region correction for ${row.code} expects the register to say "${fix.was}", it says "${row.region}"`);
  }
  return region ?? row.region;
}

/**
 * Every way the regions contradict the register itself: a district in another region than its
 * county, or a region that does not fit the nation of the council's GSS code (S, W, N, or E for one
 * of England's nine). Former councils with no region are left alone.
 */
export function regionProblems(rows: readonly RegionRow[]): string[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const problems: string[] = [];
  for (const row of rows) {
    if (row.region === '') continue;
    const nation = row.gss?.charAt(0) ?? '';
    const expected = NATION_REGIONS[nation];
    if (expected !== undefined && row.region !== expected) problems.push(`${row.code}: GSS ${row.gss} is in ${expected}, the region says "${row.region}"`);
    if (nation === 'E' && !Object.values(ENGLISH_REGIONS).includes(row.region)) {
      problems.push(`${row.code}: GSS ${row.gss} is in England, "${row.region}" is not one of its regions`);
    }
    const county = row.parentCounty ? byCode.get(row.parentCounty) : undefined;
    if (county && county.region !== '' && county.region !== row.region) {
      problems.push(`${row.code} is in "${row.region}" but its county ${county.code} in "${county.region}"`);
    }
  }
  return problems;
}
