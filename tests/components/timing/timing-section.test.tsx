import { describe, expect, test, vi } from 'vitest';
import { TimingSection, type TimingContractLine, type TimingSavingsLine } from '@/components/timing/timing-section';
import { assessTiming, type TimingVerdict } from '@/lib/timing/assess-timing';
import { leedsAdultsTiming } from '../../fixtures/preview-data';
import { accessibleName, button, click, headings, mount, namedList, seenText } from '../../support/dom';

const TODAY = '2026-11-30'; // financial year 2026/27: the timeline runs 2025/26 to 2029/30

const reablement: TimingSavingsLine = {
  financialYear: '2027/28',
  kind: 'saving',
  status: 'approved',
  amount: 1_200_000,
  description: 'Reablement and home care redesign',
  sourceUrl: 'https://democracy.leeds.gov.uk/budget-2026.pdf',
  sourceTitle: 'Budget report 2026/27',
};
const homeCare: TimingContractLine = {
  end: '2027-12-31',
  maxEnd: '2028-06-30',
  title: 'Home care framework',
  supplier: 'Acme Care Ltd',
  url: 'https://www.contractsfinder.service.gov.uk/Notice/1',
};

function renderTiming(
  savings: TimingSavingsLine[],
  contracts: TimingContractLine[],
  extra: { onAddSavings?: () => void; groupLabel?: string | null; today?: string; homepage?: string | null } = {},
) {
  const timing = assessTiming({ today: extra.today ?? TODAY, savings, contracts });
  return mount(
    <TimingSection
      timing={timing}
      savings={savings}
      contracts={contracts}
      councilName="Leeds City Council"
      councilHomepage={extra.homepage === undefined ? 'https://www.leeds.gov.uk/' : extra.homepage}
      groupLabel={extra.groupLabel === undefined ? 'Adult social care' : extra.groupLabel}
      headingLevel={2}
      onAddSavings={extra.onAddSavings}
    />,
  );
}

const verdictText = (root: HTMLElement) => seenText(root.querySelector('.cl-timing__verdict')!);

describe('each verdict reads as one plain sentence', () => {
  test.each<[verdict: TimingVerdict, savings: TimingSavingsLine[], contracts: TimingContractLine[], sentence: string]>([
    [
      'redesign-now',
      [reablement],
      [],
      'Redesign year: savings of £1.2m in Adult social care are planned for 2027/28. Now is the time to talk to the head of service.',
    ],
    ['prepare', [{ ...reablement, financialYear: '2029/30' }], [], 'Prepare: savings of £1.2m in Adult social care are planned for 2029/30, so 2028/29 will be the redesign year.'],
    ['bedding-down', [{ ...reablement, financialYear: '2026/27', kind: 'restructure', amount: null }], [], 'Bedding down: a restructure in Adult social care was planned for 2026/27.'],
    ['procurement-window', [], [{ ...homeCare, maxEnd: null }], 'Procurement window: “Home care framework” (Acme Care Ltd) ends on 31 December 2027, so the council'],
    ['tender-imminent', [], [{ ...homeCare, maxEnd: null, end: '2027-04-30' }], 'Tender imminent: “Home care framework” (Acme Care Ltd) ends on 30 April 2027.'],
    ['no-signal', [{ ...reablement, kind: 'investment' }], [], 'No timing signal: nothing recorded for Adult social care at Leeds City Council points to now.'],
  ])('%s', (verdict, savings, contracts, sentence) => {
    const root = renderTiming(savings, contracts);
    expect(root.querySelector('.cl-timing')?.getAttribute('data-verdict')).toBe(verdict);
    expect(headings(root)[0]).toBe('h2: Timing');
    expect(verdictText(root)).toContain(sentence);
    expect(root.querySelector('.cl-timing__verdict strong')?.textContent).toMatch(/:$/);
  });

  test('with a verdict other than no-signal, the next window is a second line', () => {
    const root = renderTiming([reablement, { ...reablement, financialYear: '2030/31' }], []);
    expect(seenText(root.querySelector('.cl-timing__next')!)).toBe(
      'The next window opens on 1 April 2029: the redesign year before savings planned for 2030/31.',
    );
  });

  test.each([
    // "Prepare" already names the redesign year and its first day.
    ['prepare', [{ ...reablement, financialYear: '2029/30' }], null],
    // "Bedding down" names the day before the next window: only what the window is remains.
    ['bedding-down', [{ ...reablement, financialYear: '2026/27', kind: 'restructure' as const, amount: null }, { ...reablement, financialYear: '2029/30' }], 'After that: the redesign year before savings planned for 2029/30.'],
  ])('%s: the next window is not said twice (issue 12)', (verdict, savings, next) => {
    const root = renderTiming(savings, []);
    expect(root.querySelector('.cl-timing')?.getAttribute('data-verdict')).toBe(verdict);
    const line = root.querySelector('.cl-timing__next');
    expect(line ? seenText(line) : null).toBe(next);
  });

  test('bedding down wears the grey of its band, not the blue of a wait', () => {
    const root = renderTiming([{ ...reablement, financialYear: '2026/27', kind: 'restructure', amount: null }], []);
    expect(root.querySelector('.cl-timing__verdict')?.className).toBe('cl-timing__verdict cl-timing__verdict--quiet');
  });

  test('without a group the sentence names the council', () => {
    const root = renderTiming([reablement], [], { groupLabel: null });
    expect(verdictText(root)).toContain('savings of £1.2m at Leeds City Council are planned for 2027/28');
  });
});

describe('the timeline', () => {
  const svgOf = (root: HTMLElement) => root.querySelector('svg')!;

  test('is one named image: title and description, financial years around today', () => {
    const svg = svgOf(renderTiming([reablement], [homeCare]));
    expect(svg.getAttribute('role')).toBe('img');
    const name = accessibleName(svg);
    expect(name).toContain('Timeline of financial years 2025/26 to 2029/30');
    expect(name).toContain('Today, 30 November 2026, is in 2026/27.');
    expect(name).toContain('Today falls in: redesign year.');
    expect([...svg.querySelectorAll('.cl-timing__year-label')].map((t) => t.textContent)).toEqual([
      '2025/26',
      '2026/27',
      '2027/28',
      '2028/29',
      '2029/30',
    ]);
    expect(svg.querySelector('.cl-timing__year--current')?.textContent).toBe('2026/27');
  });

  test('has a today marker with a title', () => {
    const svg = svgOf(renderTiming([reablement], []));
    const today = svg.querySelector('.cl-timing__today')!;
    expect(today.getAttribute('data-date')).toBe(TODAY);
    expect(today.querySelector('title')?.textContent).toBe('Today, 30 November 2026');
    expect(today.querySelector('text')?.textContent).toBe('Today');
    const x = Number(today.querySelector('line')?.getAttribute('x1'));
    const current = svg.querySelector('.cl-timing__year--current line')!;
    expect(x).toBeGreaterThan(Number(current.getAttribute('x1')));
  });

  test('shades each window by kind, with its dates; the current one is marked', () => {
    const svg = svgOf(renderTiming([reablement], [homeCare]));
    const bands = [...svg.querySelectorAll('rect.cl-timing__band')].map((r) => [
      r.getAttribute('data-kind'),
      r.getAttribute('data-from'),
      r.getAttribute('data-to'),
      r.classList.contains('cl-timing__band--current'),
    ]);
    expect(bands).toEqual([
      ['redesign', '2026-04-01', '2027-03-31', true],
      ['bedding-down', '2027-04-01', '2029-03-31', false],
      ['procurement', '2026-12-30', '2027-12-29', false],
      ['tender', '2027-12-30', '2028-06-30', false],
    ]);
    expect(svg.querySelector('rect.cl-timing__band--redesign title')?.textContent).toBe(
      'Redesign year 2026/27 before saving planned for 2027/28: 1 April 2026 to 31 March 2027',
    );
    for (const band of svg.querySelectorAll('rect.cl-timing__band')) {
      expect(Number(band.getAttribute('width'))).toBeGreaterThan(0);
    }
  });

  test('marks savings lines at the start of their year and contracts at their end', () => {
    const root = renderTiming([reablement, { ...reablement, kind: 'investment', financialYear: '2028/29' }], [homeCare]);
    const svg = svgOf(root);
    expect([...svg.querySelectorAll('polygon.cl-timing__marker')].map((m) => m.querySelector('title')?.textContent)).toEqual([
      'Saving of £1.2m in 2027/28 (approved)',
      'Investment of £1.2m in 2028/29 (approved)',
    ]);
    expect(namedList(root, 'Timeline key')).toContain('Investment (no window)');
    const end = svg.querySelector('.cl-timing__marker--contract')!;
    expect(end.getAttribute('data-end')).toBe('2028-06-30');
    expect(end.querySelector('title')?.textContent).toBe('“Home care framework” ends 30 June 2028');
  });

  test('windows running past the years shown are clipped; items outside are counted', () => {
    const root = renderTiming([{ ...reablement, financialYear: '2031/32' }], []);
    const svg = svgOf(root);
    expect(svg.querySelectorAll('rect.cl-timing__band')).toHaveLength(0);
    expect(svg.querySelectorAll('polygon')).toHaveLength(0);
    expect(seenText(root.querySelector('.cl-timing__note')!)).toBe('1 item falls outside these years; see the list below.');
    expect(namedList(root, 'Savings programme')).toHaveLength(1);
  });

  test('the key lists what is drawn, in words', () => {
    const root = renderTiming([reablement], [homeCare]);
    expect(namedList(root, 'Timeline key')).toEqual([
      'Redesign year',
      'Bedding down',
      'Procurement window',
      'Tender imminent',
      'Darker: the window today is in',
      'Savings item, on 1 April of its year',
      'Contract end',
      'Today, 30 November 2026',
    ]);
  });

  test('overlapping windows get a key of their own, swatched with both shades (issue 12)', () => {
    // Savings in 2027/28 and 2028/29: the second's redesign year is the first's bedding down.
    const root = renderTiming([reablement, { ...reablement, financialYear: '2028/29' }], []);
    expect(namedList(root, 'Timeline key')).toContain('Darkest: windows overlap');
    const stack = root.querySelector('.cl-timing__swatch--stack')!;
    expect([...stack.children].map((c) => c.className).sort()).toEqual(['cl-timing__swatch cl-timing__swatch--bedding-down', 'cl-timing__swatch cl-timing__swatch--redesign']);
    expect(namedList(renderTiming([reablement], []), 'Timeline key')).not.toContain('Darkest: windows overlap');
  });

  test('an empty lane says "none" (issue 12)', () => {
    const savingsOnly = svgOf(renderTiming([reablement], []));
    expect([...savingsOnly.querySelectorAll('.cl-timing__none')].map((t) => Number(t.getAttribute('y')))).toEqual([63]);
    expect(svgOf(renderTiming([reablement], [homeCare])).querySelector('.cl-timing__none')).toBeNull();
    expect(svgOf(renderTiming([], [homeCare])).querySelectorAll('.cl-timing__none')).toHaveLength(1);
  });
});

describe('evidence and sources', () => {
  test('savings lines with kind, status, amount and a link to the source', () => {
    const root = renderTiming([reablement, { ...reablement, financialYear: '2026/27', sourceUrl: null, description: null, amount: 90_000 }], []);
    expect(namedList(root, 'Savings programme')).toEqual([
      '2026/27 · Saving · Approved · £90kNo source recorded',
      '2027/28 · Saving · Approved · £1.2mReablement and home care redesignSource: Budget report 2026/27 (opens in new tab)',
    ]);
    const link = root.querySelector('a[href="https://democracy.leeds.gov.uk/budget-2026.pdf"]')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('contracts with supplier, end and extensions, linked to the notice', () => {
    const root = renderTiming([reablement], [homeCare]);
    expect(namedList(root, 'Contract end dates')).toEqual([
      'Home care framework (opens in new tab)Acme Care Ltd · Ends 31 December 2027, up to 30 June 2028 with extensions',
    ]);
    expect(root.querySelector('a[href="https://www.contractsfinder.service.gov.uk/Notice/1"]')).not.toBeNull();
  });

  test('only http(s) sources become links', () => {
    const root = renderTiming([{ ...reablement, sourceUrl: 'javascript:alert(1)' }], [{ ...homeCare, url: 'javascript:alert(1)' }]);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(seenText(root)).toContain('No source recorded');
  });

  test('contracts but no savings: says so and points to the council website', () => {
    const root = renderTiming([], [homeCare]);
    const hint = seenText(root.querySelector('.cl-timing__hint')!);
    expect(hint).toContain('No savings programme recorded for Leeds City Council yet');
    expect(root.querySelector('.cl-timing__hint a')?.getAttribute('href')).toBe('https://www.leeds.gov.uk/');
  });
});

describe('empty state', () => {
  test('invites the user to add the savings programme, links the homepage, offers the button', () => {
    const onAddSavings = vi.fn();
    const root = renderTiming([], [], { onAddSavings });
    expect(headings(root)).toEqual(['h2: Timing', 'h3: No savings programme recorded for Leeds City Council']);
    const text = seenText(root);
    expect(text).toContain('Add Leeds City Council’s to see when Adult social care is being redesigned');
    expect(root.querySelector('svg')).toBeNull();
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.leeds.gov.uk/');
    expect(seenText(link)).toBe('leeds.gov.uk');
    click(button(root, 'Add a savings item for Leeds City Council / Adult social care'));
    expect(onAddSavings).toHaveBeenCalledTimes(1);
  });

  test('without a homepage or a callback: advice in words, no link, no button', () => {
    const root = renderTiming([], [], { homepage: 'javascript:void 0', groupLabel: null });
    expect(root.querySelectorAll('a, button')).toHaveLength(0);
    expect(seenText(root)).toContain('when its services are being redesigned');
    expect(seenText(root)).toContain('on the council’s website');
  });
});

describe('keyboard', () => {
  test('every link and the button can be reached and focused', () => {
    const root = renderTiming([reablement], [homeCare], { onAddSavings: () => {} });
    const controls = [...root.querySelectorAll<HTMLElement>('a[href], button')];
    expect(controls.map((c) => c.tagName)).toEqual(['A', 'A', 'BUTTON']);
    for (const control of controls) {
      expect(control.tabIndex).toBeGreaterThanOrEqual(0);
      expect(control.hasAttribute('disabled')).toBe(false);
      control.focus();
      expect(document.activeElement).toBe(control);
    }
    expect(button(root, 'Add a savings item for Leeds City Council / Adult social care').getAttribute('type')).toBe('button');
  });

  test('the timeline itself is not a tab stop', () => {
    const root = renderTiming([reablement], [homeCare]);
    expect(root.querySelectorAll('svg [tabindex], svg[tabindex]')).toHaveLength(0);
  });
});

describe('the preview sample (screenshots)', () => {
  test('assesses cleanly and shows a redesign year for Leeds adult social care', () => {
    const { today, savings, contracts, councilName, councilHomepage, groupLabel } = leedsAdultsTiming;
    const timing = assessTiming({ today, savings, contracts });
    expect(timing.verdict).toBe('redesign-now');
    const root = mount(
      <TimingSection
        timing={timing}
        savings={savings}
        contracts={contracts}
        councilName={councilName}
        councilHomepage={councilHomepage}
        groupLabel={groupLabel}
        headingLevel={2}
      />,
    );
    expect(verdictText(root)).toContain('Redesign year: savings of £1.2m in Adult social care are planned for 2027/28.');
    expect(root.querySelectorAll('rect.cl-timing__band--redesign')).toHaveLength(2);
  });
});
