import type { SearchResults } from '@/lib/suppliers/search-results';
import type { SupplierAward, SupplierReferences } from '@/lib/suppliers/references';

// Shapes as the background answers them, with names and contacts from the packaged seed
// (public/data/notices-seed.json: AECOM's Liverpool award, Tencer's Buckinghamshire awards).

export function award(over: Partial<SupplierAward>): SupplierAward {
  return {
    ocid: 'ocds-b5fd17-0001',
    council: 'LIV',
    councilName: 'Liverpool City Council',
    title: 'Wavertree High Street - Design',
    serviceGroups: ['planning-regeneration'],
    value: { amount: 85_000, currency: 'GBP' },
    start: '2025-02-01',
    end: '2026-01-31',
    maxEnd: '2027-01-31',
    awardedAt: '2025-01-20',
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-4000-8000-000000000001',
    contact: { name: 'Sam Spencer', email: 'Sam.Spencer@liverpool.gov.uk', telephone: '+44 1512309769' },
    ...over,
  };
}

export const aecom: SupplierReferences = {
  key: 'name:aecom',
  name: 'AECOM Limited',
  names: ['AECOM Limited', 'AECOM Ltd'],
  companiesHouse: null,
  totalAwards: 2,
  awards: [
    award({}),
    award({
      ocid: 'ocds-b5fd17-0002',
      council: 'BUC',
      councilName: 'Buckinghamshire Council',
      title: 'Flood modelling',
      serviceGroups: ['environment-regulatory'],
      value: null,
      start: null,
      end: null,
      maxEnd: null,
      awardedAt: null,
      noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/001234-2024',
      contact: { email: 'procurement@buckinghamshire.gov.uk' },
    }),
  ],
  byCouncil: [
    { code: 'LIV', name: 'Liverpool City Council', count: 1, value: 85_000 },
    { code: 'BUC', name: 'Buckinghamshire Council', count: 1, value: 0 },
  ],
  byGroup: [
    { group: 'planning-regeneration', count: 1, value: 85_000 },
    { group: 'environment-regulatory', count: 1, value: 0 },
  ],
};

export const results = (query: string, over: Partial<SearchResults> = {}): SearchResults => ({
  query,
  councils: [
    { code: 'LDS', name: 'Leeds City Council', kind: 'council', type: 'MD', current: true, matched: 'Leeds City Council' },
    { code: 'WYCA', name: 'West Yorkshire Combined Authority', kind: 'combined-authority', type: 'CA', current: true, matched: 'Leeds City Region' },
  ],
  suppliers: [
    { key: 'ch:01234567', name: 'Leeds Building Services Ltd', companiesHouse: '01234567', awards: 2, councils: 1 },
    { key: 'name:leeds care', name: 'Leeds Care', companiesHouse: null, awards: 1, councils: 1 },
  ],
  ...over,
});
