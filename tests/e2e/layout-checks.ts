/**
 * Layout checks run inside a real page (issue 12): what a person would see as broken, measured on
 * the element boxes Chromium laid out. Each function here is serialised into the page by
 * Playwright (`page.evaluate`) or CDP (`Runtime.callFunctionOn`), so it must not use anything from
 * its module scope.
 */
import type { Page } from 'playwright-core';

export interface LayoutProblem {
  kind: 'page-overflow' | 'off-screen' | 'clipped' | 'overlap';
  /** A short CSS-ish path to the element(s), and what was measured. */
  where: string;
  detail: string;
}

/**
 * Measures `root` (the page's body, or the top element inside a closed shadow root) against the
 * viewport and itself:
 * - page-overflow: the document scrolls sideways;
 * - off-screen: a visible element reaches past the viewport's left or right edge, unless it sits
 *   in a container that scrolls sideways (a wide table in a scroller is fine);
 * - clipped: an element that hides its overflow (`hidden`/`clip`, not a scroller) has text cut off,
 *   or a text field's placeholder or value is wider than the field;
 * - overlap: two runs of text, or a run of text and a control, drawn over each other (each box cut to
 *   what its scrolling or clipping ancestors show: text scrolled out of view is not drawn).
 */
export function measureLayout(this: Element | void, rootArg?: Element | null): LayoutProblem[] {
  const root: Element = rootArg ?? (this instanceof Element ? this : document.body);
  const problems: LayoutProblem[] = [];
  const view = document.documentElement;
  const vw = view.clientWidth;
  const tol = 1;

  const pathOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.includes('--')).slice(0, 2).join('.');
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (cls ? `.${cls}` : ''));
    }
    return parts.join(' > ');
  };
  const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);

  /** Not drawn, or drawn only for screen readers (1 px and clipped). */
  const hiddenCache = new Map<Element, boolean>();
  const isHidden = (el: Element): boolean => {
    const cached = hiddenCache.get(el);
    if (cached !== undefined) return cached;
    let hidden = false;
    const style = getComputedStyle(el);
    // checkVisibility also sees the skipped content of a closed <details> (content-visibility).
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) hidden = true;
    else if (el.getClientRects().length === 0 && style.display !== 'contents') hidden = true;
    else {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) hidden = true;
      else if (style.clipPath !== 'none' && style.position === 'absolute') hidden = true;
    }
    if (!hidden && el.parentElement && el !== root) hidden = isHidden(el.parentElement);
    hiddenCache.set(el, hidden);
    return hidden;
  };

  /** The nearest ancestor that scrolls sideways, or clips without scrolling. */
  const clipper = (el: Element): { el: Element; scrolls: boolean } | null => {
    for (let e = el.parentElement; e && e !== view; e = e.parentElement) {
      const ox = getComputedStyle(e).overflowX;
      if (ox === 'auto' || ox === 'scroll') return { el: e, scrolls: true };
      if (ox === 'hidden' || ox === 'clip') return { el: e, scrolls: false };
    }
    return null;
  };

  if (root === document.body && view.scrollWidth > vw + tol) {
    // Name the widest culprits, visible or not (a visually hidden label placed outside a scroller widens the page too).
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > vw + tol)
      .filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)))
      .slice(0, 3)
      .map((el) => `${pathOf(el)} (to ${Math.round(el.getBoundingClientRect().right)} px)`);
    problems.push({ kind: 'page-overflow', where: 'html', detail: `the page is ${view.scrollWidth} px wide in a ${vw} px viewport; past the edge: ${culprits.join('; ')}` });
  }

  const elements = [root, ...root.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'BR', 'OPTION'].includes(el.tagName));
  const visible = elements.filter((el) => !isHidden(el));

  // Off-screen: reported once per subtree (the outermost element that sticks out).
  const reported = new Set<Element>();
  for (const el of visible) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right <= vw + tol && r.left >= -tol) continue;
    const c = clipper(el);
    if (c?.scrolls) {
      const cr = c.el.getBoundingClientRect();
      if (cr.right <= vw + tol && cr.left >= -tol) continue;
    } else if (c && !c.scrolls) continue; // cut off by the clipper: the clipped check reports it
    if ([...reported].some((p) => p.contains(el))) continue;
    reported.add(el);
    problems.push({ kind: 'off-screen', where: pathOf(el), detail: `spans ${Math.round(r.left)}–${Math.round(r.right)} px of a ${vw} px viewport: "${textOf(el)}"` });
  }

  // Clipped text: an element that hides overflow and has more content than room.
  for (const el of visible) {
    const style = getComputedStyle(el);
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if ((clipsX || clipsY) && textOf(el) !== '') {
      const cutX = clipsX && el.scrollWidth > el.clientWidth + tol;
      const cutY = clipsY && el.scrollHeight > el.clientHeight + tol;
      if (cutX || cutY) {
        problems.push({
          kind: 'clipped',
          where: pathOf(el),
          detail: `${cutX ? `${el.scrollWidth} px of text in ${el.clientWidth} px wide` : ''}${cutX && cutY ? ', ' : ''}${cutY ? `${el.scrollHeight} px of content in ${el.clientHeight} px high` : ''}: "${textOf(el)}"`,
        });
      }
    }
    if (el instanceof HTMLInputElement && ['text', 'search', 'email', 'url', 'tel', ''].includes(el.type)) {
      const shown = el.value || el.placeholder;
      if (!shown) continue;
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const width = canvas.measureText(shown).width;
      if (width > room + tol) problems.push({ kind: 'clipped', where: pathOf(el), detail: `"${shown}" needs ${Math.ceil(width)} px in a ${Math.floor(room)} px field` });
    }
  }

  // Overlap: the line boxes of each element's own text, and controls, compared pairwise.
  interface Box {
    el: Element;
    r: DOMRect;
    control: boolean;
  }
  const boxes: Box[] = [];
  const controls = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IMG', 'svg']);
  /** The part of `r` its scrolling or clipping ancestors show: what lies scrolled out of a box is not drawn there. */
  const shown = (el: Element, r: DOMRect): DOMRect | null => {
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    for (let e: Node | null = el.parentNode; e; e = e instanceof ShadowRoot ? e.host : e.parentNode) {
      if (!(e instanceof Element)) continue;
      const style = getComputedStyle(e);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const c = e.getBoundingClientRect();
      [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
    }
    return right - left > 1 && bottom - top > 1 ? new DOMRect(left, top, right - left, bottom - top) : null;
  };
  const add = (el: Element, r: DOMRect, control: boolean) => {
    const part = r.width > 1 && r.height > 1 ? shown(el, r) : null;
    if (part) boxes.push({ el, r: part, control });
  };
  for (const el of visible) {
    if (controls.has(el.tagName)) {
      add(el, el.getBoundingClientRect(), true);
      continue;
    }
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) add(el, r, false);
    }
  }
  const seen = new Set<string>();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.el === b.el) continue;
      // A control's own label (text inside a button) is not an overlap.
      if ((a.control && a.el.contains(b.el)) || (b.control && b.el.contains(a.el))) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // Text boxes are as tall as the font's ascent and descent: adjacent tight lines touch by a pixel or two.
      if (w <= 2 || h <= 4) continue;
      const key = `${pathOf(a.el)}|${pathOf(b.el)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ kind: 'overlap', where: `${pathOf(a.el)}  ×  ${pathOf(b.el)}`, detail: `${Math.round(w)}×${Math.round(h)} px: "${textOf(a.el)}" over "${textOf(b.el)}"` });
    }
  }
  return problems;
}

/** {@link measureLayout} on a page's body. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(`(${measureLayout.toString()})(document.body)`) as Promise<LayoutProblem[]>;
}

/** A readable list of problems for an assertion message. */
export function describeProblems(problems: LayoutProblem[]): string {
  return problems.map((p) => `  ${p.kind}: ${p.where}\n      ${p.detail}`).join('\n');
}
