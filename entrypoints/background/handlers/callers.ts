import type { Browser } from 'wxt/browser';
import { linkedInCompany, linkedInProfile } from '@/lib/sites/adapters';
import { NOTICE_PAGE_MATCHES } from '@/lib/ocds/portals';
import { matchesAny } from '@/lib/sites/match-pattern';

/** The sites a content script of ours runs on (entrypoints/<site>.content). */
export type ContentSite = 'linkedin' | 'notices' | 'council-site';
/** Who may send a request: the extension's own pages (popup, side panel, options, …) or a content script on its site. */
export type Audience = 'pages' | ContentSite;

/** The sender of a request, as the browser reports it (never as the message claims). */
export type Caller =
  | { from: 'pages'; url: string; tab: Browser.tabs.Tab | undefined }
  | { from: ContentSite; url: string; tabId: number; tab: Browser.tabs.Tab };

export interface CallerEnv {
  /** `chrome-extension://<id>/` (Firefox: `moz-extension://<uuid>/`): browser.runtime.getURL('/'). */
  extensionOrigin: string;
  /** Where each content script runs: match patterns. */
  sites: Readonly<Record<ContentSite, readonly string[]>>;
}

/**
 * Where the two manifest content scripts run: LinkedIn from its adapters' `matches`, the notices
 * script from the portal registry (lib/ocds/portals.ts), which is what its manifest `matches` are
 * built from.
 */
export const CONTENT_SCRIPT_MATCHES: Readonly<Record<Exclude<ContentSite, 'council-site'>, readonly string[]>> = {
  linkedin: [...new Set([...linkedInProfile.matches, ...linkedInCompany.matches])],
  notices: NOTICE_PAGE_MATCHES,
};

/**
 * Who sent a message: an extension page (its URL on our own origin, and no tab showing another
 * site), or a content script in the top frame of a tab on one of our sites; null for anything else.
 * `sender.url` and `sender.tab` are set by the browser, so a page cannot claim another site.
 */
export function identifyCaller(sender: Browser.runtime.MessageSender, env: CallerEnv): Caller | null {
  const url = sender.url;
  if (!url) return null;
  if (url.startsWith(env.extensionOrigin)) {
    if (sender.tab?.url && !sender.tab.url.startsWith(env.extensionOrigin)) return null;
    return { from: 'pages', url, tab: sender.tab };
  }
  const tab = sender.tab;
  if (tab?.id === undefined || (sender.frameId !== undefined && sender.frameId !== 0)) return null;
  const site = siteOf(url, env.sites);
  return site ? { from: site, url, tabId: tab.id, tab } : null;
}

/** Chrome's own match-pattern rule (path and query), the one the manifest and the adapters share. */
function siteOf(url: string, sites: CallerEnv['sites']): ContentSite | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const [site, patterns] of Object.entries(sites) as [ContentSite, readonly string[]][]) {
    if (matchesAny(patterns, parsed)) return site;
  }
  return null;
}

/**
 * Whether `address` is on the calling content script's own page: the same origin as the frame it
 * runs in. Not the path: in real Chromium (156, tests/e2e/linkedin.test.ts) `sender.url` stays at
 * the address the document loaded at after an SPA's `history.pushState`, and `sender.tab.url` still
 * shows the previous profile when the content script reports the new page view ("reading"), so a
 * path rule refused LinkedIn's own navigations. pushState cannot change the origin, the answer is
 * published to the sender's own tab only, and a page of that origin could navigate its tab there
 * anyway. Extension pages may ask about any address.
 */
export function isCallersPage(address: string, caller: Caller): boolean {
  if (caller.from === 'pages') return true;
  try {
    return new URL(address).origin === new URL(caller.url).origin;
  } catch {
    return false;
  }
}
