import type { TabContext } from '@/lib/page-context';
import type { Role } from '@/lib/roles/role';
import type { CardService, CouncilCard, CouncilRef } from '@/lib/councils/card';
import type { TimingContractLine, TimingSavingsLine } from '@/components/timing/timing-lines';

/*
 * Sample tab contexts for the component tests and for screenshots. Council facts are the
 * register's (../shared/data/uk_local_authorities.csv: population 2020, area) and GOV.UK's
 * homepages; service provision and notes mirror public/data/services.json
 * (tests/components/preview-data.test.ts checks both against the built card). The people are
 * invented.
 */

type TierProvision = Pick<CardService, 'provision'>['provision'];

/** Service groups in spec order: what a county (upper) and a district (lower) run, and the split note. */
const GROUPS: { id: string; label: string; upper: TierProvision; lower: TierProvision; note: string | null }[] = [
  { id: 'adult-social-care', label: 'Adult social care', upper: 'all', lower: 'none', note: null },
  { id: 'childrens-social-care', label: 'Children’s social care and early help', upper: 'all', lower: 'none', note: null },
  { id: 'education', label: 'Education and skills', upper: 'all', lower: 'none', note: null },
  { id: 'public-health', label: 'Public health', upper: 'all', lower: 'none', note: null },
  { id: 'housing', label: 'Housing and homelessness', upper: 'none', lower: 'all', note: null },
  {
    id: 'highways-transport',
    label: 'Highways, transport and parking',
    upper: 'all',
    lower: 'part',
    note: 'The county runs roads and transport; districts run car parking too.',
  },
  {
    id: 'waste',
    label: 'Waste and street cleansing',
    upper: 'part',
    lower: 'part',
    note: 'Districts collect waste and recycling; the county disposes of it.',
  },
  {
    id: 'environment-regulatory',
    label: 'Environmental health, regulation and community safety',
    upper: 'all',
    lower: 'all',
    note: null,
  },
  {
    id: 'planning-regeneration',
    label: 'Planning, building control and regeneration',
    upper: 'part',
    lower: 'all',
    note: 'Districts handle planning and building control; the county decides minerals and waste planning.',
  },
  { id: 'culture-leisure', label: 'Culture, leisure, libraries and parks', upper: 'all', lower: 'all', note: null },
  { id: 'revenues-benefits', label: 'Revenues and benefits', upper: 'none', lower: 'all', note: null },
  { id: 'digital-ict', label: 'Digital, ICT and data', upper: 'all', lower: 'all', note: null },
  { id: 'finance', label: 'Finance, audit and insurance', upper: 'all', lower: 'all', note: null },
  { id: 'procurement', label: 'Procurement and commercial', upper: 'all', lower: 'all', note: null },
  { id: 'people-hr', label: 'HR, organisational development and payroll', upper: 'all', lower: 'all', note: null },
  { id: 'legal-democratic', label: 'Legal, governance and democratic services', upper: 'all', lower: 'all', note: null },
  { id: 'customer-comms', label: 'Customer services and communications', upper: 'all', lower: 'all', note: null },
  { id: 'property-assets', label: 'Property, assets and facilities', upper: 'all', lower: 'all', note: null },
  { id: 'corporate-strategy', label: 'Leadership, policy and transformation', upper: 'all', lower: 'all', note: null },
];

function countyServices(): CardService[] {
  return GROUPS.map(({ id, label, upper, note }) => ({ id, label, provision: upper, providedBy: null, note }));
}

function districtServices(county: CouncilRef): CardService[] {
  return GROUPS.map(({ id, label, lower, note }) => ({
    id,
    label,
    provision: lower,
    providedBy: lower === 'all' ? null : county,
    note,
  }));
}

function unitaryServices(): CardService[] {
  return GROUPS.map(({ id, label }) => ({ id, label, provision: 'all', providedBy: null, note: null }));
}

const kent: CouncilRef = { code: 'KEN', name: 'Kent County Council' };
const westYorkshire: CouncilRef = { code: 'WYCA', name: 'West Yorkshire Combined Authority' };
const yorkAndNorthYorkshire: CouncilRef = { code: 'YNYC', name: 'York and North Yorkshire Combined Authority' };

export const ashfordCard: CouncilCard = {
  code: 'ASF',
  officialName: 'Ashford Borough Council',
  niceName: 'Ashford',
  kind: 'council',
  type: 'district',
  typeLabel: 'District council (lower tier)',
  tier: 'lower',
  nation: 'England',
  region: 'South East',
  population: 131018,
  areaKm2: 581,
  homepage: 'https://www.ashford.gov.uk/',
  domain: 'ashford.gov.uk',
  parentCounty: kent,
  combinedAuthority: null,
  services: districtServices(kent),
};

export const kentCard: CouncilCard = {
  code: 'KEN',
  officialName: 'Kent County Council',
  niceName: 'Kent',
  kind: 'council',
  type: 'county',
  typeLabel: 'County council (upper tier)',
  tier: 'upper',
  nation: 'England',
  region: 'South East',
  population: 1589057,
  areaKm2: 3544,
  homepage: 'http://www.kent.gov.uk/',
  domain: 'kent.gov.uk',
  parentCounty: null,
  combinedAuthority: null,
  services: countyServices(),
};

export const leedsCard: CouncilCard = {
  code: 'LDS',
  officialName: 'Leeds City Council',
  niceName: 'Leeds',
  kind: 'council',
  type: 'metropolitan-district',
  typeLabel: 'Metropolitan borough (unitary: runs all local services)',
  tier: 'unitary',
  nation: 'England',
  region: 'Yorkshire and The Humber',
  population: 798786,
  areaKm2: 552,
  homepage: 'https://www.leeds.gov.uk/',
  domain: 'leeds.gov.uk',
  parentCounty: null,
  combinedAuthority: westYorkshire,
  services: unitaryServices(),
};

export const northYorkshireCard: CouncilCard = {
  code: 'NYE',
  officialName: 'North Yorkshire Council',
  niceName: 'North Yorkshire',
  kind: 'council',
  type: 'unitary',
  typeLabel: 'Unitary authority (unitary: runs all local services)',
  tier: 'unitary',
  nation: 'England',
  region: 'Yorkshire and The Humber',
  population: 620610,
  areaKm2: 8037,
  homepage: 'http://www.northyorks.gov.uk/',
  domain: 'northyorks.gov.uk',
  parentCounty: null,
  combinedAuthority: yorkAndNorthYorkshire,
  services: unitaryServices(),
};

export const cardiffCard: CouncilCard = {
  code: 'CRF',
  officialName: 'City of Cardiff Council',
  niceName: 'Cardiff',
  kind: 'council',
  type: 'welsh-unitary',
  typeLabel: 'Welsh council (unitary: runs all local services)',
  tier: 'unitary',
  nation: 'Wales',
  region: 'Wales',
  population: 369202,
  areaKm2: 141,
  homepage: 'https://www.cardiff.gov.uk/',
  domain: 'cardiff.gov.uk',
  parentCounty: null,
  combinedAuthority: null,
  services: unitaryServices(),
};

export const westYorkshireCaCard: CouncilCard = {
  code: 'WYCA',
  officialName: 'West Yorkshire Combined Authority',
  niceName: 'West Yorkshire',
  kind: 'combined-authority',
  type: 'combined-authority',
  typeLabel: 'Combined authority',
  tier: 'combined',
  nation: 'England',
  region: 'Yorkshire and The Humber',
  population: 2345235,
  areaKm2: 2030,
  homepage: null,
  domain: null,
  parentCounty: null,
  combinedAuthority: null,
  services: [],
};

export const serviceLeadRole: Role = {
  title: 'Head of Commissioning, Adults and Health',
  serviceGroup: { id: 'adult-social-care', label: 'Adult social care' },
  seniority: { id: 'senior-manager', label: 'Senior manager / head of service' },
  isServiceLead: true,
  guidance: 'Likely budget holder for Adult social care.',
};

export const procurementRole: Role = {
  title: 'Procurement Manager',
  serviceGroup: { id: 'procurement', label: 'Procurement and commercial' },
  seniority: { id: 'manager', label: 'Manager' },
  isServiceLead: false,
  guidance: 'Procurement: rarely the budget holder for service redesign; ask for the head of the service you are offering.',
};

const base = {
  tabId: 1,
  pageKind: 'linkedin-profile',
  person: null,
  role: null,
  match: null,
  card: null,
  procurement: null,
  previously: [],
  updatedAt: Date.UTC(2026, 10, 22, 9, 30),
} satisfies Partial<TabContext>;

/** A head of service at a metropolitan borough, with a past council role. */
export const leedsServiceLead: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/amira-hussain-leeds/',
  pageId: 'amira-hussain-leeds',
  status: 'council',
  person: { name: 'Amira Hussain', title: serviceLeadRole.title, employer: 'Leeds City Council' },
  role: serviceLeadRole,
  match: { matchedText: 'Leeds City Council', former: null, source: 'employer' },
  card: leedsCard,
  previously: [{ code: 'BRD', name: 'City of Bradford Metropolitan District Council' }],
};

/** A procurement manager at a district in a two-tier area. */
export const ashfordProcurement: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/daniel-okafor-procurement/',
  pageId: 'daniel-okafor-procurement',
  status: 'council',
  person: { name: 'Daniel Okafor', title: procurementRole.title, employer: 'Ashford Borough Council' },
  role: procurementRole,
  match: { matchedText: 'Ashford Borough Council', former: null, source: 'employer' },
  card: ashfordCard,
};

/** A county council's own LinkedIn company page: no person. */
export const kentCompanyPage: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/company/kent-county-council/',
  pageId: 'kent-county-council',
  pageKind: 'linkedin-company',
  status: 'council',
  match: { matchedText: 'Kent County Council', former: null, source: 'company' },
  card: kentCard,
};

/** A profile still naming an abolished district (Harrogate, now part of North Yorkshire Council). */
export const harrogateFormer: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/helen-marsh-housing/',
  pageId: 'helen-marsh-housing',
  status: 'council',
  person: { name: 'Helen Marsh', title: 'Housing Options Team Leader', employer: 'Harrogate Borough Council' },
  role: {
    title: 'Housing Options Team Leader',
    serviceGroup: { id: 'housing', label: 'Housing and homelessness' },
    seniority: { id: 'manager', label: 'Manager' },
    isServiceLead: false,
    guidance: 'Runs the service day to day: a champion and a route to the head of Housing and homelessness.',
  },
  match: {
    matchedText: 'Harrogate Borough Council',
    former: { code: 'HAG', name: 'Harrogate Borough Council', endDate: '2023-04-01' },
    source: 'employer',
  },
  card: northYorkshireCard,
};

/** Someone at a combined authority: recognised, but not a council. */
export const westYorkshireCa: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/tom-gallagher-transport/',
  pageId: 'tom-gallagher-transport',
  status: 'council',
  person: { name: 'Tom Gallagher', title: 'Head of Transport Policy', employer: 'West Yorkshire Combined Authority' },
  role: {
    title: 'Head of Transport Policy',
    serviceGroup: { id: 'highways-transport', label: 'Highways, transport and parking' },
    seniority: { id: 'senior-manager', label: 'Senior manager / head of service' },
    isServiceLead: true,
    guidance: 'Likely budget holder for Highways, transport and parking.',
  },
  match: { matchedText: 'West Yorkshire Combined Authority', former: null, source: 'employer' },
  card: westYorkshireCaCard,
};

/** A supplier-side profile: employer read, not a council; previously at a council. */
export const noCouncil: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/sophie-turner-govtech/',
  pageId: 'sophie-turner-govtech',
  status: 'no-council',
  person: { name: 'Sophie Turner', title: 'Account Director, Public Sector', employer: 'Brightwater Digital Ltd' },
  previously: [{ code: 'MAN', name: 'Manchester City Council' }],
};

/** A profile whose layout the adapters could not read. */
export const unreadable: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/j-k-smith-4b1a2c/',
  pageId: 'j-k-smith-4b1a2c',
  status: 'unreadable',
};

/** A new page view still being read. */
export const reading: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/in/amira-hussain-leeds/',
  pageId: 'amira-hussain-leeds',
  status: 'reading',
};

/** A page Council Lens does not read (the LinkedIn feed). */
export const unsupported: TabContext = {
  ...base,
  url: 'https://www.linkedin.com/feed/',
  pageId: null,
  pageKind: null,
  status: 'unsupported',
};

/** Every sample, by name, for screenshot scripts. */
export const previewContexts = {
  leedsServiceLead,
  ashfordProcurement,
  kentCompanyPage,
  harrogateFormer,
  westYorkshireCa,
  noCouncil,
  unreadable,
  reading,
  unsupported,
} satisfies Record<string, TabContext>;

/**
 * Timing for the Leeds head of adult services above, as on the day of the samples. The savings
 * lines and the contract are illustrative, not Leeds's published programme: a saving in 2027/28
 * makes 2026/27 the redesign year, and the contract's procurement window opens in 2027.
 */
export const leedsAdultsTiming: {
  today: string;
  councilName: string;
  councilHomepage: string;
  groupLabel: string;
  savings: TimingSavingsLine[];
  contracts: TimingContractLine[];
} = {
  today: '2026-11-22',
  councilName: leedsCard.officialName,
  councilHomepage: leedsCard.homepage ?? 'https://www.leeds.gov.uk/',
  groupLabel: 'Adult social care',
  savings: [
    {
      financialYear: '2027/28',
      kind: 'saving',
      status: 'proposed',
      amount: 1_200_000,
      description: 'Reablement and home care: redesign of the in-house offer',
      sourceUrl: 'https://www.leeds.gov.uk/',
      sourceTitle: 'Budget proposals (illustrative)',
    },
    {
      financialYear: '2028/29',
      kind: 'service-review',
      status: 'proposed',
      description: 'Review of day services for older people',
      sourceUrl: 'https://www.leeds.gov.uk/',
      sourceTitle: 'Medium term financial strategy (illustrative)',
    },
  ],
  contracts: [{ end: '2028-09-30', title: 'Home care framework', supplier: 'Illustrative Care Ltd' }],
};
