import { describe, expect, test, vi } from 'vitest';
import { NoticePanel, otherOpenTenders, type NoticePanelProps } from '@/components/notice/notice-panel';
import { northYorkshireCard } from '../../fixtures/preview-data';
import type { TabContext } from '@/lib/page-context';
import type { NoticeInsight, NoticeSummary } from '@/lib/ocds/summary';
import { accessibleName, click, headings, isHidden, mount, namedList, press, seenText } from '../../support/dom';

const PAGE_URL = 'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38';

function summary(over: Partial<NoticeSummary>): NoticeSummary {
  return {
    ocid: 'ocds-b5fd17-0001',
    title: 'A notice',
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-4000-8000-000000000001',
    source: 'contracts-finder',
    value: null,
    deadline: null,
    daysLeft: null,
    end: null,
    maxEnd: null,
    suppliers: [],
    serviceGroups: [],
    inPersonsGroup: false,
    ...over,
  };
}

const thisNotice = summary({
  ocid: 'ocds-b5fd17-006c0e1c-43cf-49a7-9bfc-e4326f08d2cc',
  title: 'Building Retrofit & Refurbishment/Improvement Works Framework',
  noticeUrl: PAGE_URL,
  value: { amount: 300_000_000, currency: 'GBP' },
  deadline: '2026-12-14',
  daysLeft: 14,
  serviceGroups: ['property-assets'],
});
const otherTender = summary({
  ocid: 'ocds-b5fd17-0002',
  title: 'Grounds maintenance',
  noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/001234-2026',
  source: 'find-a-tender',
  value: { amount: 1_200_000, currency: 'GBP' },
  deadline: '2026-12-20',
  daysLeft: 20,
});
const earlier = summary({
  ocid: 'ocds-b5fd17-0003',
  title: 'Schools refurbishment framework 2021',
  value: { amount: 40_000_000, currency: 'GBP' },
  end: '2027-03-31',
  maxEnd: '2029-03-31',
  suppliers: ['Willmott Dixon Construction Ltd', 'Kier Construction Ltd', 'Morgan Sindall Ltd'],
});

const base = { tabId: 1, url: PAGE_URL, pageId: 'fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38', pageKind: 'contracts-finder-notice', person: null, role: null, previously: [], updatedAt: 0 };

const council: TabContext = {
  ...base,
  status: 'council',
  match: { matchedText: 'The North Yorkshire Council', former: null, source: 'buyer' },
  card: northYorkshireCard,
  procurement: {
    // The background lists this notice among the council's open tenders too.
    openTenders: [thisNotice, otherTender],
    openTotal: 3,
    contractsEnding: [],
    endingTotal: 0,
    endingWithinMonths: 24,
    lastSyncedAt: null,
  },
};

const nhs: TabContext = { ...base, status: 'no-council', match: null, card: null, procurement: null };

const cached: NoticeInsight = { notice: thisNotice, serviceGroup: 'property-assets', earlierAwards: [earlier] };
const uncached: NoticeInsight = { notice: null, serviceGroup: 'property-assets', earlierAwards: [] };

function panel(over: Partial<NoticePanelProps> = {}) {
  const props: NoticePanelProps = {
    context: council,
    page: { url: PAGE_URL, title: thisNotice.title, buyerName: 'The North Yorkshire Council' },
    insight: cached,
    collapsed: false,
    onToggle: () => undefined,
    editor: <p>EDITOR</p>,
    ...over,
  };
  return mount(<NoticePanel {...props} />);
}

const toggle = (root: ParentNode) => root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const section = (root: ParentNode, title: string) =>
  [...root.querySelectorAll('.cl-section')].find((s) => s.querySelector('.cl-section__title')?.textContent?.startsWith(title))!;

describe('a council buyer', () => {
  test('the toggle names the council; the card, the notice, notes and the council’s tenders follow', () => {
    const root = panel();
    expect(accessibleName(toggle(root))).toBe('Council Lens: North Yorkshire Council');
    expect(headings(root)).toEqual([
      'h2: North Yorkshire Council',
      'h3: This notice in the cache',
      'h3: Your notes',
      'h3: Who won before (1)',
    ]);
    expect(seenText(root)).toContain('Found as “The North Yorkshire Council” as the notice’s buyer.');
    expect(seenText(root)).toContain('EDITOR');
  });

  test('this notice as cached: value, deadline and days left', () => {
    const text = seenText(section(panel(), 'This notice'));
    expect(text).toBe('This notice in the cache Value £300m · closes 14 December 2026 · 14 days left');
  });

  test('a notice not in the cache says so', () => {
    expect(seenText(section(panel({ insight: uncached }), 'This notice'))).toContain('Not in the local cache yet.');
  });

  test('other open tenders leave this notice out, and the total drops by one', () => {
    const root = panel();
    expect([...root.querySelectorAll('summary')].map(seenText)).toContain('Other open tenders (2)');
    expect(namedList(root, 'Other open tenders from North Yorkshire')).toEqual([
      'Grounds maintenance (opens in new tab)£1.2m · closes 20 December 2026 · 20 days left · Find a Tender',
    ]);
    expect(seenText(root)).toContain('and 1 more in the cache.');
    expect(otherOpenTenders(council, { url: `${PAGE_URL}?origin=SearchResults`, title: null, buyerName: null }, uncached).total).toBe(2);
  });

  test('the same tender listed under its other portal’s notice is this notice too', () => {
    const twin = { ...thisNotice, ocid: 'ocds-h6vhtk-04c2b7', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/002217-2025', alsoOn: [{ source: 'contracts-finder' as const, noticeUrl: PAGE_URL }] };
    const context = { ...council, procurement: { ...council.procurement!, openTenders: [twin, otherTender], openTotal: 2 } };
    expect(otherOpenTenders(context, { url: PAGE_URL, title: null, buyerName: null }, uncached)).toEqual({ list: [otherTender], total: 1 });
  });

  test('earlier awards: supplier, value, end and end with extensions, with a link', () => {
    const root = panel();
    expect(namedList(root, 'Earlier awards in Property, assets and facilities')).toEqual([
      'Schools refurbishment framework 2021 (opens in new tab)Willmott Dixon Construction Ltd, Kier Construction Ltd and 1 more · £40mEnds 31 March 2027 · up to 31 March 2029 with extensions',
    ]);
    expect(root.querySelector('a[href="https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-4000-8000-000000000001"]')).not.toBeNull();
  });

  test('no earlier awards: an empty state naming the council and the service', () => {
    const text = seenText(section(panel({ insight: uncached }), 'Who won before'));
    expect(text).toBe('Who won before (0) No earlier awards by North Yorkshire in property, assets and facilities in the local cache.');
  });

  test('no service group: says why there is no list', () => {
    const text = seenText(section(panel({ insight: { ...uncached, serviceGroup: null } }), 'Who won before'));
    expect(text).toContain('could not tell which service this notice is for');
  });

  test('while the cache is asked, and when asking failed', () => {
    expect(seenText(panel({ insight: null }))).toContain('Looking in the local cache…');
    expect(seenText(panel({ insight: { error: 'Council Lens could not reach its background page.' } }))).toContain(
      'Couldn’t look in the local cache: Council Lens could not reach its background page.',
    );
  });
});

describe('a buyer that is not a council', () => {
  test('a plain note instead of a card, and the notes still there', () => {
    const root = panel({ context: nhs, page: { url: PAGE_URL, title: 'Adalimumab', buyerName: 'NHS England' }, insight: uncached });
    expect(accessibleName(toggle(root))).toBe('Council Lens: Not a UK council buyer');
    const text = seenText(root);
    expect(text).toContain('Not a UK council buyer: no council card');
    // A heading in the card's place keeps the sections at their level (axe heading-order, issue 12).
    expect(headings(root).slice(0, 2)).toEqual(['h2: Not a UK council buyer: no council card', 'h3: This notice in the cache']);
    expect(text).toContain('NHS England is not a UK council as far as the register knows');
    expect(text).toContain('EDITOR');
    expect(root.querySelector('.cl-card')).toBeNull();
    expect(text).not.toContain('Who won before');
    expect(text).not.toContain('Other open tenders');
  });

  test('an unreadable page says so and keeps the notes', () => {
    const root = panel({ context: { ...nhs, status: 'unreadable' }, page: { url: PAGE_URL, title: null, buyerName: null } });
    expect(headings(root)[0]).toBe('h2: Couldn’t read this notice');
    expect(seenText(root)).toContain('EDITOR');
  });

  test('before the background answers: a skeleton, never another page’s council', () => {
    const root = panel({ context: null, insight: null });
    expect(accessibleName(toggle(root))).toBe('Council Lens: Reading this notice…');
    expect(root.querySelector('.cl-skeleton')).not.toBeNull();
  });
});

describe('collapsing', () => {
  test('the toggle says whether it is expanded and controls the body', () => {
    const onToggle = vi.fn();
    const root = panel({ collapsed: true, onToggle });
    const body = root.ownerDocument.getElementById(toggle(root).getAttribute('aria-controls')!)!;
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(isHidden(body)).toBe(true);
    click(toggle(root));
    expect(onToggle).toHaveBeenLastCalledWith(false);
  });

  test('Escape inside the open panel collapses it and returns focus to the toggle', () => {
    const onToggle = vi.fn();
    const root = panel({ onToggle, editor: <textarea aria-label="Notes" /> });
    const field = root.querySelector('textarea')!;
    field.focus();
    press(field, 'Escape');
    expect(onToggle).toHaveBeenLastCalledWith(true);
    expect(root.ownerDocument.activeElement).toBe(toggle(root));
  });
});
