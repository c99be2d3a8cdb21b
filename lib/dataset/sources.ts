/** One entry of a dataset file's `sources` list (see lib/councils/schema.ts). */
export interface Source {
  file: string;
  licence: string;
  attribution: string;
}

// Licences and origins as recorded in ../shared/data/SOURCES.md.
const MYSOCIETY = {
  licence: 'CC BY 4.0',
  attribution: 'mySociety, uk_local_authority_names_and_codes (github.com/mysociety/uk_local_authority_names_and_codes)',
};
const GOVUK_LOCAL_LINKS = {
  licence: 'OGL v3',
  attribution: 'Crown copyright, Government Digital Service: GOV.UK local-links-manager (github.com/alphagov/local-links-manager)',
};
const GOVUK_PUBLISHER = {
  licence: 'OGL v3',
  attribution: 'Crown copyright, Government Digital Service: GOV.UK publisher local services (github.com/alphagov/publisher)',
};

/** Where public/data/councils.json comes from. */
export const COUNCILS_SOURCES: readonly Source[] = [
  { file: '../shared/data/uk_local_authorities.csv', ...MYSOCIETY },
  { file: '../shared/data/lookup_name_to_registry.csv', ...MYSOCIETY },
  { file: '../shared/data/mysociety_local_authority_type.csv', ...MYSOCIETY },
  { file: '../shared/data/mysociety_local_authority_powers.csv', ...MYSOCIETY },
  { file: '../shared/data/govuk_local_authorities_homepages.csv', ...GOVUK_LOCAL_LINKS },
  {
    file: 'lib/dataset/ni-successors.ts',
    licence: 'OGL v3 (legislation.gov.uk)',
    attribution:
      'Successors of the former Northern Ireland districts, from the Local Government (Boundaries) Act (Northern Ireland) 2008 and the Local Government (Boundaries) Order (Northern Ireland) 2012',
  },
];

/** Where public/data/services.json comes from. */
export const SERVICES_SOURCES: readonly Source[] = [
  {
    file: '../shared/spec/service-groups.csv',
    licence: 'Council Lens project specification',
    attribution: 'Council Lens',
  },
  { file: '../shared/data/govuk_local_services_lgsl_tier.csv', ...GOVUK_PUBLISHER },
  {
    file: 'lib/dataset/ni-provision.ts',
    licence: 'OGL v3 (legislation.gov.uk)',
    attribution:
      'Northern Ireland district functions after the Local Government Act (Northern Ireland) 2014 and the 2015 transfer of functions',
  },
];
