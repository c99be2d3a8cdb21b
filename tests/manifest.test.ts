import { describe, expect, test } from 'vitest';
import config from '@/wxt.config';
import { DEFAULT_BASES } from '@/lib/sync/sources';

type Manifest = Record<string, unknown> & {
  host_permissions: string[];
  content_security_policy?: { extension_pages: string };
  browser_specific_settings?: { gecko: { id: string; strict_min_version: string }; gecko_android: { strict_min_version: string } };
};
const manifest = (browser: string, command = 'build') =>
  (config as unknown as { manifest: (env: { browser: string; command: string }) => Manifest }).manifest({ browser, command });
const apis = Object.values(DEFAULT_BASES).map((base) => new URL(base).origin);

// Issue 16, finding 4: ask for no more than the background uses, and let the browser enforce the
// privacy promise ("the only requests ... are to the public procurement APIs").
describe.each(['chrome', 'firefox'])('the %s manifest', (browser) => {
  // Issue 17: plus the notice sites of Public Contracts Scotland and Sell2Wales, so annotation
  // changes reach their open notice tabs (Contracts Finder's and Find a Tender's are the API hosts).
  test('host permissions are exactly the procurement APIs and the notice sites, https only; no LinkedIn', () => {
    expect(manifest(browser).host_permissions).toEqual([
      ...apis.map((origin) => `${origin}/*`),
      'https://www.publiccontractsscotland.gov.uk/*',
      'https://www.sell2wales.gov.wales/*',
    ]);
    expect(manifest(browser).host_permissions.every((p) => p.startsWith('https://'))).toBe(true);
  });

  test('the extension pages may connect only to themselves and the procurement APIs', () => {
    const policy = manifest(browser).content_security_policy?.extension_pages ?? '';
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['connect-src']).toEqual(["'self'", ...apis]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(apis).toEqual([
      'https://www.contractsfinder.service.gov.uk',
      'https://www.find-tender.service.gov.uk',
      'https://api.publiccontractsscotland.gov.uk',
      'https://api.sell2wales.gov.wales',
    ]);
  });
});

test('Firefox: a permanent id and the first versions that read data_collection_permissions', () => {
  const gecko = manifest('firefox').browser_specific_settings!;
  expect(gecko.gecko.id).not.toMatch(/example\.(org|com)/);
  expect(gecko.gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  expect(gecko.gecko.strict_min_version).toBe('140.0');
  expect(gecko.gecko_android.strict_min_version).toBe('142.0');
});
