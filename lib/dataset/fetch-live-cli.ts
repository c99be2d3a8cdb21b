import path from 'node:path';
import { optionValue } from './cli-args';
import { DEFAULT_BASES, SYNC_SOURCES, TIME_WINDOW_SOURCES, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import { DEFAULT_LIVE_DAYS, DEFAULT_LIVE_DIR, fetchLive } from './fetch-live';

// `npm run data:fetch -- [out-dir] [--days N] [--sources contracts-finder,find-a-tender]`
// Maintainers only: calls the live APIs (Find a Tender allows one request every 10 s, so 14 days
// take some minutes). Ctrl-C stops cleanly; the pages already written stay. The base options point
// it at a mirror or at tests/support/fake-procurement-api.ts instead.

const USAGE = `usage: npm run data:fetch -- [out-dir (default ${DEFAULT_LIVE_DIR})] [--days N (default ${DEFAULT_LIVE_DAYS})] [--sources ${SYNC_SOURCES.join(',')}]
       [--contracts-finder-base URL (default ${DEFAULT_BASES.contractsFinder})] [--find-a-tender-base URL (default ${DEFAULT_BASES.findATender})]`;

function parseArgs(argv: readonly string[]): { outDir: string; days: number; sources: SyncSource[]; bases: Partial<SyncBases> } {
  let outDir = DEFAULT_LIVE_DIR;
  let days = DEFAULT_LIVE_DAYS;
  let sources: SyncSource[] = [...TIME_WINDOW_SOURCES];
  const bases: Partial<SyncBases> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const [v, last] = optionValue(argv, i);
      i = last;
      return v;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--days')) {
      days = Number(value());
      if (!Number.isFinite(days) || days <= 0) throw new Error('--days must be a positive number');
    } else if (arg.startsWith('--sources')) {
      const list = value().split(',').map((s) => s.trim());
      const unknown = list.filter((s) => !(SYNC_SOURCES as readonly string[]).includes(s));
      if (unknown.length > 0) throw new Error(`unknown source(s): ${unknown.join(', ')}`);
      sources = list as SyncSource[];
    } else if (arg.startsWith('--contracts-finder-base')) {
      bases.contractsFinder = new URL(value()).href;
    } else if (arg.startsWith('--find-a-tender-base')) {
      bases.findATender = new URL(value()).href;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      outDir = arg;
    }
  }
  return { outDir, days, sources, bases };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const controller = new AbortController();
process.once('SIGINT', () => {
  console.error('stopping…');
  controller.abort();
});

const report = await fetchLive({
  ...args,
  signal: controller.signal,
  log: (line) => console.log(line),
});
for (const s of report.sources) {
  console.log(`${s.source}: ${s.outcome}, ${s.pages} pages, ${s.releases} releases${s.to ? `, ${s.from} to ${s.to}` : ''}${s.error ? ` (${s.error})` : ''}`);
}
console.log(`wrote ${path.join(report.outDir, 'manifest.json')} and the pages beside it`);
process.exit(report.sources.every((s) => s.outcome === 'done') ? 0 : 1);
