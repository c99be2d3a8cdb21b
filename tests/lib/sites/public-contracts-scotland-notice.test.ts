import { publicContractsScotlandNotice } from '@/lib/sites/public-contracts-scotland-notice';
import { describeProactisAdapter } from './proactis-notice-cases';

// Expected facts written by hand from the fixture (its texts are those of the real release ocds-r6ebe6-0000577171).
describeProactisAdapter(
  publicContractsScotlandNotice,
  [
    {
      fixture: 'public-contracts-scotland--tender-angus-school-transport.html',
      url: new URL('https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR351330'),
      expected: {
        kind: 'public-contracts-scotland-notice',
        site: 'public-contracts-scotland',
        pageId: 'APR351330',
        readVia: 'structure',
        ocid: 'ocds-r6ebe6-0000577171',
        noticeId: 'AC/19/026/INF',
        title: 'Tender for the Supply of School Transport Services 2019',
        buyer: { name: 'Angus Council', address: null },
        stage: 'tender',
        status: 'Contract Notice',
        deadline: '2019-05-10T12:00',
        publishedAt: '2019-04-10',
        value: { amount: 12_500_000, currency: 'GBP' },
        contractStart: null,
        contractEnd: null,
        cpv: [
          { code: '60100000', label: 'Road transport services' },
          { code: '60112000', label: 'Public road transport services' },
          { code: '60170000', label: 'Hire of passenger transport vehicles with driver' },
        ],
        suppliers: [],
        location: null,
        text: '',
      },
    },
  ],
  'data/pcs_scotland_ocds_releases_2019.json',
);
