import { describe, expect, test } from 'vitest';
import { ServiceGroupIdSchema, serviceGroupsFor, type ServiceGroupId } from '@/lib/ocds/cpv-service-groups';
import { SERVICE_GROUPS } from '@/lib/roles/groups';

// The ids themselves are checked against ../shared/spec/service-groups.csv in tests/lib/roles/groups.test.ts.
test('the schema accepts exactly the spec ids', () => {
  expect(ServiceGroupIdSchema.options).toEqual(SERVICE_GROUPS.map((group) => group.id));
});

const groups = (cpv: string[], title = '', description = ''): ServiceGroupId[] => serviceGroupsFor({ cpv, title, description });

describe('CPV codes', () => {
  test.each<[string, string[], string, string, ServiceGroupId[]]>([
    // the four examples
    ['refuse -> waste', ['90500000'], 'Waste collection', '', ['waste']],
    ['social work for children', ['85311000'], 'Residential placements', 'Placements for looked after children and young people.', ['childrens-social-care']],
    ['social work for adults', ['85311000'], 'Residential care', 'Care home placements for older people with dementia.', ['adult-social-care']],
    ['software -> digital', ['48000000'], 'Case management system', '', ['digital-ict']],
    ['road works -> highways', ['45233000'], 'Resurfacing programme', '', ['highways-transport']],
    // longest prefix wins
    ['refuse collection (9051…)', ['90511000'], '', '', ['waste']],
    ['street cleaning', ['90610000'], '', '', ['waste']],
    ['snow clearing is highways, not street cleansing', ['90620000'], '', '', ['highways-transport']],
    ['footpath construction under road works', ['45233161'], '', '', ['highways-transport']],
    ['building construction', ['45210000'], '', '', ['property-assets']],
    ['houses construction', ['45211300'], '', '', ['housing']],
    ['IT services', ['72000000'], '', '', ['digital-ict']],
    ['project management consultancy (72224000 is IT in CPV)', ['72224000'], '', '', ['digital-ict']],
    ['health -> public health', ['85100000'], '', '', ['public-health']],
    ['education', ['80000000'], '', '', ['education']],
    ['staff training', ['80500000'], '', '', ['people-hr']],
    ['real estate', ['70000000'], '', '', ['property-assets']],
    ['building maintenance', ['50700000'], '', '', ['property-assets']],
    ['facilities management', ['79993100'], '', '', ['property-assets']],
    ['insurance', ['66510000'], '', '', ['finance']],
    ['audit', ['79212000'], '', '', ['finance']],
    ['payroll management is HR, inside finance codes', ['79211110'], '', '', ['people-hr']],
    ['legal', ['79100000'], '', '', ['legal-democratic']],
    ['recruitment', ['79600000'], '', '', ['people-hr']],
    ['culture', ['92000000'], '', '', ['culture-leisure']],
    ['CCTV services inside 922 (radio and television)', ['92222000'], '', '', ['environment-regulatory']],
    ['grounds maintenance', ['77314000'], '', '', ['culture-leisure']],
    ['urban planning', ['71410000'], '', '', ['planning-regeneration']],
    ['housing services', ['70333000'], '', '', ['housing']],
    ['accommodation services', ['98341000'], '', '', ['housing']],
    ['advertising', ['79341000'], '', '', ['customer-comms']],
    ['call centre', ['79512000'], '', '', ['customer-comms']],
    ['environmental services', ['90700000'], '', '', ['environment-regulatory']],
    ['parking services (real: "Parking Pilot - CEO")', ['63712400'], 'Parking Pilot - CEO', '', ['highways-transport']],
    ['procurement consultancy', ['79418000'], '', '', ['procurement']],
    ['goods with no service meaning', ['33140000'], '', '', []],
    ['no CPV, no words', [], '', '', []],
    ['unknown code', ['99999999'], '', '', []],
    // decided by the words
    ['transport -> highways', ['60000000'], 'Local bus service contract', '', ['highways-transport']],
    ['home to school transport -> education', ['60000000'], 'Home to School Transport for St Bede\'s', '', ['education']],
    ['school taxis -> education', ['60120000'], 'School taxi contracts', '', ['education']],
    ['social work naming both: children first', ['85300000'], 'Domiciliary care for children with disabilities', '', ['childrens-social-care', 'adult-social-care']],
    ['social work naming no one: both', ['85300000'], 'Domestic abuse support service', '', ['adult-social-care', 'childrens-social-care']],
    ['health and social work about health', ['85000000'], 'Recovery house services', 'NHS Foundation Trust tender', ['public-health']],
    ['health and social work about children', ['85000000'], 'Placements Award Notice\'s', 'spot purchased placements for children in care', ['childrens-social-care']],
    ['consultancy by topic: reorganisation', ['79400000'], 'Business case for LGR', '', ['corporate-strategy']],
    ['consultancy by topic: housing', ['79410000'], 'Community Led Housing Support', '', ['housing']],
    ['consultancy with no topic', ['79400000'], 'Decision making accountability work', '', []],
    // several codes: in code order, unique
    ['several codes', ['90500000', '34144510', '48000000'], '', '', ['waste', 'digital-ict']],
  ])('%s', (_name, cpv, title, description, expected) => {
    expect(groups(cpv, title, description)).toEqual(expected);
  });
});

describe('words', () => {
  test.each<[string, string[], string, string, ServiceGroupId[]]>([
    ['the title adds groups after the CPV ones', ['48000000'], 'Staff survey services', '', ['digital-ict', 'people-hr']],
    ['the description counts only without other groups', ['33000000'], 'Supply of aids', 'Community equipment stores', ['adult-social-care']],
    ['the description is not read once the CPV gave a group', ['48000000'], 'System', 'Used by housing officers', ['digital-ict']],
    ['"it" the pronoun is not IT', [], 'Make it work', '', []],
    ['IT in capitals', [], 'IT support', '', ['digital-ict']],
    ['"send" the verb is not SEND', [], 'Send us a quote', '', []],
    ['SEND in capitals', [], 'SEND transport', '', ['education']],
    ['car parks are not parks', [], 'Car parks resurfacing', '', ['highways-transport']],
    ['a place called Park is not a park', [], 'Switchgear at Northwick Park Hospital', '', []],
    ['links are not words', ['85000000'], 'Recovery house services', 'Documents at https://health-family.force.com/s/Welcome', []],
    ['community benefits boilerplate is not benefits', [], 'Roof works', 'Community benefits are included in this requirement.', ['property-assets']],
  ])('%s', (_name, cpv, title, description, expected) => {
    expect(groups(cpv, title, description)).toEqual(expected);
  });
});
