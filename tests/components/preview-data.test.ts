import { expect, test } from 'vitest';
import { TabContextSchema } from '@/lib/page-context';
import { ashfordCard, cardiffCard, kentCard, leedsCard, northYorkshireCard, previewContexts, westYorkshireCaCard } from '../fixtures/preview-data';
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

// Issue 12: a council opened by itself (the popup's "former" search result) carries what became of it.
test('the card of an abolished council says when it went and who replaced it; a current one says nothing', () => {
  const harrogate = buildCouncilCard(register.byCode('HAG')!, register, services);
  expect(harrogate.abolished).toEqual({ endDate: '2023-04-01', successors: [{ code: 'NYE', name: 'North Yorkshire Council' }] });
  const cumbria = buildCouncilCard(register.byCode('CMA')!, register, services);
  expect(cumbria.abolished?.successors.map((s) => s.code).sort()).toEqual(['CBD', 'WAF']);
  expect(buildCouncilCard(register.byCode('LDS')!, register, services).abolished).toBeNull();
});
