/**
 * The background's API, re-exported so callers write `@/lib/protocol`: the requests, their
 * responses and the envelope (requests.ts), and what the background broadcasts (broadcasts.ts).
 * Domain types live in their domains (lib/councils/card.ts, lib/page-context.ts, ...), never here.
 */
export * from './requests';
export * from './broadcasts';
