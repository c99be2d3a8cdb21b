import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/extension/messaging';
import { errorText } from './format';

/** Calls `listener` with every runtime message (the background's broadcasts); returns the remover. */
export function onRuntimeMessage(listener: (message: unknown) => void): () => void {
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * A value read from the background on mount, and again whenever a broadcast passes `changed`
 * (another tab, an import). `value` is null until the first answer; `error` is the last read's failure.
 */
export function useLiveRead<T>(read: () => Promise<T>, changed: (message: unknown) => boolean): { value: T | null; error: string | null } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const reread = () =>
      read().then(
        (next) => {
          setValue(next);
          setError(null);
        },
        (e: unknown) => setError(errorText(e)),
      );
    void reread();
    return onRuntimeMessage((m) => {
      if (changed(m)) void reread();
    });
  }, []);
  return { value, error };
}

/** The councils' codes and names for pickers and labels; empty until they arrive (or if they cannot be read). */
export function useCouncilList(): { code: string; name: string }[] {
  const [councils, setCouncils] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    void ask({ type: 'listCouncils' }).then(setCouncils, () => undefined);
  }, []);
  return councils;
}
