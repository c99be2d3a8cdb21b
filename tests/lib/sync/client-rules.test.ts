// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { parseRetryAfter } from '@/lib/sync/retry-after';
import { CONTRACTS_FINDER, FIND_A_TENDER, isoSeconds, resolveNextUrl } from '@/lib/sync/sources';
import { pageKey } from '@/lib/sync/walk-source';

const NOW = Date.parse('2025-03-12T10:00:00Z');

describe('parseRetryAfter', () => {
  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 12 Mar 2025 10:02:30 GMT', 150_000],
    ['Wed, 12 Mar 2025 09:00:00 GMT', 0],
    ['999999999', 86_400_000],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    [null, undefined],
  ])('%s -> %s ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('overload answers', () => {
  test.each([
    [CONTRACTS_FINDER, 403, undefined, 300_000],
    [CONTRACTS_FINDER, 429, undefined, 300_000],
    [CONTRACTS_FINDER, 429, 600_000, 600_000],
    [CONTRACTS_FINDER, 503, 60_000, undefined],
    [FIND_A_TENDER, 429, 30_000, 30_000],
    [FIND_A_TENDER, 429, undefined, 120_000],
    [FIND_A_TENDER, 503, 45_000, 45_000],
    [FIND_A_TENDER, 503, undefined, undefined],
    [FIND_A_TENDER, 403, undefined, undefined],
  ])('%s: HTTP %i with Retry-After %s waits %s', (api, status, retryAfter, wait) => {
    expect(api.throttleWait(status, retryAfter)).toBe(wait);
  });
});

describe('request URLs', () => {
  test('first pages: London times (Contracts Finder with its offset, Find a Tender without a zone), limit 100', () => {
    const window = { from: isoSeconds(Date.parse('2025-01-20T00:00:00.500Z')), to: '2025-07-23T00:00:00Z' };
    expect(CONTRACTS_FINDER.firstPageUrl('https://www.contractsfinder.service.gov.uk/', window)).toBe(
      'https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?publishedFrom=2025-01-20T00:00:00%2B00:00&publishedTo=2025-07-23T01:00:00%2B01:00&stages=planning,tender,award&limit=100',
    );
    // No `stages=` on Find a Tender: it drops every Procurement Act update (SOURCES.md §7).
    expect(FIND_A_TENDER.firstPageUrl('https://www.find-tender.service.gov.uk', window)).toBe(
      'https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages?updatedFrom=2025-01-20T00:00:00&updatedTo=2025-07-23T01:00:00&limit=100',
    );
  });

  // The 2022 fixture's real links.next, with its unencoded `+01:00`.
  const REAL_NEXT =
    'https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?publishedTo=2022-10-20T09:43:52+01:00&limit=100&cursor=cHVibGlzaGVkVG89MjAyMi0xMC0yMFQwOTo0Mzo1MiswMTowMHxsaW1pdD0xMDB8bmV4dEN1cnNvcj00ODA3NjE=';

  test.each([
    ['followed as given on our host', REAL_NEXT, 'https://www.contractsfinder.service.gov.uk', REAL_NEXT],
    ['moved to our base when it names another host', REAL_NEXT, 'http://127.0.0.1:8080', REAL_NEXT.replace('https://www.contractsfinder.service.gov.uk', 'http://127.0.0.1:8080')],
    ['kept under a base path', '/Published/Notices/OCDS/Search?cursor=abc', 'http://proxy.test/cf/', 'http://proxy.test/cf/Published/Notices/OCDS/Search?cursor=abc'],
    ['refused off the search path', 'https://www.contractsfinder.service.gov.uk/Account/Login?cursor=abc', 'https://www.contractsfinder.service.gov.uk', null],
    ['refused without a query', 'https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search', 'https://www.contractsfinder.service.gov.uk', null],
    ['refused when unreadable', 'http://[::1', 'https://www.contractsfinder.service.gov.uk', null],
  ])('links.next is %s', (_label, next, base, expected) => {
    expect(resolveNextUrl(next, base, CONTRACTS_FINDER)).toBe(expected);
  });
});

test('pageKey tells pages apart by their releases and is stable', () => {
  const a = [{ ocid: 'o1', id: 'r1', date: 'd1' }];
  expect(pageKey(a)).toBe(pageKey(structuredClone(a)));
  expect(pageKey(a)).not.toBe(pageKey([{ ocid: 'o1', id: 'r2', date: 'd1' }]));
  expect(pageKey([])).toBe('0:811c9dc5');
});
