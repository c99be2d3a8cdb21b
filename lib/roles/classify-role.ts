import type { Role } from './role';
import { seniorityLabel, serviceGroupLabel, type SeniorityId, type ServiceGroupId } from './groups';
import { GROUP_PHRASES, TITLE_ABBREVIATIONS } from './vocabulary';

/** What a job title says. Ids are those of ../shared/spec/service-groups.csv and seniority.csv. */
export interface RoleClassification {
  /** The service or function the person works in; for procurement, IT, finance, HR, legal and comms staff, that function. */
  serviceGroup: ServiceGroupId | null;
  seniority: SeniorityId | null;
  /** Head of service, assistant director or director of a service: the budget holder to approach. */
  isServiceLead: boolean;
  /** For function staff attached to a service ("Procurement Manager - Children's Services"): that service. */
  servesGroup: ServiceGroupId | null;
  /** "Interim" or "Acting" in the title. */
  interim: boolean;
}

/**
 * Groups whose staff are a route in rather than the budget holder for a service redesign
 * (issue 3: "Procurement and IT staff are a route in, not usually the budget holder").
 */
const ROUTE_IN: ReadonlySet<ServiceGroupId> = new Set(['procurement', 'digital-ict']);

/** Corporate functions: when a title names one of these and a service, the person works in the function. */
const FUNCTIONS: ReadonlySet<ServiceGroupId> = new Set([
  'procurement',
  'digital-ict',
  'finance',
  'people-hr',
  'legal-democratic',
  'customer-comms',
]);

interface Phrase {
  words: string[];
  group: ServiceGroupId;
  weight: number;
}

const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const [group, list] of Object.entries(GROUP_PHRASES) as Array<[ServiceGroupId, Array<string | [string, number]>]>) {
  for (const item of list) {
    const [text, weight] = typeof item === 'string' ? [item, 1] : item;
    const words = text.split(' ');
    const bucket = PHRASES_BY_FIRST.get(words[0]!) ?? [];
    bucket.push({ words, group, weight });
    PHRASES_BY_FIRST.set(words[0]!, bucket);
  }
}

/**
 * Lower-cased words of a title with abbreviations expanded; `|` marks a break (comma, dash,
 * bracket, slash) because "Head of Service, Cared 4 & Care Experience Service" names the service
 * after the comma.
 */
function titleWords(title: string): string[] {
  const spaced = title
    .replace(/&amp;/gi, ' and ')
    .replace(/&/g, ' and ')
    .replace(/['\u2019\u2018`]/g, '')
    .replace(/\bs\.?\s?151\b/gi, ' s151 ')
    .replace(/\bco-ordinator/gi, 'coordinator')
    .replace(/\bl\s?and\s?d\b/gi, ' l and d ')
    .replace(/[,;:|/()[\]\u2013\u2014\u00b7•]+|\s-\s|\s-|-\s/g, ' | ')
    .replace(/-/g, ' ');
  const out: string[] = [];
  for (const raw of spaced.split(/\s+/)) {
    if (!raw) continue;
    if (raw === '|') {
      if (out.length && out[out.length - 1] !== '|') out.push('|');
      continue;
    }
    const cleaned = raw.replace(/[^\p{L}\p{N}]/gu, '');
    if (!cleaned) continue;
    const lower = cleaned.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const abbr = TITLE_ABBREVIATIONS[lower];
    const isCaps = cleaned.length > 1 && cleaned === cleaned.toUpperCase() && /\p{L}/u.test(cleaned);
    if (abbr && (!abbr.caps || isCaps)) out.push(...abbr.to.split(' '));
    // "Cared 4", "Families 4 Change": a digit standing for a word.
    else if (lower === '4') out.push('for');
    else out.push(lower);
  }
  while (out[0] === '|') out.shift();
  while (out[out.length - 1] === '|') out.pop();
  return out;
}

interface GroupHit {
  group: ServiceGroupId;
  score: number;
  at: number;
  /** Words the phrase spans. */
  length: number;
  weight: number;
}

/** Every service-group phrase in the title, longest phrase at each position. */
function groupHits(words: string[]): GroupHit[] {
  const hits: GroupHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const bucket = PHRASES_BY_FIRST.get(words[i]!);
    if (!bucket) continue;
    let best: Phrase | null = null;
    for (const p of bucket) {
      if (p.words.length > words.length - i) continue;
      if (!p.words.every((w, k) => words[i + k] === w)) continue;
      if (!best || p.words.length * p.weight > best.words.length * best.weight) best = p;
    }
    if (best) {
      hits.push({ group: best.group, score: best.words.length * best.weight, at: i, length: best.words.length, weight: best.weight });
      i += best.words.length - 1;
    }
  }
  return hits;
}

/** Client groups that qualify the service named after them: "Children's Education", "Adults Commissioning and Specialist Services". */
const CLIENT_WORDS = new Set(['childrens', 'children', 'adult', 'adults']);
const CLIENT_GROUPS: ReadonlySet<ServiceGroupId> = new Set(['childrens-social-care', 'adult-social-care']);

function pickGroup(hits: GroupHit[], words: readonly string[]): { group: ServiceGroupId | null; serves: ServiceGroupId | null } {
  if (hits.length === 0) return { group: null, serves: null };
  const byScore = [...hits].sort((a, b) => b.score - a.score || a.at - b.at);
  // The first specific service named leads ("Director of Digital and Customer Services" is digital);
  // weak words ("environment", "programme") decide only when nothing specific is named.
  let best = hits.find((h) => h.weight >= 1) ?? byScore[0]!;
  // "Assistant Director Children's Education" (Lincolnshire's senior posts, issue 18): a client
  // group right before another service says whose; the service is the one named after it.
  const next = hits.find((h) => h.at === best.at + best.length);
  if (best.length === 1 && CLIENT_WORDS.has(words[best.at]!) && next && next.weight >= 1 && next.group !== best.group && !FUNCTIONS.has(next.group)) best = next;
  // "Assistant Director of Improvement, Partnerships and Prevention (Adults)": generic words of
  // improvement or change, then the client group alone in the last segment, which names the service.
  const tail = hits[hits.length - 1]!;
  if (best.group === 'corporate-strategy' && CLIENT_GROUPS.has(tail.group) && tail.at === words.length - tail.length && words[tail.at - 1] === '|') best = tail;
  // "Procurement Manager - Children's Services", "Finance Business Partner (Adults)": the person
  // works in the function; the service is who they serve.
  const fn = byScore.find((h) => FUNCTIONS.has(h.group) && h.weight >= 1);
  if (fn && (best.group === 'corporate-strategy' || FUNCTIONS.has(best.group))) {
    // Beside leadership words the function serves no service: "Strategy and Governance" leads both
    // (none dominant, no group); "Transformation, Systems and Performance" is mostly change.
    const settled = functionBesideCorporate(hits, words, fn.group);
    if (settled !== undefined) return { group: settled, serves: null };
  }
  // "Corporate Director, Public Protection, Planning and Governance": a function listed after two
  // services it is one of, not the one it serves; the title spans them.
  if (fn && !FUNCTIONS.has(best.group) && fn.at > best.at && spansSeveral(hits, words)) return { group: null, serves: null };
  if (fn && !FUNCTIONS.has(best.group)) {
    return { group: fn.group, serves: best.group };
  }
  const serves = byScore.find((h) => h.group !== best.group && !FUNCTIONS.has(h.group) && h.weight >= 1);
  // "Director of Law, HR and Asset Management" (Wirral's senior structure): three or more groups
  // listed side by side, each named once, with none dominant, functions among them.
  if (FUNCTIONS.has(best.group) && listsThreeOnce(hits, words)) return { group: null, serves: null };
  if (FUNCTIONS.has(best.group)) return { group: best.group, serves: serves ? serves.group : null };
  if (spansSeveral(hits, words)) return { group: null, serves: null };
  return { group: best.group, serves: null };
}

/**
 * Whether a title leads several services with none dominant, which has no group
 * (../shared/spec/README.md): services named side by side, joined by "and" or a comma ("Director
 * of Adults and Children's Services", "Head of Waste, Parks and Highways"), none named more often
 * than the others. A service named more often dominates ("Head of Admissions and School
 * Transport" is education), and a qualifier is not a second service ("Transport Planner",
 * "Head of Waste Strategy": strategy is corporate-strategy's word).
 */
function spansSeveral(hits: readonly GroupHit[], words: readonly string[]): boolean {
  // "Public Health Programme Officer (Children)": a client group alone in the last segment, after
  // a service, says whose work it is, not a second service.
  const whose = (h: GroupHit) => CLIENT_GROUPS.has(h.group) && h !== hits[0] && h.at === words.length - h.length && words[h.at - 1] === '|';
  const services = hits.filter((h) => h.weight >= 1 && !FUNCTIONS.has(h.group) && h.group !== 'corporate-strategy' && !whose(h));
  const counts = new Map<ServiceGroupId, number>();
  for (const h of services) counts.set(h.group, (counts.get(h.group) ?? 0) + 1);
  if (counts.size < 2) return false;
  const top = Math.max(...counts.values());
  const leaders = new Set([...counts].filter(([, n]) => n === top).map(([g]) => g));
  if (leaders.size < 2) return false;
  for (let k = 1; k < services.length; k++) {
    const a = services[k - 1]!;
    const b = services[k]!;
    if (a.group === b.group || !leaders.has(a.group) || !leaders.has(b.group)) continue;
    const between = words.slice(a.at + a.length, b.at);
    if (between.includes('and') || between.includes('|')) return true;
  }
  return false;
}

/**
 * A function's title with leadership words and no service: the leadership words when named more
 * often ("Transformation, Systems and Performance"), none when as often and listed side by side
 * ("Strategy and Governance"); undefined when a service is named too, or the two are not a list
 * ("Head of Digital Transformation" is digital).
 */
function functionBesideCorporate(hits: readonly GroupHit[], words: readonly string[], fn: ServiceGroupId): ServiceGroupId | null | undefined {
  const strong = hits.filter((h) => h.weight >= 1);
  if (strong.some((h) => h.group !== fn && h.group !== 'corporate-strategy')) return undefined;
  const corporate = strong.filter((h) => h.group === 'corporate-strategy').length;
  const functions = strong.filter((h) => h.group === fn).length;
  if (corporate === 0) return undefined;
  if (corporate > functions) return 'corporate-strategy';
  if (corporate === functions && listed(strong, words)) return null;
  return undefined;
}

/** Whether the title's specific words name three or more groups, each once, as a list ("Law, HR and Asset Management"). */
function listsThreeOnce(hits: readonly GroupHit[], words: readonly string[]): boolean {
  const strong = hits.filter((h) => h.weight >= 1);
  const groups = new Set(strong.map((h) => h.group));
  // A client group after a function says whom it serves ("HR Business Partner - Adults and Housing").
  if (groups.size < 3 || groups.size !== strong.length || strong.some((h) => CLIENT_GROUPS.has(h.group))) return false;
  for (let k = 1; k < strong.length; k++) {
    // Only list words between: "Finance Business Partner - Adults and Children" serves two services.
    const between = words.slice(strong[k - 1]!.at + strong[k - 1]!.length, strong[k]!.at);
    if (between.length === 0 || between.some((w) => w !== 'and' && w !== '|')) return false;
  }
  return true;
}

/** Whether two neighbouring hits of different groups are joined by "and" or a list break: side by side, not one qualifying the other. */
function listed(hits: readonly GroupHit[], words: readonly string[]): boolean {
  for (let k = 1; k < hits.length; k++) {
    const a = hits[k - 1]!;
    const b = hits[k]!;
    if (a.group === b.group) continue;
    const between = words.slice(a.at + a.length, b.at);
    if (between.includes('and') || between.includes('|')) return true;
  }
  return false;
}

const has = (text: string, re: RegExp) => re.test(text);

/** Seniority from the wording of the title, and whether it is a lead role for a service. */
function seniorityOf(text: string, firstSegment: string): { seniority: SeniorityId | null; leadWording: boolean; chiefExec: boolean } {
  // "Assistant Chief Executive" is a chief officer; "Assistant to the Chief Executive" is not.
  const chiefExec =
    has(text, /\b(chief executive|managing director|head of paid service)\b/) &&
    !has(text, /\b(assistant|pa|officer|support|secretary|adviser|advisor|manager) to (the )?chief executive\b|\bchief executives? (office|support|assistant|pa)\b/);
  if (
    has(text, /\b(councillor|cabinet member|portfolio holder|lead member|executive member|leader of the council|council leader|deputy leader|group leader|lord mayor|deputy mayor|alderman|elected member|member of the (council|cabinet|executive))\b/) ||
    has(text, /\b(mayor|provost|convener|convenor)\b/) ||
    has(text, /^leader of\b.*\bcouncil\b/) ||
    has(text, /\bleader of the [a-z ]*group\b|\bopposition leader\b|\bleader of the opposition\b/) ||
    has(text, /\bchair(man|person)? of (the )?[a-z ]*(committee|scrutiny|panel|cabinet)\b/) ||
    // The council's civic chair (Powys: "Chairman of Council") and a leader styled "Executive Leader".
    has(text, /\b(vice )?chair(man|person)? of (the )?council\b|\bexecutive leader\b/) ||
    // "Leader without Portfolio" (South Holland's executive posts): the council's leader, not a team leader.
    has(text, /^(deputy )?leader (without|with no) portfolio\b/) ||
    firstSegment === 'leader'
  ) {
    return { seniority: 'elected-member', leadWording: false, chiefExec: false };
  }
  // "Assistant Executive Director Public Health" (Knowsley, tests/fixtures/recognition/job-titles-2.csv)
  // is an assistant director, whatever word stands between.
  const seniorDirector = /\b(assistant|deputy|associate|service|operational|divisional|programme|project|area|regional)\s+((executive|strategic|corporate)\s+)?director\b/;
  // Heads of a function who report to a director, whatever "chief" says: a Chief Information
  // Officer runs IT under a corporate director (issue 18). A consultant in public health leads a
  // public health portfolio under the Director of Public Health.
  if (
    has(text, /\bchief (information|digital|technology|data|information security|cyber security|procurement|nursing|social work|legal) officer\b/) ||
    has(text, /\b(consultant in public health|public health consultant|consultant in health protection)\b/)
  ) {
    return { seniority: 'senior-manager', leadWording: true, chiefExec: false };
  }
  if (has(text, seniorDirector) || has(text, /\bdirector of (programmes?|projects?)\b/)) {
    return { seniority: 'senior-manager', leadWording: !has(text, /\b(programme|project)\s+director|director of (programmes?|projects?)\b/), chiefExec };
  }
  if (
    chiefExec ||
    has(text, /\b(chief (operating|finance|financial|people|transformation|commercial|operations) officer|director)\b|(?<!deputy )\b(section 151|s151) officer\b/)
  ) {
    return { seniority: 'chief-officer', leadWording: !chiefExec, chiefExec };
  }
  if (has(text, /\bdeputy head\b/)) return { seniority: 'manager', leadWording: false, chiefExec };
  if (has(text, /\bhead ?teacher\b/)) return { seniority: 'manager', leadWording: false, chiefExec };
  if (has(text, /\b(head of|head|strategic lead|service lead|strategic manager|senior manager|chief officer|monitoring officer|senior leadership)\b/)) {
    return { seniority: 'senior-manager', leadWording: true, chiefExec };
  }
  if (has(text, /\b(manager|managers|team leader|team lead|supervisor|lead|leader|principal lead|coordinating manager)\b/)) {
    return { seniority: 'manager', leadWording: false, chiefExec };
  }
  if (
    has(
      text,
      /\b(principal|officer|adviser|advisor|analyst|coordinator|consultant|practitioner|social worker|worker|surveyor|engineer|planner|assistant|apprentice|technician|inspector|administrator|admin|clerk|caseworker|accountant|solicitor|lawyer|barrister|paralegal|architect|designer|developer|specialist|therapist|librarian|ranger|warden|auditor|assessor|commissioner|business partner|intern|graduate|trainee|volunteer|driver|operative|attendant|receptionist|mentor|tutor|teacher|nurse|buyer|navigator|broker|reviewer|investigator|scientist|ecologist|archivist|curator|registrar|valuer|economist|researcher|psychologist|partner|executive|secretary|professional|support)\b/,
    )
  ) {
    return { seniority: 'officer', leadWording: false, chiefExec };
  }
  return { seniority: null, leadWording: false, chiefExec };
}

/** Leader, Deputy Leader, an elected Mayor, a Convener or Provost of the council. */
function isPoliticalLeader(text: string): boolean {
  if (has(text, /\b(group|opposition|party|lord mayor|deputy mayor|youth)\b/)) return false;
  return has(text, /^(deputy )?leader\b|\b(leader of|deputy leader|council leader|executive leader|elected mayor|mayor of|lord provost|provost|convener|convenor)\b|^mayor$/);
}

/**
 * Classifies a local-government job title: service group, seniority and whether this is a
 * service lead (head of service, assistant director, director of a service), the budget holder
 * to approach. Procurement and IT staff are a route in, never the service lead.
 *
 * @example classifyRole('Corporate Director of Adults and Wellbeing')
 *   // { serviceGroup: 'adult-social-care', seniority: 'chief-officer', isServiceLead: true, ... }
 * @example classifyRole('AD Highways & Transport').serviceGroup // 'highways-transport'
 */
export function classifyRole(title: string): RoleClassification {
  const words = titleWords(title);
  const text = words.filter((w) => w !== '|').join(' ');
  const firstSegment = words.slice(0, words.includes('|') ? words.indexOf('|') : words.length).join(' ');
  const interim = /\b(interim|acting|temporary)\b/.test(text);
  const { seniority, leadWording, chiefExec } = seniorityOf(text, firstSegment);
  let { group, serves } = pickGroup(groupHits(words), words);
  // A chief executive leads the whole council, whatever else the title says ("Chief Executive and Head of Paid Service").
  if (chiefExec && seniority === 'chief-officer') {
    group = 'corporate-strategy';
    serves = null;
  }
  // The political leadership with no portfolio named leads the whole council (../shared/spec/README.md);
  // a party group's leader, a ceremonial Lord Mayor or a backbench councillor names no service.
  if (seniority === 'elected-member' && group === null && isPoliticalLeader(text)) group = 'corporate-strategy';
  // A strategic, corporate or executive director with no service named leads across the council
  // (../shared/spec/service-groups.csv: "corporate directors with no single service").
  // So does a chief operating officer, the council's second officer (Sheffield's and York's senior teams).
  if (seniority === 'chief-officer' && group === null && /^(interim |acting )?((strategic|corporate|executive) directors?|chief operating officer)$/.test(text)) group = 'corporate-strategy';
  const lead =
    (seniority === 'chief-officer' || seniority === 'senior-manager') &&
    leadWording &&
    !chiefExec &&
    (group === null ? /\b(head of service|assistant director|service director)\b/.test(text) : !ROUTE_IN.has(group) && group !== 'corporate-strategy');
  return { serviceGroup: group, seniority, isServiceLead: lead, servesGroup: serves, interim };
}

/**
 * One plain sentence on what the role means for someone selling a service redesign, e.g.
 * "Likely budget holder for Adult social care" or "Procurement: rarely the budget holder for
 * service redesign; ask for the head of Children's social care and early help".
 */
export function roleGuidance(role: Pick<RoleClassification, 'serviceGroup' | 'seniority' | 'isServiceLead'> & { servesGroup?: ServiceGroupId | null }): string {
  const label = role.serviceGroup ? serviceGroupLabel(role.serviceGroup) : null;
  const served = role.servesGroup ? serviceGroupLabel(role.servesGroup) : null;
  const askFor = served ? `the head of ${served}` : 'the head of the service concerned';
  if (role.seniority === 'elected-member') {
    return `Political lead${label ? ` for ${label}` : ''}: sets priorities and approves the budget and savings programme`;
  }
  if (role.serviceGroup === 'procurement') return `Procurement: rarely the budget holder for service redesign; ask for ${askFor}`;
  if (role.serviceGroup === 'digital-ict') return `Digital and IT: a route in, rarely the budget holder for service redesign; ask for ${askFor}`;
  if (role.isServiceLead) return label ? `Likely budget holder for ${label}` : 'Likely budget holder for their service';
  switch (role.seniority) {
    case 'chief-officer':
      return 'Sets direction and signs off invest-to-save cases; the budget for a service sits with its head of service';
    case 'senior-manager':
      return `Senior manager${label ? ` in ${label}` : ''}: may hold a budget; confirm which service they lead`;
    case 'manager':
      return `Runs ${label ?? 'the service'} day to day: a champion and route to the head of service`;
    case 'officer':
      return "Knows the service's pain points; holds no budget";
    default:
      return label ? `Works in ${label}; seniority unclear from the title` : 'Role not recognised from the title';
  }
}

/**
 * The classified role in the shape the background sends to the card ({@link Role} in lib/roles/role.ts).
 *
 * @example describeRole('Head of Exchequer Services').guidance // 'Likely budget holder for Revenues and benefits'
 */
export function describeRole(title: string): Role {
  const c = classifyRole(title);
  return {
    title,
    serviceGroup: c.serviceGroup ? { id: c.serviceGroup, label: serviceGroupLabel(c.serviceGroup)! } : null,
    seniority: c.seniority ? { id: c.seniority, label: seniorityLabel(c.seniority)! } : null,
    isServiceLead: c.isServiceLead,
    guidance: roleGuidance(c),
  };
}
