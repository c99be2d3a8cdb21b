import type { ServiceGroupId } from './groups';

/**
 * Words in job titles, by service group. The base is the `covers` column of
 * ../shared/spec/service-groups.csv; the rest is the vocabulary councils use in job titles
 * (tests/fixtures/recognition/job-titles.csv). Phrases are lower case, "&" written "and",
 * apostrophes dropped ("childrens"). A weight below 1 marks a word that only decides when nothing
 * more specific is present ("environment", "community", "social care").
 */
export const GROUP_PHRASES: Record<ServiceGroupId, Array<string | [string, number]>> = {
  'adult-social-care': [
    'adult social care', 'adult social services', 'adult services', 'adults services', 'adults',
    'adult care', 'adults and health', 'adults and wellbeing', 'adult social work', 'older people',
    'older adults', 'learning disability', 'learning disabilities', 'physical disability',
    'physical disabilities', 'disabilities', 'mental health', 'safeguarding adults', 'adult safeguarding',
    'adult commissioning', 'reablement', 'care homes', 'care home', 'home care', 'domiciliary care',
    'occupational therapy', 'occupational therapist', 'approved mental health professional',
    'deprivation of liberty', 'dols', 'direct payments', 'extra care', 'supported living', 'carers',
    'community care', 'hospital discharge', 'ageing well', 'independent living', 'care and support',
    'adult', 'autism', 'dementia', 'brokerage', 'care brokerage', 'sensory impairment', 'care act', 'prevention and wellbeing',
    // In-house provision (day services, reablement, shared lives) is adult social care unless
    // children are named: "Head of Provider Services", "Provider Services Manager - Children".
    ['provider services', 0.6], ['provider service', 0.6], ['in house provider services', 0.6], 'day services', 'shared lives',
    ['social care', 0.6], ['care', 0.3],
  ],
  'childrens-social-care': [
    'childrens social care', 'childrens services', 'children and families', 'children and young people',
    'childrens', 'children', 'young people', 'families', 'family support', 'family help', 'child protection',
    'safeguarding children', 'childrens safeguarding', 'looked after children', 'children in care',
    'children looked after', 'fostering', 'adoption', 'care leavers', 'leaving care', 'care experience',
    'care experienced', 'cared for', 'corporate parenting', 'early help', 'youth offending', 'youth justice',
    'youth services', 'youth service', 'youth work', 'youth', 'childrens homes', 'family hubs',
    'supporting families', 'troubled families', 'permanence', 'unaccompanied asylum seeking children',
    'independent reviewing officer', 'child', 'mash', 'multi agency safeguarding hub', 'edge of care',
  ],
  education: [
    'education', 'schools', 'school improvement', 'school', 'send', 'special educational needs',
    'special educational needs and disabilities', 'inclusion', 'educational psychology',
    'educational psychologist', 'early years', 'school places', 'admissions', 'school admissions',
    'home to school transport', 'adult learning', 'adult education', 'skills', 'virtual school',
    'attendance', 'education welfare', 'sufficiency', 'ehcp', 'education health and care',
    'learning and skills', 'post 16', 'apprenticeships', 'childcare', 'nursery', 'pupil', 'pupils',
    // Wirral's senior structure (tests/fixtures/recognition/job-titles-2.csv): "Head of Learning and Achievement".
    'achievement', 'learning and achievement', 'school standards',
  ],
  'public-health': [
    'public health', 'health improvement', 'sexual health', 'substance misuse', 'drugs and alcohol',
    'drug and alcohol', 'health protection', 'healthy lifestyles', 'smoking cessation', 'health and wellbeing',
    'health inequalities', 'obesity', 'healthy weight', 'health visiting', '0 19', 'population health',
    'epidemiology', 'epidemiologist', ['wellbeing', 0.6], ['health', 0.5],
  ],
  housing: [
    'housing', 'homelessness', 'homeless', 'housing options', 'housing strategy', 'housing needs',
    'landlord services', 'tenancy', 'tenancy sustainment', 'tenancy services', 'private sector housing',
    'disabled facilities grants', 'disabled facilities grant', 'dfg', 'allocations', 'lettings',
    'temporary accommodation', 'rough sleeping', 'council housing', 'housing management',
    'housing revenue account', 'tenant', 'tenants', 'home improvement agency', 'resident services',
  ],
  'highways-transport': [
    'highways', 'highway', 'transport', 'transportation', 'traffic', 'street lighting', 'parking',
    'road safety', 'fleet', 'passenger transport', 'concessionary fares', 'travel', 'bus', 'buses', 'rail',
    'roads', 'network management', 'streetworks', 'street works', 'transport planning', 'active travel',
    'bridges', 'civil enforcement', 'civil parking enforcement', 'traffic management', 'infrastructure', 'winter maintenance',
  ],
  waste: [
    'waste', 'recycling', 'street cleansing', 'cleansing', 'refuse', 'fly tipping', 'bins',
    'waste management', 'waste collection', 'waste disposal', 'streetscene', 'street scene',
    'environmental services', 'resources and waste',
  ],
  'environment-regulatory': [
    'environmental health', 'food safety', 'pollution', 'pest control', 'trading standards', 'licensing',
    'community safety', 'cctv', 'emergency planning', 'resilience', 'civil contingencies', 'climate change',
    'climate', 'sustainability', 'net zero', 'carbon', 'cemeteries', 'crematoria', 'crematorium',
    'bereavement', 'flood risk', 'flooding', 'regulatory services', 'regulatory', 'regulation', 'public protection',
    'environmental protection', 'noise', 'air quality', 'anti social behaviour', 'asb', 'enforcement',
    'neighbourhood enforcement', 'building safety', 'port health', 'animal welfare', 'biodiversity',
    'ecology', 'ecologist', ['environment', 0.7], ['environmental', 0.7],
  ],
  'planning-regeneration': [
    'planning', 'development management', 'planning policy', 'building control', 'economic development',
    'regeneration', 'business support', 'employment support', 'growth', 'inward investment',
    'place', 'major projects', 'town centre', 'town centres', 'levelling up', 'economy', 'employment and skills',
    'spatial planning', 'strategic planning', 'local plan', 'economic growth', 'city development',
    'planning enforcement', 'conservation', 'urban design', 'building surveyor', 'heritage at risk',
    'investment', 'place shaping', 'planner', 'development control', 'planning applications',
    // Before "waste" and "applications" match: a county's minerals and waste planning is planning.
    'minerals', 'minerals and waste', 'minerals and waste planning', 'waste planning',
    ['development', 0.6],
    // Tourism promotion is economic development (../shared/spec/service-groups.csv), but in a
    // title it mostly qualifies a cultural service ("Head of Culture and Tourism"), so it decides
    // only alone ("Tourism Manager") and does not make such a title span two services.
    ['tourism', 0.6],
  ],
  'culture-leisure': [
    'libraries', 'library', 'leisure', 'sport', 'sports', 'museums', 'museum', 'arts', 'culture', 'cultural',
    'heritage', 'archives', 'parks', 'open spaces', 'green spaces', 'countryside', 'events', 'theatre',
    'country park', 'country parks', 'grounds maintenance', 'physical activity', 'arts and culture',
    'visitor attractions', 'rights of way', 'allotments', 'librarian', 'archivist', 'curator', 'ranger',
  ],
  'revenues-benefits': [
    'revenues', 'benefits', 'revenues and benefits', 'council tax', 'business rates', 'housing benefit',
    'council tax support', 'debt recovery', 'exchequer', 'nndr', 'welfare benefits', 'welfare rights',
    'local welfare', 'income collection', 'recovery', 'financial assessments', 'financial assessment',
  ],
  'digital-ict': [
    'ict', 'information technology', 'digital', 'data', 'insight', 'information governance', 'cyber',
    'cyber security', 'gis', 'technology', 'information management', 'business intelligence', 'systems',
    'applications', 'analytics', 'data protection', 'records management', 'it', 'digital services',
    'infrastructure and operations', 'service desk', 'enterprise architecture', 'architecture',
    'chief digital officer', 'chief information officer', 'chief technology officer', 'chief data officer',
    'web', 'software', 'developer', 'devops', 'cloud', 'enterprise architect', 'solution architect',
    'solutions architect', 'technical architect', 'data architect', 'product manager', 'user research',
  ],
  finance: [
    'finance', 'financial', 'section 151', 'accountancy', 'accountant', 'internal audit', 'audit', 'insurance',
    'treasury', 'pensions', 'financial planning', 'strategic finance', 'corporate finance',
    'chief finance officer', 'chief financial officer', 'treasurer', 'auditor', 'internal auditor', 'risk', 'counter fraud', 'fraud',
    'resources', 'financial management', 'budget', 'budgets', 'capital finance', 'payments',
  ],
  procurement: [
    'procurement', 'commissioning support', 'contract management', 'contracts', 'commercial',
    'commercial services', 'income generation', 'trading companies', 'purchasing', 'buyer', 'category manager',
    'category management', 'supply chain', 'sourcing', 'contract manager', 'social value',
    'business development', ['commissioning', 0.5],
  ],
  'people-hr': [
    'human resources', 'hr', 'organisational development', 'od', 'workforce', 'learning and development',
    'l and d', 'payroll', 'health and safety', ['people', 0.5], 'people services', 'talent', 'recruitment',
    'employee relations', 'resourcing', 'occupational health', 'pay and reward', 'workforce development',
    'organisational change', 'training', 'people and culture', 'hr business partner', 'employment',
  ],
  'legal-democratic': [
    'legal', 'legal services', 'solicitor', 'lawyer', 'barrister', 'monitoring officer', 'democratic services',
    'democratic', 'committee services', ['committee', 0.5], 'governance', 'corporate governance', 'elections',
    'electoral services', 'electoral registration', 'member services', 'registrars', 'registration services',
    'registrar', 'coroner', 'coroners', 'land charges', 'scrutiny', 'paralegal', 'information rights', 'law',
  ],
  'customer-comms': [
    'customer services', 'customer service', 'customer', 'customers', 'contact centre', 'customer experience',
    'complaints', 'communications', 'marketing', 'engagement', 'consultation', 'press', 'media',
    'public relations', 'customer contact', 'communications and engagement', 'internal communications',
    'brand', 'campaigns', 'web content', 'social media', 'corporate communications', 'foi',
  ],
  'property-assets': [
    'estates', 'estate', 'asset management', 'assets', 'facilities management', 'facilities',
    'corporate buildings', 'capital projects', 'capital programme', 'energy management', 'energy',
    'school buildings', 'property', 'valuer', 'valuation', 'building maintenance', 'corporate landlord',
    'land', 'strategic property', 'property services', 'architect', 'construction', 'asset',
  ],
  'corporate-strategy': [
    'chief executive', 'deputy chief executive', 'managing director', 'policy', 'strategy', 'performance',
    'transformation', 'change', 'change programme', 'partnerships', 'equalities', 'equality',
    'equality diversity and inclusion', 'equality and diversity', 'diversity', 'communities', 'community',
    'voluntary sector', ['corporate', 0.4], 'business improvement', 'research', 'corporate strategy',
    'strategy and performance', 'policy and performance', 'programme management office', 'pmo', 'head of paid service',
    'improvement', 'programmes', 'corporate services', 'neighbourhoods', 'cohesion', 'executive office',
    'chief executives office', ['neighbourhood', 0.5],
    ['programme', 0.5], ['project', 0.3], ['projects', 0.3], ['business', 0.3],
  ],
};

/**
 * Abbreviations seen in council job titles, expanded before matching: "AD Highways" is an
 * assistant director, "DASS" the statutory director of adult social services. Keys are the
 * lower-cased token; `caps` means the token must be written in capitals ("AD", "IT", "MO").
 */
export const TITLE_ABBREVIATIONS: Record<string, { to: string; caps?: boolean }> = {
  ad: { to: 'assistant director', caps: true },
  dcs: { to: 'director of childrens services' },
  dass: { to: 'director of adult social services' },
  dph: { to: 'director of public health' },
  hos: { to: 'head of service' },
  ceo: { to: 'chief executive' },
  cex: { to: 'chief executive' },
  coo: { to: 'chief operating officer' },
  cfo: { to: 'chief finance officer' },
  cio: { to: 'chief information officer' },
  cdo: { to: 'chief digital officer' },
  cto: { to: 'chief technology officer' },
  cdio: { to: 'chief digital officer' },
  s151: { to: 'section 151 officer' },
  cllr: { to: 'councillor' },
  dir: { to: 'director' },
  mgr: { to: 'manager' },
  snr: { to: 'senior' },
  sr: { to: 'senior', caps: true },
  asst: { to: 'assistant' },
  dep: { to: 'deputy' },
  exec: { to: 'executive' },
  ops: { to: 'operations' },
  comms: { to: 'communications' },
  ict: { to: 'ict' },
  it: { to: 'it', caps: true },
  asc: { to: 'adult social care' },
  csc: { to: 'childrens social care' },
  sen: { to: 'special educational needs', caps: true },
  ot: { to: 'occupational therapist', caps: true },
  amhp: { to: 'approved mental health professional' },
  bi: { to: 'business intelligence', caps: true },
  cx: { to: 'customer experience', caps: true },
  lac: { to: 'looked after children', caps: true },
  yot: { to: 'youth offending' },
  yos: { to: 'youth offending' },
  iro: { to: 'independent reviewing officer' },
  mo: { to: 'monitoring officer', caps: true },
  ph: { to: 'public health', caps: true },
  eh: { to: 'environmental health', caps: true },
  hra: { to: 'housing revenue account' },
  edi: { to: 'equality diversity and inclusion' },
  ehcp: { to: 'ehcp' },
  pa: { to: 'personal assistant', caps: true },
  bp: { to: 'business partner', caps: true },
  'co-ordinator': { to: 'coordinator' },
};
