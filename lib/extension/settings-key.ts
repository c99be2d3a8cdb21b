/** Where the settings are kept in `browser.storage.local` (lib/settings.ts says what they are). */
export const SETTINGS_KEY = 'settings';
