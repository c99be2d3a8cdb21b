import { describe, expect, test } from 'vitest';
import { buildCouncilsFile, type CouncilsInputs } from '@/lib/dataset/build-councils';
import { buildServicesFile } from '@/lib/dataset/build-services';
import { readShared } from './shared-files';

const COLUMNS = [
  'local-authority-code',
  'official-name',
  'nice-name',
  'gss-code',
  'start-date',
  'end-date',
  'replaced-by',
  'nation',
  'region',
  'local-authority-type',
  'local-authority-type-name',
  'county-la',
  'combined-authority',
  'alt-names',
  'current-authority',
  'gov-uk-slug',
  'area',
  'pop-2020',
  'lat',
  'long',
  'powers',
];
const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (columns: string[], rows: Record<string, string>[]): string =>
  [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\n') + '\n';

const county = {
  'local-authority-code': 'CTA',
  'official-name': 'Testshire County Council',
  'nice-name': 'Testshire',
  'gss-code': 'E10000001',
  nation: 'England',
  region: 'South East',
  'local-authority-type': 'CTY',
  'local-authority-type-name': 'County',
  'current-authority': 'True',
  'pop-2020': '1000.0',
  area: '12.5',
  powers: 'upper tier',
};
const district = {
  'local-authority-code': 'DSA',
  'official-name': 'Dist Borough Council',
  'nice-name': 'Dist',
  'gss-code': 'E07000001',
  nation: 'England',
  region: 'South East',
  'local-authority-type': 'NMD',
  'local-authority-type-name': 'Non-metropolitan district',
  'county-la': 'CTA',
  'alt-names': 'Dist,Dist, Borough of,dist',
  'current-authority': 'True',
  'gov-uk-slug': 'dist',
  lat: '51.5',
  long: '-0.25',
  powers: 'lower tier',
};
const former = {
  'local-authority-code': 'OLD',
  'official-name': 'Old District Council',
  'nice-name': 'Old',
  'gss-code': 'E07000002',
  'end-date': '2020-03-31',
  'replaced-by': 'DSA, CTA',
  nation: 'England',
  region: '',
  'local-authority-type': 'NMD',
  'local-authority-type-name': 'Non-metropolitan district',
  'current-authority': 'False',
  powers: 'lower tier',
};
const combined = {
  'local-authority-code': 'TCA',
  'official-name': 'Test Combined Authority',
  'nice-name': 'Test',
  'gss-code': 'E47000001',
  nation: 'England',
  region: 'South East',
  'local-authority-type': 'COMB',
  'local-authority-type-name': 'Combined authority',
  'current-authority': 'True',
  powers: 'combined',
};

const inputs = (rows: Record<string, string>[], extra: Partial<CouncilsInputs> = {}): CouncilsInputs => ({
  authorities: csv(COLUMNS, rows),
  lookupNames: csv(
    ['la-name', 'local-authority-code'],
    rows.some((r) => r['local-authority-code'] === 'DSA')
      ? [
          { 'la-name': 'DIST', 'local-authority-code': 'DSA' },
          { 'la-name': 'dist council', 'local-authority-code': 'DSA' },
        ]
      : [],
  ),
  types: readShared('data/mysociety_local_authority_type.csv'),
  powers: readShared('data/mysociety_local_authority_powers.csv'),
  homepages: csv(['gss', 'slug', 'name', 'homepage_url'], [
    { gss: 'E10000001', slug: 'testshire', name: 'Testshire County Council', homepage_url: 'https://www.testshire.gov.uk/' },
    { gss: 'E07000099', slug: 'dist', name: 'Dist Borough Council', homepage_url: 'https://WWW.Dist.gov.uk/home' },
  ]),
  ...extra,
});

describe('buildCouncilsFile', () => {
  const built = buildCouncilsFile(inputs([district, county, former, combined]));
  const get = (code: string) => built.councils.find((c) => c.code === code);

  test('one council per row, sorted by code', () => {
    expect(built.councils.map((c) => c.code)).toEqual(['CTA', 'DSA', 'OLD', 'TCA']);
  });

  test('a district: type, tier, parent, names, homepage joined on slug', () => {
    expect(get('DSA')).toEqual({
      code: 'DSA',
      kind: 'council',
      current: true,
      officialName: 'Dist Borough Council',
      niceName: 'Dist',
      gss: 'E07000001',
      type: 'district',
      typeName: 'Non-metropolitan district',
      tier: 'lower',
      nation: 'England',
      region: 'South East',
      parentCounty: 'CTA',
      combinedAuthority: null,
      population: null,
      areaKm2: null,
      lat: 51.5,
      long: -0.25,
      homepage: 'https://WWW.Dist.gov.uk/home',
      domain: 'dist.gov.uk',
      names: ['Dist Borough Council', 'Dist', 'Dist, Borough of', 'dist council'],
      startDate: null,
      endDate: null,
      successors: [],
    });
  });

  test('a county: population as an integer, area as a number, homepage joined on GSS', () => {
    expect(get('CTA')).toMatchObject({ type: 'county', tier: 'upper', population: 1000, areaKm2: 12.5, domain: 'testshire.gov.uk' });
  });

  test('a former council: successors split on commas, no homepage, empty region kept', () => {
    expect(get('OLD')).toMatchObject({ current: false, successors: ['DSA', 'CTA'], endDate: '2020-03-31', homepage: null, region: '' });
  });

  test('a combined authority is flagged', () => {
    expect(get('TCA')).toMatchObject({ kind: 'combined-authority', type: 'combined-authority', tier: 'combined' });
  });

  test('NI former districts take successors from the hand-written table', () => {
    const ni = { ...former, 'local-authority-code': 'NIR-A', 'replaced-by': '', 'local-authority-type': 'NID', 'local-authority-type-name': 'NI district', nation: 'Northern Ireland', powers: 'ni district' };
    const drs = { ...district, 'local-authority-code': 'DRS', 'county-la': '', 'local-authority-type': 'NID', 'local-authority-type-name': 'NI district', nation: 'Northern Ireland', powers: 'ni district' };
    const file = buildCouncilsFile(inputs([county, ni, drs]));
    expect(file.councils.find((c) => c.code === 'NIR-A')?.successors).toEqual(['DRS']);
  });

  test.each([
    ['a duplicate code', [county, county], /Duplicate local-authority-code/],
    ['an unknown successor', [county, { ...former, 'replaced-by': 'XYZ' }], /unknown code XYZ/],
    ['a former council with no successor', [county, { ...former, 'replaced-by': '' }], /no successor/],
    ['an unknown type', [{ ...county, 'local-authority-type': 'PAR' }], /type PAR/],
    ['a powers column that disagrees', [{ ...county, powers: 'unitary' }], /powers column/],
    ['a fractional population', [{ ...county, 'pop-2020': '10.5' }], /not a whole number/],
    ['a bad date', [{ ...county, 'start-date': '01/04/2019' }], /./],
    // Issue 12: Lincolnshire's county row said "Yorkshire and The Humber", its districts "East Midlands".
    ['a county in another region than its district', [{ ...county, region: 'Yorkshire and The Humber' }, district], /Regions disagree[\s\S]*DSA is in "South East" but its county CTA in "Yorkshire and The Humber"/],
    ['a region outside the GSS code’s nation', [{ ...county, region: 'Scotland' }], /CTA: GSS E10000001 is in England, "Scotland" is not one of its regions/],
  ])('rejects %s', (_name, rows, error) => {
    expect(() => buildCouncilsFile(inputs(rows as Record<string, string>[]))).toThrow(error);
  });
});

describe('buildServicesFile', () => {
  const spec = readShared('spec/service-groups.csv');
  const lgslTiers = readShared('data/govuk_local_services_lgsl_tier.csv');

  test('rejects a spec group the NI table does not cover', () => {
    const extra = `${spec.trimEnd()}\nparks,Parks,"parks",Cultural,all\n`;
    expect(() => buildServicesFile({ serviceGroups: extra, lgslTiers })).toThrow(/No Northern Ireland provision for service group parks/);
  });

  test('rejects a split group without a note', () => {
    const changed = spec.replace('adult-social-care,Adult social care,', 'adult-social-care,Adult social care,').replace(
      /(Public Health,)county\/unitary/,
      '$1county/unitary (sexual health: district)',
    );
    expect(() => buildServicesFile({ serviceGroups: changed, lgslTiers })).toThrow(/public-health: split provision needs a note/);
  });
});
