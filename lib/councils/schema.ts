import { z } from 'zod';

/**
 * Shape of public/data/councils.json, built by lib/dataset from ../shared/data.
 * Keyed by the register's `local-authority-code` (e.g. `LDS`), the same code
 * Contracts Finder uses in `GB-LAE-LDS` party ids.
 */

export const CouncilTypeSchema = z.enum([
  'county',
  'district',
  'unitary',
  'metropolitan-district',
  'london-borough',
  'scottish-unitary',
  'welsh-unitary',
  'ni-district',
  'city-corporation',
  'combined-authority',
  'strategic-authority',
]);
export type CouncilType = z.infer<typeof CouncilTypeSchema>;

/** Which layer of local government a body is: the register's `powers` column, renamed. */
export const TierSchema = z.enum(['upper', 'lower', 'unitary', 'ni-district', 'combined']);
export type Tier = z.infer<typeof TierSchema>;

export const NationSchema = z.enum(['England', 'Scotland', 'Wales', 'Northern Ireland']);
export type Nation = z.infer<typeof NationSchema>;

export const CouncilCodeSchema = z.string().regex(/^[A-Z]{2,5}(-[A-Z])?$/);

export const CouncilSchema = z.object({
  code: CouncilCodeSchema,
  /** Principal councils are `council`; combined and strategic authorities are flagged. */
  kind: z.enum(['council', 'combined-authority']),
  /** False for abolished councils (the register's non-current rows). */
  current: z.boolean(),
  officialName: z.string().min(1),
  niceName: z.string().min(1),
  gss: z.string().nullable(),
  type: CouncilTypeSchema,
  /** The register's own type name, e.g. "Non-metropolitan district". */
  typeName: z.string(),
  tier: TierSchema,
  nation: NationSchema,
  region: z.string(),
  /** Parent county council code, for districts in two-tier areas. */
  parentCounty: CouncilCodeSchema.nullable(),
  /** Combined authority code, where the council is a constituent member. */
  combinedAuthority: CouncilCodeSchema.nullable(),
  population: z.number().int().positive().nullable(),
  /** Area in square kilometres. */
  areaKm2: z.number().positive().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  homepage: z.url().nullable(),
  /** Host name of the homepage without a leading `www.`, e.g. `leeds.gov.uk`. */
  domain: z.string().nullable(),
  /** Every name the register knows it by: official, nice, alt-names and lookup names, deduplicated. */
  names: z.array(z.string().min(1)).min(1),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  /** For former councils: the codes of today's councils that replaced it. */
  successors: z.array(CouncilCodeSchema),
});
export type Council = z.infer<typeof CouncilSchema>;

export const CouncilsFileSchema = z.object({
  /** Where each part came from, as `../shared/data/<file>` names with their licence. */
  sources: z.array(z.object({ file: z.string(), licence: z.string(), attribution: z.string() })),
  councils: z.array(CouncilSchema),
});
export type CouncilsFile = z.infer<typeof CouncilsFileSchema>;

/** Whether a tier runs a service group: all of it, part of it (e.g. waste collection but not disposal), or none. */
export const ProvisionSchema = z.enum(['all', 'part', 'none']);
export type Provision = z.infer<typeof ProvisionSchema>;

export const ServiceGroupSchema = z.object({
  /** Id from ../shared/spec/service-groups.csv. */
  id: z.string().regex(/^[a-z-]+$/),
  label: z.string(),
  covers: z.string(),
  /** The spec's who_provides text, kept for display. */
  whoProvides: z.string(),
  /** Per tier: what part of this group that tier runs. */
  provision: z.object({
    upper: ProvisionSchema,
    lower: ProvisionSchema,
    unitary: ProvisionSchema,
    'ni-district': ProvisionSchema,
  }),
  /** Plain-words note on split responsibility, e.g. "Collection by districts; disposal by the county". */
  note: z.string().nullable(),
  /** LGSL services (from the GOV.UK providing-tier file) that evidence the provision above. */
  evidence: z.array(z.object({ lgsl: z.number().int(), description: z.string(), tier: z.string() })),
});
export type ServiceGroup = z.infer<typeof ServiceGroupSchema>;

export const ServicesFileSchema = z.object({
  sources: z.array(z.object({ file: z.string(), licence: z.string(), attribution: z.string() })),
  groups: z.array(ServiceGroupSchema),
});
export type ServicesFile = z.infer<typeof ServicesFileSchema>;
