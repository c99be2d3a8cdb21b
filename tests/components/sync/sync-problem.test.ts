import { expect, test } from 'vitest';
import { explainSyncError } from '@/components/sync/sync-problem';

// The messages lib/sync/walk-source.ts and entrypoints/background/refresh/sync write, as the options page receives them.
test.each([
  ['Contracts Finder: HTTP 404 for https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?publishedFrom=2026-11-01', 'The service did not accept Council Lens’s request: it may have changed how it works.'],
  ['Find a Tender: HTTP 403 for https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages?updatedFrom=2026-11-01', 'The service refused to answer this browser.'],
  ['Contracts Finder: HTTP 502; retrying in 4 s', 'The service had a problem of its own and did not answer properly.'],
  ['Find a Tender is overloaded (HTTP 429); asking again at 2026-11-30T10:05:00.000Z', 'The service was busy and asked Council Lens to wait.'],
  ['Find a Tender still overloaded (HTTP 503) after 5 waits', 'The service was busy and asked Council Lens to wait.'],
  ['Contracts Finder: network error: Failed to fetch; retrying in 2 s', 'Council Lens could not reach the service: this browser may be offline.'],
  ['Contracts Finder: no answer within 30 s; retrying in 2 s', 'Council Lens could not reach the service: this browser may be offline.'],
  ['Contracts Finder: invalid JSON (1234 bytes; truncated?); retrying in 2 s', 'The service sent an answer Council Lens could not read.'],
  ['Interrupted before the end (the browser or the extension stopped); the next run resumes from the last stored page.', 'The refresh was interrupted before the end (the browser closed or the extension restarted).'],
  ['Stopped before the end; the next run resumes from the last stored page.', 'The refresh was interrupted before the end (the browser closed or the extension restarted).'],
  ['Something nobody foresaw', 'Something went wrong while fetching notices.'],
])('%s', (message, what) => {
  const problem = explainSyncError(message);
  expect(problem.what).toBe(what);
  // Every explanation says what to do, in words, without the technical detail.
  expect(problem.action).toMatch(/\.$/);
  expect(`${problem.what} ${problem.action}`).not.toMatch(/HTTP|https?:|JSON|OCDS/);
});
