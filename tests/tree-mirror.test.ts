import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

/**
 * tests/ mirrors the source tree (issue 13, CONTRIBUTING.md): a unit test sits in the folder of the
 * code it tests, so the test of a file is found by its path. Only these folders stand outside the
 * mirror: fixtures, shared helpers, real-browser tests, benchmarks and the lint check.
 */
const ROOT = join(import.meta.dirname, '..');
const TESTS = join(ROOT, 'tests');
const OUTSIDE_THE_MIRROR = new Set(['fixtures', 'support', 'e2e', 'bench', 'lint']);
const MIRRORED = ['lib', 'components', 'entrypoints', 'hooks'];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Where a test file stands against the mirror: null when its folder is the source folder it names. */
function mirrorProblem(testFile: string, exists: (sourceDir: string) => boolean): string | null {
  const rel = relative(TESTS, testFile).split(/[\\/]/);
  if (rel.length === 1) return null; // the whole-tree checks beside this one
  const [top] = rel;
  if (OUTSIDE_THE_MIRROR.has(top!)) return null;
  if (!MIRRORED.includes(top!)) return `tests/${rel.join('/')}: tests/${top}/ mirrors no source folder`;
  const sourceDir = rel.slice(0, -1).join('/');
  return exists(sourceDir) ? null : `tests/${rel.join('/')}: no source folder ${sourceDir}/`;
}

const onDisk = (sourceDir: string) => existsSync(join(ROOT, sourceDir)) && statSync(join(ROOT, sourceDir)).isDirectory();

test('every unit test sits in the folder of the code it tests', () => {
  const files = testFiles(TESTS);
  expect(files.length).toBeGreaterThan(100);
  expect(files.map((f) => mirrorProblem(f, onDisk)).filter((p) => p !== null)).toEqual([]);
});

test.each([
  ['tests/lib/sites/linkedin-profile.test.ts', null],
  ['tests/entrypoints/background/handlers/search.test.ts', null],
  ['tests/e2e/popup.test.ts', null],
  ['tests/background/search.test.ts', 'tests/background/search.test.ts: tests/background/ mirrors no source folder'],
  ['tests/lib/nowhere/thing.test.ts', 'tests/lib/nowhere/thing.test.ts: no source folder lib/nowhere/'],
])('%s', (file, problem) => {
  expect(mirrorProblem(join(ROOT, file), onDisk)).toBe(problem);
});
