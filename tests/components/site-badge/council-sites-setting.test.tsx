import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CouncilSitesSetting } from '@/components/site-badge/council-sites-setting';
import { useCouncilSites } from '@/entrypoints/options/council-sites';
import { readSettings } from '@/lib/extension/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { click, mount } from '../../support/dom';

// The browser's answer to the prompt, and whether the permission is held.
const access = vi.hoisted(() => ({ answer: true, granted: false, removed: 0 }));
vi.mock('@/lib/extension/council-site-access', () => ({
  councilSiteOrigins: () => ['*://*.leeds.gov.uk/*', '*://*.adur-worthing.gov.uk/*'],
  requestCouncilSites: vi.fn(async () => (access.granted = access.answer)),
  hasCouncilSites: async () => access.granted,
  removeCouncilSites: vi.fn(async () => {
    access.removed += 1;
    access.granted = false;
    return true;
  }),
}));

function OptionsSection({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState<Settings | null>(initial);
  const sites = useCouncilSites(settings, setSettings);
  return <CouncilSitesSetting enabled={sites.enabled} busy={sites.busy} message={sites.message} siteCount={sites.siteCount} onChange={sites.change} />;
}

const checkbox = (root: ParentNode) => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
const status = (root: ParentNode) => root.querySelector('[role="status"]')!.textContent;
const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(access, { answer: true, granted: false, removed: 0 });
  // fakeBrowser has no permission events.
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    Object.assign(event, { addListener: () => undefined, removeListener: () => undefined });
  }
});

describe('the council-website switch', () => {
  test('refused: the switch stays off, the option stays off, and it says why', async () => {
    access.answer = false;
    const root = mount(<OptionsSection initial={DEFAULT_SETTINGS} />);
    await settle();
    click(checkbox(root));
    await settle();
    expect(checkbox(root).checked).toBe(false);
    expect(status(root)).toBe('Not turned on: the browser’s permission was not given.');
    expect((await readSettings()).cardOnCouncilSites).toBe(false);
  });

  test('granted: on, saved; off again gives the permission back', async () => {
    const root = mount(<OptionsSection initial={DEFAULT_SETTINGS} />);
    await settle();
    click(checkbox(root));
    await settle();
    expect(checkbox(root).checked).toBe(true);
    expect((await readSettings()).cardOnCouncilSites).toBe(true);
    click(checkbox(root));
    await settle();
    expect(checkbox(root).checked).toBe(false);
    expect(access.removed).toBe(1);
    expect((await readSettings()).cardOnCouncilSites).toBe(false);
    expect(status(root)).toBe('Off. The permission for council websites was given back.');
  });

  test('the option on but the permission taken back in the browser: shown off', async () => {
    const root = mount(<OptionsSection initial={{ ...DEFAULT_SETTINGS, cardOnCouncilSites: true }} />);
    await settle();
    expect(checkbox(root).checked).toBe(false);
  });
});
