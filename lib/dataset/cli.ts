import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDataset, toJson } from './build-dataset';
import { buildServicesFile } from './build-services';
import { readSeedInputs } from './read-inputs';
import { buildSeed } from './build-seed';
import { evidenceDisagreements } from './evidence-check';
import { readDatasetInputs, REPO_ROOT, sharedDir } from './read-inputs';

// `npm run data`: rebuild public/data from ../shared (or $SHARED_DIR).
const inputs = readDatasetInputs(sharedDir());
const output = buildDataset(inputs);
for (const [name, text] of Object.entries(output)) {
  const file = path.join(REPO_ROOT, 'public', 'data', name);
  writeFileSync(file, text);
  console.log(`wrote public/data/${name} (${text.length} bytes)`);
}
const councils = JSON.parse(output['councils.json']);
const seed = toJson(buildSeed(readSeedInputs(sharedDir()), councils));
writeFileSync(path.join(REPO_ROOT, 'public', 'data', 'notices-seed.json'), seed);
console.log(`wrote public/data/notices-seed.json (${seed.length} bytes)`);
for (const d of evidenceDisagreements(buildServicesFile(inputs).groups)) {
  console.log(`evidence ${d.kind}: LGSL ${d.lgsl} "${d.description}" (${d.lgslTier}) in ${d.group}: ${d.tier} is ${d.provision}`);
}
