import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/settings';

describe('parseSettings', () => {
  test('the in-page LinkedIn card is off by default', () => {
    expect(DEFAULT_SETTINGS.inPageCardOnLinkedIn).toBe(false);
  });

  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'yes', DEFAULT_SETTINGS],
    ['a valid value', { inPageCardOnLinkedIn: true, inPageCardCollapsed: true }, { inPageCardOnLinkedIn: true, inPageCardCollapsed: true }],
    ['one bad field keeps the good one', { inPageCardOnLinkedIn: true, inPageCardCollapsed: 'no' }, { inPageCardOnLinkedIn: true, inPageCardCollapsed: false }],
    ['unknown fields from a newer version are dropped', { inPageCardOnLinkedIn: true, futureThing: 1 }, { inPageCardOnLinkedIn: true, inPageCardCollapsed: false }],
  ])('%s', (_label, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});
