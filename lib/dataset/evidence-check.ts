import type { Provision, ServiceGroup } from '@/lib/councils/schema';
import { parseWhoProvides, type GbTier } from './who-provides';

/**
 * A place where an LGSL service's GOV.UK providing tier and its group's provision disagree.
 * - `unprovided`: GOV.UK says the tier provides the service, the group says the tier runs none of it.
 * - `overstated`: the group says the tier runs all of it, GOV.UK says the tier does not provide
 *   this service (so "part" would be the more exact answer).
 */
export interface EvidenceDisagreement {
  kind: 'unprovided' | 'overstated';
  group: string;
  lgsl: number;
  description: string;
  lgslTier: string;
  tier: GbTier;
  provision: Provision;
}

/**
 * Compares every evidenced LGSL service with its group's provision for county, district and
 * unitary, and lists the disagreements (an empty list means full agreement). `part` agrees with
 * both providing and not providing a service.
 */
export function evidenceDisagreements(groups: readonly ServiceGroup[]): EvidenceDisagreement[] {
  const found: EvidenceDisagreement[] = [];
  for (const group of groups) {
    for (const service of group.evidence) {
      const lgslProvision = parseWhoProvides(service.tier);
      for (const tier of ['upper', 'lower', 'unitary'] as const) {
        const provides = lgslProvision[tier] !== 'none';
        const provision = group.provision[tier];
        const kind = provides && provision === 'none' ? 'unprovided' : !provides && provision === 'all' ? 'overstated' : null;
        if (kind) {
          found.push({
            kind,
            group: group.id,
            lgsl: service.lgsl,
            description: service.description,
            lgslTier: service.tier,
            tier,
            provision,
          });
        }
      }
    }
  }
  return found;
}
