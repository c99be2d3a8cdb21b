import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kentCompanyPage, leedsServiceLead } from '../../fixtures/preview-data';
import type { Request } from '@/lib/protocol';
import type { TimingData } from '@/lib/timing/types';
import type { TabContext } from '@/lib/page-context';
import { button, click, mount } from '../../support/dom';

// The side panel app's wiring: which getTiming requests it sends and when, and where
// "Add a savings item" goes. The background is replaced by `ask` answering from here.
const asked: Request[] = [];
let tabContext: TabContext = leedsServiceLead;
let timingError: string | null = null;

vi.mock('@/lib/extension/messaging', () => ({
  ask: async (request: Request) => {
    asked.push(request);
    if (request.type === 'getTabContext') return { ...tabContext, tabId: request.tabId };
    if (request.type === 'getTiming') {
      if (timingError) throw new Error(timingError);
      const data: TimingData = { council: request.council, serviceGroup: request.serviceGroup, savings: [], contracts: [], otherServices: 0 };
      return data;
    }
    throw new Error(`unexpected ${request.type}`);
  },
}));

const { App } = await import('@/entrypoints/sidepanel/app');
const { localDate } = await import('@/components/format');

const TAB_ID = 7;
const timingAsks = () => asked.filter((r) => r.type === 'getTiming');
/** Lets pending promises (ask, tabs.query) settle and Preact re-render. */
const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));

beforeEach(async () => {
  fakeBrowser.reset();
  asked.length = 0;
  tabContext = leedsServiceLead;
  timingError = null;
  // The panel opened as a page on one tab (`?tab=`), as the real-browser tests open it.
  history.replaceState(null, '', `?tab=${TAB_ID}`);
});

afterEach(() => vi.restoreAllMocks());

async function mountApp(): Promise<HTMLElement> {
  const root = mount(<App />);
  await settle();
  await settle();
  return root;
}

describe('the side panel fetches timing', () => {
  test('for the card’s council and the person’s service group, and shows the section', async () => {
    const root = await mountApp();
    expect(timingAsks()).toEqual([{ type: 'getTiming', council: 'LDS', serviceGroup: 'adult-social-care' }]);
    expect(root.textContent).toContain('No savings programme recorded for Leeds City Council');
  });

  test('again, quietly, when the background says savings changed', async () => {
    const root = await mountApp();
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'savingsChanged' }, {}, () => {}).then(() => undefined));
    await settle();
    expect(timingAsks()).toHaveLength(2);
    expect(root.textContent).not.toContain('Reading the savings programme');
  });

  test('again when the tab moves to another council; a company page asks for the whole council', async () => {
    await mountApp();
    const message = { type: 'tabContextChanged', tabId: TAB_ID, context: { ...kentCompanyPage, tabId: TAB_ID } };
    await act(() => fakeBrowser.runtime.onMessage.trigger(message, {}, () => {}).then(() => undefined));
    await settle();
    expect(timingAsks().at(-1)).toEqual({ type: 'getTiming', council: 'KEN', serviceGroup: null });
  });

  test('again, quietly, when a refresh brought new notices for the same council (procurement.lastSyncedAt moved)', async () => {
    const root = await mountApp();
    expect(timingAsks()).toHaveLength(1);
    const procurement = { openTenders: [], openTotal: 0, contractsEnding: [], endingTotal: 0, endingWithinMonths: 24, lastSyncedAt: Date.parse('2026-11-30T10:00:00Z') };
    const refreshed = { ...leedsServiceLead, tabId: TAB_ID, procurement };
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'tabContextChanged', tabId: TAB_ID, context: refreshed }, {}, () => {}).then(() => undefined));
    await settle();
    expect(timingAsks()).toHaveLength(2);
    expect(timingAsks()[1]).toEqual({ type: 'getTiming', council: 'LDS', serviceGroup: 'adult-social-care' });
    expect(root.textContent).not.toContain('Reading the savings programme');
  });

  test('a failure shows in the section and “Try again” asks again', async () => {
    timingError = 'Database closed';
    const root = await mountApp();
    expect(root.textContent).toContain('Details: Database closed');
    timingError = null;
    click(button(root, 'Try again'));
    await settle();
    expect(timingAsks()).toHaveLength(2);
    expect(root.textContent).not.toContain('Database closed');
  });
});

test('“Add a savings item” opens the savings form for this council and service in a new tab', async () => {
  const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue(undefined as never);
  const root = await mountApp();
  click(button(root, 'Add a savings item for Leeds City Council / Adult social care'));
  expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/savings.html?council=LDS&group=adult-social-care' });
});

test.each([
  [new Date(2027, 2, 31, 23, 59), '2027-03-31'],
  [new Date(2027, 3, 1, 0, 0), '2027-04-01'],
])('today is the local calendar date: %s', (now, expected) => {
  expect(localDate(now)).toBe(expected);
});
