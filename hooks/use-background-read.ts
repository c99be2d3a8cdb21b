import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/format';

/**
 * A read's state: `idle` when there is nothing to read (`enabled` false), `error` with the last
 * value these inputs gave (null if none), so a page can keep showing it beside the error.
 */
export type ReadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string; last: T | null };

/** Calls `listener` on each message that concerns the read; returns the remover. */
export type Subscribe = (listener: () => void) => () => void;

/** The value shown: the answer, or after a failed re-read the last answer; null before the first. */
export function lastValue<T>(state: ReadState<T>): T | null {
  return state.status === 'ready' ? state.value : state.status === 'error' ? state.last : null;
}

/** The last read's failure, or null. */
export function lastError(state: ReadState<unknown>): string | null {
  return state.status === 'error' ? state.error : null;
}

export interface BackgroundReadOptions {
  /** The inputs: a change reads again (showing `loading`), and answers asked for older inputs are dropped. */
  inputs?: readonly unknown[];
  /** Read again quietly (keeping what is shown until the answer) when one of these changes: newer data, same inputs. */
  refreshOn?: readonly unknown[];
  /** False: nothing to read (state `idle`), and any answer on its way is dropped. */
  enabled?: boolean;
  /** The background's broadcasts that concern this read (`onBroadcast` from lib/extension): each one reads again quietly. */
  rereadOn?: Subscribe;
  /** After an input change, keep a `ready` state shown until the new answer (search results while typing). */
  keepReady?: boolean;
  /** After an input change (not on mount), wait this long for the inputs to settle before reading. */
  delayMs?: number;
}

export interface BackgroundRead<T> {
  state: ReadState<T>;
  /** Reads again now; `quiet` keeps what is shown until the answer. */
  reload(quiet?: boolean): void;
  /** Shows `value` (the answer to a write) and drops any read still on its way, whose answer is now older. */
  set(value: T): void;
}

/**
 * A value read from the background, kept live: read on mount and whenever `inputs` change, again
 * quietly on each broadcast `rereadOn` passes and when `refreshOn` changes. Only the latest read's
 * answer is shown (a counter drops older ones, so a slow answer for the previous council never
 * replaces the current one), and nothing is set after unmount.
 */
export function useBackgroundRead<T>(read: () => Promise<T>, options: BackgroundReadOptions = {}): BackgroundRead<T> {
  const { inputs = [], refreshOn = [], enabled = true, rereadOn, keepReady = false, delayMs = 0 } = options;
  const [state, setState] = useState<ReadState<T>>(enabled ? { status: 'loading' } : { status: 'idle' });
  /** The latest read's number: an answer to any other is dropped. */
  const latest = useRef(0);
  const mounted = useRef(true);
  const shown = useRef(state);
  shown.current = state;
  const current = useRef({ read, enabled });
  current.current = { read, enabled };

  const show = (next: ReadState<T>) => {
    shown.current = next;
    setState(next);
  };

  const run = async (quiet: boolean): Promise<void> => {
    const request = ++latest.current;
    if (!current.current.enabled) return show({ status: 'idle' });
    if (!quiet) show({ status: 'loading' });
    const last = lastValue(shown.current);
    try {
      const value = await current.current.read();
      if (mounted.current && request === latest.current) show({ status: 'ready', value });
    } catch (e) {
      if (mounted.current && request === latest.current) show({ status: 'error', error: errorText(e), last });
    }
  };

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  /** The inputs the last read was for; null before the first. */
  const readFor = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    const key = [enabled, ...inputs];
    const before = readFor.current;
    readFor.current = key;
    // Only `refreshOn` changed: same inputs, newer data; keep what is shown while re-reading.
    if (before && sameValues(before, key)) return void run(true);
    const keep = keepReady && enabled && shown.current.status === 'ready';
    if (!before || delayMs === 0 || !enabled) return void run(keep);
    // Waiting for the inputs to settle: an answer for the previous ones is already stale.
    ++latest.current;
    if (!keep) show({ status: 'loading' });
    const timer = setTimeout(() => void run(keep), delayMs);
    return () => clearTimeout(timer);
  }, [enabled, ...inputs, ...refreshOn]);

  useEffect(() => (enabled ? rereadOn?.(() => void run(true)) : undefined), [enabled, ...inputs]);

  // The render that brings new inputs comes before the effect that reads for them: show what that
  // read will show, never the previous inputs' answer under the new ones.
  const before = readFor.current;
  const inputsChanged = before !== null && !sameValues(before, [enabled, ...inputs]);
  const keepShown = keepReady && enabled && state.status === 'ready';
  return {
    state: inputsChanged && !keepShown ? (enabled ? { status: 'loading' } : { status: 'idle' }) : state,
    reload: (quiet = false) => void run(quiet),
    set(value: T) {
      ++latest.current;
      show({ status: 'ready', value });
    },
  };
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
