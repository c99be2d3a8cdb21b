import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Only the sites the extension reads. No web_accessible_resources: LinkedIn probes for them.
    // LinkedIn to read profiles; the two public procurement APIs, fetched by the background only.
    host_permissions: ['*://www.linkedin.com/*', 'https://www.contractsfinder.service.gov.uk/*', 'https://www.find-tender.service.gov.uk/*'],
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
