/**
 * The production `sleep` for runSync: a timer that rejects with the signal's reason on abort.
 * Tests inject a fake clock instead. In a service worker keep inline waits short (runSync's
 * `maxInlineWaitMs`): timers do not keep a stopped worker alive.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
