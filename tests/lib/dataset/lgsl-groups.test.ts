import { describe, expect, test } from 'vitest';
import { parseCsvRecords } from '@/lib/dataset/csv';
import { LGSL_GROUP_RULES, lgslGroupFor } from '@/lib/dataset/lgsl-groups';
import { readShared } from './shared-files';

const lgsl = parseCsvRecords(readShared('data/govuk_local_services_lgsl_tier.csv'));
const specIds = parseCsvRecords(readShared('spec/service-groups.csv')).map((r) => r['id']);

describe('lgslGroupFor', () => {
  // Descriptions from ../shared/data/govuk_local_services_lgsl_tier.csv, group chosen by reading
  // the spec's `covers` text; the rule order matters for most of these.
  test.each([
    ['Find out about free school meals', 'education'],
    ['Find out about home to school travel support', 'education'],
    ['Find out about transport for 16-19 year olds in education', 'education'],
    ['Find out about performance/stage licences for school age children', 'education'],
    ['Find out about the chaperone service', 'education'],
    ['Find out more about safe routes to school', 'highways-transport'],
    ['Find out about housing benefit', 'revenues-benefits'],
    ['Find out about council tax benefit', 'revenues-benefits'],
    ['Find out about business rates relief', 'revenues-benefits'],
    ['Find out about advice for homeless people', 'housing'],
    ['Find out about the Disability Facility Grant', 'housing'],
    ['Find out about garden maintenance for elderly or disabled council tenants', 'housing'],
    ['Find out about fostering a child', 'childrens-social-care'],
    ['Find out about short term breaks for carers of children', 'childrens-social-care'],
    ['Find out about a needs assessment by social services', 'adult-social-care'],
    ['Find out about the Care Act 2014', 'adult-social-care'],
    ['Find out about equipment and adaptions to the home for disabled people', 'adult-social-care'],
    ['Find out which day the refuse is collected', 'waste'],
    ['Find out about disposing of garden waste', 'waste'],
    ['Find out about flytipping', 'waste'],
    ['Find out about Blue Badge parking permits', 'highways-transport'],
    ["Find out about older person's bus pass", 'highways-transport'],
    ['Find out about potholes', 'highways-transport'],
    ['Find out about spillages on the roads', 'highways-transport'],
    ['Search the register of planning decisions', 'planning-regeneration'],
    ['Find out about building regulations', 'planning-regeneration'],
    ['Find out about dangerous buildings and structures', 'planning-regeneration'],
    ['Find out about emergency planning for a major incident', 'environment-regulatory'],
    ['Find out about liquor licences', 'environment-regulatory'],
    ['Find out about the bereavement service', 'environment-regulatory'],
    ['Find the location of weighbridges', 'environment-regulatory'],
    ['Find out about library services', 'culture-leisure'],
    ['Find out about allotments', 'culture-leisure'],
    ['Find out more about the electoral register', 'legal-democratic'],
    ['Find out about citizenship ceremonies', 'legal-democratic'],
    ['Find out about complaints procedure', 'customer-comms'],
    ['Find out about making insurance claims against the council', 'finance'],
    ['Find out about grants to local voluntary organisations', 'corporate-strategy'],
    ['Apply for a fishing licence at sea', 'environment-regulatory'],
    ['Something no rule knows', null],
  ])('%s -> %s', (description, group) => {
    expect(lgslGroupFor(description)).toBe(group);
  });

  test('at least 90% of the 117 LGSL services map to a group', () => {
    expect(lgsl).toHaveLength(117);
    const mapped = lgsl.filter((r) => lgslGroupFor(r['Description'] ?? '') !== null);
    const unmapped = lgsl.filter((r) => lgslGroupFor(r['Description'] ?? '') === null).map((r) => `${r['LGSL']} ${r['Description']}`);
    if (unmapped.length > 0) console.info(`LGSL services with no group:\n${unmapped.join('\n')}`);
    expect(mapped.length / lgsl.length).toBeGreaterThanOrEqual(0.9);
  });

  test('every rule names a spec group and maps at least one LGSL service', () => {
    for (const rule of LGSL_GROUP_RULES) {
      expect(specIds).toContain(rule.group);
      const used = lgsl.some((r) => {
        const text = (r['Description'] ?? '').toLowerCase();
        return LGSL_GROUP_RULES.find((x) => x.pattern.test(text)) === rule;
      });
      expect(used, `rule ${rule.pattern} for ${rule.group} maps nothing`).toBe(true);
    }
  });
});
