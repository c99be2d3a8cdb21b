import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../..', 'fixtures');

/**
 * Parses a saved page (tests/fixtures/<site>/<name>) with happy-dom's DOMParser, in a window whose
 * location is `url`, the way the content script would see it. Scripts never run.
 */
export function loadFixture(site: string, name: string, url = 'https://www.linkedin.com/'): Document {
  // Paths, not `new URL(…, import.meta.url)`: under happy-dom the global URL is the DOM's own.
  const html = readFileSync(join(FIXTURES, site, name), 'utf8');
  return parseHtml(html, url);
}

/** Parses an inline HTML string the same way as {@link loadFixture}. */
export function parseHtml(html: string, url = 'https://www.linkedin.com/'): Document {
  const window = new Window({ url });
  // happy-dom's Document implements the DOM the adapters use; its own type is not lib.dom's.
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The first of `selectors` that matches in `root`, or null. */
export function firstMatching(root: ParentNode, selectors: readonly string[]): string | null {
  return selectors.find((selector) => root.querySelector(selector) !== null) ?? null;
}
