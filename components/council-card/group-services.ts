import type { CardService, CouncilRef } from '@/lib/councils/card';

export interface ServiceGroups {
  /** Groups this council runs all of. */
  runs: CardService[];
  /** Groups it runs part of, e.g. a district's waste collection; each carries a note. */
  runsPart: CardService[];
  /** Groups it runs none of, per named provider (a district's county), in data order. */
  providedBy: { provider: CouncilRef; services: CardService[] }[];
  /** Groups it runs none of with no provider named (a county's district-run services). */
  elsewhere: CardService[];
}

/**
 * Splits a card's services into what the council runs, runs in part, and leaves to others. The
 * `first` service group (the person's, or the notice's) leads its list (issue 12).
 */
export function groupServices(services: readonly CardService[], first: string | null = null): ServiceGroups {
  const groups: ServiceGroups = { runs: [], runsPart: [], providedBy: [], elsewhere: [] };
  const ordered = first === null ? services : [...services.filter((s) => s.id === first), ...services.filter((s) => s.id !== first)];
  for (const service of ordered) {
    if (service.provision === 'all') groups.runs.push(service);
    else if (service.provision === 'part') groups.runsPart.push(service);
    else if (service.providedBy) {
      const code = service.providedBy.code;
      const existing = groups.providedBy.find((entry) => entry.provider.code === code);
      if (existing) existing.services.push(service);
      else groups.providedBy.push({ provider: service.providedBy, services: [service] });
    } else groups.elsewhere.push(service);
  }
  return groups;
}
