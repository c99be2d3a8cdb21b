import type { CouncilCard, CouncilRef } from './card';
import type { Tier } from './schema';

/** What {@link whoRuns} needs to know about a council: these fields of its card. */
export type ProvisionContext = Pick<CouncilCard, 'officialName' | 'niceName' | 'tier' | 'parentCounty' | 'services'>;

/** The Great Britain tiers the spec's `who_provides` clauses name (county, district, unitary). */
type GbTier = Extract<Tier, 'upper' | 'lower' | 'unitary'>;

/**
 * One part of a service group that the tiers of a two-tier area split between them, and the
 * job-title words that name it. A title that names no part tells us nothing about which half
 * the person works in.
 */
export interface ServicePart {
  id: string;
  /** Lower-case words for a sentence: "doesn't run waste disposal". */
  label: string;
  /** The tiers that run this part. */
  runBy: readonly GbTier[];
  /** Matched against the title, lower-cased with "&" as "and" and hyphens as spaces. */
  words: RegExp;
}

/**
 * The parts of the groups that ../shared/spec/service-groups.csv splits between county and
 * district (its `who_provides` clauses, which services.json's `provision` is parsed from; see
 * lib/dataset/who-provides.ts). Only words that name one part unambiguously are listed:
 * "recycling" alone could be kerbside collection (district) or a recycling centre (county),
 * "transport" alone a district's fleet, "planning" alone a county's minerals planning.
 * tests/lib/councils/who-runs.test.ts checks each part against services.json.
 */
export const SERVICE_PARTS: Readonly<Record<string, readonly ServicePart[]>> = {
  // "collection: district/unitary; disposal: county/unitary"
  waste: [
    {
      id: 'collection',
      label: 'waste collection and recycling',
      runBy: ['lower', 'unitary'],
      words: /\b(collections?|refuse|bins?|kerbside)\b/,
    },
    // Not in who_provides, but the LGSL evidence for the group puts street cleaning (580) and
    // fly-tipping (587) with district/unitary councils.
    {
      id: 'street-cleansing',
      label: 'street cleansing',
      runBy: ['lower', 'unitary'],
      words: /\b(cleansing|street cleaning|fly ?tipping)\b/,
    },
    {
      id: 'disposal',
      label: 'waste disposal',
      runBy: ['upper', 'unitary'],
      words: /\b(disposal|landfill|waste treatment|recycling centres?|household waste recycling|hwrcs?)\b/,
    },
  ],
  // "county/unitary (parking: all)"
  'highways-transport': [
    {
      id: 'roads-and-transport',
      label: 'roads and transport',
      runBy: ['upper', 'unitary'],
      words: /\b(highways?|roads?|street lighting|traffic|passenger transport|public transport|transport planning|transport policy|concessionary|bus|buses)\b/,
    },
    { id: 'parking', label: 'parking', runBy: ['upper', 'lower', 'unitary'], words: /\b(parking|car parks?)\b/ },
  ],
  // "district/unitary (minerals and waste planning: county)"
  'planning-regeneration': [
    {
      id: 'development-management',
      label: 'planning applications and building control',
      runBy: ['lower', 'unitary'],
      words: /\b(development (management|control)|building control)\b/,
    },
    {
      id: 'minerals-and-waste-planning',
      label: 'minerals and waste planning',
      runBy: ['upper', 'unitary'],
      words: /\b(minerals|waste planning)\b/,
    },
  ],
};

/** Who runs a service the council does not. */
export type OtherProvider =
  /** A county's district-run services, e.g. housing. */
  | { kind: 'districts'; area: string }
  /** A district's county-run services, e.g. adult social care; null when the card names no county. */
  | { kind: 'county'; county: CouncilRef | null }
  /** Northern Ireland: the Executive's bodies, not councils, run it (lib/dataset/ni-provision.ts). */
  | { kind: 'no-council' };

/** Whether a council runs a service group (or the part of it a job title names). */
export type WhoRuns =
  /** It runs it, or the data can't tell: nothing to say. */
  | { kind: 'runs' }
  | { kind: 'unknown' }
  /** It runs part of the group and the title doesn't say which part; `note` says how it is split. */
  | { kind: 'runs-part'; label: string; note: string | null }
  /** It doesn't run `what` (the group's label, or the parts the title names); `by` does. */
  | { kind: 'not-run'; what: string; by: OtherProvider };

/** The parts of a group a job title names, e.g. "Waste Collection Manager" names collection. */
export function partsInTitle(groupId: string, title: string): ServicePart[] {
  const text = title.toLowerCase().replace(/&/g, ' and ').replace(/-/g, ' ').replace(/\s+/g, ' ');
  return (SERVICE_PARTS[groupId] ?? []).filter((part) => part.words.test(text));
}

/**
 * Whether the council runs a service group, from the provision on its card, and if not who
 * does: the district councils (for a county), the county council (for a district) or, in
 * Northern Ireland, no council. For a group split between county and district (waste, highways,
 * planning), the job title decides when it names one part ("Waste Collection Manager" at a
 * county: the districts collect). Unitary councils run everything; combined authorities and
 * anything the data does not cover give `unknown`, so nothing is flagged on a guess.
 *
 * @example whoRuns(kentCard, 'housing', 'Head of Housing')
 *   // { kind: 'not-run', what: 'Housing and homelessness', by: { kind: 'districts', area: 'Kent' } }
 * @example whoRuns(kentCard, 'waste', 'Waste Disposal Manager') // { kind: 'runs' }
 */
export function whoRuns(council: ProvisionContext, groupId: string, title = ''): WhoRuns {
  const service = council.services.find((s) => s.id === groupId);
  if (!service) return { kind: 'unknown' };
  if (service.provision === 'all') return { kind: 'runs' };
  const tier = council.tier;

  if (tier === 'ni-district') {
    return service.provision === 'none'
      ? { kind: 'not-run', what: service.label, by: { kind: 'no-council' } }
      : { kind: 'runs-part', label: service.label, note: service.note };
  }
  // A unitary council runs every group; anything else in the data is not a split we can explain.
  if (tier !== 'upper' && tier !== 'lower') return { kind: 'unknown' };

  const other: OtherProvider =
    tier === 'upper'
      ? { kind: 'districts', area: council.niceName }
      : { kind: 'county', county: service.providedBy ?? council.parentCounty };
  if (service.provision === 'none') return { kind: 'not-run', what: service.label, by: other };

  const named = partsInTitle(groupId, title);
  const notRun = named.filter((part) => !part.runBy.includes(tier));
  if (named.length > 0 && notRun.length === 0) return { kind: 'runs' };
  if (named.length > 0 && notRun.length === named.length) {
    return { kind: 'not-run', what: notRun.map((part) => part.label).join(' or '), by: other };
  }
  return { kind: 'runs-part', label: service.label, note: service.note };
}

/**
 * {@link whoRuns} as one plain sentence for the role line, or null when there is nothing to say:
 * "Kent County Council doesn't run Housing and homelessness; in Kent the district councils do."
 */
export function whoRunsSentence(council: Pick<ProvisionContext, 'officialName'>, result: WhoRuns): string | null {
  const name = council.officialName;
  switch (result.kind) {
    case 'runs':
    case 'unknown':
      return null;
    case 'runs-part':
      // Without the split note (Northern Ireland) "runs only part" would not help anyone choose.
      return result.note ? `${name} runs only part of ${result.label}. ${result.note}` : null;
    case 'not-run': {
      const by = result.by;
      const who =
        by.kind === 'districts'
          ? `in ${by.area} the district councils do`
          : by.kind === 'county'
            ? `${by.county?.name ?? 'the county council'} does`
            : 'in Northern Ireland no council does';
      return `${name} doesn't run ${result.what}; ${who}.`;
    }
  }
}
