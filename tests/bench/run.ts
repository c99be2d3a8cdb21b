import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn, each in its own Node process (via
 * tsx, with --expose-gc for the memory figures) so one benchmark's heap and JIT state do not
 * colour the next. Exits non-zero if any benchmark fails.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

let failed = 0;
for (const file of files) {
  const rel = path.relative(root, path.join(here, file));
  console.log(`\n=== ${rel} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${rel} failed (${result.signal ?? `exit ${result.status}`})`);
  }
}
console.log(`\n${files.length - failed}/${files.length} benchmark files passed`);
process.exit(failed ? 1 : 0);
