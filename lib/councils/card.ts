import { z } from 'zod';
import {
  CouncilCodeSchema,
  CouncilTypeSchema,
  NationSchema,
  ProvisionSchema,
  TierSchema,
  type Council,
  type CouncilType,
  type ServicesFile,
  type Tier,
} from '@/lib/councils/schema';
import { ProcurementSchema } from '@/lib/ocds/summary';
import { servicesForCouncil } from '@/lib/councils/services';
import type { Register } from '@/lib/councils/register';

export const CouncilRefSchema = z.object({ code: CouncilCodeSchema, name: z.string() });
export type CouncilRef = z.infer<typeof CouncilRefSchema>;

/**
 * For a former council: today's councils that replaced it, following chains of abolitions
 * (Taunton Deane -> Somerset West and Taunton -> Somerset) and splits (Cumbria -> Cumberland and
 * Westmorland and Furness), in register order. Optional so that contexts without it still parse.
 */
const SuccessorsSchema = z.array(CouncilRefSchema).optional();

/** A council the person worked at before: named as it was, with today's successors when it was abolished. */
export const PreviousCouncilSchema = CouncilRefSchema.extend({ successors: SuccessorsSchema });
export type PreviousCouncil = z.infer<typeof PreviousCouncilSchema>;

export const CardServiceSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** What part of the group this council runs itself. */
  provision: ProvisionSchema,
  /** For a district: the county that runs this group (or the part it does not run). */
  providedBy: CouncilRefSchema.nullable(),
  note: z.string().nullable(),
});
export type CardService = z.infer<typeof CardServiceSchema>;

/** Everything the council card shows about one council; built in the background. */
export const CouncilCardSchema = z.object({
  code: CouncilCodeSchema,
  officialName: z.string(),
  niceName: z.string(),
  kind: z.enum(['council', 'combined-authority']),
  type: CouncilTypeSchema,
  /** Human label for type and tier, e.g. "District council (lower tier)". */
  typeLabel: z.string(),
  tier: TierSchema,
  nation: NationSchema,
  region: z.string(),
  population: z.number().nullable(),
  areaKm2: z.number().nullable(),
  homepage: z.string().nullable(),
  domain: z.string().nullable(),
  parentCounty: CouncilRefSchema.nullable(),
  combinedAuthority: CouncilRefSchema.nullable(),
  services: z.array(CardServiceSchema),
  /**
   * Set for a council that no longer exists (Harrogate Borough Council): when it went and today's
   * councils that replaced it, so every surface that shows the card says so (issue 12). Optional so
   * that cards stored before it still parse.
   */
  abolished: z.object({ endDate: z.string().nullable(), successors: z.array(CouncilRefSchema) }).nullable().optional(),
});
export type CouncilCard = z.infer<typeof CouncilCardSchema>;

/** How the page named the council: the text matched and, for an abolished council, what it was. */
export const CouncilMatchSchema = z.object({
  /** The text on the page that named the council, e.g. "Leeds City Council". */
  matchedText: z.string(),
  /** Set when the page names a former council; the card then shows its first current successor. */
  former: z
    .object({ code: z.string(), name: z.string(), endDate: z.string().nullable(), successors: SuccessorsSchema })
    .nullable(),
  /** Where on the page it was found. */
  source: z.enum(['employer', 'experience', 'company', 'buyer', 'text']),
  /**
   * The recogniser's confidence (lib/councils/confidence.ts confidenceBand): below 0.85 the name had no
   * council word ("Kent", "Leeds City") and the card says it is a likely, not a certain, match.
   */
  confidence: z.number().min(0).max(1).optional(),
});
export type CouncilMatch = z.infer<typeof CouncilMatchSchema>;

/**
 * A council's card with its open tenders and contracts ending, for the places that show a card
 * without a tab context to carry them (the popup, the council-website badge): issue 4's "wherever
 * the card is shown". `procurement` is null when the notices cache could not be read.
 */
export const CouncilCardViewSchema = CouncilCardSchema.extend({ procurement: ProcurementSchema.nullable() });
export type CouncilCardView = z.infer<typeof CouncilCardViewSchema>;

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
