import { sell2walesNotice } from '@/lib/sites/sell2wales-notice';
import { describeProactisAdapter } from './proactis-notice-cases';

// Expected facts written by hand from the fixture (its texts are those of the real release ocds-kuma6s-148129).
describeProactisAdapter(
  sell2walesNotice,
  [
    {
      fixture: 'sell2wales--tender-carmarthenshire-fleet-maintenance.html',
      url: new URL('https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497862'),
      expected: {
        kind: 'sell2wales-notice',
        site: 'sell2wales',
        pageId: 'FEB497862',
        readVia: 'structure',
        ocid: 'ocds-kuma6s-148129',
        noticeId: null, // the release names no buyer's reference, so the fixture's label is empty
        title: 'Carmarthenshire Fleet Vehicle Maintenance and Repair Framework',
        buyer: { name: 'Carmarthenshire County Council', address: null },
        stage: 'tender',
        status: 'Contract Notice',
        deadline: '2025-03-26T14:00',
        publishedAt: '2025-02-21',
        value: { amount: 400_000, currency: 'GBP' },
        contractStart: null,
        contractEnd: null,
        cpv: [{ code: '50111000', label: 'Fleet management, repair and maintenance services' }],
        suppliers: [],
        location: null,
        text: '',
      },
    },
  ],
  'data/sell2wales_ocds_releases_2025.json',
);
