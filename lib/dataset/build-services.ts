import { ServicesFileSchema, type ServiceGroup, type ServicesFile } from '@/lib/councils/schema';
import { parseCsvRecords } from './csv';
import { lgslGroupFor } from './lgsl-groups';
import { NI_DISTRICT_PROVISION } from './ni-provision';
import { SPLIT_NOTES } from './service-notes';
import { SERVICES_SOURCES } from './sources';
import { parseWhoProvides } from './who-provides';

/** The CSV texts services.json is built from. */
export interface ServicesInputs {
  /** ../shared/spec/service-groups.csv */
  serviceGroups: string;
  /** ../shared/data/govuk_local_services_lgsl_tier.csv */
  lgslTiers: string;
}

/**
 * Builds the services.json content: one group per spec row, in spec order, with per-tier
 * provision read from who_provides (NI districts from the hand-written NI table), a note where
 * county and district split the group, and the LGSL services that evidence it.
 * @throws Error (or ZodError) when the spec, the NI table, the notes table and the rules disagree.
 */
export function buildServicesFile(inputs: ServicesInputs): ServicesFile {
  const specRows = parseCsvRecords(inputs.serviceGroups);
  const ids = specRows.map((r) => r['id'] ?? '');
  if (new Set(ids).size !== ids.length) throw new Error('Duplicate service group id in the spec');
  for (const table of [NI_DISTRICT_PROVISION, SPLIT_NOTES]) {
    for (const id of Object.keys(table)) {
      if (!ids.includes(id)) throw new Error(`Hand-written table names unknown service group ${id}`);
    }
  }

  const evidence = new Map<string, ServiceGroup['evidence']>(ids.map((id) => [id, []]));
  for (const row of parseCsvRecords(inputs.lgslTiers)) {
    const description = row['Description'] ?? '';
    const group = lgslGroupFor(description);
    if (group === null) continue;
    const list = evidence.get(group);
    if (!list) throw new Error(`LGSL rule names unknown service group ${group}`);
    list.push({ lgsl: Number(row['LGSL']), description, tier: row['Providing Tier'] ?? '' });
  }

  const groups = specRows.map((row): ServiceGroup => {
    const id = row['id'] ?? '';
    const whoProvides = row['who_provides'] ?? '';
    const gb = parseWhoProvides(whoProvides);
    const ni = NI_DISTRICT_PROVISION[id];
    if (!ni) throw new Error(`No Northern Ireland provision for service group ${id}`);
    const split = gb.upper === 'part' || gb.lower === 'part';
    const note = SPLIT_NOTES[id] ?? null;
    if (split !== (note !== null)) {
      throw new Error(`Service group ${id}: ${split ? 'split provision needs' : 'unsplit provision has'} a note`);
    }
    return {
      id,
      label: row['label'] ?? '',
      covers: row['covers'] ?? '',
      whoProvides,
      provision: { upper: gb.upper, lower: gb.lower, unitary: gb.unitary, 'ni-district': ni },
      note,
      evidence: (evidence.get(id) ?? []).sort((a, b) => a.lgsl - b.lgsl),
    };
  });
  return ServicesFileSchema.parse({ sources: SERVICES_SOURCES, groups });
}
