import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/lib/extension/settings-key';

/**
 * The two settings the LinkedIn script needs, read without Zod. Zod (even zod/mini, through
 * lib/settings.ts) costs LinkedIn's main thread 17-60 ms just to load, more than everything else
 * the script does (tests/bench/linkedin-main-thread.bench.ts), and ../shared/RECIPE-e2e.md already
 * says content scripts should leave validation to the background. Both settings are off unless
 * stored as exactly `true`, which is their default (lib/settings.ts) and the safe reading of any
 * other value.
 */
export interface InPageCardSettings {
  /** The compact in-page card is turned on. */
  on: boolean;
  collapsed: boolean;
}

function fromStored(value: unknown): InPageCardSettings {
  const stored = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { on: stored.inPageCardOnLinkedIn === true, collapsed: stored.inPageCardCollapsed === true };
}

export async function readInPageCardSettings(): Promise<InPageCardSettings> {
  return fromStored((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Calls `listener` whenever the settings change; returns an unsubscribe function. */
export function watchInPageCardSettings(listener: (settings: InPageCardSettings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(fromStored(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * Remembers whether the card is collapsed. The rest of the stored settings are written back as they
 * were: whoever reads them (background, options) parses them field by field.
 */
export async function rememberCollapsed(collapsed: boolean): Promise<void> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const current = stored && typeof stored === 'object' ? stored : {};
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...current, inPageCardCollapsed: collapsed } });
}
