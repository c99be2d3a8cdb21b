import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { councilSitePatterns } from './lib/councils/site-patterns';
import { DEFAULT_BASES } from './lib/sync/sources';
import { NOTICE_PAGE_MATCHES } from './lib/ocds/portals';
import { parseListing } from './lib/store/listing';

const listing = parseListing(readFileSync(resolve(import.meta.dirname, 'store/listing.md'), 'utf8'));
import { snapshotOrigins } from './lib/snapshot/published';

/** Every council website in the packaged register, asked for only when the user turns the option on. */
const councilSites = councilSitePatterns(
  (JSON.parse(readFileSync(resolve(import.meta.dirname, 'public/data/councils.json'), 'utf8')) as { councils: { domain: string | null }[] })
    .councils,
);

/**
 * The procurement APIs the background fetches, from the one list the sync uses: they are the
 * host permissions and, with the extension's own files, all the extension pages may connect to.
 */
const apiOrigins = [...new Set(Object.values(DEFAULT_BASES).map((base) => new URL(base).origin))];
/**
 * Host permissions: the APIs, and the sites of every portal's notice pages (lib/ocds/portals.ts),
 * so the background can find open notice tabs (tabs.query by URL) to tell them of annotation
 * changes. A host permission grants its whole origin whatever its path, so each is written as
 * `<origin>/*`; a notice site that is also an API origin is listed once.
 */
const noticeOrigins = NOTICE_PAGE_MATCHES.map((pattern) => new URL(pattern.replace(/\*/g, 'x')).origin);
const hostPermissions = [...new Set([...apiOrigins, ...noticeOrigins])].map((origin) => `${origin}/*`);

/** Firefox's id for the add-on, permanent once the add-on is listed (AMO keys updates by it). */
export const GECKO_ID = '{e54263a8-a30b-46d2-96d7-43f16246d07a}';
/** The published snapshot's manifest address (README, "Publishing snapshots"); empty by default: no such button. */
const snapshotUrl = process.env['WXT_SNAPSHOT_URL']?.trim() ?? '';
/** Where the options page may fetch the published snapshot from: nowhere unless the build names it. */
const snapshotConnect = snapshotUrl ? snapshotOrigins(snapshotUrl).map((pattern) => pattern.replace(/\/\*$/, '')) : [];

// See ../shared/RECIPE-e2e.md for why these settings are as they are.
export default defineConfig({
  imports: false,
  // Manifest V3 for Firefox too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Content scripts get a context that announces nothing to the page and that the page cannot
    // stop (lib/extension/content-script-context.ts says why; issue 11).
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: resolve(import.meta.dirname, 'lib/extension/content-script-context.ts') }],
    },
  }),
  manifest: ({ browser, command }) => ({
    name: 'Council Lens',
    // The store listing's short description (store/listing.md), within Chrome's 132 characters.
    description: listing.shortDescription,
    // scripting: the council-site badge script is registered at runtime, only once its hosts are granted.
    // unlimitedStorage: years of cached notices (hundreds of MB) would pass the default quota.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab', 'notifications', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The public procurement APIs, fetched by the background only, over https, and the portals'
    // notice sites (finding their open tabs; never fetched). LinkedIn needs none:
    // the content script's matches read its pages, and the background never fetches LinkedIn.
    // No web_accessible_resources: LinkedIn probes for them.
    host_permissions: hostPermissions,
    // The privacy promise, enforced by the browser: extension pages (and the background) load
    // only their own scripts and connect only to themselves and the procurement APIs. `wxt dev`
    // sets its own policy for its dev server.
    ...(command === 'serve'
      ? {}
      : { content_security_policy: { extension_pages: `script-src 'self'; object-src 'self'; connect-src 'self' ${[...apiOrigins, ...snapshotConnect].join(' ')}` } }),
    // Council websites (~380), optional: requested from the options switch, never at install.
    // and the published snapshot's host, when the build has one (asked for at the click).
    optional_host_permissions: [...councilSites, ...(snapshotUrl ? snapshotOrigins(snapshotUrl) : [])],
    action: { default_title: 'Council Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // The first versions that know data_collection_permissions (desktop 140, Android 142).
              strict_min_version: '140.0',
              // Firefox's declaration of what an add-on collects: nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
