import type { Council, CouncilType, ServicesFile, Tier } from '@/lib/councils/schema';
import type { CouncilCard, CouncilRef } from '@/lib/protocol';
import { servicesForCouncil } from '@/lib/councils/services';
import type { Register } from '@/lib/councils/register';

const TYPE_LABELS: Record<CouncilType, string> = {
  county: 'County council',
  district: 'District council',
  unitary: 'Unitary authority',
  'metropolitan-district': 'Metropolitan borough',
  'london-borough': 'London borough',
  'scottish-unitary': 'Scottish council',
  'welsh-unitary': 'Welsh council',
  'ni-district': 'Northern Ireland district council',
  'city-corporation': 'City corporation',
  'combined-authority': 'Combined authority',
  'strategic-authority': 'Strategic authority',
};

const TIER_LABELS: Record<Tier, string | null> = {
  upper: 'upper tier',
  lower: 'lower tier',
  unitary: 'unitary: runs all local services',
  'ni-district': null,
  combined: null,
};

/** "District council (lower tier)", "Metropolitan borough (unitary: runs all local services)". */
export function typeLabel(type: CouncilType, tier: Tier): string {
  const tierLabel = TIER_LABELS[tier];
  return tierLabel ? `${TYPE_LABELS[type]} (${tierLabel})` : TYPE_LABELS[type];
}

function ref(register: Register, code: string | null): CouncilRef | null {
  if (!code) return null;
  const council = register.byCode(code);
  return council ? { code: council.code, name: council.officialName } : null;
}

/** Everything the council card shows about one council, from the register and service groups. */
export function buildCouncilCard(council: Council, register: Register, services: ServicesFile): CouncilCard {
  return {
    code: council.code,
    officialName: council.officialName,
    niceName: council.niceName,
    kind: council.kind,
    type: council.type,
    typeLabel: typeLabel(council.type, council.tier),
    tier: council.tier,
    nation: council.nation,
    region: council.region,
    population: council.population,
    areaKm2: council.areaKm2,
    homepage: council.homepage,
    domain: council.domain,
    parentCounty: ref(register, council.parentCounty),
    combinedAuthority: ref(register, council.combinedAuthority),
    services: servicesForCouncil(council, services, register),
    abolished: council.current
      ? null
      : {
          endDate: council.endDate,
          successors: register.currentSuccessors(council).map((c) => ({ code: c.code, name: c.officialName })),
        },
  };
}
