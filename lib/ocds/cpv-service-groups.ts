import { z } from 'zod';
import { SERVICE_GROUP_IDS, type ServiceGroupId } from '@/lib/roles/groups';

/**
 * CPV codes and notice text -> council service groups (ids of ../shared/spec/service-groups.csv).
 *
 * The CPV code is the primary signal: a table of CPV prefixes (CPV 2008, ../shared/data/cpv_2008_en.json;
 * the hierarchy is the code with its trailing zeros trimmed) where the longest prefix wins. A few
 * prefixes cover more than one group and are decided by the words of the notice (social work:
 * children or adults; passenger transport: home to school or not; consultancy and other generic
 * business services: by topic). Keywords in the title are a secondary signal and can add groups;
 * the description is only read when neither the CPV codes nor the title gave a group.
 */

/** Service group ids of ../shared/spec/service-groups.csv, from lib/roles/groups.ts (tested there against the file). */
export const ServiceGroupIdSchema = z.enum(SERVICE_GROUP_IDS);
export type { ServiceGroupId };

/** A table row decided by the notice's words rather than fixed groups. */
type Decider = 'social-work' | 'health-and-social-work' | 'passenger-transport' | 'by-topic';
type Entry = readonly ServiceGroupId[] | Decider;

/**
 * 8-digit CPV code -> groups. Labels are from CPV 2008. Codes not listed here (nor under a listed
 * prefix) give no group: goods such as medical consumables or laboratory equipment say nothing
 * about which council service buys them.
 */
const CPV_TABLE: readonly (readonly [string, Entry])[] = [
  // Waste and street cleansing
  ['90500000', ['waste']], // Refuse and waste related services
  ['90600000', ['waste']], // Cleaning and sanitation services in urban or rural areas
  ['90610000', ['waste']], // Street-cleaning and sweeping services
  ['90620000', ['highways-transport']], // Snow-clearing services
  ['90630000', ['highways-transport']], // Ice-clearing services
  ['90640000', ['highways-transport']], // Gully cleaning and emptying services
  ['90650000', ['property-assets']], // Asbestos removal services
  ['90670000', ['environment-regulatory']], // Disinfecting and exterminating services in urban or rural areas
  ['90690000', ['waste']], // Graffiti removal services
  ['34144510', ['waste']], // Vehicles for refuse
  ['34928480', ['waste']], // Waste and rubbish containers and bins
  ['44613800', ['waste']], // Containers for waste material
  ['79723000', ['waste']], // Waste analysis services
  // Environmental health, regulation and community safety
  ['90400000', ['environment-regulatory']], // Sewage services
  ['90700000', ['environment-regulatory']], // Environmental services
  ['90920000', ['environment-regulatory']], // Facility related sanitation services (pest control)
  ['71313000', ['environment-regulatory']], // Environmental engineering consultancy services
  ['45240000', ['environment-regulatory']], // Construction work for water projects (coastal and flood defence)
  ['98371000', ['environment-regulatory']], // Funeral services (cemeteries, cremation)
  ['98380000', ['environment-regulatory']], // Dog kennel services
  ['75240000', ['environment-regulatory']], // Public security, law and order services
  ['35120000', ['environment-regulatory', 'property-assets']], // Surveillance and security systems and devices (CCTV)
  ['92222000', ['environment-regulatory']], // Closed circuit television services
  // Highways, transport and parking
  ['45233000', ['highways-transport']], // Construction, foundation and surface works for highways, roads
  ['45221000', ['highways-transport']], // Construction work for bridges and tunnels, shafts and subways
  ['45316000', ['highways-transport']], // Installation work of illumination and signalling systems
  ['45112730', ['highways-transport']], // Landscaping work for roads and motorways
  ['34100000', ['highways-transport']], // Motor vehicles (fleet)
  ['34144700', ['highways-transport']], // Utility vehicles
  ['34920000', ['highways-transport']], // Road equipment
  ['34996000', ['highways-transport']], // Control, safety or signalling equipment for roads
  ['44113000', ['highways-transport']], // Road-construction materials
  ['50100000', ['highways-transport']], // Repair and maintenance of vehicles (fleet)
  ['50230000', ['highways-transport']], // Repair and maintenance of roads and other equipment
  ['60000000', 'passenger-transport'], // Transport services (excl. Waste transport)
  ['60400000', []], // Air transport services
  ['63712000', ['highways-transport']], // Support services for road transport (parking)
  ['71311200', ['highways-transport']], // Transport systems consultancy services
  ['98351000', ['highways-transport']], // Car park management services
  // Education and skills
  ['80000000', ['education']], // Education and training services
  ['80500000', ['people-hr']], // Training services (staff learning and development)
  ['80530000', ['education']], // Vocational training services (skills)
  ['55524000', ['education']], // School catering services
  ['39160000', ['education']], // School furniture
  ['85312110', ['education']], // Child daycare services (early years)
  // Social care
  ['85000000', 'health-and-social-work'], // Health and social work services
  ['85300000', 'social-work'], // Social work and related services
  ['85311100', ['adult-social-care']], // Welfare services for the elderly
  ['85311200', ['adult-social-care']], // Welfare services for the handicapped
  ['85311300', ['childrens-social-care']], // Welfare services for children and young people
  ['85312120', ['childrens-social-care']], // Daycare services for handicapped children and young people
  ['85312200', ['adult-social-care']], // Homedelivery of provisions
  ['85312500', ['adult-social-care']], // Rehabilitation services
  ['85144000', 'social-work'], // Residential health facilities services (nursing homes, children's residential placements)
  ['55521100', ['adult-social-care']], // Meals-on-wheels services
  ['33196000', ['adult-social-care']], // Medical aids (aids for the disabled)
  // Public health
  ['85100000', ['public-health']], // Health services
  ['85323000', ['public-health']], // Community health services
  ['85147000', ['people-hr']], // Company health services (occupational health)
  // Housing
  ['70333000', ['housing']], // Housing services
  ['70331000', ['housing']], // Residential property services
  ['98341000', ['housing']], // Accommodation services
  ['45211000', ['housing']], // Construction work for multi-dwelling buildings and individual houses
  ['45215210', ['housing']], // Construction work for subsidised residential accommodation
  ['44115600', ['housing']], // Stairlifts (home adaptations)
  // Property, assets and facilities
  ['45000000', ['property-assets']], // Construction work
  ['45212000', ['culture-leisure', 'property-assets']], // Construction work for leisure, sports, culture buildings
  ['45236000', ['culture-leisure']], // Flatwork for sports and recreation facilities
  ['45112700', ['culture-leisure']], // Landscaping work
  ['44221000', ['property-assets']], // Windows, doors and related items
  ['42416100', ['property-assets']], // Lifts
  ['39100000', ['property-assets']], // Furniture
  ['39800000', ['property-assets']], // Cleaning and polishing products
  ['50700000', ['property-assets']], // Repair and maintenance services of building installations
  ['70000000', ['property-assets']], // Real estate services
  ['71200000', ['property-assets']], // Architectural and related services
  ['71250000', ['property-assets']], // Architectural, engineering and surveying services
  ['71314000', ['property-assets']], // Energy and related services
  ['71315000', ['property-assets']], // Building services
  ['71324000', ['property-assets']], // Quantity surveying services
  ['71334000', ['property-assets']], // Mechanical and electrical engineering services
  ['71355000', ['property-assets']], // Surveying services
  ['71500000', ['property-assets']], // Construction-related services
  ['79710000', ['property-assets']], // Security services
  ['79993000', ['property-assets']], // Building and facilities management services
  ['90900000', ['property-assets']], // Cleaning and sanitation services (buildings)
  ['55500000', ['property-assets']], // Canteen and catering services
  ['09300000', ['property-assets']], // Electricity, heating, solar and nuclear energy
  ['65000000', ['property-assets']], // Public utilities
  ['98392000', ['property-assets']], // Relocation services
  // Digital, ICT and data
  ['48000000', ['digital-ict']], // Software package and information systems
  ['72000000', ['digital-ict']], // IT services: consulting, software development, Internet and support
  ['30000000', ['digital-ict']], // Office and computing machinery, equipment and supplies
  ['32000000', ['digital-ict']], // Radio, television, communication, telecommunication and related equipment
  ['50300000', ['digital-ict']], // Repair and maintenance of personal computers, office and telecommunications equipment
  ['51600000', ['digital-ict']], // Installation services of computers and office equipment
  ['64200000', ['digital-ict']], // Telecommunications services
  ['71354000', ['digital-ict']], // Map-making services (GIS)
  // Finance, audit and insurance
  ['66000000', ['finance']], // Financial and insurance services
  ['79200000', ['finance']], // Accounting, auditing and fiscal services
  ['79211110', ['people-hr']], // Payroll management services
  // Revenues and benefits
  ['79940000', ['revenues-benefits']], // Collection agency services (debt recovery)
  ['75300000', ['revenues-benefits']], // Compulsory social security services (benefits)
  // Legal, governance and democratic services
  ['79100000', ['legal-democratic']], // Legal services
  ['75111000', ['legal-democratic']], // Executive and legislative services
  // HR
  ['79600000', ['people-hr']], // Recruitment services
  ['79414000', ['people-hr']], // Human resources management consultancy services
  ['79417000', ['people-hr']], // Safety consultancy services
  // Procurement
  ['79418000', ['procurement']], // Procurement consultancy services
  // Customer services and communications
  ['79340000', ['customer-comms']], // Advertising and marketing services
  ['79416000', ['customer-comms']], // Public relations services
  ['79510000', ['customer-comms']], // Telephone-answering services (79512000 call centre)
  ['79310000', ['customer-comms']], // Market research services (surveys, consultation)
  ['79520000', ['customer-comms']], // Reprographic services
  ['79530000', ['customer-comms']], // Translation services
  ['79540000', ['customer-comms']], // Interpretation services
  ['79571000', ['customer-comms']], // Mailing services
  ['79800000', ['customer-comms']], // Printing and related services
  ['79970000', ['customer-comms']], // Publishing services
  ['64100000', ['customer-comms']], // Post and courier services
  ['22460000', ['customer-comms']], // Trade-advertising material
  // Culture, leisure, libraries and parks
  ['92000000', ['culture-leisure']], // Recreational, cultural and sporting services
  ['77300000', ['culture-leisure']], // Horticultural services (parks, grounds maintenance)
  ['77200000', ['culture-leisure']], // Forestry services
  ['43325000', ['culture-leisure']], // Park and playground equipment
  ['37000000', ['culture-leisure']], // Musical instruments, sport goods, games, toys
  ['22100000', ['culture-leisure']], // Printed books, brochures and leaflets (libraries)
  ['79950000', ['culture-leisure']], // Exhibition, fair and congress organisation services (events)
  // Planning and regeneration
  ['71400000', ['planning-regeneration']], // Urban planning and landscape architectural services
  ['79411100', ['planning-regeneration']], // Business development consultancy services
  ['63513000', ['planning-regeneration']], // Tourist information services
  ['75125000', ['planning-regeneration']], // Administrative services related to tourism affairs
  // Generic business services: decided by topic
  ['79000000', 'by-topic'], // Business services: law, marketing, consulting, recruitment, printing and security
  ['79400000', 'by-topic'], // Business and management consultancy and related services
  ['73000000', 'by-topic'], // Research and development services and related consultancy services
];

/** Code without trailing zeros, at least the 2-digit division: the CPV hierarchy prefix. */
function cpvPrefix(code: string): string {
  let end = code.length;
  while (end > 2 && code[end - 1] === '0') end -= 1;
  return code.slice(0, end);
}

const TABLE: ReadonlyMap<string, Entry> = new Map(CPV_TABLE.map(([code, entry]) => [cpvPrefix(code), entry]));

/** A keyword rule: words that put a notice in a group, unless `unless` also matches. */
interface KeywordRule {
  group: ServiceGroupId;
  words: RegExp;
  unless?: RegExp;
}

const SCHOOL_TRANSPORT = /\b(?:home[- ]to[- ]school|school transport|pupil transport|transport(?:ing)? (?:of )?pupils|send transport|school (?:bus|taxi)|(?:to|from) school)\b/i;

/**
 * Topic keywords. Phrases rather than single words where a word is also notice boilerplate:
 * "community benefits" (PCS, Sell2Wales), "market engagement event" (Contracts Finder),
 * "intellectual property", "software licensing", "procurement" are all common in notices about
 * something else.
 */
const KEYWORD_RULES: readonly KeywordRule[] = [
  {
    group: 'childrens-social-care',
    words:
      /\b(?:children'?s (?:social care|services|homes?|residential)|cyp|children in care|looked[- ]after|foster(?:ing|\s+care|\s+carers?)?|adoption|care leavers?|child protection|early help|family support|youth (?:services?|offending|work|justice)|young people|unaccompanied asylum|semi[- ]independent|placements? for children)\b/i,
  },
  {
    group: 'adult-social-care',
    words:
      /\b(?:adult social care|older (?:people|persons?|adults)|elderly|dementia|learning disabilit(?:y|ies)|physical disabilit(?:y|ies)|domiciliary|home ?care|care at home|care homes?|residential care|nursing care|supported living|extra care|reablement|day (?:opportunities|centres?|services)|meals on wheels|telecare|community equipment|direct payments|safeguarding adults)\b/i,
  },
  {
    group: 'education',
    words:
      /\b(?:schools?|pupils?|special educational needs|early years|nurser(?:y|ies)|education(?:al)?|teaching|tuition|apprenticeships?|adult learning|further education|skills (?:training|programme))\b/i,
  },
  {
    group: 'public-health',
    words:
      /\b(?:public health|sexual health|substance misuse|drugs? and alcohol|alcohol (?:treatment|services)|smoking cessation|stop smoking|health visit(?:ing|ors?)|school nursing|nhs health checks?|weight management|healthy lifestyles?|health improvement|0-19)\b/i,
  },
  {
    group: 'housing',
    words:
      /\b(?:housing|homeless(?:ness)?|tenants?|tenancy|tenancies|temporary accommodation|dwellings?|council homes|voids|void (?:properties|property|works|repairs)|disabled facilities grants?)\b/i,
  },
  {
    group: 'highways-transport',
    words:
      /\b(?:highways?|roads|road (?:safety|maintenance|markings?|works)|resurfacing|carriageways?|footways?|potholes?|street ?lighting|traffic|parking|car parks?|buses|bus (?:services?|shelters?|station)|passenger transport|concessionary|fleet|gritting|winter maintenance|bridges|cycle (?:lanes?|routes?|ways?)|active travel|ev charg(?:ing|ers?)|electric vehicle charg(?:ing|ers?)|chargepoints?|taxis?|transport)\b/i,
    unless: SCHOOL_TRANSPORT,
  },
  {
    group: 'waste',
    words:
      /\b(?:waste|refuse|recycling|litter|fly[- ]?tipping|street (?:cleansing|cleaning)|household waste|hwrc|landfill|composting|sweepers?|wheelie bins?|bins)\b/i,
  },
  {
    group: 'environment-regulatory',
    words:
      /\b(?:environmental health|food (?:safety|hygiene)|pollution|air quality|pest control|trading standards|(?:taxi|alcohol|premises|animal) licensing|licensing (?:authority|service|team|enforcement)|community safety|cctv|emergency planning|climate (?:change|emergency)|net zero|decarboni[sz]ation|cemeter(?:y|ies)|cremat(?:orium|oria|ion)|bereavement|flood(?:ing)?|coastal (?:protection|defences?)|contaminated land|dog wardens?|stray dogs|anti[- ]social behaviour)\b/i,
  },
  {
    group: 'planning-regeneration',
    words:
      /\b(?:town planning|spatial planning|planning polic(?:y|ies)|local plan|development management|planning applications?|building control|regeneration|economic development|business support|town centres?|high streets?|masterplan(?:ning)?|levelling up|shared prosperity|ukspf|inward investment|employability|employment support|tourism|destination management)\b/i,
  },
  {
    group: 'culture-leisure',
    words:
      /\b(?:librar(?:y|ies)|museums?|leisure|sports? (?:centres?|facilities|pitch(?:es)?|development)|swimming|theatres?|the arts|arts (?:centre|council|development)|heritage|archives?|(?<!car )parks|country parks?|park (?:maintenance|improvements?|management|rangers?)|playgrounds?|play areas?|open spaces?|grounds maintenance|countryside|allotments?|festivals?|galler(?:y|ies)|cultural|grass cutting|tree (?:works|surgery|planting|maintenance))\b/i,
  },
  {
    group: 'revenues-benefits',
    words:
      /\b(?:council tax|business rates|nndr|housing benefits?|revenues and benefits|welfare benefits|debt recovery|enforcement agents?|bailiffs?|discretionary housing payments?)\b/i,
  },
  {
    group: 'digital-ict',
    words:
      /\b(?:software|ict|digital|cyber|network infrastructure|wide area network|wi-?fi|broadband|data cent(?:re|er)|cloud|(?:web |cloud |managed )?hosting services?|web hosting|websites?|web site|telephony|laptops?|computers?|servers?|gis|information governance|saas|microsoft)\b/i,
  },
  {
    group: 'finance',
    words:
      /\b(?:internal audit|external audit|audit services|auditors?|insurance|treasury management|accountancy|financial (?:advice|services|systems|consultancy)|pensions?|banking services)\b/i,
  },
  {
    group: 'procurement',
    words: /\b(?:procurement (?:consultancy|support|advice|advisory)|category management|contract management (?:services|support)|purchasing consortium)\b/i,
  },
  {
    group: 'people-hr',
    words:
      /\b(?:recruitment|payroll|occupational health|employee assistance|staff survey|hr system|human resources|workforce development|learning and development|agency (?:staff|workers)|temporary staff|interim (?:staff|resources?))\b/i,
  },
  {
    group: 'legal-democratic',
    words: /\b(?:legal (?:services|advice|advisers?|support)|solicitors?|barristers?|elections?|electoral|coroners?|registration service|registrars?|committee management|democratic services)\b/i,
  },
  {
    group: 'customer-comms',
    words:
      /\b(?:contact cent(?:re|er)|call cent(?:re|er)|customer (?:services?|contact|experience)|complaints handling|communications (?:campaign|strategy|support|services)|marketing|advertising|public relations|public consultation|resident engagement|translation|interpreting)\b/i,
  },
  {
    group: 'property-assets',
    words:
      /\b(?:facilities management|building maintenance|estates? management|asset management|property (?:services|maintenance|management)|corporate buildings|office accommodation|refurbishment|roofing|roof (?:works|repairs?|replacement)|boilers?|heating|ventilation|mechanical and electrical|lifts|asbestos|cleaning services|security guard(?:s|ing)?|energy management|solar (?:panels|pv)|photovoltaic|heat pumps?)\b/i,
  },
  {
    group: 'corporate-strategy',
    words:
      /\b(?:transformation|change programme|reorganisation|lgr|business case|organisational design|strategic review|equalit(?:y|ies)|voluntary (?:and community )?sector|vcse|performance management|policy development)\b/i,
  },
];

/** Acronyms read only in capitals: "it" is a pronoun and "send" a verb. */
const CAPITALS_RULES: readonly KeywordRule[] = [
  { group: 'digital-ict', words: /\bIT\b/ },
  { group: 'education', words: /\bSEND\b/ },
];

const CHILD_HINTS =
  /\b(?:child(?:ren)?(?:'s)?|young (?:people|persons?)|youth|foster(?:ing)?|looked[- ]after|care leavers?|adoption|famil(?:y|ies)|juveniles?|adolescents?|teenagers?|unaccompanied)\b/i;
const ADULT_HINTS =
  /\b(?:adults?|older (?:people|persons?)|elderly|dementia|learning disabilit(?:y|ies)|physical disabilit(?:y|ies)|domiciliary|care homes?|nursing homes?|supported living|reablement|extra care)\b/i;
const HEALTH_HINTS = /\b(?:health|clinical|medical|nhs|patients?|hospitals?|gp|mental health|therapy|pharmac(?:y|ies))\b/i;

/** Only the first part of a description is read: that is where the topic is; the tail is boilerplate. */
const DESCRIPTION_CHARS = 1000;
/** Links say nothing about the topic and hold words that do ("health-family.force.com"). */
const URLS = /\b(?:https?:\/\/|www\.)\S*/gi;

function socialWorkGroups(text: string): ServiceGroupId[] {
  const child = CHILD_HINTS.test(text);
  const adult = ADULT_HINTS.test(text);
  // Children first when both are named: adult words ("domiciliary care", "residential") also
  // describe children's services, children's words rarely describe adults' services.
  if (child) return adult ? ['childrens-social-care', 'adult-social-care'] : ['childrens-social-care'];
  if (adult) return ['adult-social-care'];
  // Social work with no age group named: both social care groups buy it.
  return ['adult-social-care', 'childrens-social-care'];
}

function decide(decider: Decider, text: string): ServiceGroupId[] {
  switch (decider) {
    case 'social-work':
      return socialWorkGroups(text);
    case 'health-and-social-work': {
      if (CHILD_HINTS.test(text) || ADULT_HINTS.test(text)) return socialWorkGroups(text);
      return HEALTH_HINTS.test(text) ? ['public-health'] : [];
    }
    case 'passenger-transport':
      return SCHOOL_TRANSPORT.test(text) ? ['education'] : ['highways-transport'];
    case 'by-topic':
      return keywordGroups(text);
  }
}

function keywordGroups(text: string): ServiceGroupId[] {
  const groups: ServiceGroupId[] = [];
  for (const rule of KEYWORD_RULES) {
    if (rule.words.test(text) && !(rule.unless?.test(text) ?? false)) groups.push(rule.group);
  }
  for (const rule of CAPITALS_RULES) {
    if (!groups.includes(rule.group) && rule.words.test(text)) groups.push(rule.group);
  }
  return groups;
}

/** The table entry for one 8-digit code: the longest listed prefix. */
function entryFor(code: string): Entry | undefined {
  for (let length = Math.min(code.length, 8); length >= 2; length -= 1) {
    const entry = TABLE.get(code.slice(0, length));
    if (entry !== undefined) return entry;
  }
  return undefined;
}

export interface ServiceGroupInput {
  /** 8-digit CPV codes, main classification first. */
  cpv: readonly string[];
  title: string;
  description: string;
}

/**
 * Service groups of a notice, most specific first: groups of the CPV codes (in code order, each
 * by its longest table prefix), then groups named by the title, then, only if there are none yet,
 * groups named by the start of the description. Unique ids.
 */
export function serviceGroupsFor({ cpv, title, description }: ServiceGroupInput): ServiceGroupId[] {
  const start = description.slice(0, DESCRIPTION_CHARS).replace(URLS, ' ');
  const text = `${title}\n${start}`;
  const groups = new Set<ServiceGroupId>();
  for (const code of cpv) {
    const entry = entryFor(code);
    if (entry === undefined) continue;
    for (const group of typeof entry === 'string' ? decide(entry, text) : entry) groups.add(group);
  }
  for (const group of keywordGroups(title)) groups.add(group);
  if (groups.size === 0) {
    for (const group of keywordGroups(start)) groups.add(group);
  }
  return [...groups];
}
