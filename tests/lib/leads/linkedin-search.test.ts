import { describe, expect, test } from 'vitest';
import { LEAD_SEARCH_TERMS, LEAD_TITLES, leadSearchUrl } from '@/lib/leads/linkedin-search';
import { parseCsvRecords } from '@/lib/dataset/csv';
import { readShared } from '../dataset/shared-files';

describe('the LinkedIn lead search', () => {
  test('lead titles are the senior manager titles of ../shared/spec/seniority.csv', () => {
    const senior = parseCsvRecords(readShared('spec/seniority.csv')).find((r) => r['id'] === 'senior-manager')!;
    const titles = senior['typical_titles']!.toLowerCase();
    for (const title of LEAD_TITLES) expect(titles).toContain(title);
  });

  test('every service group of ../shared/spec/service-groups.csv has search terms', () => {
    const ids = parseCsvRecords(readShared('spec/service-groups.csv')).map((r) => r['id']);
    expect(Object.keys(LEAD_SEARCH_TERMS).sort()).toEqual([...ids].sort());
  });

  test.each([
    ['Leeds City Council', 'adult-social-care', '"Leeds City Council" AND ("head of" OR "assistant director" OR "service director") AND ("adult social care" OR "adult services")'],
    ['Kent County Council', 'public-health', '"Kent County Council" AND ("head of" OR "assistant director" OR "service director") AND "public health"'],
    ['Comhairle nan Eilean Siar', null, '"Comhairle nan Eilean Siar" AND ("head of" OR "assistant director" OR "service director")'],
    ['A "quoted" Council', 'unknown-group', '"A quoted Council" AND ("head of" OR "assistant director" OR "service director")'],
  ])('%s, %s', (council, group, keywords) => {
    const url = new URL(leadSearchUrl(council, group));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/search/results/people/');
    expect(url.searchParams.get('keywords')).toBe(keywords);
  });
});
