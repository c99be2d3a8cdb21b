import { describe, expect, test } from 'vitest';
import { adapterFor, adapters } from '@/lib/sites/adapters';
import { matchesPattern } from '@/lib/sites/match-pattern';

/** Pages no adapter may claim: other LinkedIn pages, other hosts, and look-alike paths. */
const LOOK_ALIKES = [
  'https://www.linkedin.com/',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/',
  'https://www.linkedin.com/jobs/view/4012345678/',
  'https://www.linkedin.com/in/',
  'https://www.linkedin.com/in',
  'https://www.linkedin.com/inbox/',
  'https://www.linkedin.com/company/',
  'https://www.linkedin.com/companies/leeds-city-council/',
  'https://www.linkedin.com/school/university-of-leeds/',
  'https://www.linkedin.com/showcase/leeds-museums-and-galleries/',
  'https://www.linkedin.com/pub/priya-sharma/1/2/3',
  'https://www.linkedin.com/search/results/people/?keywords=%2Fin%2Fpriya-sharma',
  'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000000/?actorCompanyId=/company/leeds-city-council/',
  'https://www.linkedin.com/in/priya-sharma/details/experience/',
  'https://www.linkedin.com/in/priya-sharma/recent-activity/all/',
  'https://www.linkedin.com/company/leeds-city-council/admin/dashboard/',
  'https://uk.linkedin.com/in/priya-sharma',
  'https://linkedin.com.evil.example/in/priya-sharma',
  'https://www.linkedin.com.evil.example/company/leeds-city-council/',
  'https://notlinkedin.com/in/priya-sharma',
  'https://example.com/in/priya-sharma',
  'https://example.com/company/leeds-city-council/',
  'https://www.contractsfinder.service.gov.uk/notice/0f6e1c7e-6c3a-4a6b-9a0e-2f1d3c4b5a69',
  'https://www.leeds.gov.uk/in/priya-sharma',
  'ftp://www.linkedin.com/in/priya-sharma',
  'file:///in/priya-sharma',
];

describe.each(adapters.map((adapter) => ({ id: adapter.id, adapter })))('$id', ({ adapter }) => {
  const others = adapters.filter((a) => a !== adapter).flatMap((a) => a.testUrls);

  test.each(adapter.testUrls)('accepts its own %s', (href) => {
    const url = new URL(href);
    expect(adapter.isPage(url)).toBe(true);
    expect(adapter.pageIdFromUrl(url)).not.toBeNull();
    expect(adapterFor(url)).toBe(adapter);
    expect(adapter.matches.some((pattern) => matchesPattern(pattern, url))).toBe(true);
  });

  test.each(others)("rejects another adapter's %s", (href) => {
    const url = new URL(href);
    expect(adapter.isPage(url)).toBe(false);
    expect(adapter.pageIdFromUrl(url)).toBeNull();
  });

  test.each(LOOK_ALIKES)('rejects the look-alike %s', (href) => {
    const url = new URL(href);
    expect(adapter.isPage(url)).toBe(false);
    expect(adapter.pageIdFromUrl(url)).toBeNull();
  });

  test('extract() on a page it does not handle returns null', () => {
    expect(adapter.extract(document, new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });
});

test.each(LOOK_ALIKES)('no adapter claims %s', (href) => {
  expect(adapterFor(new URL(href))).toBeNull();
});

test('adapter ids are unique', () => {
  const ids = adapters.map((a) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
});
