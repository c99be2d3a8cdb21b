import type { Request, ResponseMap } from '@/lib/protocol';
import type { Audience, Caller } from './callers';
import type { HandlerContext } from './context';

/** The request of one type. */
export type RequestOf<K extends Request['type']> = Extract<Request, { type: K }>;

/** One registry entry: who may send the request, and the function that answers it. */
export interface HandlerEntry<K extends Request['type']> {
  /**
   * Who may ask: `pages` (the extension's own pages) and the sites whose content script needs it.
   * A content script may ask only for what its own overlay shows.
   */
  from: readonly Audience[];
  /** For a request about one page: its address, which from a content script must be on its own page's origin (callers.ts). */
  about?: (request: RequestOf<K>) => string;
  handle: (request: RequestOf<K>, context: HandlerContext, caller: Caller) => Promise<ResponseMap[K]>;
}

/**
 * One entry per request type, each answering its own ResponseMap type: a missing entry, an entry
 * for no request, or a handler answering the wrong shape fails the typecheck
 * (tests/entrypoints/background/handlers/handler-registry.test.ts).
 */
export type HandlerRegistry = { [K in Request['type']]: HandlerEntry<K> };
