import { useEffect, useRef, useState } from 'preact/hooks';

export interface Autosave {
  /** Saves `debounceMs` after the last call: call it on every change. */
  schedule(): void;
  /** Saves now (a field lost focus, the form was submitted); resolves when no save is running. */
  flush(): Promise<void>;
}

/**
 * When to save typed changes: `debounceMs` after typing stops, at once on `flush()`, when the page
 * is hidden or left (a closed tab must not lose the last words), and on unmount. One save runs at
 * a time: a flush during a save runs `save` once more after it, so `save` sends whatever is still
 * unsaved then (and does nothing when nothing is).
 */
export function useAutosave(save: () => Promise<void>, debounceMs: number): Autosave {
  // Timers and page events call the latest `save` and delay, never the first render's.
  const latest = useRef({ save, debounceMs });
  latest.current = { save, debounceMs };
  const [autosave] = useState<Autosave>(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running: Promise<void> | null = null;
    let again = false;
    const flush = async (): Promise<void> => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      if (running) {
        again = true;
        return running;
      }
      running = latest.current.save();
      try {
        await running;
      } finally {
        running = null;
      }
      if (again) {
        again = false;
        await flush();
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), latest.current.debounceMs);
    };
    return { schedule, flush };
  });

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const onPageHide = () => void autosave.flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void autosave.flush();
    };
  }, []);
  return autosave;
}
