import { browser } from 'wxt/browser';

/** Calls `listener` with every runtime message (the background's broadcasts); returns the remover. */
export function onRuntimeMessage(listener: (message: unknown) => void): () => void {
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Subscribes to the broadcasts that pass `concerns` (a schema's `safeParse(m).success`, a kind
 * and id check): the `rereadOn` of hooks/use-background-read.ts, which itself stays free of
 * extension APIs.
 */
export function onBroadcast(concerns: (message: unknown) => boolean): (listener: () => void) => () => void {
  return (listener) =>
    onRuntimeMessage((message) => {
      if (concerns(message)) listener();
    });
}
