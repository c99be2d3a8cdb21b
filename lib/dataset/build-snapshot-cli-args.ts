import { SYNC_SOURCES, TIME_WINDOW_SOURCES, type SyncBases, type SyncSource } from '@/lib/sync/sources';
import { takeValue } from './cli-args';

/** The command line of `npm run data:snapshot` (build-snapshot-cli.ts), parsed. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface SnapshotArgs {
  from: string;
  to: string;
  outDir: string;
  sources: SyncSource[];
  input: string[];
  bases: Partial<SyncBases>;
  /** A folder holding the previous snapshot to build on. */
  previous?: string;
  overlapDays?: number;
}

/** The command line as options; throws with the problem. */
export function parseSnapshotArgs(argv: readonly string[], today: string): SnapshotArgs {
  let from: string | undefined;
  let to = today;
  let outDir: string | undefined;
  let sources: SyncSource[] = [...TIME_WINDOW_SOURCES];
  const input: string[] = [];
  const bases: Partial<SyncBases> = {};
  let previous: string | undefined;
  let overlapDays: number | undefined;
  let inInput = false;
  const at = { i: 0 };
  for (; at.i < argv.length; at.i++) {
    const arg = argv[at.i]!;
    const value = (): string => takeValue(argv, at);
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
      const monthly = list.filter((s) => !(TIME_WINDOW_SOURCES as readonly string[]).includes(s));
      if (monthly.length > 0) throw new Error(`the snapshot cannot read ${monthly.join(', ')} yet (month windows): use ${TIME_WINDOW_SOURCES.join(', ')}`);
      sources = list as SyncSource[];
    } else if (arg === '--input') inInput = true;
    else if (arg.startsWith('--previous')) previous = value();
    else if (arg.startsWith('--overlap-days')) {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${arg} must be a whole number of days`);
      overlapDays = Number(v);
    }
    else if (arg.startsWith('--contracts-finder-base')) bases.contractsFinder = new URL(value()).href;
    else if (arg.startsWith('--find-a-tender-base')) bases.findATender = new URL(value()).href;
    else throw new Error(`unknown option ${arg}`);
  }
  if (from === undefined) throw new Error('--from is required');
  if (outDir === undefined) throw new Error('--out is required');
  if (!(from < to)) throw new Error(`--from ${from} must be before --to ${to}`);
  if (previous !== undefined && input.length > 0) throw new Error('--previous builds on from the APIs; it cannot be used with --input');
  return { from, to, outDir, sources, input, bases, ...(previous === undefined ? {} : { previous }), ...(overlapDays === undefined ? {} : { overlapDays }) };
}
