import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildDataset, toJson } from './build-dataset';
import { buildServicesFile } from './build-services';
import { readSeedInputs, readSpendInputs } from './read-inputs';
import { buildSpendFile, spendToJson } from './build-spend';
import { buildSeed } from './build-seed';
import { evidenceDisagreements } from './evidence-check';
import { gbPhoneMetadata } from './phone-metadata';
import { readDatasetInputs, REPO_ROOT, sharedDir } from './read-inputs';
import { DEFAULT_LIVE_DIR, readLivePackages } from './fetch-live';

// `npm run data`: rebuild public/data from ../shared (or $SHARED_DIR).
// `npm run data -- --live [dir]`: the notices seed also takes the pages `npm run data:fetch` wrote
// (default tmp-live/), so a maintainer can ship a fresher seed. The byte-for-byte rebuild test
// covers the default build only.
const liveAt = process.argv.indexOf('--live');
const liveDir = liveAt < 0 ? null : (process.argv[liveAt + 1] && !process.argv[liveAt + 1]!.startsWith('--') ? process.argv[liveAt + 1]! : DEFAULT_LIVE_DIR);
const inputs = readDatasetInputs(sharedDir());
const output = buildDataset(inputs);
for (const [name, text] of Object.entries(output)) {
  const file = path.join(REPO_ROOT, 'public', 'data', name);
  writeFileSync(file, text);
  console.log(`wrote public/data/${name} (${text.length} bytes)`);
}
const councils = JSON.parse(output['councils.json']);
const live = liveDir ? readLivePackages(liveDir) : [];
if (liveDir) console.log(`read ${live.length} live pages from ${liveDir}`);
const seed = toJson(buildSeed([...readSeedInputs(sharedDir()), ...live], councils));
writeFileSync(path.join(REPO_ROOT, 'public', 'data', 'notices-seed.json'), seed);
console.log(`wrote public/data/notices-seed.json (${seed.length} bytes)`);
const spend = spendToJson(buildSpendFile(readSpendInputs(sharedDir()), councils.councils));
writeFileSync(path.join(REPO_ROOT, 'public', 'data', 'spend.json'), spend);
console.log(`wrote public/data/spend.json (${spend.length} bytes)`);
const phone = `${JSON.stringify(gbPhoneMetadata(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8'))))}\n`;
writeFileSync(path.join(REPO_ROOT, 'lib', 'phone-metadata-gb.json'), phone);
console.log(`wrote lib/phone-metadata-gb.json (${phone.length} bytes)`);
for (const d of evidenceDisagreements(buildServicesFile(inputs).groups)) {
  console.log(`evidence ${d.kind}: LGSL ${d.lgsl} "${d.description}" (${d.lgslTier}) in ${d.group}: ${d.tier} is ${d.provision}`);
}
