/**
 * Visible text of a DOM subtree, read without layout: pure code cannot call getComputedStyle, so
 * "visible" means not in a non-rendering element (script, style, template, svg), not hidden by the
 * `hidden` attribute or an inline `display: none` / `visibility: hidden`, and not screen-reader-only
 * text. LinkedIn renders every label twice in its classic layout, once for the eye in
 * `span[aria-hidden="true"]` and once in `span.visually-hidden` for screen readers, so reading both
 * would double every line.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that never render text. `code` is not here: LinkedIn hides its JSON blobs in `<code style="display: none">`, caught by the style check. */
const NON_RENDERING = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'canvas']);

/** Screen-reader-only utility classes: LinkedIn's `visually-hidden` (classic profile, 2026-11) and the common `sr-only`. */
const SCREEN_READER_ONLY_CLASS = /(?:^|\s)(?:visually-hidden|sr-only|a11y-text)(?:\s|$)/;

/** Elements that start a new line when rendered (default display: block, list-item, table parts). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** True when the element itself is hidden or renders no text (ancestors are not checked). */
export function isHiddenElement(el: Element): boolean {
  if (NON_RENDERING.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.localName === 'input' && el.getAttribute('type') === 'hidden') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  // A test, not a split: LinkedIn's 2026 elements carry long lists of hashed classes, and this runs
  // for every element read (tests/bench/linkedin-main-thread.bench.ts).
  const classes = el.getAttribute('class');
  return classes !== null && SCREEN_READER_ONLY_CLASS.test(classes);
}

/** Options for {@link visibleLines}. */
export interface VisibleTextOptions {
  /** Further elements to leave out with their subtree, e.g. a right rail inside `main`. */
  skip?: (el: Element) => boolean;
}

function collect(node: Node, out: string[], options: VisibleTextOptions): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    // Documents and fragments: walk their children; comments and the rest carry no text.
    if (node.nodeType === 9 || node.nodeType === 11) node.childNodes.forEach((child) => collect(child, out, options));
    return;
  }
  const el = node as Element;
  if (isHiddenElement(el) || options.skip?.(el)) return;
  const block = BLOCK.has(el.localName);
  if (block) out.push('\n');
  el.childNodes.forEach((child) => collect(child, out, options));
  if (block) out.push('\n');
}

/**
 * The visible text of a subtree as lines: block elements start new lines, whitespace inside a
 * line collapses to single spaces, empty lines are dropped.
 */
export function visibleLines(node: Node, options: VisibleTextOptions = {}): string[] {
  const out: string[] = [];
  collect(node, out, options);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** The visible text of a subtree on one line, whitespace collapsed; '' when there is none. */
export function visibleText(node: Node, options: VisibleTextOptions = {}): string {
  return visibleLines(node, options).join(' ');
}

/** True when the subtree shows any text; stops at the first, for the "still loading?" check. */
export function hasVisibleText(node: Node, options: VisibleTextOptions = {}): boolean {
  if (node.nodeType === TEXT_NODE) return /\S/.test(node.nodeValue ?? '');
  if (node.nodeType === ELEMENT_NODE) {
    const el = node as Element;
    if (isHiddenElement(el) || options.skip?.(el)) return false;
  } else if (node.nodeType !== 9 && node.nodeType !== 11) {
    return false;
  }
  for (const child of node.childNodes) if (hasVisibleText(child, options)) return true;
  return false;
}

/** The visible text, or null when it is empty. */
export function textOrNull(node: Node | null | undefined): string | null {
  if (!node) return null;
  const text = visibleText(node);
  return text.length > 0 ? text : null;
}

/** Cap on the fallback text: enough for a whole profile's main column, small enough for a message. */
export const MAIN_TEXT_CAP = 20_000;

/** The first element any of `selectors` finds, the selectors tried in order. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/**
 * The page's main content landmark. Every LinkedIn layout seen so far keeps it (it is what screen
 * readers jump to), which is why the text fallback hangs off it.
 */
export function findMain(root: ParentNode): Element | null {
  return root.querySelector('main, [role="main"]'); // every LinkedIn layout, 2026-11
}

/**
 * Visible text of the main content for the text-based fallback: lines joined with '\n', capped at
 * {@link MAIN_TEXT_CAP} characters. Complementary regions inside main (a right rail of "People also
 * viewed" naming other employers) are left out.
 */
export function mainText(main: Element): string {
  const text = visibleLines(main, {
    skip: (el) => el.localName === 'aside' || el.getAttribute('role') === 'complementary',
  }).join('\n');
  return text.length > MAIN_TEXT_CAP ? text.slice(0, MAIN_TEXT_CAP) : text;
}
