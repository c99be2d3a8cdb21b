import { browser } from 'wxt/browser';
import { councilSiteOrigins } from '@/lib/extension/council-site-access';
import { readSettings, watchSettings } from '@/lib/extension/settings';

/** The id of the dynamically registered council-site content script. */
export const COUNCIL_SITE_SCRIPT_ID = 'cl-council-site';
/** Where WXT builds entrypoints/council-site.content (`registration: 'runtime'`, so not in the manifest). */
const COUNCIL_SITE_SCRIPT_FILE = 'content-scripts/council-site.js';

/** The sites to run on: the granted council-site patterns, and only while the option is on. */
export function councilSiteMatches(enabled: boolean, granted: readonly string[], declared: readonly string[]): string[] {
  return enabled ? declared.filter((pattern) => granted.includes(pattern)) : [];
}

/** What the registration needs from the browser (a stub in tests). */
export interface CouncilSiteDeps {
  enabled(): Promise<boolean>;
  granted(): Promise<string[]>;
  declared(): string[];
  scripting: Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
  /** Runs the script in council-site tabs already open when it is turned on (registration covers new loads only). */
  injectOpenTabs?(matches: string[]): Promise<void>;
}

const browserDeps = (): CouncilSiteDeps => ({
  enabled: async () => (await readSettings()).cardOnCouncilSites,
  granted: async () => (await browser.permissions.getAll()).origins ?? [],
  declared: councilSiteOrigins,
  scripting: browser.scripting,
  injectOpenTabs: async (matches) => {
    const open = await browser.tabs.query({ url: matches });
    await Promise.all(
      open.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${COUNCIL_SITE_SCRIPT_FILE}` as const] }).catch(() => undefined),
      ),
    );
  },
});

/**
 * Keeps the council-site content script registered for exactly the granted council sites while
 * the option is on, and unregistered otherwise. Runs one update at a time, in order: two
 * overlapping registrations of one id fail ("Duplicate script ID").
 */
export function createCouncilSiteScripts(deps: CouncilSiteDeps = browserDeps()) {
  let chain: Promise<string[]> = Promise.resolve([]);
  async function apply(): Promise<string[]> {
    const [enabled, granted] = await Promise.all([deps.enabled(), deps.granted()]);
    const matches = councilSiteMatches(enabled, granted, deps.declared());
    const existing = await deps.scripting.getRegisteredContentScripts({ ids: [COUNCIL_SITE_SCRIPT_ID] });
    // The registration persists across worker restarts: what is registered is the state to compare
    // with, not this worker's memory. Unchanged (every wake after the first): nothing to do.
    const before = existing[0]?.matches ?? [];
    if (before.length === matches.length && before.every((pattern, i) => pattern === matches[i])) return matches;
    if (existing.length > 0) await deps.scripting.unregisterContentScripts({ ids: [COUNCIL_SITE_SCRIPT_ID] });
    if (matches.length > 0) {
      await deps.scripting.registerContentScripts([
        { id: COUNCIL_SITE_SCRIPT_ID, matches, js: [COUNCIL_SITE_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
      // Just turned on: council tabs already open get the badge without a reload.
      if (before.length === 0) await deps.injectOpenTabs?.(matches).catch(() => undefined);
    }
    return matches;
  }
  return {
    /** Registers or unregisters to match the option and the permission; resolves with the sites. */
    sync(): Promise<string[]> {
      chain = chain.catch(() => []).then(apply);
      return chain;
    },
  };
}

/** Wires the registration to service-worker start, permission changes and the option. */
export function registerCouncilSites(): void {
  const scripts = createCouncilSiteScripts();
  const sync = () => void scripts.sync().catch((error: unknown) => console.error('Council Lens council sites:', error));
  // Every start: the registration persists, but the build (and its council list) may have changed.
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  let enabled: boolean | null = null;
  watchSettings((settings) => {
    if (settings.cardOnCouncilSites === enabled) return;
    enabled = settings.cardOnCouncilSites;
    sync();
  });
}
