import { describe, expect, test } from 'vitest';
import { classifyRole } from '@/lib/roles/classify-role';

// Issue 18: the classes a real council organisation chart showed missed, and the rules of
// ../shared/spec/README.md for the political leadership. Titles are our own examples of each class.
const row = (title: string) => {
  const r = classifyRole(title);
  return [r.serviceGroup, r.seniority, r.isServiceLead];
};

describe('the political leadership', () => {
  test.each([
    'Leader of the Council',
    'Leader, Wiltshire Council',
    'Deputy Leader of the Council',
    'Council Leader',
    'Elected Mayor',
    'Mayor of Hackney',
    'Convener of Aberdeenshire Council',
    'Provost of Renfrewshire Council',
    'Lord Provost',
  ])('with no portfolio, %s leads the whole council: corporate-strategy', (title) => {
    expect(row(title)).toEqual(['corporate-strategy', 'elected-member', false]);
  });

  test.each([
    ['Cabinet Member for Adult Social Care and Health', 'adult-social-care'],
    ['Portfolio Holder for Environment and Waste', 'waste'],
    ['Deputy Leader and Cabinet Member for Resources', 'finance'],
    ['Lead Member for Children and Families', 'childrens-social-care'],
    ['Executive Councillor for Highways', 'highways-transport'],
  ])('a cabinet member takes the portfolio: %s', (title, group) => {
    expect(row(title)).toEqual([group, 'elected-member', false]);
  });

  test.each(['Councillor', 'Leader of the Liberal Democrat Group', 'Lord Mayor', 'Opposition Leader'])('no service and no council leadership: %s', (title) => {
    expect(row(title)).toEqual([null, 'elected-member', false]);
  });
});

describe('the service named after a comma, colon or dash', () => {
  test.each([
    ['Head of Service, Libraries and Archives', 'culture-leisure', 'senior-manager', true],
    ['Head of Service: Revenues and Benefits', 'revenues-benefits', 'senior-manager', true],
    ['Service Manager – Fostering and Adoption', 'childrens-social-care', 'manager', false],
    ['Team Manager - Homelessness Prevention', 'housing', 'manager', false],
    ['Assistant Director: Highways and Transport', 'highways-transport', 'senior-manager', true],
  ])('%s', (title, group, seniority, lead) => {
    expect(row(title)).toEqual([group, seniority, lead]);
  });
});

describe('provider services and safeguarding by their context word', () => {
  test.each([
    ['Head of Provider Services', 'adult-social-care', 'senior-manager', true],
    ['In-House Provider Services Manager', 'adult-social-care', 'manager', false],
    ['Day Services Manager', 'adult-social-care', 'manager', false],
    ['Provider Services Manager (Children)', 'childrens-social-care', 'manager', false],
    ["Registered Manager, Children's Provider Services", 'childrens-social-care', 'manager', false],
    ['Safeguarding Lead - Adults', 'adult-social-care', 'manager', false],
    ['Safeguarding Practice Lead (Children)', 'childrens-social-care', 'manager', false],
  ])('%s', (title, group, seniority, lead) => {
    expect(row(title)).toEqual([group, seniority, lead]);
  });
});

describe('seniority the title words say', () => {
  test.each([
    ['Principal Archaeologist', null, 'officer'],
    ['Principal Transport Planner', 'highways-transport', 'officer'],
    ['Principal Licensing Officer', 'environment-regulatory', 'officer'],
    ['Consultant in Public Health', 'public-health', 'senior-manager'],
    ['Public Health Consultant - Healthy Places', 'public-health', 'senior-manager'],
    ['Chief Information Officer', 'digital-ict', 'senior-manager'],
    ['Chief Technology Officer', 'digital-ict', 'senior-manager'],
    ['Chief Finance Officer', 'finance', 'chief-officer'],
  ])('%s', (title, group, seniority) => {
    const r = classifyRole(title);
    expect([r.serviceGroup, r.seniority]).toEqual([group, seniority]);
  });

  test('a consultant in public health holds a portfolio budget; a chief information officer is a route in', () => {
    expect(classifyRole('Consultant in Public Health').isServiceLead).toBe(true);
    expect(classifyRole('Chief Information Officer').isServiceLead).toBe(false);
  });
});

describe('a title that spans several services with none dominant has no group', () => {
  test.each([
    ["Director of Adults and Children's Services", 'chief-officer'],
    ["Corporate Director of Children's and Adults' Services", 'chief-officer'],
    ['Director of Housing and Adult Social Care', 'chief-officer'],
    ['Director of Public Health and Adult Social Care', 'chief-officer'],
    ['Head of Waste, Parks and Highways', 'senior-manager'],
    ['Cabinet Member for Housing and Planning', 'elected-member'],
    ['Cabinet Member for Adults, Health and Housing', 'elected-member'],
  ])('%s', (title, seniority) => {
    // null is the right answer (../shared/spec/README.md), and no single service's budget holder.
    expect(row(title)).toEqual([null, seniority, false]);
  });

  test.each([
    // One service named more often than the other: it dominates.
    ['Director of Children, Schools and Families', 'childrens-social-care'],
    ['Head of Admissions and School Transport', 'education'],
    // A qualifier or weaker word beside the service is not a second service.
    ['Transport Planner', 'highways-transport'],
    ['Head of Waste Strategy', 'waste'],
    ['Director of Environment and Transport', 'highways-transport'],
    ['Head of Culture and Tourism', 'culture-leisure'],
    ['Cabinet Member for Adult Social Care and Health', 'adult-social-care'],
    // A function with a service it serves works in the function.
    ['Head of Revenues, Benefits and Customer Services', 'customer-comms'],
    ['Finance Business Partner - Adults and Children', 'finance'],
  ])('%s is %s', (title, group) => {
    expect(classifyRole(title).serviceGroup).toBe(group);
  });
});

// Classes first met on real organisation charts and pay policies (tests/fixtures/recognition/job-titles-chart.csv);
// the titles here are our own examples of each.
describe('a client group before another service says whose, not which', () => {
  test.each([
    ["Head of Children's Libraries", 'culture-leisure', 'senior-manager', true],
    ["Assistant Director Children's Highways Safety", 'highways-transport', 'senior-manager', true],
    ['Adults Housing Manager', 'housing', 'manager', false],
    // Same group, or a function after it, or a weak word: the client group stays.
    ["Assistant Director Children's Early Help", 'childrens-social-care', 'senior-manager', true],
    ["Children's Commissioning Manager", 'childrens-social-care', 'manager', false],
  ])('%s', (title, group, seniority, lead) => {
    expect(row(title)).toEqual([group, seniority, lead]);
  });

  test.each([
    ['Head of Improvement and Partnerships (Children)', 'childrens-social-care'],
    ['Programme Director – Transformation and Prevention (Adults)', 'adult-social-care'],
    // A function stays a function, whoever it serves.
    ['Finance Manager (Adults)', 'finance'],
    // Not the last segment alone: the generic words keep the title.
    ['Head of Performance for Adults and Communities', 'corporate-strategy'],
  ])('a client group alone in the last segment after generic words: %s', (title, group) => {
    expect(classifyRole(title).serviceGroup).toBe(group);
  });
});

describe('a function beside leadership words or listed among services', () => {
  test.each([
    ['Head of Strategy, Policy and ICT', 'corporate-strategy'],
    ['Director of Governance and Strategy', null],
    ['Head of Performance and HR', null],
    ['Corporate Director, Housing, Waste and Finance', null],
    // The function's own title with a qualifier, or serving one service: the function.
    ['Head of Digital Transformation', 'digital-ict'],
    ['HR Business Partner - Adults and Housing', 'people-hr'],
    ['Head of Revenues, Benefits and Customer Services', 'customer-comms'],
  ])('%s', (title, group) => {
    expect(classifyRole(title).serviceGroup).toBe(group);
  });
});

describe('seniority and leadership the title words say', () => {
  test.each([
    ['Chief Legal Officer', 'legal-democratic', 'senior-manager'],
    ['Head of Finance (Deputy S151 Officer)', 'finance', 'senior-manager'],
    ['Head of Finance and Section 151 Officer', 'finance', 'chief-officer'],
    ['Executive Director', 'corporate-strategy', 'chief-officer'],
    ['Interim Corporate Director', 'corporate-strategy', 'chief-officer'],
    ['Executive Leader', 'corporate-strategy', 'elected-member'],
    ['Vice-Chair of the Council', null, 'elected-member'],
    ['Chairman of Council', null, 'elected-member'],
  ])('%s', (title, group, seniority) => {
    const r = classifyRole(title);
    expect([r.serviceGroup, r.seniority]).toEqual([group, seniority]);
  });

  test('a service director with no service named stays without a group', () => {
    expect(row('Service Director')).toEqual([null, 'senior-manager', true]);
    expect(row('Operational Director')).toEqual([null, 'senior-manager', false]);
  });
});

// Classes first met on a second unseen set (tests/fixtures/recognition/job-titles-2.csv: senior
// structures, committee decisions, cabinet lists); the titles here are our own examples of each.
describe('classes of the second unseen title set', () => {
  test.each([
    ['Chief Operating Officer', 'corporate-strategy', 'chief-officer', false],
    ['Interim Chief Operating Officer', 'corporate-strategy', 'chief-officer', false],
    ['Leader without Portfolio', 'corporate-strategy', 'elected-member', false],
    ['Deputy Leader with no Portfolio', 'corporate-strategy', 'elected-member', false],
    ['Assistant Executive Director Adult Social Care', 'adult-social-care', 'senior-manager', true],
    ['Assistant Strategic Director, Highways', 'highways-transport', 'senior-manager', true],
    ['Head of Pupil Achievement', 'education', 'senior-manager', true],
    ['Head of Regulation and Enforcement', 'environment-regulatory', 'senior-manager', true],
    // A client group in brackets after a named service says whose work it is.
    ['Health Improvement Officer (Adults)', 'public-health', 'officer', false],
    ['Housing Options Manager (Children)', 'housing', 'manager', false],
  ])('%s', (title, group, seniority, lead) => {
    expect(row(title)).toEqual([group, seniority, lead]);
  });

  test.each([
    // Not the council's leader, nor a director's deputy.
    ['Team Leader', null, 'manager'],
    ['Youth Leader without Portfolio Funding', 'childrens-social-care', 'manager'],
    ['Chief Operating Officer, Leeds Teaching Hospitals', null, 'chief-officer'],
    // Two services side by side, neither in brackets after the other: none dominant.
    ['Head of Housing and Children’s Services', null, 'senior-manager'],
    // A client group alone, with nothing else named, still names the service.
    ['Service Manager (Adults)', 'adult-social-care', 'manager'],
    // Three groups listed, each once, functions among them: none dominant. A group named twice still leads.
    ['Director of Finance, ICT and Procurement', null, 'chief-officer'],
    ['Head of Legal, HR and Facilities Management', null, 'senior-manager'],
    ['Head of Finance, Procurement and Audit', 'finance', 'senior-manager'],
    ['Head of HR, Payroll and Pensions', 'people-hr', 'senior-manager'],
  ])('traps: %s', (title, group, seniority) => {
    const r = classifyRole(title);
    expect([r.serviceGroup, r.seniority]).toEqual([group, seniority]);
  });
});
