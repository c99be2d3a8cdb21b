import type { Register } from './register';
import type { Council, Provision, ServicesFile, Tier } from './schema';

/** One service group as a council card shows it. Matches `CardService` in lib/councils/card.ts. */
export interface CouncilService {
  id: string;
  label: string;
  /** What part of the group this council runs itself. */
  provision: Provision;
  /** For a district: the county that runs the group, or the part of it the district does not. */
  providedBy: { code: string; name: string } | null;
  /** The group's note on split responsibility, for councils in two-tier areas. */
  note: string | null;
}

/**
 * What a tier runs of a service group: 'all', 'part' or 'none'
 * (e.g. `tierProvides('upper', 'waste', services)` is 'part': counties dispose, districts collect).
 * Combined authorities are not a service tier here and get 'none'.
 * @throws Error for a group id that services.json does not have.
 */
export function tierProvides(tier: Tier, groupId: string, services: ServicesFile): Provision {
  const group = services.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`Unknown service group ${JSON.stringify(groupId)}`);
  return tier === 'combined' ? 'none' : group.provision[tier];
}

/**
 * The service groups, in spec order, with what this council runs of each. A district's groups
 * that it runs none or only part of name its parent county in `providedBy`. Notes on split
 * responsibility are given to county and district councils, where the split applies.
 * Combined and strategic authorities get an empty list.
 */
export function servicesForCouncil(council: Council, services: ServicesFile, register: Register): CouncilService[] {
  const tier = council.tier;
  if (tier === 'combined') return [];
  const county = tier === 'lower' && council.parentCounty ? register.byCode(council.parentCounty) : null;
  const twoTier = tier === 'upper' || tier === 'lower';
  return services.groups.map((group) => {
    const provision = group.provision[tier];
    return {
      id: group.id,
      label: group.label,
      provision,
      providedBy: county && provision !== 'all' ? { code: county.code, name: county.officialName } : null,
      note: twoTier ? group.note : null,
    };
  });
}
