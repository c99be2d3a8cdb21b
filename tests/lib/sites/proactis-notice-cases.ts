import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { adapterFor } from '@/lib/sites/adapters';
import { TenderNoticeFactsSchema, type SiteAdapter, type TenderNoticeFacts } from '@/lib/sites/types';
import { readShared } from '../dataset/shared-files';
import { firstMatching, loadFixture } from './fixture';

/**
 * The checks both Proactis portals' adapters (Public Contracts Scotland, Sell2Wales) answer to,
 * each with its own fixture and facts written by hand (tests/lib/sites/<adapter>.test.ts).
 */
export interface ProactisCase {
  fixture: string;
  url: URL;
  expected: TenderNoticeFacts;
}

export function describeProactisAdapter(adapter: SiteAdapter, cases: readonly ProactisCase[], realReleases: string): void {
  const extract = (doc: ParentNode, url: URL) => {
    const facts = adapter.extract(doc, url);
    return facts === null ? null : TenderNoticeFactsSchema.parse(facts);
  };

  describe.each(cases)('$fixture', ({ fixture, url, expected }) => {
    const doc = loadFixture('notices', fixture, url.href);

    test('the anchor resolves to the title label', () => {
      expect(firstMatching(doc, adapter.anchor)).toBe(adapter.anchor[0]);
    });

    test('extract() reads the facts written by hand', () => {
      expect(extract(doc, url)).toEqual(expected);
    });

    test('the page identity is the URL ID, whatever its case or the path case', () => {
      const other = new URL(url.href.replace('/search/show/', '/Search/show/').replace(/ID=(\w+)/, (_m, id: string) => `ID=${id.toLowerCase()}`));
      expect(adapter.pageIdFromUrl(other)).toBe(expected.pageId);
      expect(extract(doc, other)).toEqual(expected);
    });

    test('a URL naming another notice gets null (the page shows a different notice)', () => {
      expect(extract(doc, new URL(url.href.replace(/ID=\w+/, 'ID=JAN000001')))).toBeNull();
    });

    test('without the intro labels the page falls back to its visible text', () => {
      const bare = loadFixture('notices', fixture, url.href);
      for (const el of bare.querySelectorAll('[id*="notice_introduction1_lbl"]')) el.remove();
      const facts = extract(bare, url);
      expect(facts?.readVia).toBe('text');
      expect(facts?.buyer).toBeNull();
      expect(facts?.text).toContain(expected.buyer!.name);
    });

    test('no personal contact details are read', () => {
      expect(JSON.stringify(extract(doc, url))).not.toMatch(/@|telephone|\+44/i);
    });
  });

  describe('page identity', () => {
    const origin = cases[0]!.url.origin;
    test.each([
      [`${origin}/search/show/search_view.aspx?ID=APR351330`, 'APR351330'],
      [`${origin}/search/show/search_view.aspx?ID=FEB497862&utm_source=alert`, 'FEB497862'],
      [`${origin}/search/search_switch.aspx?ID=581860`, null],
      [`${origin}/search/show/search_view.aspx?ID=581860`, null],
      [`${origin}/search/show/search_view.aspx`, null],
      [`${origin}/NoticeDownload/DownloadDocument.aspx?id=APR351330&idx=1`, null],
      [`http://${new URL(origin).host}/search/show/search_view.aspx?ID=APR351330`, null],
      [`https://api.${new URL(origin).host.replace(/^www\./, '')}/v1/Notice?id=ocds-r6ebe6-0000577171`, null],
    ])('%s -> %s', (href, id) => {
      expect(adapter.pageIdFromUrl(new URL(href))).toBe(id);
      expect(adapter.isPage(new URL(href))).toBe(id !== null);
    });
  });

  test(`every real release's notice page (../shared/${realReleases}) is this adapter's page, named by its contractNotice id`, () => {
    const releases = JSON.parse(readShared(realReleases)) as { ocid: string; tender?: { documents?: { id?: string; documentType?: string }[] } }[];
    const { notices } = parseReleases(releases);
    expect(notices.length).toBe(releases.length);
    let named = 0;
    for (const notice of notices) {
      const url = new URL(notice.noticeUrl);
      const documentId = releases.find((r) => r.ocid === notice.ocid)?.tender?.documents?.find((d) => d.documentType === 'contractNotice')?.id;
      if (url.pathname.toLowerCase().endsWith('search_view.aspx')) {
        named++;
        expect(adapterFor(url)).toBe(adapter);
        expect(adapter.pageIdFromUrl(url)).toBe(documentId);
      } else {
        // The search_switch fallback (a release without its document URL) is no page of the adapter.
        expect(adapterFor(url)).toBeNull();
      }
    }
    expect(named).toBeGreaterThan(releases.length - 3);
  });
}
