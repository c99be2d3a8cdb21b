import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASET_INPUT_PATHS, type DatasetInputs } from './build-dataset';
import { SEED_INPUT_PATHS } from './build-seed';
import { NATIONS_INPUT, RSX_INPUTS, type SpendInputs } from './build-spend';
import { parseCsv } from './csv';
import { readOdsSheet } from './ods';

/** The repository root (this file is lib/dataset/read-inputs.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared read-only material: `SHARED_DIR` if set, else ../shared next to the repository. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['SHARED_DIR'] ? path.resolve(env['SHARED_DIR']) : path.resolve(REPO_ROOT, '..', 'shared');
}

/** Reads every dataset input from the shared folder as UTF-8 text. */
export function readDatasetInputs(dir: string = sharedDir()): DatasetInputs {
  const entries = Object.entries(DATASET_INPUT_PATHS).map(([key, file]) => [key, readFileSync(path.join(dir, file), 'utf8')]);
  return Object.fromEntries(entries) as DatasetInputs;
}

/** The OCDS release files the notices seed is built from, as path + text. */
export function readSeedInputs(dir: string = sharedDir()): { path: string; text: string }[] {
  return SEED_INPUT_PATHS.map((p) => ({ path: p, text: readFileSync(path.join(dir, p), 'utf8') }));
}

/** The spend build's inputs: England's RSX sheets (CSV or ODS) as rows, the all-nations JSON and the groups. */
export function readSpendInputs(dir: string = sharedDir()): SpendInputs {
  return {
    england: RSX_INPUTS.map(({ year, file, sheet }) => {
      const full = path.join(dir, file);
      const rows = sheet ? readOdsSheet(readFileSync(full), sheet) : parseCsv(readFileSync(full, 'utf8'));
      return { year, file, rows };
    }),
    nations: readFileSync(path.join(dir, NATIONS_INPUT), 'utf8'),
    serviceGroups: readFileSync(path.join(dir, 'spec/service-groups.csv'), 'utf8'),
  };
}
