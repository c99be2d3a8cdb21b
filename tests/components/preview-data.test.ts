import { expect, test } from 'vitest';
import { TabContextSchema } from '@/lib/protocol';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ashfordCard, cardiffCard, kentCard, leedsCard, northYorkshireCard, previewContexts, westYorkshireCaCard } from '@/components/preview/preview-data';
import { buildCouncilCard } from '@/lib/councils/card';
import { createRegister } from '@/lib/councils/register';
import { CouncilsFileSchema, ServicesFileSchema } from '@/lib/councils/schema';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';

// The samples double as screenshots' input: they must be contexts the background could send.
test.each(Object.entries(previewContexts))('%s is a valid TabContext', (_name, context) => {
  expect(TabContextSchema.parse(context)).toEqual(context);
});

// The samples are typed by hand; they must say what the real card for that council says.
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data', name), 'utf8'));
const councils = CouncilsFileSchema.parse(read('councils.json'));
const register = createRegister(councils);
const services = ServicesFileSchema.parse(read('services.json'));

test.each([ashfordCard, cardiffCard, kentCard, leedsCard, northYorkshireCard, westYorkshireCaCard].map((card) => [card.officialName, card] as const))(
  '%s: facts and services as the card built from public/data',
  (_name, sample) => {
    const built = buildCouncilCard(register.byCode(sample.code)!, register, services);
    const facts = (card: typeof sample) => ({ population: card.population, areaKm2: card.areaKm2, homepage: card.homepage, domain: card.domain, tier: card.tier });
    expect(facts(sample)).toEqual(facts(built));
    expect(sample.services.map((s) => [s.id, s.provision])).toEqual(built.services.map((s) => [s.id, s.provision]));
  },
);
