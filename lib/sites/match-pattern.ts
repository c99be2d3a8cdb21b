/**
 * Chrome match patterns (`<scheme>://<host>/<path>`), enough of them for the manifest's entries:
 * `*` or `http`/`https` schemes, an exact host or `*.host`, a path glob matched against the path
 * and query, case-sensitively (as Chrome does). Lets an adapter's `isPage` and the manifest share
 * one rule, and tests check that every adapter's pages are covered by a content script.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parsed) throw new Error(`unsupported match pattern ${pattern}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}

/** Whether any of `patterns` matches `url`. */
export function matchesAny(patterns: readonly string[], url: URL): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}
