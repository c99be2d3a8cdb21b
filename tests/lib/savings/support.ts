import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';
import { savingsCouncilResolver, type CaptureContext, type SavingsImportContext } from '@/lib/savings';

/** The real register and recognition engine over public/data/councils.json, built once per test file. */
import { councilsFile, register } from '../../support/public-data';

export { councilsFile, register };
export const councilIndex = createCouncilIndex(councilsFile);
export const resolveCouncil = savingsCouncilResolver(register, councilIndex);
export const captureContext: CaptureContext = { register, resolver: councilIndex };

export const NOW = '2026-11-30T09:00:00.000Z';

export function importContext(extra: Partial<SavingsImportContext> = {}): SavingsImportContext {
  return { resolveCouncil, now: NOW, ...extra };
}

export function fixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'tests/fixtures/savings', name), 'utf8');
}
