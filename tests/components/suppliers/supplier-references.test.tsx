import { describe, expect, test, vi } from 'vitest';
import { NoticePanel } from '@/components/notice/notice-panel';
import { NoticeReferences, referencesKey, type SupplierLookup } from '@/components/suppliers/notice-references';
import { SupplierReferencesView } from '@/components/suppliers/supplier-references';
import { noCouncil } from '../../fixtures/preview-data';
import { aecom, award } from './supplier-fixtures';
import { button, click, headings, mount, namedList, seenText } from '../../support/dom';

describe('the references view', () => {
  test('totals by council and by service, then each contract with its buyer contact', () => {
    const root = mount(<SupplierReferencesView refs={aecom} />);
    expect(headings(root)).toEqual(['h2: AECOM Limited', 'h3: By council (2)', 'h3: By service', 'h3: Contracts (2, newest first)']);
    expect(seenText(root)).toContain('also written AECOM Ltd');
    expect(namedList(root, 'Contracts by council')).toEqual(['Liverpool City Council 1 contract · £85,000', 'Buckinghamshire Council 1 contract']);
    expect(namedList(root, 'Contracts by service')).toEqual([
      'Planning, building control and regeneration 1 contract · £85,000',
      'Environmental health, regulation and community safety 1 contract',
    ]);
    const [first, second] = root.querySelectorAll('[aria-label="Council contracts of AECOM Limited"] > li');
    expect(seenText(first!)).toBe(
      'Liverpool City Council Wavertree High Street - Design Planning, building control and regeneration · £85,000 Contract from 1 February 2025 to 31 January 2026 up to 31 January 2027 with extensions Awarded 20 January 2025 For a reference, the notice’s published contact (20 January 2025): Sam Spencer · Sam.Spencer@liverpool.gov.uk · 0151 230 9769',
    );
    const link = first!.querySelector<HTMLAnchorElement>('a.cl-external-link')!;
    expect(link.href).toBe(aecom.awards[0]!.noticeUrl);
    expect(first!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.getAttribute('href')).toBe('mailto:Sam.Spencer@liverpool.gov.uk');
    expect(first!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).toBe('tel:+441512309769');
    // Missing facts are left out, not shown as blanks.
    expect(seenText(second!)).toBe('Buckinghamshire Council Flood modelling Environmental health, regulation and community safety · Value not published For a reference, the notice’s published contact: procurement@buckinghamshire.gov.uk');
  });

  test('a contract without a published contact says so', () => {
    const root = mount(<SupplierReferencesView refs={{ ...aecom, awards: [award({ contact: null })] }} />);
    expect(seenText(root)).toContain('No buyer contact published on the notice.');
    expect(seenText(root)).not.toContain('published contact');
  });

  test.each([
    ['2023-12-06', false],
    ['2023-12-05', true],
    ['2019-03-11', true],
  ])('a contact published on %s, read on 6 December 2026: older than three years is %s', (awardedAt, stale) => {
    const root = mount(<SupplierReferencesView refs={{ ...aecom, awards: [award({ awardedAt })] }} today="2026-12-06" />);
    const line = seenText(root.querySelector('.cl-refs__contact')!);
    expect(line.startsWith('For a reference, the notice’s published contact (')).toBe(true);
    expect(line.endsWith('Over 3 years old: they may have moved on.')).toBe(stale);
  });

  test('a supplier with no council contracts', () => {
    const root = mount(<SupplierReferencesView refs={{ ...aecom, names: ['AECOM Limited'], companiesHouse: '01846493', awards: [], byCouncil: [], byGroup: [] }} />);
    expect(seenText(root)).toBe('AECOM Limited Companies House 01846493 No council contracts for this supplier in the local cache.');
  });
});

const THIS = 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-4000-8000-000000000001';
const lookups = (): SupplierLookup[] => [
  { name: 'AECOM Limited', companiesHouse: null, state: { status: 'ready', refs: aecom } },
  { name: 'Amgen Ltd', companiesHouse: '02354269', state: { status: 'ready', refs: null } },
  { name: 'Sandoz Ltd', companiesHouse: '01547204', state: { status: 'loading' } },
  { name: 'Biogen', companiesHouse: '01497267', state: { status: 'error', error: 'Database closed' } },
];

describe('references on an award notice', () => {
  test('one fold per supplier, closed, with the count of its other council contracts (this notice left out)', () => {
    const root = mount(<NoticeReferences suppliers={lookups()} more={3} isThisNotice={(a) => a.noticeUrl === THIS} onAllReferences={() => undefined} />);
    const folds = [...root.querySelectorAll('details')];
    expect(folds.map((d) => d.open)).toEqual([false, false, false, false]);
    expect(folds.map((d) => seenText(d.querySelector('summary')!))).toEqual([
      'AECOM Limited · 1 other council contract',
      'Amgen Ltd · no other council contracts',
      'Sandoz Ltd · looking…',
      'Biogen · couldn’t look',
    ]);
    expect(namedList(folds[0]!, 'Other council contracts of AECOM Limited')).toHaveLength(1);
    expect(seenText(folds[1]!)).toContain('No other council contracts in the local cache.');
    expect(seenText(folds[3]!)).toContain('Couldn’t look in the local cache: Database closed');
    expect(seenText(root)).toContain('References (7 awarded)');
    expect(seenText(root)).toContain('and 3 more suppliers.');
  });

  test('“All references” asks for the full view by name', () => {
    const open = vi.fn();
    const root = mount(<NoticeReferences suppliers={lookups()} isThisNotice={() => false} onAllReferences={open} />);
    click(button(root, 'All references for AECOM Limited'));
    expect(open).toHaveBeenCalledWith('AECOM Limited');
    // A supplier with no other council contract gets no button: it would open an empty search.
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('All references for Amgen Ltd');
  });

  test('suppliers are looked up by Companies House number when the page gives one, else by name', () => {
    expect(referencesKey({ name: 'Amgen Ltd', companiesHouse: '02354269' })).toBe('ch:02354269');
    expect(referencesKey({ name: 'AECOM Limited', companiesHouse: null })).toBe('AECOM Limited');
  });

  test('the notice panel shows the section on award notices only, leaving out this notice by its address', () => {
    const props = { context: noCouncil, insight: null, collapsed: false, onToggle: () => undefined };
    const page = { url: THIS, title: 'Award', buyerName: 'NHS England' };
    const withRefs = mount(<NoticePanel {...props} page={page} references={lookups()} />);
    expect(headings(withRefs)).toContain('h3: References (4 awarded)');
    expect(seenText(withRefs.querySelector('details.cl-refs__supplier summary')!)).toBe('AECOM Limited · 1 other council contract');
    const without = mount(<NoticePanel {...props} page={page} />);
    expect(headings(without).some((h) => h.startsWith('h3: References'))).toBe(false);
  });
});
