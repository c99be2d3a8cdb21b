import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { councilSitePatterns } from './lib/councils/site-patterns';
import { snapshotOrigins } from './lib/snapshot/published';

/** Every council website in the packaged register, asked for only when the user turns the option on. */
const councilSites = councilSitePatterns(
  (JSON.parse(readFileSync(resolve(import.meta.dirname, 'public/data/councils.json'), 'utf8')) as { councils: { domain: string | null }[] })
    .councils,
);

/** The published snapshot's manifest address (README, "Publishing snapshots"); empty by default: no such button. */
const snapshotUrl = process.env['WXT_SNAPSHOT_URL']?.trim() ?? '';

// See ../shared/RECIPE-e2e.md for why these settings are as they are.
export default defineConfig({
  imports: false,
  // Manifest V3 for Firefox too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Council Lens',
    description:
      'UK council context where you already work: LinkedIn, Contracts Finder, Find a Tender and council websites. Everything stays in your browser.',
    // scripting: the council-site badge script is registered at runtime, only once its hosts are granted.
    // unlimitedStorage: years of cached notices (hundreds of MB) would pass the default quota.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab', 'notifications', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Only the sites the extension reads. No web_accessible_resources: LinkedIn probes for them.
    // LinkedIn to read profiles; the two public procurement APIs, fetched by the background only.
    host_permissions: ['*://www.linkedin.com/*', 'https://www.contractsfinder.service.gov.uk/*', 'https://www.find-tender.service.gov.uk/*'],
    // Council websites (~380), optional: requested from the options switch, never at install.
    // and the published snapshot's host, when the build has one (asked for at the click).
    optional_host_permissions: [...councilSites, ...(snapshotUrl ? snapshotOrigins(snapshotUrl) : [])],
    action: { default_title: 'Council Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'council-lens@example.org',
              strict_min_version: '128.0',
              // Firefox's declaration of what an add-on collects: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
