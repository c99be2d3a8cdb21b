import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const entries = [
  'entrypoints/background/index.ts',
  ...readdirSync(join(ROOT, 'entrypoints'))
    .map((dir) => `entrypoints/${dir}/main.tsx`)
    .filter((file) => {
      try {
        return readFileSync(join(ROOT, file)).length > 0;
      } catch {
        return false;
      }
    }),
];

// Zod reads `jitless` when each object schema is made, so the config must run before any schema
// module: the first import of every entrypoint whose bundle holds Zod (the background and pages).
test.each(entries)('%s imports lib/zod-jitless first', (file) => {
  const firstImport = readFileSync(join(ROOT, file), 'utf8').match(/^import .*$/m)?.[0];
  expect(firstImport).toBe("import '@/lib/zod-jitless';");
});

test('the pages and the background are all covered', () => {
  expect(entries).toEqual(expect.arrayContaining(['entrypoints/background/index.ts', 'entrypoints/options/main.tsx', 'entrypoints/popup/main.tsx', 'entrypoints/sidepanel/main.tsx', 'entrypoints/workspace/main.tsx', 'entrypoints/savings/main.tsx']));
});
