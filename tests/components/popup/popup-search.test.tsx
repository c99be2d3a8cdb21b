import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { PopupView, SEARCH_DEBOUNCE_MS, type PopupSource } from '@/components/popup/popup-view';
import { TabCouncils } from '@/components/popup/tab-councils';
import { ashfordCard, kentCard, leedsCard, northYorkshireCard } from '../../fixtures/preview-data';
import type { SearchResults } from '@/lib/suppliers/search-results';
import { aecom, results } from '../suppliers/supplier-fixtures';
import { accessibleName, button, click, headings, mount, press, seenText } from '../../support/dom';

const wait = (ms: number) => act(() => new Promise<void>((ok) => setTimeout(ok, ms)));
/** Past the debounce, and the answer settled. */
const searched = () => wait(SEARCH_DEBOUNCE_MS + 20);

function source(over: Partial<PopupSource> = {}): PopupSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    search: async (query) => (asked.push(`search ${query}`), results(query)),
    councilCard: async (code) => (asked.push(`card ${code}`), code === 'LDS' ? leedsCard : null),
    references: async (key) => (asked.push(`refs ${key}`), { ...aecom, key }),
    ...over,
  };
}

function input(root: HTMLElement): HTMLInputElement {
  return root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
}

async function type(root: HTMLElement, text: string): Promise<void> {
  const box = input(root);
  act(() => {
    box.focus();
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const options = (root: HTMLElement) => [...root.querySelectorAll('[role="option"]')].map((o) => seenText(o));
const active = (root: HTMLElement) => {
  const id = input(root).getAttribute('aria-activedescendant');
  return id ? seenText(root.ownerDocument.getElementById(id)!) : null;
};

describe('the popup search box', () => {
  test('Enter while the answer to a newer query is on its way opens nothing from the old results', async () => {
    const src = source();
    const root = mount(<PopupView source={src} />);
    await type(root, 'Leeds');
    await searched();
    expect(options(root).length).toBeGreaterThan(0);
    await type(root, 'AECOM');
    press(input(root), 'Enter');
    expect(src.asked).toEqual(['search Leeds']);
    await searched();
    expect(src.asked).toEqual(['search Leeds', 'search AECOM']);
    press(input(root), 'Enter');
    await wait(10);
    expect(src.asked.at(-1)).toMatch(/^(card|refs) /);
  });

  test('is a labelled combobox; typing searches once after a pause, results grouped Councils then Suppliers', async () => {
    const src = source();
    const root = mount(<PopupView source={src} />);
    expect(accessibleName(input(root))).toBe('');
    expect(root.querySelector('label')!.textContent).toBe('Search councils and suppliers');
    expect(input(root).getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(input(root));
    await type(root, 'Le');
    await type(root, 'Lee');
    await type(root, 'Leeds');
    expect(src.asked).toEqual([]);
    await searched();
    expect(src.asked).toEqual(['search Leeds']);
    expect(input(root).getAttribute('aria-expanded')).toBe('true');
    const groups = [...root.querySelectorAll('[role="listbox"] [role="group"]')].map((g) => accessibleName(g));
    expect(groups).toEqual(['Councils', 'Suppliers']);
    expect(options(root)).toEqual([
      'Leeds City Council',
      'West Yorkshire Combined Authority matched “Leeds City Region”',
      'Leeds Building Services Ltd 2 contracts · 1 council',
      'Leeds Care 1 contract · 1 council',
    ]);
    expect(seenText(root.querySelector('[role="status"]')!)).toBe('2 councils, 2 suppliers. Arrow keys to choose, Enter to open.');
  });

  test('ArrowDown and ArrowUp move through both groups and wrap; Enter opens the council’s card; Back returns', async () => {
    const src = source();
    const root = mount(<PopupView source={src} />);
    await type(root, 'Leeds');
    await searched();
    expect(active(root)).toBeNull();
    press(input(root), 'ArrowDown');
    expect(active(root)).toBe('Leeds City Council');
    press(input(root), 'ArrowDown');
    press(input(root), 'ArrowDown');
    expect(active(root)).toBe('Leeds Building Services Ltd 2 contracts · 1 council');
    press(input(root), 'ArrowUp');
    press(input(root), 'ArrowUp');
    expect(active(root)).toBe('Leeds City Council');
    press(input(root), 'ArrowUp');
    expect(active(root)).toBe('Leeds Care 1 contract · 1 council');
    press(input(root), 'ArrowDown');
    expect([...root.querySelectorAll('[aria-selected="true"]')].map((o) => seenText(o))).toEqual(['Leeds City Council']);
    const enter = press(input(root), 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    await wait(0);
    expect(src.asked.at(-1)).toBe('card LDS');
    expect(headings(root)[0]).toBe('h2: Leeds City Council');
    expect(document.activeElement).toBe(button(root, '← Back to results'));
    click(button(root, '← Back to results'));
    await wait(20);
    expect(root.querySelector('article')).toBeNull();
    expect(input(root).value).toBe('Leeds');
    expect(document.activeElement).toBe(input(root));
  });

  test('Enter on a supplier shows its references; Escape there goes back to the results', async () => {
    const src = source();
    const root = mount(<PopupView source={src} />);
    await type(root, 'Leeds');
    await searched();
    press(input(root), 'ArrowUp');
    press(input(root), 'ArrowUp');
    press(input(root), 'Enter');
    await wait(0);
    expect(src.asked.at(-1)).toBe('refs ch:01234567');
    expect(seenText(root)).toContain('the notice’s published contact (20 January 2025): Sam Spencer');
    const escape = press(document.activeElement!, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(root.querySelector('.cl-refs')).toBeNull();
  });

  test('Enter with nothing chosen opens the first hit; Escape clears the box (and keeps the popup open)', async () => {
    const src = source();
    const root = mount(<PopupView source={src} />);
    await type(root, 'Leeds');
    await searched();
    press(input(root), 'Enter');
    await wait(0);
    expect(src.asked.at(-1)).toBe('card LDS');
    click(button(root, '← Back to results'));
    const escape = press(input(root), 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(input(root).value).toBe('');
    expect(input(root).getAttribute('aria-expanded')).toBe('false');
    // An empty box lets Escape through: the browser closes the popup.
    expect(press(input(root), 'Escape').defaultPrevented).toBe(false);
  });

  test('a slow answer to an older query never replaces the newer one', async () => {
    const pending = new Map<string, (r: SearchResults) => void>();
    const src = source({ search: (query) => new Promise((ok) => pending.set(query, ok)) });
    const root = mount(<PopupView source={src} />);
    await type(root, 'Lee');
    await searched();
    await type(root, 'Kent');
    await searched();
    await act(async () => pending.get('Kent')!(results('Kent', { councils: [{ code: 'KEN', name: 'Kent County Council', kind: 'council', type: 'CTY', current: true, matched: 'Kent' }], suppliers: [] })));
    await act(async () => pending.get('Lee')!(results('Lee')));
    expect(options(root)).toEqual(['Kent County Council']);
  });

  test('searching, nothing found and a failure each say so', async () => {
    let fail = false;
    let answer: ((r: SearchResults) => void) | null = null;
    const src = source({
      search: (query) => (fail ? Promise.reject(new Error('Database closed')) : new Promise((ok) => (answer = (r) => ok(r ?? results(query))))),
    });
    const root = mount(<PopupView source={src} />);
    const status = () => seenText(root.querySelector('[role="status"]')!);
    expect(status()).toContain('Type a council’s name');
    await type(root, 'zzz');
    await searched();
    expect(status()).toBe('Searching…');
    await act(async () => answer!({ query: 'zzz', councils: [], suppliers: [] }));
    expect(status()).toBe('Nothing in the local cache matches “zzz”.');
    expect(input(root).getAttribute('aria-expanded')).toBe('false');
    fail = true;
    await type(root, 'zzzz');
    await searched();
    expect(status()).toBe('Couldn’t search: Database closed');
  });

  test('a supplier or council missing from the cache, and a failed load, show as such', async () => {
    const root = mount(<PopupView source={source({ references: async () => Promise.reject(new Error('Timed out')) })} />);
    await type(root, 'Leeds');
    await searched();
    click(root.querySelectorAll('[role="option"]')[1]!);
    await wait(0);
    expect(seenText(root)).toContain('West Yorkshire Combined Authority is not in the local cache');
    click(button(root, '← Back to results'));
    click(root.querySelectorAll('[role="option"]')[3]!);
    await wait(0);
    expect(seenText(root)).toContain('Couldn’t load Leeds Care Details: Timed out');
  });

  test('`?q=` searches at once and opens the references when exactly one supplier matches', async () => {
    const one = source({ search: async (q) => results(q, { councils: [], suppliers: [{ key: 'name:aecom', name: 'AECOM Limited', companiesHouse: null, awards: 2, councils: 2 }] }) });
    const root = mount(<PopupView source={one} initialQuery="AECOM" />);
    await wait(0);
    await wait(0);
    expect(one.asked).toEqual(['refs name:aecom']);
    expect(headings(root)[0]).toBe('h2: AECOM Limited');

    const two = source();
    const list = mount(<PopupView source={two} initialQuery="Leeds" />);
    await wait(0);
    expect(two.asked).toEqual(['search Leeds']);
    expect(options(list)).toHaveLength(4);
  });
});

describe('the tab’s council above the search', () => {
  test('the page’s council, one line that unfolds into its card', () => {
    const root = mount(<TabCouncils state={{ status: 'ready', source: 'page', cards: [leedsCard] }} />);
    expect(seenText(root.querySelector('.cl-popup__tab-label')!)).toBe('On this page');
    const fold = root.querySelector<HTMLDetailsElement>('.cl-popup__tab-card')!;
    expect(fold.open).toBe(false);
    expect(seenText(fold.querySelector('summary')!)).toBe(`Leeds City Council · ${leedsCard.typeLabel}`);
    expect(fold.querySelector('article.cl-card')).not.toBeNull();
  });

  test('the page’s match goes with the card: a former name and an uncertain find are said as in the side panel (issue 12)', () => {
    const former = { code: 'HAG', name: 'Harrogate Borough Council', endDate: '2023-04-01', successors: [{ code: 'NYE', name: 'North Yorkshire Council' }] };
    const formerRoot = mount(<TabCouncils state={{ status: 'ready', source: 'page', cards: [northYorkshireCard], match: { matchedText: former.name, former, source: 'employer' } }} />);
    expect(seenText(formerRoot.querySelector('.cl-notice')!)).toContain('Named as Harrogate Borough Council, abolished 1 April 2023');
    const textRoot = mount(<TabCouncils state={{ status: 'ready', source: 'page', cards: [leedsCard], match: { matchedText: 'Leeds', former: null, source: 'text' } }} />);
    expect(seenText(textRoot.querySelector('.cl-card__caveat')!)).toMatch(/^Not certain: found as “Leeds” in the page text/);
    // A council website's own card has no page match.
    const site = mount(<TabCouncils state={{ status: 'ready', source: 'site', cards: [leedsCard], match: { matchedText: 'Leeds', former: null, source: 'text' } }} />);
    expect(site.querySelector('.cl-card__caveat')).toBeNull();
  });

  test('a shared council website shows both councils, folded', () => {
    const root = mount(<TabCouncils state={{ status: 'ready', source: 'site', cards: [ashfordCard, kentCard] }} />);
    expect(seenText(root.querySelector('.cl-popup__tab-label')!)).toBe('This website is shared by');
    expect([...root.querySelectorAll('.cl-popup__tab-card > summary')].map((s) => seenText(s))).toEqual([
      `Ashford Borough Council · ${ashfordCard.typeLabel}`,
      `Kent County Council · ${kentCard.typeLabel}`,
    ]);
    expect([...root.querySelectorAll('.cl-popup__tab-card')].map((d) => (d as HTMLDetailsElement).open)).toEqual([false, false]);
  });

  test('nothing while loading or off a council page', () => {
    expect(mount(<TabCouncils state={{ status: 'loading' }} />).textContent).toBe('');
    expect(mount(<TabCouncils state={{ status: 'none' }} />).textContent).toBe('');
  });
});
