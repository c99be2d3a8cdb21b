import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import config from '@/wxt.config';
import { checkPermissions, chromeWebStoreText, firefoxAddOnsText, MAX_SHORT_DESCRIPTION, parseListing, type ManifestAsks } from '@/lib/store/listing';

const source = readFileSync(join(import.meta.dirname, '../..', '..', 'store', 'listing.md'), 'utf8');
const manifest = (browser: string) => (config as unknown as { manifest: (env: { browser: string; command: string }) => ManifestAsks }).manifest({ browser, command: 'build' });

describe('store/listing.md, the one source of the store texts (issue 16)', () => {
  const listing = parseListing(source);

  test('has every section, and a short description within the Chrome Web Store limit', () => {
    expect(listing.name).toBe('Council Lens');
    expect(listing.shortDescription.length).toBeLessThanOrEqual(MAX_SHORT_DESCRIPTION);
    expect(listing.longDescription).toContain('Everything stays in your browser');
    expect(listing.privacy).toContain('Data collected: none');
  });

  test('justifies exactly what the Chrome and Firefox manifests ask for', () => {
    expect(checkPermissions(listing, [manifest('chrome'), manifest('firefox')])).toEqual([]);
  });

  test('a permission the listing does not justify, or one no manifest asks for, is named', () => {
    expect(checkPermissions(listing, [{ ...manifest('chrome'), permissions: [...manifest('chrome').permissions!.filter((p) => p !== 'sidePanel'), 'tabs'] }, manifest('firefox')])).toEqual([
      'the manifest asks for tabs, which store/listing.md does not justify',
      'store/listing.md justifies sidePanel, which no manifest asks for',
    ]);
  });

  test('a missing section or a malformed permission line is refused, naming it', () => {
    expect(() => parseListing(source.replace('## Privacy practices', '## Privacy'))).toThrow('missing section "## Privacy practices"');
    expect(() => parseListing(source.replace('- `alarms`:', '- alarms:'))).toThrow(/a permission line must read/);
    expect(() => parseListing(source.replace(/## Short description\n\n.+\n/, `## Short description\n\n${'x'.repeat(133)}\n`))).toThrow('the short description is 133 characters; the Chrome Web Store allows 132');
  });

  test("each store's text has its fields, and only the permissions its manifest asks for", () => {
    const chrome = chromeWebStoreText(listing, manifest('chrome'));
    for (const field of ['## Summary', '## Description', '## Privacy: single purpose', '## Privacy: permission justifications', '### sidePanel', '### host_permissions', '## Privacy: data usage']) expect(chrome).toContain(field);
    const firefox = firefoxAddOnsText(listing, manifest('firefox'));
    expect(firefox).toContain('## Privacy policy');
    expect(firefox).not.toContain('### sidePanel');
  });
});
