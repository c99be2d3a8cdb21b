import { expect, test } from 'vitest';
import { TabContextSchema } from '@/lib/protocol';
import { ashfordCard, cardiffCard, kentCard, leedsCard, northYorkshireCard, previewContexts, westYorkshireCaCard } from '@/components/preview/preview-data';
import { buildCouncilCard } from '@/lib/councils/card';
import { register, services } from '../support/public-data';

// The samples double as screenshots' input: they must be contexts the background could send.
test.each(Object.entries(previewContexts))('%s is a valid TabContext', (_name, context) => {
  expect(TabContextSchema.parse(context)).toEqual(context);
});

// The samples are typed by hand; they must say what the real card for that council says.

test.each([ashfordCard, cardiffCard, kentCard, leedsCard, northYorkshireCard, westYorkshireCaCard].map((card) => [card.officialName, card] as const))(
  '%s: facts and services as the card built from public/data',
  (_name, sample) => {
    const built = buildCouncilCard(register.byCode(sample.code)!, register, services);
    const facts = (card: typeof sample) => ({ population: card.population, areaKm2: card.areaKm2, homepage: card.homepage, domain: card.domain, tier: card.tier });
    expect(facts(sample)).toEqual(facts(built));
    expect(sample.services.map((s) => [s.id, s.provision])).toEqual(built.services.map((s) => [s.id, s.provision]));
  },
);
