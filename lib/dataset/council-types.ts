import type { CouncilType, Tier } from '@/lib/councils/schema';

/**
 * The register's `local-authority-type` codes (../shared/data/mysociety_local_authority_type.csv)
 * mapped to the schema's council types.
 */
export const COUNCIL_TYPE_BY_CODE: Readonly<Record<string, CouncilType>> = {
  NMD: 'district',
  CTY: 'county',
  UA: 'unitary',
  MD: 'metropolitan-district',
  LBO: 'london-borough',
  SCO: 'scottish-unitary',
  WPA: 'welsh-unitary',
  NID: 'ni-district',
  CC: 'city-corporation',
  COMB: 'combined-authority',
  SRA: 'strategic-authority',
};

/**
 * The `powers` values of ../shared/data/mysociety_local_authority_powers.csv mapped to tiers.
 */
export const TIER_BY_POWERS: Readonly<Record<string, Tier>> = {
  'upper tier': 'upper',
  'lower tier': 'lower',
  unitary: 'unitary',
  'ni district': 'ni-district',
  combined: 'combined',
};

/**
 * Maps a register type code to the schema's council type.
 * @throws Error for a code this table does not know, so a new register type is noticed.
 */
export function councilTypeFor(code: string): CouncilType {
  const type = COUNCIL_TYPE_BY_CODE[code];
  if (!type) throw new Error(`Unknown local-authority-type ${JSON.stringify(code)}`);
  return type;
}

/**
 * Builds `local-authority-type-name -> tier` from the powers file's records.
 * @throws Error for a `powers` value this module does not know.
 */
export function tiersByTypeName(powersRecords: readonly Record<string, string>[]): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  for (const record of powersRecords) {
    const typeName = record['local-authority-type-name'] ?? '';
    const powers = record['powers'] ?? '';
    const tier = TIER_BY_POWERS[powers];
    if (!tier) throw new Error(`Unknown powers ${JSON.stringify(powers)} for ${JSON.stringify(typeName)}`);
    tiers.set(typeName, tier);
  }
  return tiers;
}
