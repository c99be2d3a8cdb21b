/**
 * An injectable clock for the sync: `sleep` moves time forward at once instead of waiting, and
 * records every wait, so a 5-minute overload wait takes no real time and tests can assert it.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Every wait asked for, in order (ms). */
  sleeps: number[];
  advance(ms: number): void;
  set(at: number): void;
}

export function fakeClock(start: number | string): FakeClock {
  let at = typeof start === 'string' ? Date.parse(start) : start;
  const sleeps: number[] = [];
  return {
    now: () => at,
    sleeps,
    advance: (ms) => {
      at += ms;
    },
    set: (to) => {
      at = to;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      at += Math.max(0, ms);
    },
  };
}
