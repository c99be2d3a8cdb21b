import { browser } from 'wxt/browser';

/**
 * The council-website host patterns: every `optional_host_permissions` entry of the manifest,
 * which wxt.config.ts builds from the register (lib/councils/site-patterns.ts). The manifest is
 * the one list, so what the switch asks for is exactly what Chrome allows it to ask for.
 */
export function councilSiteOrigins(): string[] {
  return (browser.runtime.getManifest() as { optional_host_permissions?: string[] }).optional_host_permissions ?? [];
}

/**
 * Asks for the council-website permission. Call it first thing in a click handler, before any
 * `await`: Chrome only shows the prompt for a user gesture. Resolves false when refused.
 */
export function requestCouncilSites(): Promise<boolean> {
  return browser.permissions.request({ origins: councilSiteOrigins() });
}

export async function hasCouncilSites(): Promise<boolean> {
  const origins = councilSiteOrigins();
  return origins.length > 0 && browser.permissions.contains({ origins });
}

export function removeCouncilSites(): Promise<boolean> {
  return browser.permissions.remove({ origins: councilSiteOrigins() });
}
