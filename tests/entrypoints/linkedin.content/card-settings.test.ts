import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readInPageCardSettings, rememberCollapsed, watchInPageCardSettings } from '@/entrypoints/linkedin.content/card-settings';
import { readSettings } from '@/lib/extension/settings';
import { SETTINGS_KEY } from '@/lib/extension/settings-key';

beforeEach(() => fakeBrowser.reset());

test.each<[string, unknown, { on: boolean; collapsed: boolean }]>([
  ['nothing stored', undefined, { on: false, collapsed: false }],
  ['both on', { inPageCardOnLinkedIn: true, inPageCardCollapsed: true }, { on: true, collapsed: true }],
  ['off', { inPageCardOnLinkedIn: false }, { on: false, collapsed: false }],
  // Anything but exactly true is the default, off, as lib/settings.ts reads it.
  ['a string', { inPageCardOnLinkedIn: 'true', inPageCardCollapsed: 1 }, { on: false, collapsed: false }],
  ['not an object', 'settings', { on: false, collapsed: false }],
])('%s', async (_label, stored, expected) => {
  if (stored !== undefined) await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored });
  expect(await readInPageCardSettings()).toEqual(expected);
  // The same answer as the full settings parser gives.
  const full = await readSettings();
  expect({ on: full.inPageCardOnLinkedIn, collapsed: full.inPageCardCollapsed }).toEqual(expected);
});

test('remembering the collapsed state keeps every other setting', async () => {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { inPageCardOnLinkedIn: true, dailyRefresh: false, reminderDaysBefore: [7] } });
  await rememberCollapsed(true);
  expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
    inPageCardOnLinkedIn: true,
    dailyRefresh: false,
    reminderDaysBefore: [7],
    inPageCardCollapsed: true,
  });
});

test('a change to the settings reaches the watcher', async () => {
  const seen = vi.fn();
  const stop = watchInPageCardSettings(seen);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { inPageCardOnLinkedIn: true } });
  stop();
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { inPageCardOnLinkedIn: false } });
  expect(seen.mock.calls).toEqual([[{ on: true, collapsed: false }]]);
});
