import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

// Small DOM helpers for the component tests: render into a container, and read what a person
// sees or what assistive technology is told.

const mounted = new Set<HTMLElement>();

afterEach(() => {
  for (const container of mounted) {
    render(null, container);
    container.remove();
  }
  mounted.clear();
});

/** Renders into a fresh container attached to the document (so focus and events behave). */
export function mount(vnode: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  act(() => render(vnode, container));
  return container;
}

/** Re-renders the same container with new props, as an app does on a new tab context. */
export function rerender(container: HTMLElement, vnode: ComponentChild): void {
  act(() => render(vnode, container));
}

const BLOCKS = 'div, p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, section, article, header, details, summary';

/**
 * Text a sighted reader sees: visually hidden helpers and hidden elements left out, a space
 * between block elements (textContent runs "Name" and "Badge" together), spaces collapsed.
 */
export function seenText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('.cl-visually-hidden, [hidden]')) hidden.remove();
  for (const block of clone.querySelectorAll(BLOCKS)) block.append(' ');
  return squash(clone.textContent ?? '');
}

/** Whether `element` or an ancestor carries the `hidden` attribute. */
export function isHidden(element: Element): boolean {
  return element.closest('[hidden]') !== null;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Headings as `h<level>: text`, in document order. */
export function headings(root: ParentNode): string[] {
  return [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
    (h) => `${h.tagName.toLowerCase()}: ${squash(h.textContent ?? '')}`,
  );
}

/** A list named by aria-labelledby or aria-label, as its items' text; throws when there is none. */
export function namedList(root: ParentNode, name: string): string[] {
  const list = [...root.querySelectorAll('ul, ol')].find((candidate) => accessibleName(candidate) === name);
  if (!list) throw new Error(`No list named ${JSON.stringify(name)}`);
  return [...list.querySelectorAll(':scope > li')].map((li) => squash(li.textContent ?? ''));
}

/** Names of every named list under `root`. */
export function listNames(root: ParentNode): string[] {
  return [...root.querySelectorAll('ul, ol')].map(accessibleName).filter((name) => name !== '');
}

/** The accessible name from aria-labelledby, aria-label or (for buttons and links) the content. */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    return squash(labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element.matches('button, a, summary')) {
    const clone = element.cloneNode(true) as Element;
    for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return squash(clone.textContent ?? '');
  }
  return '';
}

/** The button whose accessible name is `name`; throws when there is none. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => accessibleName(b) === name);
  if (!found) throw new Error(`No button named ${JSON.stringify(name)}`);
  return found;
}

/** A description list as `label: value` pairs. */
export function facts(root: ParentNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of root.querySelectorAll('dl dt')) {
    out[squash(dt.textContent ?? '')] = seenText(dt.nextElementSibling!);
  }
  return out;
}

/** Dispatches a key event the way a browser does (bubbling, cancelable) and flushes renders. */
export function press(target: Element, key: string, type: 'keydown' | 'keyup' = 'keydown'): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}
