/**
 * Which service group (../shared/spec/service-groups.csv id) each LGSL service of
 * ../shared/data/govuk_local_services_lgsl_tier.csv belongs to, by keywords in its description.
 * Rules are tried in order and the first match wins, so the narrower rules come first
 * (e.g. "housing benefit" before "housing", "safe routes to school" before "school").
 * The groups' `covers` text in the spec is the guide for each rule.
 */
export const LGSL_GROUP_RULES: readonly { group: string; pattern: RegExp }[] = [
  // Road safety and passenger transport, before the school rules (covers: road safety).
  { group: 'highways-transport', pattern: /safe routes to school/ },
  // Council tax, business rates and housing benefit (covers: "housing benefit ... is NOT here (revenues-benefits)").
  { group: 'revenues-benefits', pattern: /council tax|business rates|housing benefit/ },
  // Fostering, adoption, short breaks, youth services and family support.
  {
    group: 'childrens-social-care',
    pattern: /fostering|adopting a child|carers of children|youth opportunity|support groups for children|family information/,
  },
  // Schools, SEND, early years, home to school transport, child performance licences and chaperones.
  {
    group: 'education',
    pattern: /school|educat|nursery|14-19|speech, language|chaperone/,
  },
  // Adult social care: assessments, direct payments, day centres, meals, equipment.
  {
    group: 'adult-social-care',
    pattern: /social services|care act|direct payments|day centres|mobile meals|equipment and adaptions/,
  },
  // Housing options, council homes and tenants, homelessness, disabled facilities grants, empty homes.
  {
    group: 'housing',
    pattern: /housing|homeless|council home|rehousing|council propert|council tenants|council garage|right to buy|disability facility grant|derelict properties/,
  },
  // Waste collection and disposal, and street cleansing (covers: street cleansing, fly-tipping).
  {
    group: 'waste',
    pattern: /refuse|waste|recycling|special collections|syringes|street cleaning|flytipping|flyposting|graffiti|dog fouling|dead animal/,
  },
  // Building control and planning; dangerous structures are building control's.
  {
    group: 'planning-regeneration',
    pattern: /planning decisions|building regulations|tree preservation|conservation area|dangerous buildings/,
  },
  // Roads, traffic, parking, concessionary fares, passenger transport.
  {
    group: 'highways-transport',
    pattern: /road|pavement|street lights|street furniture|street name|traffic|pedestrian crossings|speed limits|potholes|dropped kerb|parking|bus pass|transport/,
  },
  // Environmental health, licensing, community safety, emergency planning, cemeteries and
  // crematoria, trading standards (weighbridges), abandoned vehicles.
  {
    group: 'environment-regulatory',
    pattern: /noise|asbestos|pest control|dog warden|nuisance|licen[cs]e|community safety|vandalism|abandoned vehicles|emergency planning|severe weather|bereavement|blocked drains|weighbridges/,
  },
  // Libraries, parks, allotments, events.
  { group: 'culture-leisure', pattern: /librar|parks|allotments|street party/ },
  // Registrars and elections.
  { group: 'legal-democratic', pattern: /councillors|electoral|citizenship ceremonies/ },
  // Complaints and consultation.
  { group: 'customer-comms', pattern: /complaints|consultations/ },
  // Insurance.
  { group: 'finance', pattern: /insurance/ },
  // Communities and the voluntary sector.
  { group: 'corporate-strategy', pattern: /voluntary organisations|support groups and organisations/ },
];

/**
 * The service group an LGSL service belongs to, from its GOV.UK description, or null when no
 * rule matches.
 */
export function lgslGroupFor(description: string): string | null {
  const text = description.toLowerCase();
  return LGSL_GROUP_RULES.find((rule) => rule.pattern.test(text))?.group ?? null;
}
