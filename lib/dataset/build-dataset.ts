import { buildCouncilsFile, type CouncilsInputs } from './build-councils';
import { buildServicesFile, type ServicesInputs } from './build-services';

/** Every input text of the dataset build. */
export type DatasetInputs = CouncilsInputs & ServicesInputs;

/** Where each input lives, relative to the shared folder (../shared). */
export const DATASET_INPUT_PATHS: Readonly<Record<keyof DatasetInputs, string>> = {
  authorities: 'data/uk_local_authorities.csv',
  lookupNames: 'data/lookup_name_to_registry.csv',
  types: 'data/mysociety_local_authority_type.csv',
  powers: 'data/mysociety_local_authority_powers.csv',
  homepages: 'data/govuk_local_authorities_homepages.csv',
  serviceGroups: 'spec/service-groups.csv',
  lgslTiers: 'data/govuk_local_services_lgsl_tier.csv',
};

/** The generated files, by name under public/data, as the exact text to write. */
export interface DatasetOutput {
  'councils.json': string;
  'services.json': string;
}

/**
 * Builds public/data/councils.json and services.json from the input texts. Deterministic:
 * councils sorted by code, groups in spec order, keys in schema order, no timestamps.
 */
export function buildDataset(inputs: DatasetInputs): DatasetOutput {
  return {
    'councils.json': toJson(buildCouncilsFile(inputs)),
    'services.json': toJson(buildServicesFile(inputs)),
  };
}

/** 2-space JSON with a trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
