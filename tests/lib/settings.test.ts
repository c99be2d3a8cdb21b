import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/settings';
import { enabledSources } from '@/lib/sync/sources';

describe('parseSettings', () => {
  test('the in-page LinkedIn card is off by default', () => {
    expect(DEFAULT_SETTINGS.inPageCardOnLinkedIn).toBe(false);
  });

  test('the notice page panel starts expanded', () => {
    expect(DEFAULT_SETTINGS.noticePanelCollapsed).toBe(false);
  });

  test('the cache refreshes daily and keeps council buyers only by default', () => {
    expect(DEFAULT_SETTINGS.dailyRefresh).toBe(true);
    expect(DEFAULT_SETTINGS.keepAllBuyers).toBe(false);
  });

  test('one year of history by default, not paused', () => {
    expect(DEFAULT_SETTINGS.historyMonths).toBe(12);
    expect(DEFAULT_SETTINGS.historyPaused).toBe(false);
  });

  test('settings saved before issue 17 read both devolved portals as on; a switch turned off stays off', () => {
    const before17 = { dailyRefresh: true, keepAllBuyers: false, historyMonths: 24, historyPaused: false, reminderDaysBefore: [3, 1] };
    expect(parseSettings(before17)).toMatchObject({ historyMonths: 24, syncPublicContractsScotland: true, syncSell2Wales: true });
    expect(parseSettings({ ...before17, syncSell2Wales: false })).toMatchObject({ syncPublicContractsScotland: true, syncSell2Wales: false });
    expect(enabledSources(parseSettings(before17))).toEqual(['contracts-finder', 'find-a-tender', 'public-contracts-scotland', 'sell2wales']);
    expect(enabledSources(parseSettings({ syncPublicContractsScotland: false, syncSell2Wales: 'no' }))).toEqual(['contracts-finder', 'find-a-tender', 'sell2wales']);
  });

  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['each history depth offered is kept, and a pause', { historyMonths: 36, historyPaused: true }, { ...DEFAULT_SETTINGS, historyMonths: 36, historyPaused: true }],
    ['a depth not offered falls back to one year, the rest kept', { historyMonths: 5, keepAllBuyers: true }, { ...DEFAULT_SETTINGS, keepAllBuyers: true }],
    ['not an object', 'yes', DEFAULT_SETTINGS],
    ['a valid value', { inPageCardOnLinkedIn: true, inPageCardCollapsed: true, dailyRefresh: false, keepAllBuyers: true }, { ...DEFAULT_SETTINGS, inPageCardOnLinkedIn: true, inPageCardCollapsed: true, dailyRefresh: false, keepAllBuyers: true }],
    ['one bad field keeps the good one', { inPageCardOnLinkedIn: true, inPageCardCollapsed: 'no' }, { ...DEFAULT_SETTINGS, inPageCardOnLinkedIn: true }],
    ['unknown fields from a newer version are dropped', { inPageCardOnLinkedIn: true, futureThing: 1 }, { ...DEFAULT_SETTINGS, inPageCardOnLinkedIn: true }],
    ['settings saved before the sync options keep their values and gain the defaults', { inPageCardOnLinkedIn: true, inPageCardCollapsed: true }, { ...DEFAULT_SETTINGS, inPageCardOnLinkedIn: true, inPageCardCollapsed: true, dailyRefresh: true, keepAllBuyers: false }],
    ['reminder days read back unique and largest first', { reminderDaysBefore: [1, 3, 1, 0] }, { ...DEFAULT_SETTINGS, reminderDaysBefore: [3, 1, 0] }],
    ['reminder days out of range fall back to the default', { reminderDaysBefore: [120] }, DEFAULT_SETTINGS],
  ])('%s', (_label, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});
