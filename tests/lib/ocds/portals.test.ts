import { describe, expect, test } from 'vitest';
import { noticePageId, noticeUrl, sourceFromOcid, sourceFromUrl } from '@/lib/ocds/portals';

describe('source', () => {
  test.each([
    ['ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30', 'contracts-finder'],
    ['ocds-h6vhtk-037c6c', 'find-a-tender'],
    ['ocds-r6ebe6-0000581860', 'public-contracts-scotland'],
    ['ocds-kuma6s-148440', 'sell2wales'],
    ['OCDS-B5FD17-X', 'contracts-finder'],
    ['ocds-xxxxxx-1', undefined],
  ])('%s -> %s', (ocid, source) => {
    expect(sourceFromOcid(ocid)).toBe(source);
  });

  test.each([
    ['https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?limit=100', 'contracts-finder'],
    ['https://www-integration.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages/001060-2020', undefined],
    ['https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages', 'find-a-tender'],
    ['https://api.publiccontractsscotland.gov.uk/v1/Notice?id=ocds-r6ebe6-0000581860', 'public-contracts-scotland'],
    ['https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497923', 'sell2wales'],
    ['https://uk.eu-supply.com/app/rfq/rwlentrance_s.asp?PID=91624', undefined],
  ])('%s -> %s', (url, source) => {
    expect(sourceFromUrl(url)).toBe(source);
  });
});

describe('noticeUrl', () => {
  test.each([
    [
      'Contracts Finder: release id uuid, not the ocid uuid (real: Parking Pilot - CEO)',
      'contracts-finder' as const,
      { ocid: 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30', releaseId: '2a1e3359-87a0-4fdd-ac61-20d5e6520a13-819950', documentUrls: [] },
      'https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13',
    ],
    [
      'Contracts Finder without a usable id: the notice document, not an attachment',
      'contracts-finder' as const,
      {
        ocid: 'ocds-b5fd17-x',
        releaseId: 'odd',
        documentUrls: [
          'https://www.contractsfinder.service.gov.uk/Notice/Attachment/ddc23202-255b-415a-a27e-03dc2bde5d23',
          'http://www.contractsfinder.service.gov.uk/Notice/9D39BFCD-ADB9-43EB-9CAE-1A227B5820E0',
        ],
      },
      'https://www.contractsfinder.service.gov.uk/Notice/9d39bfcd-adb9-43eb-9cae-1a227b5820e0',
    ],
    ['Contracts Finder with nothing', 'contracts-finder' as const, { ocid: 'ocds-b5fd17-x', releaseId: undefined, documentUrls: [] }, undefined],
    [
      'Find a Tender: the release id is the notice id',
      'find-a-tender' as const,
      { ocid: 'ocds-h6vhtk-037c6c', releaseId: '008624-2023', documentUrls: [] },
      'https://www.find-tender.service.gov.uk/Notice/008624-2023',
    ],
    [
      'Find a Tender from a document',
      'find-a-tender' as const,
      { ocid: 'ocds-h6vhtk-0478f1', releaseId: 'x', documentUrls: ['https://www.find-tender.service.gov.uk/Notice/004824-2025'] },
      'https://www.find-tender.service.gov.uk/Notice/004824-2025',
    ],
    [
      'PCS: the contract notice document (real: ocds-r6ebe6-0000581860)',
      'public-contracts-scotland' as const,
      {
        ocid: 'ocds-r6ebe6-0000581860',
        releaseId: undefined,
        documentUrls: [
          'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR352786',
          'https://www.publiccontractsscotland.gov.uk/NoticeDownload/DownloadDocument.aspx?id=APR352786&idx=1',
        ],
      },
      'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR352786',
    ],
    [
      'PCS without documents: the switch page of the ocid number',
      'public-contracts-scotland' as const,
      { ocid: 'ocds-r6ebe6-0000581860', releaseId: undefined, documentUrls: [] },
      'https://www.publiccontractsscotland.gov.uk/search/search_switch.aspx?ID=581860',
    ],
    [
      'Sell2Wales: the contract notice document',
      'sell2wales' as const,
      { ocid: 'ocds-kuma6s-148440', releaseId: 'ocds-kuma6s-148440-release-148440', documentUrls: ['https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497923'] },
      'https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497923',
    ],
    [
      'Sell2Wales with the url key lost (real: ocds-kuma6s-148458)',
      'sell2wales' as const,
      { ocid: 'ocds-kuma6s-148458', releaseId: 'ocds-kuma6s-148458-release-148458', documentUrls: [] },
      'https://www.sell2wales.gov.wales/search/search_switch.aspx?ID=148458',
    ],
  ])('%s', (_name, source, input, expected) => {
    expect(noticeUrl(source, input)).toBe(expected);
  });
});

describe('noticePageId', () => {
  test.each([
    ['https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13', '2a1e3359-87a0-4fdd-ac61-20d5e6520a13'],
    ['https://www.contractsfinder.service.gov.uk/Notice/2A1E3359-87A0-4FDD-AC61-20D5E6520A13?origin=SearchResults&p=1', '2a1e3359-87a0-4fdd-ac61-20d5e6520a13'],
    ['http://contractsfinder.service.gov.uk/notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13#details', '2a1e3359-87a0-4fdd-ac61-20d5e6520a13'],
    ['https://www.find-tender.service.gov.uk/Notice/004824-2025', '004824-2025'],
    ['https://www.find-tender.service.gov.uk/Notice/004824-2025?origin=SearchResults&p=1', '004824-2025'],
  ])('%s -> %s', (url, id) => {
    expect(noticePageId(url)).toBe(id);
  });

  test.each([
    ['another site with the same path', 'https://example.org/Notice/004824-2025'],
    ['a longer id than a notice id', 'https://www.find-tender.service.gov.uk/Notice/004824-20251'],
    ['a search page', 'https://www.contractsfinder.service.gov.uk/Search/Results'],
    ['a Public Contracts Scotland page', 'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=JAN123456'],
    ['not an address', 'Notice/004824-2025'],
  ])('%s has none', (_name, url) => {
    expect(noticePageId(url)).toBeNull();
  });
});
