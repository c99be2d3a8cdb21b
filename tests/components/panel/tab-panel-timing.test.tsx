import { describe, expect, test, vi } from 'vitest';
import { InPageCard } from '@/components/inpage/inpage-card';
import { TabPanel } from '@/components/panel/tab-panel';
import { TIMING_LOADING_LABEL, type TimingState } from '@/components/panel/timing-panel';
import { kentCompanyPage, leedsServiceLead, noCouncil } from '../../fixtures/preview-data';
import type { TimingData } from '@/lib/timing/types';
import type { Procurement } from '@/lib/ocds/summary';
import { button, click, headings, mount, namedList, rerender, seenText } from '../../support/dom';

const TODAY = '2026-11-22'; // financial year 2026/27

const leedsAdults: TimingData = {
  council: 'LDS',
  serviceGroup: 'adult-social-care',
  savings: [
    {
      id: 'sav-1',
      council: 'LDS',
      serviceGroup: 'adult-social-care',
      financialYear: '2027/28',
      amountGbp: 1_200_000,
      kind: 'saving',
      status: 'proposed',
      description: 'Reablement and home care: redesign of the in-house offer',
      sourceUrl: 'https://www.leeds.gov.uk/budget',
      sourceTitle: 'Budget proposals (illustrative)',
      addedAt: '2026-11-20T10:00:00Z',
      addedBy: 'import',
    },
  ],
  contracts: [
    {
      end: '2028-09-30',
      title: 'Home care framework',
      supplier: 'Illustrative Care Ltd',
      url: 'https://www.contractsfinder.service.gov.uk/Notice/1',
      serviceGroups: ['adult-social-care'],
    },
  ],
  otherServices: 2,
};
const ready: TimingState = { status: 'ready', data: leedsAdults, today: TODAY };

const procurement: Procurement = {
  openTenders: [],
  openTotal: 0,
  contractsEnding: [],
  endingTotal: 0,
  endingWithinMonths: 18,
  lastSyncedAt: null,
};

const timingSection = (root: HTMLElement) => {
  const heading = [...root.querySelectorAll('h2')].find((h) => h.textContent === 'Timing');
  return heading?.closest('section') ?? null;
};

describe('the Timing section in the side panel', () => {
  test('comes after the procurement sections, with the verdict for the person’s service', () => {
    const root = mount(<TabPanel context={{ ...leedsServiceLead, procurement }} timing={ready} />);
    expect(headings(root).filter((h) => h.startsWith('h2'))).toEqual([
      'h2: Head of Commissioning, Adults and Health',
      'h2: Open tenders (0)',
      'h2: Contracts ending (0)',
      'h2: Timing',
    ]);
    const section = timingSection(root)!;
    expect(seenText(section)).toContain(
      'Redesign year: savings of £1.2m in Adult social care are planned for 2027/28. Now is the time to talk to the head of service.',
    );
    expect(section.querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('redesign-now');
  });

  test('lists the background’s items: amountGbp shown as the amount, contracts with their ends', () => {
    const root = mount(<TabPanel context={leedsServiceLead} timing={ready} />);
    const section = timingSection(root)!;
    expect(namedList(section, 'Savings programme')[0]).toContain('2027/28 · Saving · Proposed · £1.2m');
    expect(namedList(section, 'Contract end dates')[0]).toContain('Home care framework');
    expect(namedList(section, 'Contract end dates')[0]).toContain('Ends 30 September 2028');
  });

  test('“Add a savings item” calls the app', () => {
    const onAddSavings = vi.fn();
    const root = mount(<TabPanel context={leedsServiceLead} timing={ready} onAddSavings={onAddSavings} />);
    click(button(timingSection(root)!, 'Add a savings item for Leeds City Council / Adult social care'));
    expect(onAddSavings).toHaveBeenCalledTimes(1);
  });

  test('while loading: the heading and the wait in words, no verdict', () => {
    const root = mount(<TabPanel context={leedsServiceLead} timing={{ status: 'loading' }} />);
    const section = timingSection(root)!;
    expect(seenText(section)).toBe(`Timing ${TIMING_LOADING_LABEL}`);
    expect(section.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(section.querySelector('.cl-timing__verdict')).toBeNull();
  });

  test('an error says so, with the detail, and retries', () => {
    const onRetryTiming = vi.fn();
    const root = mount(
      <TabPanel context={leedsServiceLead} timing={{ status: 'error', error: 'Database closed' }} onRetryTiming={onRetryTiming} />,
    );
    const section = timingSection(root)!;
    expect(seenText(section)).toContain('Council Lens couldn’t work out the timing for this council.');
    expect(seenText(section)).toContain('Details: Database closed');
    click(button(section, 'Try again'));
    expect(onRetryTiming).toHaveBeenCalledTimes(1);
    // The card itself still shows.
    expect(headings(root)[0]).toBe('h1: Leeds City Council');
  });

  test('malformed data from storage shows as an error, not a broken card', () => {
    const bad = { ...leedsAdults, contracts: [{ ...leedsAdults.contracts[0]!, end: '30/09/2028' }] };
    const root = mount(<TabPanel context={leedsServiceLead} timing={{ status: 'ready', data: bad, today: TODAY }} />);
    expect(seenText(timingSection(root)!)).toContain('Details: Invalid timing input');
  });

  test('an answer for another council or service is never shown: it waits for the new one', () => {
    const root = mount(<TabPanel context={leedsServiceLead} timing={ready} />);
    expect(seenText(timingSection(root)!)).toContain('Redesign year');
    rerender(root, <TabPanel context={kentCompanyPage} timing={ready} />);
    expect(seenText(timingSection(root)!)).toBe(`Timing ${TIMING_LOADING_LABEL}`);
    rerender(root, <TabPanel context={{ ...leedsServiceLead, role: null }} timing={ready} />);
    expect(seenText(timingSection(root)!)).toBe(`Timing ${TIMING_LOADING_LABEL}`);
  });

  test('on a company page the section covers the whole council', () => {
    const kent: TimingData = { council: 'KEN', serviceGroup: null, savings: [], contracts: [], otherServices: 0 };
    const root = mount(<TabPanel context={kentCompanyPage} timing={{ status: 'ready', data: kent, today: TODAY }} />);
    expect(headings(root)).toContain('h3: No savings programme recorded for Kent County Council');
    expect(seenText(timingSection(root)!)).toContain('to see when its services are being redesigned');
  });

  test.each([
    ['without a timing state', leedsServiceLead, undefined],
    ['on a page with no council', noCouncil, ready],
  ])('no Timing section %s', (_name, context, timing) => {
    const root = mount(<TabPanel context={context} timing={timing} />);
    expect(timingSection(root)).toBeNull();
  });

  test('while the tab loads or fails, no Timing section', () => {
    const root = mount(<TabPanel context={leedsServiceLead} loading timing={ready} />);
    expect(timingSection(root)).toBeNull();
    rerender(root, <TabPanel context={leedsServiceLead} error="Timed out" timing={ready} />);
    expect(timingSection(root)).toBeNull();
  });
});

test('the in-page card has no Timing section', () => {
  const root = mount(<InPageCard context={leedsServiceLead} collapsed={false} onToggle={() => {}} />);
  expect(seenText(root)).not.toContain('Timing');
});
