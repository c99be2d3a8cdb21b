import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { InPageCard } from '@/components/inpage/inpage-card';
import { leedsServiceLead, noCouncil, reading } from '../../fixtures/preview-data';
import type { TabContext } from '@/lib/page-context';
import { accessibleName, button, click, headings, isHidden, mount, press, seenText } from '../../support/dom';

/** The content script keeps `collapsed`; this harness does the same with state. */
function Harness(props: { context: TabContext; collapsed?: boolean; onToggle?: (next: boolean) => void; onClose?: () => void }) {
  const [collapsed, setCollapsed] = useState(props.collapsed ?? true);
  return (
    <InPageCard
      context={props.context}
      collapsed={collapsed}
      onToggle={(next) => {
        props.onToggle?.(next);
        setCollapsed(next);
      }}
      onClose={props.onClose}
    />
  );
}

const toggle = (root: ParentNode) => root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const body = (root: ParentNode) => root.ownerDocument!.getElementById(toggle(root).getAttribute('aria-controls')!)!;

describe('header', () => {
  test('a labelled complementary region with a toggle naming the council', () => {
    const root = mount(<Harness context={leedsServiceLead} />);
    expect(root.querySelector('aside')?.getAttribute('aria-label')).toBe('Council Lens');
    expect(seenText(toggle(root))).toBe('Council Lens · Leeds City Council');
    expect(accessibleName(toggle(root))).toBe('Council Lens: Leeds City Council');
  });

  test.each([
    [noCouncil, 'Council Lens · No UK council found'],
    [reading, 'Council Lens · Reading this page…'],
  ])('for a %# context the header says so', (context, expected) => {
    const root = mount(<Harness context={context} />);
    expect(seenText(toggle(root))).toBe(expected);
  });
});

describe('toggling', () => {
  test('collapsed: only the header shows; the toggle says it is collapsed and what it controls', () => {
    const root = mount(<Harness context={leedsServiceLead} />);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(body(root).hidden).toBe(true);
    expect(body(root).contains(root.querySelector('h2'))).toBe(true);
  });

  test('a click expands to the compact card and collapses again', () => {
    const onToggle = vi.fn();
    const root = mount(<Harness context={leedsServiceLead} onToggle={onToggle} />);
    click(toggle(root));
    expect(onToggle).toHaveBeenLastCalledWith(false);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('true');
    expect(isHidden(root.querySelector('h2')!)).toBe(false);
    expect(headings(body(root))).toEqual(['h2: Leeds City Council', 'h3: Head of Commissioning, Adults and Health']);
    expect(root.querySelector('.cl-card--compact')).not.toBeNull();
    expect(body(root).querySelector('details')?.open).toBe(false);
    click(toggle(root));
    expect(onToggle).toHaveBeenLastCalledWith(true);
    expect(body(root).hidden).toBe(true);
  });

  test.each([
    ['Enter', 'Enter'],
    ['Space', ' '],
  ])('%s toggles, and cancels the key so the browser does not click a second time', (_name, key) => {
    const onToggle = vi.fn();
    const root = mount(<Harness context={leedsServiceLead} onToggle={onToggle} />);
    toggle(root).focus();
    const down = press(toggle(root), key);
    expect(down.defaultPrevented).toBe(true);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('true');
    if (key === ' ') expect(press(toggle(root), key, 'keyup').defaultPrevented).toBe(true);
    press(toggle(root), key);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(onToggle.mock.calls).toEqual([[false], [true]]);
  });

  test('a held key does not flap the card open and shut', () => {
    const root = mount(<Harness context={leedsServiceLead} />);
    press(toggle(root), 'Enter');
    act(() => {
      toggle(root).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', repeat: true, bubbles: true, cancelable: true }));
    });
    expect(toggle(root).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('Escape', () => {
  test('collapses from inside the card, returns focus to the toggle, and stays out of the host page', () => {
    const hostPage = vi.fn();
    document.addEventListener('keydown', hostPage);
    try {
      const root = mount(<Harness context={leedsServiceLead} collapsed={false} />);
      const link = body(root).querySelector('a')!;
      link.focus();
      press(link, 'Escape');
      expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
      expect(body(root).hidden).toBe(true);
      expect(document.activeElement).toBe(toggle(root));
      expect(hostPage).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', hostPage);
    }
  });

  test('when already collapsed it does nothing and lets the page have the key', () => {
    const onToggle = vi.fn();
    const hostPage = vi.fn();
    document.addEventListener('keydown', hostPage);
    try {
      const root = mount(<Harness context={leedsServiceLead} onToggle={onToggle} />);
      press(toggle(root), 'Escape');
      expect(onToggle).not.toHaveBeenCalled();
      expect(hostPage).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('keydown', hostPage);
    }
  });
});

describe('close', () => {
  test('a labelled close button when onClose is given', () => {
    const onClose = vi.fn();
    const root = mount(<Harness context={leedsServiceLead} onClose={onClose} />);
    click(button(root, 'Close Council Lens'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('no close button otherwise', () => {
    const root = mount(<Harness context={leedsServiceLead} />);
    // The card's own "Business case (.xlsx)" button aside.
    expect([...root.querySelectorAll('button')].filter((b) => !b.closest('.cl-spend'))).toHaveLength(1);
  });
});

test('a non-council context shows its message in the body', () => {
  const root = mount(<Harness context={noCouncil} collapsed={false} />);
  expect(headings(body(root))).toEqual(['h2: No UK council found']);
  expect(seenText(body(root))).toContain('Brightwater Digital Ltd is not a UK council as far as the register knows.');
});
