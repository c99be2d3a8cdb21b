import { describe, expect, test } from 'vitest';
import { CouncilsFileSchema, ServicesFileSchema } from '@/lib/councils/schema';
import { buildDataset } from '@/lib/dataset/build-dataset';
import { readDatasetInputs, REPO_ROOT, sharedDir } from '@/lib/dataset/read-inputs';
import { readCommitted } from './committed-files';

describe('public/data', () => {
  const rebuilt = buildDataset(readDatasetInputs(sharedDir()));

  test.each(['councils.json', 'services.json'] as const)('%s is exactly what `npm run data` builds from ../shared', (name) => {
    // Compare whole strings: a mismatch means the committed file is stale or the build is not deterministic.
    expect(readCommitted(name) === rebuilt[name], `${name} differs from a fresh build; run npm run data`).toBe(true);
  });

  test('building twice gives the same bytes', () => {
    expect(buildDataset(readDatasetInputs(sharedDir()))).toEqual(rebuilt);
  });

  test.each(['councils.json', 'services.json'] as const)('%s is 2-space JSON with a trailing newline and no machine paths', (name) => {
    const text = readCommitted(name);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "sources": [\n')).toBe(true);
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toContain(sharedDir());
  });

  test('the committed files pass their Zod schemas', () => {
    expect(() => CouncilsFileSchema.parse(JSON.parse(readCommitted('councils.json')))).not.toThrow();
    expect(() => ServicesFileSchema.parse(JSON.parse(readCommitted('services.json')))).not.toThrow();
  });
});
