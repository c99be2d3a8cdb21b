import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REVIEWED_WARNINGS, type ReviewedWarning } from './reviewed-warnings';

/**
 * `web-ext lint` on the Firefox build (.output/firefox-mv3), as addons.mozilla.org checks an
 * upload: exits non-zero on any error, and on any warning not in ./reviewed-warnings.ts. Run by
 * `npm test` after `wxt build -b firefox`.
 *
 *   npx tsx tests/lint/web-ext-lint.ts
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = path.join(ROOT, '.output', 'firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

function fail(text: string): never {
  console.error(`web-ext lint: ${text}`);
  process.exit(1);
}

/** Source files of ours that render into pages: none may use dangerouslySetInnerHTML (see the reviewed innerHTML warnings). */
function sourcesUsingInnerHtml(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(full, 'utf8'))) found.push(path.relative(ROOT, full));
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(path.join(ROOT, dir));
  return found;
}

const matches = (reviewed: ReviewedWarning, warning: LintMessage) =>
  reviewed.code === warning.code && new RegExp(`^${reviewed.file.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`).test(warning.file ?? '');

if (!existsSync(path.join(BUILD, 'manifest.json'))) fail(`no Firefox build in ${path.relative(ROOT, BUILD)}; run \`npm run build:firefox\` first`);
const innerHtml = sourcesUsingInnerHtml();
if (innerHtml.length > 0) fail(`innerHTML is set in ${innerHtml.join(', ')}: the reviewed Preact innerHTML warnings no longer hold`);

const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8' });
let report: { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[] };
try {
  report = JSON.parse(run.stdout) as typeof report;
} catch {
  fail(`could not read its report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}

const describe = (m: LintMessage) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}`;
const unreviewed = report.warnings.filter((w) => !REVIEWED_WARNINGS.some((r) => matches(r, w)));
const stale = REVIEWED_WARNINGS.filter((r) => !report.warnings.some((w) => matches(r, w)));
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - unreviewed.length} reviewed), ${report.summary.notices} notices`);
if (stale.length > 0) console.log(`Reviewed warnings no longer raised (remove them from tests/lint/reviewed-warnings.ts):\n${stale.map((r) => `  ${r.code} ${r.file}`).join('\n')}`);
if (report.errors.length > 0 || unreviewed.length > 0) {
  if (report.errors.length > 0) console.error(`Errors:\n${report.errors.map(describe).join('\n')}`);
  if (unreviewed.length > 0) console.error(`New warnings (fix them, or review and list them in tests/lint/reviewed-warnings.ts):\n${unreviewed.map(describe).join('\n')}`);
  process.exit(1);
}
