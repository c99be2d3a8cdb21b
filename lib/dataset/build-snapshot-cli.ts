import { DEFAULT_BASES, SYNC_SOURCES } from '@/lib/sync/sources';
import { buildSnapshot } from './build-snapshot';
import { parseSnapshotArgs, type SnapshotArgs } from './build-snapshot-cli-args';

// `npm run data:snapshot -- --from 2024-01-01 [--to 2026-12-01] [--sources find-a-tender,contracts-finder] --out DIR [--input FILES…] [--previous DIR]`
// Maintainers and the snapshot workflow (.github/workflows/snapshot.yml). Without --input it calls
// the live APIs at their rate limits (Find a Tender: one request every 10 s, about four hours a
// year); Ctrl-C stops cleanly and the same command resumes. With --input it reads OCDS files. With
// --previous it builds on the snapshot in that folder (verified), walking only from its end.

const USAGE = `usage: npm run data:snapshot -- --from YYYY-MM-DD [--to YYYY-MM-DD (default today, exclusive)] --out DIR
       [--sources ${SYNC_SOURCES.join(',')}] [--input FILE…]
       [--previous DIR (a snapshot to build on: only its end, less --overlap-days (default 7), to --to is walked)]
       [--contracts-finder-base URL (default ${DEFAULT_BASES.contractsFinder})] [--find-a-tender-base URL (default ${DEFAULT_BASES.findATender})]`;

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
