/**
 * Service groups and seniority levels, ids and labels exactly as in ../shared/spec/service-groups.csv
 * and ../shared/spec/seniority.csv (tests/lib/roles/groups.test.ts checks them against those files).
 */

export const SERVICE_GROUPS = [
  { id: 'adult-social-care', label: 'Adult social care' },
  { id: 'childrens-social-care', label: "Children's social care and early help" },
  { id: 'education', label: 'Education and skills' },
  { id: 'public-health', label: 'Public health' },
  { id: 'housing', label: 'Housing and homelessness' },
  { id: 'highways-transport', label: 'Highways, transport and parking' },
  { id: 'waste', label: 'Waste and street cleansing' },
  { id: 'environment-regulatory', label: 'Environmental health, regulation and community safety' },
  { id: 'planning-regeneration', label: 'Planning, building control and regeneration' },
  { id: 'culture-leisure', label: 'Culture, leisure, libraries and parks' },
  { id: 'revenues-benefits', label: 'Revenues and benefits' },
  { id: 'digital-ict', label: 'Digital, ICT and data' },
  { id: 'finance', label: 'Finance, audit and insurance' },
  { id: 'procurement', label: 'Procurement and commercial' },
  { id: 'people-hr', label: 'HR, organisational development and payroll' },
  { id: 'legal-democratic', label: 'Legal, governance and democratic services' },
  { id: 'customer-comms', label: 'Customer services and communications' },
  { id: 'property-assets', label: 'Property, assets and facilities' },
  { id: 'corporate-strategy', label: 'Leadership, policy and transformation' },
] as const;

export type ServiceGroupId = (typeof SERVICE_GROUPS)[number]['id'];

/** The ids alone, in spec order, as a non-empty tuple (what `z.enum` takes). */
export const SERVICE_GROUP_IDS = SERVICE_GROUPS.map((g) => g.id) as [ServiceGroupId, ...ServiceGroupId[]];

export const SENIORITY_LEVELS = [
  { id: 'chief-officer', label: 'Chief officer' },
  { id: 'senior-manager', label: 'Senior manager / head of service' },
  { id: 'manager', label: 'Manager' },
  { id: 'officer', label: 'Officer / practitioner' },
  { id: 'elected-member', label: 'Elected member' },
] as const;

export type SeniorityId = (typeof SENIORITY_LEVELS)[number]['id'];

const GROUP_LABELS = new Map<string, string>(SERVICE_GROUPS.map((g) => [g.id, g.label]));
const SENIORITY_LABELS = new Map<string, string>(SENIORITY_LEVELS.map((s) => [s.id, s.label]));

/** The spec label of a service group id, e.g. "Adult social care". */
export function serviceGroupLabel(id: string): string | null {
  return GROUP_LABELS.get(id) ?? null;
}

/** The spec label of a seniority id, e.g. "Senior manager / head of service". */
export function seniorityLabel(id: string): string | null {
  return SENIORITY_LABELS.get(id) ?? null;
}
