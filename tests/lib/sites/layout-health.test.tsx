import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noteLayoutRead } from '@/entrypoints/background/layout-health';
import { LayoutHealthSection } from '@/entrypoints/options/layout-health';
import {
  LAYOUT_HEALTH_KEY,
  LAYOUT_HEALTH_LIMIT,
  layoutReadOf,
  parseLayoutHealth,
  recordLayoutRead,
  summariseLayoutHealth,
  type LayoutRead,
} from '@/lib/sites/layout-health';
import type { LinkedInCompanyFacts, LinkedInProfileFacts } from '@/lib/sites/types';
import { mount } from '../../support/dom';

const profile = (slug: string, readVia: LinkedInProfileFacts['readVia']): LinkedInProfileFacts => ({
  kind: 'linkedin-profile',
  pageId: slug,
  readVia,
  name: null,
  headline: null,
  employer: readVia === 'text' ? null : 'Kent County Council',
  title: null,
  experience: [],
  text: '',
});
const company = (slug: string): LinkedInCompanyFacts => ({ kind: 'linkedin-company', pageId: slug, readVia: 'classic', companyName: 'Kent County Council', industry: null, text: '' });

describe('the layout-health record', () => {
  test('one entry per page, the latest read of it, at most 50 pages, no names or slugs', () => {
    let record: LayoutRead[] = [];
    record = recordLayoutRead(record, layoutReadOf(profile('priya-sharma', 'text'), 1)!);
    record = recordLayoutRead(record, layoutReadOf(profile('priya-sharma', 'sdui'), 2)!);
    expect(record).toEqual([{ at: 2, kind: 'linkedin-profile', via: 'sdui', page: expect.stringMatching(/^[0-9a-f]{8}$/) }]);
    expect(JSON.stringify(record)).not.toContain('priya');
    for (let i = 0; i < 60; i++) record = recordLayoutRead(record, layoutReadOf(profile(`p-${i}`, i % 3 ? 'sdui' : 'text'), 10 + i)!);
    expect(record).toHaveLength(LAYOUT_HEALTH_LIMIT);
    expect(record[0]!.at).toBe(20);
    expect(record.at(-1)!.at).toBe(69);
  });

  test('summarised per page kind and way of reading', () => {
    let record: LayoutRead[] = [];
    for (const [facts, at] of [
      [profile('a', 'sdui'), 1],
      [profile('b', 'sdui'), 5],
      [profile('c', 'text'), 3],
      [profile('d', 'classic'), 2],
      [company('kent-county-council'), 4],
    ] as const) record = recordLayoutRead(record, layoutReadOf(facts, at)!);
    expect(summariseLayoutHealth(record)).toEqual([
      { kind: 'linkedin-profile', via: 'sdui', pages: 2, last: 5 },
      { kind: 'linkedin-profile', via: 'text', pages: 1, last: 3 },
      { kind: 'linkedin-profile', via: 'classic', pages: 1, last: 2 },
      { kind: 'linkedin-company', via: 'classic', pages: 1, last: 4 },
    ]);
  });

  test.each([[null], ['nonsense'], [[{ at: -1, kind: 'linkedin-profile', via: 'sdui', page: '00000000' }]], [Array(51).fill({ at: 1, kind: 'linkedin-profile', via: 'sdui', page: '00000000' })]])(
    'an unreadable stored record (%j) reads as empty',
    (value) => {
      expect(parseLayoutHealth(value)).toEqual([]);
    },
  );
});

describe('recorded by the background, shown on the options page', () => {
  beforeEach(() => fakeBrowser.reset());

  test('reads of LinkedIn pages are recorded; stale facts and other sites are not', async () => {
    await noteLayoutRead('https://www.linkedin.com/in/priya-sharma/', profile('priya-sharma', 'sdui'), 1);
    await noteLayoutRead('https://www.linkedin.com/in/tom-okafor/', profile('priya-sharma', 'classic'), 2);
    await noteLayoutRead('https://www.linkedin.com/company/kent-county-council/', company('kent-county-council'), 3);
    await noteLayoutRead('https://www.linkedin.com/feed/', null, 4);
    const stored = parseLayoutHealth((await fakeBrowser.storage.local.get(LAYOUT_HEALTH_KEY))[LAYOUT_HEALTH_KEY]);
    expect(stored.map((r) => [r.kind, r.via, r.at])).toEqual([
      ['linkedin-profile', 'sdui', 1],
      ['linkedin-company', 'classic', 3],
    ]);
  });

  test('the options section lists them, and follows new reads', async () => {
    await noteLayoutRead('https://www.linkedin.com/in/priya-sharma/', profile('priya-sharma', 'sdui'), Date.UTC(2026, 11, 1));
    const root = mount(<LayoutHealthSection />);
    await expect.poll(() => root.textContent).toContain('every one was read from its structure');
    expect(root.querySelector('tbody')?.textContent).toContain('Structure: 2026 layout');
    expect(root.querySelector('tbody')?.textContent).toContain('1 December 2026');
    await act(async () => {
      await noteLayoutRead('https://www.linkedin.com/in/ali-khan/', profile('ali-khan', 'text'), Date.UTC(2026, 11, 2));
    });
    await expect.poll(() => root.textContent).toContain('1 could only be read from the page text');
    expect(root.querySelector('tbody')?.textContent).toContain('Page text only');
  });
});
