import { DEFAULT_BASES, SYNC_SOURCES, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import { buildSnapshot } from './build-snapshot';

// `npm run data:snapshot -- --from 2024-01-01 [--to 2026-12-01] [--sources find-a-tender,contracts-finder] --out DIR [--input FILES…]`
// Maintainers and the snapshot workflow (.github/workflows/snapshot.yml). Without --input it calls
// the live APIs at their rate limits (Find a Tender: one request every 10 s, about four hours a
// year); Ctrl-C stops cleanly and the same command resumes. With --input it reads OCDS files.

const USAGE = `usage: npm run data:snapshot -- --from YYYY-MM-DD [--to YYYY-MM-DD (default today, exclusive)] --out DIR
       [--sources ${SYNC_SOURCES.join(',')}] [--input FILE…]
       [--contracts-finder-base URL (default ${DEFAULT_BASES.contractsFinder})] [--find-a-tender-base URL (default ${DEFAULT_BASES.findATender})]`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface SnapshotArgs {
  from: string;
  to: string;
  outDir: string;
  sources: SyncSource[];
  input: string[];
  bases: Partial<SyncBases>;
}

/** The command line as options; throws with the problem. */
export function parseSnapshotArgs(argv: readonly string[], today: string): SnapshotArgs {
  let from: string | undefined;
  let to = today;
  let outDir: string | undefined;
  let sources: SyncSource[] = [...SYNC_SOURCES];
  const input: string[] = [];
  const bases: Partial<SyncBases> = {};
  let inInput = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    const day = (): string => {
      const v = value();
      if (!DAY.test(v) || Number.isNaN(Date.parse(v))) throw new Error(`${arg} must be a day, YYYY-MM-DD`);
      return v;
    };
    if (!arg.startsWith('--') && inInput) {
      input.push(arg);
      continue;
    }
    inInput = false;
    if (arg.startsWith('--from')) from = day();
    else if (arg.startsWith('--to')) to = day();
    else if (arg.startsWith('--out')) outDir = value();
    else if (arg.startsWith('--sources')) {
      const list = value().split(',').map((s) => s.trim());
      const unknown = list.filter((s) => !(SYNC_SOURCES as readonly string[]).includes(s));
      if (unknown.length > 0) throw new Error(`unknown source(s): ${unknown.join(', ')}`);
      sources = list as SyncSource[];
    } else if (arg === '--input') inInput = true;
    else if (arg.startsWith('--contracts-finder-base')) bases.contractsFinder = new URL(value()).href;
    else if (arg.startsWith('--find-a-tender-base')) bases.findATender = new URL(value()).href;
    else throw new Error(`unknown option ${arg}`);
  }
  if (from === undefined) throw new Error('--from is required');
  if (outDir === undefined) throw new Error('--out is required');
  if (!(from < to)) throw new Error(`--from ${from} must be before --to ${to}`);
  return { from, to, outDir, sources, input, bases };
}

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args: SnapshotArgs;
  try {
    args = parseSnapshotArgs(process.argv.slice(2), new Date().toISOString().slice(0, 10));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('stopping… (run the same command again to resume)');
    controller.abort();
  });
  const result = await buildSnapshot({ ...args, signal: controller.signal, log: (line) => console.log(line) });
  if (!result.ok) {
    console.error(`snapshot not written: ${result.source ? `${result.source}: ` : ''}${result.error}`);
    return 1;
  }
  const m = result.manifest;
  console.log(`wrote ${result.dataPath} (${m.notices} council notices, ${m.bytes} bytes gzipped, ${m.rawBytes} raw) and ${result.manifestPath}`);
  return 0;
}

process.exit(await main());
