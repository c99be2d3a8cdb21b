import { browser } from 'wxt/browser';
import type { Envelope, Request, ResponseMap } from '@/lib/protocol';

/**
 * Sends one request to the background and unwraps its envelope. The background answers with
 * `sendResponse` + `return true` rather than a returned promise, which works with fakeBrowser,
 * the polyfill and Chrome alike (../shared/RECIPE-e2e.md).
 */
export async function ask<T extends Request['type']>(
  request: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<ResponseMap[T]> | undefined;
  if (!envelope) throw new Error('Council Lens could not reach its background page. Try reloading the tab.');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}
