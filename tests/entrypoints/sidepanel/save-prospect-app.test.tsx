import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kentCompanyPage, leedsServiceLead } from '../../fixtures/preview-data';
import type { Request } from '@/lib/protocol';
import type { TabContext } from '@/lib/page-context';
import type { Prospect } from '@/lib/workspace/schema';
import { button, click, headings, mount } from '../../support/dom';

// The side panel app's "Save prospect" wiring: getProspect for the profile, editProspect on save,
// and a fresh read when the background says the prospect changed.
const asked: Request[] = [];
let tabContext: TabContext = leedsServiceLead;
let stored: Prospect | null = null;

const prospect = (notes: string): Prospect => ({
  id: 'linkedin:amira-hussain-leeds',
  name: 'Amira Hussain',
  title: 'Head of Adult Social Care',
  council: 'LDS',
  councilName: 'Leeds City Council',
  profileUrl: 'https://www.linkedin.com/in/amira-hussain-leeds/',
  notes,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  fieldTimes: {},
});

vi.mock('@/lib/extension/messaging', () => ({
  ask: async (request: Request) => {
    asked.push(request);
    switch (request.type) {
      case 'getTabContext':
        return { ...tabContext, tabId: request.tabId };
      case 'getTiming':
        return { council: request.council, serviceGroup: request.serviceGroup, savings: [], contracts: [], otherServices: 0 };
      case 'getProspect':
        return stored;
      case 'editProspect':
        stored = prospect(String(request.edit.fields.notes ?? ''));
        return { prospect: stored, conflicts: [] };
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  },
}));

const { App } = await import('@/entrypoints/sidepanel/app');

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));
const of = (type: Request['type']) => asked.filter((r) => r.type === type);

beforeEach(() => {
  fakeBrowser.reset();
  asked.length = 0;
  tabContext = leedsServiceLead;
  stored = null;
  history.replaceState(null, '', '?tab=7');
});

async function mountApp(): Promise<HTMLElement> {
  const root = mount(<App />);
  await settle();
  await settle();
  return root;
}

describe('Save prospect in the side panel app', () => {
  test('looks up the profile’s prospect id, saves through editProspect and then shows it as saved', async () => {
    const root = await mountApp();
    expect(of('getProspect')).toEqual([{ type: 'getProspect', id: 'linkedin:amira-hussain-leeds' }]);
    click(button(root, 'Save prospect'));
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    const edit = of('editProspect')[0] as Extract<Request, { type: 'editProspect' }>;
    expect(edit.edit.id).toBe('linkedin:amira-hussain-leeds');
    expect(edit.edit.fields).toMatchObject({ name: 'Amira Hussain', council: 'LDS', profileUrl: 'https://www.linkedin.com/in/amira-hussain-leeds/' });
    expect(typeof edit.edit.at).toBe('number');
    expect(headings(root)).toContain('h2: Saved prospect');
    expect(document.activeElement).toBe(root.querySelector('#cl-prospect-title'));
  });

  test('reads it again when the background says this prospect changed', async () => {
    await mountApp();
    stored = prospect('From another window');
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'workspaceChanged', kind: 'prospect', id: 'linkedin:amira-hussain-leeds' }, {}, () => {}).then(() => undefined));
    await settle();
    expect(of('getProspect')).toHaveLength(2);
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'workspaceChanged', kind: 'annotation', id: 'x' }, {}, () => {}).then(() => undefined));
    await settle();
    expect(of('getProspect')).toHaveLength(2);
  });

  test('a company page offers no "Save prospect"', async () => {
    tabContext = kentCompanyPage;
    const root = await mountApp();
    expect(of('getProspect')).toEqual([]);
    expect(root.textContent).not.toContain('Save prospect');
  });

  test('the footer links to the workspace page', async () => {
    const root = await mountApp();
    const link = [...root.querySelectorAll('footer a')].find((a) => a.textContent === 'Workspace')!;
    expect(link.getAttribute('href')).toMatch(/\/workspace\.html$/);
  });
});
