import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Chromium's processes for one profile, read from Linux /proc (null elsewhere): memory by process
 * kind, which process holds the IndexedDB files open, and CPU use. The browser process is the one
 * whose command line names our profile without a `--type=`; every descendant is grouped by its
 * `--type=` (renderer, utility, zygote, ...). Command lines are searched as one string: zygote
 * children rewrite theirs into one space-separated title. Memory is PSS (proportional set size,
 * so shared pages are not counted twice when summed) from smaps_rollup, else RSS.
 */
export type ProcessMemory = Record<string, { count: number; bytes: number }>;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function bytesOf(pid: number): number {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const pss = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup);
  if (pss) return Number(pss[1]) * 1024;
  const status = read(`/proc/${pid}/status`);
  const rss = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
  return rss ? Number(rss[1]) * 1024 : 0;
}

interface OurProcess {
  pid: number;
  kind: string;
}

/** The browser process started with `profileDir` and all its descendants, with their kind; null without /proc or when not found. */
function chromiumProcesses(profileDir: string): OurProcess[] | null {
  if (!existsSync('/proc/self/stat')) return null;
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const parent = new Map<number, number>();
  const args = new Map<number, string>();
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (!stat || cmdline === null) continue;
    // Fields after the parenthesised command name: state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(pid, ppid);
    args.set(pid, cmdline.replaceAll('\0', ' '));
  }
  const browser = [...args].find(([, a]) => a.includes(`--user-data-dir=${profileDir}`) && !/--type=/.test(a))?.[0];
  if (browser === undefined) return null;
  const isOurs = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) if (p === browser) return true;
    return false;
  };
  const out: OurProcess[] = [];
  for (const [pid, a] of args) {
    if (!isOurs(pid)) continue;
    const type = pid === browser ? 'browser' : (/--type=(\S+)/.exec(a)?.[1] ?? 'other');
    const kind = type === 'utility' ? `utility (${/--utility-sub-type=(\S+)/.exec(a)?.[1]?.replace(/\.mojom\..*$/, '') ?? '?'})` : type;
    out.push({ pid, kind });
  }
  return out;
}

export function chromiumMemory(profileDir: string): ProcessMemory | null {
  const processes = chromiumProcesses(profileDir);
  if (!processes) return null;
  const out: ProcessMemory = {};
  for (const { pid, kind } of processes) {
    const entry = (out[kind] ??= { count: 0, bytes: 0 });
    entry.count++;
    entry.bytes += bytesOf(pid);
  }
  return out;
}

/** CPU time (user + system, in clock ticks) of all our Chromium processes. */
function cpuTicks(profileDir: string): number | null {
  const processes = chromiumProcesses(profileDir);
  if (!processes) return null;
  let ticks = 0;
  for (const { pid } of processes) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/**
 * Waits until Chromium is idle: its processes together use under `maxCores` of a core over a
 * 500 ms window (after a bulk write, LevelDB compacts in the background and competes with the
 * queries for the CPU), or `timeoutMs` passes. Returns the ms waited and whether it settled.
 */
export async function waitForIdle(profileDir: string, { maxCores = 0.1, timeoutMs = 30_000 } = {}): Promise<{ ms: number; settled: boolean }> {
  const t0 = performance.now();
  const window = 500;
  // Linux clock ticks per second (USER_HZ) are 100 on every mainstream kernel configuration.
  const hz = 100;
  let last = cpuTicks(profileDir);
  if (last === null) return { ms: 0, settled: false };
  while (performance.now() - t0 < timeoutMs) {
    await new Promise((ok) => setTimeout(ok, window));
    const now = cpuTicks(profileDir);
    if (now === null) break;
    const cores = (now - last) / hz / (window / 1000);
    last = now;
    if (cores < maxCores) return { ms: performance.now() - t0, settled: true };
  }
  return { ms: performance.now() - t0, settled: false };
}

/** Kinds of our processes that hold a file under `dir` open (where the IndexedDB backend runs). */
export function processesWithFilesIn(profileDir: string, dir: string): string[] {
  const kinds = new Set<string>();
  for (const { pid, kind } of chromiumProcesses(profileDir) ?? []) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(dir)) kinds.add(kind);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return [...kinds];
}
