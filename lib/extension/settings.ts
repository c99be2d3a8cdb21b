import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '@/lib/settings';
import { SETTINGS_KEY as KEY } from './settings-key';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever they change; returns an unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
