import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPermissions, chromeWebStoreText, firefoxAddOnsText, parseListing, type ManifestAsks } from './listing';

/**
 * `npm run zip`'s last step: the store listing texts from store/listing.md, checked against the
 * manifests the zips were built with (.output/chrome-mv3 and .output/firefox-mv3), written to
 * .output/store/. Exits non-zero, writing nothing, when a permission is not justified.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const manifest = (dir: string) => JSON.parse(read(`.output/${dir}/manifest.json`)) as ManifestAsks;

const listing = parseListing(read('store/listing.md'));
const chrome = manifest('chrome-mv3');
const firefox = manifest('firefox-mv3');
const problems = checkPermissions(listing, [chrome, firefox]);
if (problems.length > 0) {
  console.error(`Store listing: ${problems.join('; ')}`);
  process.exit(1);
}
const out = path.join(ROOT, '.output', 'store');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'chrome-web-store.md'), chromeWebStoreText(listing, chrome));
writeFileSync(path.join(out, 'firefox-add-ons.md'), firefoxAddOnsText(listing, firefox));
console.log(`Store listing texts in ${path.relative(ROOT, out)}/: chrome-web-store.md, firefox-add-ons.md`);
