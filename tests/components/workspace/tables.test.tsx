import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TendersTable, type TendersTableProps } from '@/components/workspace/tenders-table';
import { ProspectsTable, type ProspectsTableProps } from '@/components/workspace/prospects-table';
import { annotationRestoreEdit, daysLeftText, daysUntil, excerpt, prospectRestoreEdit } from '@/components/workspace/format';
import type { Annotation, Prospect } from '@/lib/workspace/schema';
import { button, click, mount, seenText, squash } from '../../support/dom';

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));
const TODAY = '2026-11-30';
const stamp = { createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z', fieldTimes: {} };

const homeCare: Annotation = {
  key: 'ocds-b5fd17-0001',
  site: 'contracts-finder',
  noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/0001',
  title: 'Home care framework',
  buyerName: 'Leeds City Council',
  council: 'LDS',
  serviceGroup: 'adult-social-care',
  status: 'bidding',
  owner: 'AB',
  bidDeadline: '2026-12-02T12:00',
  noticeDeadline: '2026-12-10',
  tags: ['care', 'framework'],
  notes: 'Lot 2 only.\nSecond line is not shown.',
  ...stamp,
};
const highways: Annotation = {
  key: 'find-a-tender:000002-2026',
  site: 'find-a-tender',
  noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000002-2026',
  title: 'Highways resurfacing',
  buyerName: 'Kent County Council',
  council: 'KEN',
  serviceGroup: 'highways-transport',
  status: 'watching',
  noticeDeadline: '2027-01-09',
  tags: ['roads'],
  notes: '',
  ...stamp,
};
const schools: Annotation = {
  key: 'find-a-tender:000003-2026',
  site: 'find-a-tender',
  noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/000003-2026',
  title: 'Academy catering',
  buyerName: 'Oak Academy Trust',
  status: 'no-go',
  tags: [],
  notes: 'Not a council.',
  ...stamp,
};

const priya: Prospect = {
  id: 'linkedin:priya-sharma',
  name: 'Priya Sharma',
  title: 'Head of Adult Social Care',
  council: 'LDS',
  councilName: 'Leeds City Council',
  serviceGroup: 'adult-social-care',
  seniority: 'senior-manager',
  profileUrl: 'https://www.linkedin.com/in/priya-sharma/',
  followUp: '2026-12-14',
  notes: 'Met at ADASS.',
  ...stamp,
};
const tom: Prospect = {
  id: 'linkedin:tom-okafor',
  name: 'Tom Okafor',
  title: 'Assistant Director, Highways',
  council: 'KEN',
  councilName: 'Kent County Council',
  serviceGroup: 'highways-transport',
  profileUrl: 'https://www.linkedin.com/in/tom-okafor/',
  notes: '',
  ...stamp,
};

function tenderProps(over: Partial<TendersTableProps> = {}): TendersTableProps {
  return {
    annotations: [highways, homeCare, schools],
    councilNames: new Map([
      ['LDS', 'Leeds City Council'],
      ['KEN', 'Kent County Council'],
    ]),
    today: TODAY,
    onDelete: vi.fn(async () => ({ deleted: true })),
    onRestore: vi.fn(async () => ({})),
    ...over,
  };
}

const rows = (root: HTMLElement, table: string) =>
  [...root.querySelector(`table[aria-labelledby="${table}"]`)?.querySelectorAll('tbody tr') ?? []].map((r) => squash(r.querySelector('th')!.textContent ?? ''));
const count = (root: HTMLElement) => squash(root.querySelector('.cl-ws__count')!.textContent ?? '');
const control = <T extends HTMLElement>(root: HTMLElement, label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.querySelector('.cl-field__label')?.textContent === label)!.querySelector<T>('input, select')!;

function change(el: HTMLInputElement | HTMLSelectElement, value: string, event: 'input' | 'change') {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

describe('format helpers', () => {
  test.each([
    ['2026-12-02T12:00', 2, '2 days left'],
    ['2026-12-01', 1, '1 day left'],
    ['2026-11-30', 0, 'today'],
    ['2026-11-29', -1, '1 day ago'],
  ])('%s from %s', (deadline, days, text) => {
    expect(daysUntil(deadline, TODAY)).toBe(days);
    expect(daysLeftText(days)).toBe(text);
  });

  test('excerpt keeps the first line and clips it', () => {
    expect(excerpt('One.\nTwo.')).toBe('One.');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('restore edits carry every stored field', () => {
    expect(annotationRestoreEdit(homeCare, 5)).toEqual({
      key: homeCare.key,
      at: 5,
      fields: { site: 'contracts-finder', noticeUrl: homeCare.noticeUrl, title: homeCare.title, buyerName: homeCare.buyerName, council: 'LDS', serviceGroup: 'adult-social-care', status: 'bidding', owner: 'AB', bidDeadline: homeCare.bidDeadline, noticeDeadline: homeCare.noticeDeadline, tags: homeCare.tags, notes: homeCare.notes },
    });
    expect(prospectRestoreEdit(tom, 5).fields).toEqual({ name: 'Tom Okafor', title: tom.title, council: 'KEN', councilName: 'Kent County Council', serviceGroup: 'highways-transport', profileUrl: tom.profileUrl, notes: '' });
  });
});

describe('TendersTable', () => {
  test('rows sorted by deadline, soonest first and none last, with links, days left and a notes excerpt', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Home care framework', 'Highways resurfacing', 'Academy catering']);
    expect(count(root)).toBe('3 of 3 tenders');
    const first = root.querySelector('tbody tr')!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe(homeCare.noticeUrl);
    expect(first.querySelector('time')!.textContent).toBe('2 Dec 2026, 12:00');
    expect(seenText(first)).toContain('2 days left');
    expect(seenText(first)).toContain('Lot 2 only.');
    expect(seenText(first)).not.toContain('Second line');
    expect(seenText(root.querySelectorAll('tbody tr')[1]!)).toContain('40 days left (notice deadline)');
    expect(root.querySelector('th[aria-sort]')!.textContent).toContain('Deadline');
    expect(root.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('ascending');
  });

  test('sortable headers are buttons; pressing twice reverses, and aria-sort follows', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    click(button(root, 'Title'));
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Academy catering', 'Highways resurfacing', 'Home care framework']);
    const th = button(root, 'Title').closest('th')!;
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    click(button(root, 'Title'));
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(rows(root, 'cl-ws-tenders')[0]).toBe('Home care framework');
    expect(root.querySelectorAll('th[aria-sort]')).toHaveLength(1);
  });

  test('search and each filter narrow the rows and the count; "Clear filters" brings them back', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    change(control(root, 'Search tenders'), 'lot 2', 'input');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Home care framework']);
    expect(count(root)).toBe('1 of 3 tenders');
    click(button(root, 'Clear filters'));
    change(control(root, 'Council'), 'KEN', 'change');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Highways resurfacing']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Status'), 'no-go', 'change');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Academy catering']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Tag'), 'care', 'change');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Home care framework']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Service group'), 'highways-transport', 'change');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Highways resurfacing']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Deadline from'), '2026-12-05', 'input');
    expect(rows(root, 'cl-ws-tenders')).toEqual(['Highways resurfacing']);
    change(control(root, 'Deadline to'), '2026-12-31', 'input');
    expect(rows(root, 'cl-ws-tenders')).toEqual([]);
    expect(seenText(root)).toContain('No tenders match these filters.');
    click(button(root, 'Clear filters'));
    expect(count(root)).toBe('3 of 3 tenders');
  });

  test('the filters offer only councils, services and tags in use, by name', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    const options = (label: string) => [...control<HTMLSelectElement>(root, label).options].map((o) => o.textContent);
    expect(options('Council')).toEqual(['All councils', 'Kent County Council', 'Leeds City Council']);
    expect(options('Tag')).toEqual(['Any tag', 'care', 'framework', 'roads']);
    expect(options('Status')).toHaveLength(8);
  });

  test('with no annotations, says how tenders get here', () => {
    const root = mount(<TendersTable {...tenderProps({ annotations: [] })} />);
    expect(seenText(root)).toContain('No tenders yet');
    expect(seenText(root)).toContain('Contracts Finder or Find a Tender');
    expect(root.querySelector('table')).toBeNull();
  });

  test('delete asks inline, then offers Undo, which restores the record', async () => {
    const p = tenderProps();
    const root = mount(<TendersTable {...p} />);
    click(button(root, 'Delete Home care framework'));
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Confirm delete Home care framework');
    expect(document.activeElement).toBe(button(root, 'Yes, delete'));
    click(button(root, 'Keep it'));
    expect(p.onDelete).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(root, 'Delete Home care framework'));
    click(button(root, 'Delete Home care framework'));
    click(button(root, 'Yes, delete'));
    await settle();
    expect(p.onDelete).toHaveBeenCalledWith(homeCare.key);
    expect(squash(root.querySelector('.cl-ws__removal')!.textContent ?? '')).toBe('Deleted “Home care framework”. Undo');
    expect(document.activeElement).toBe(button(root, 'Undo'));
    click(button(root, 'Undo'));
    await settle();
    expect(p.onRestore).toHaveBeenCalledWith(homeCare);
    expect(squash(root.querySelector('.cl-ws__removal')!.textContent ?? '')).toBe('Restored “Home care framework”.');
  });

  test('a failed delete is an alert', async () => {
    const root = mount(<TendersTable {...tenderProps({ onDelete: vi.fn(async () => Promise.reject(new Error('gone'))) })} />);
    click(button(root, 'Delete Highways resurfacing'));
    click(button(root, 'Yes, delete'));
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("Couldn't delete: gone");
  });
});

describe('ProspectsTable', () => {
  const prospectProps = (over: Partial<ProspectsTableProps> = {}): ProspectsTableProps => ({
    prospects: [tom, priya],
    today: TODAY,
    onDelete: vi.fn(async () => ({ deleted: true })),
    onRestore: vi.fn(async () => ({})),
    ...over,
  });

  test('rows by follow-up, soonest first, names linking to the profile', () => {
    const root = mount(<ProspectsTable {...prospectProps()} />);
    expect(rows(root, 'cl-ws-prospects')).toEqual(['Priya Sharma', 'Tom Okafor']);
    expect(count(root)).toBe('2 of 2 prospects');
    const first = root.querySelector('tbody tr')!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe(priya.profileUrl);
    expect(seenText(first)).toContain('Senior manager');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-12-14');
    expect(seenText(first)).toContain('in 14 days');
    expect(seenText(first)).toContain('Met at ADASS.');
  });

  test('each prospect has the “find their manager / director” step: a LinkedIn search for the service’s leads', () => {
    const root = mount(<ProspectsTable {...prospectProps()} />);
    const link = [...root.querySelector('tbody tr')!.querySelectorAll('a')].find((a) => seenText(a) === 'Find their head of service or director on LinkedIn')!;
    const keywords = new URL(link.href).searchParams.get('keywords');
    expect(keywords).toContain(`"${priya.councilName}"`);
    expect(keywords).toContain('"adult social care"');
    expect(link.rel).toBe('noopener noreferrer');
  });

  test('filters: council, service, follow-up range and search', () => {
    const root = mount(<ProspectsTable {...prospectProps()} />);
    change(control(root, 'Council'), 'KEN', 'change');
    expect(rows(root, 'cl-ws-prospects')).toEqual(['Tom Okafor']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Follow-up from'), '2026-12-01', 'input');
    expect(rows(root, 'cl-ws-prospects')).toEqual(['Priya Sharma']);
    click(button(root, 'Clear filters'));
    change(control(root, 'Search prospects'), 'highways', 'input');
    expect(rows(root, 'cl-ws-prospects')).toEqual(['Tom Okafor']);
    expect(count(root)).toBe('1 of 2 prospects');
    click(button(root, 'Clear filters'));
    change(control(root, 'Service group'), 'adult-social-care', 'change');
    expect(rows(root, 'cl-ws-prospects')).toEqual(['Priya Sharma']);
  });

  test('with no prospects, points to "Save prospect" on LinkedIn', () => {
    const root = mount(<ProspectsTable {...prospectProps({ prospects: [] })} />);
    expect(seenText(root)).toContain('No prospects yet');
    expect(seenText(root)).toContain('“Save prospect”');
  });

  test('delete and undo by id', async () => {
    const p = prospectProps();
    const root = mount(<ProspectsTable {...p} />);
    click(button(root, 'Delete Tom Okafor'));
    click(button(root, 'Yes, delete'));
    await settle();
    expect(p.onDelete).toHaveBeenCalledWith('linkedin:tom-okafor');
    click(button(root, 'Undo'));
    await settle();
    expect(p.onRestore).toHaveBeenCalledWith(tom);
  });
});

describe('overdue dates and one date style (issue 12)', () => {
  const overdue = (root: HTMLElement) => [...root.querySelectorAll('tr.cl-ws__row--overdue')].map((r) => [squash(r.querySelector('th')!.textContent ?? ''), r.querySelector('.cl-ws__overdue')?.textContent]);

  test('a past deadline is marked overdue while the tender is open, not once it is closed', () => {
    // A week on: Home care's bid deadline (2 Dec) has passed while bidding; Academy catering (no-go) has none.
    const lateSubmitted: Annotation = { ...homeCare, key: 'ocds-b5fd17-0009', title: 'Submitted bid', status: 'submitted' };
    const root = mount(<TendersTable {...tenderProps({ annotations: [homeCare, highways, schools, lateSubmitted], today: '2026-12-07' })} />);
    expect(overdue(root)).toEqual([['Home care framework', 'Overdue']]);
    expect(seenText(root.querySelector('tr.cl-ws__row--overdue')!)).toContain('5 days ago');
  });

  test('nothing is overdue before its date', () => {
    expect(overdue(mount(<TendersTable {...tenderProps()} />))).toEqual([]);
  });

  test('the Updated column reads "28 Nov 2026", as every other date does, not ISO', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    const updated = root.querySelector('td[data-label="Updated"] time')!;
    expect(updated.textContent).toBe('28 Nov 2026');
    expect(updated.getAttribute('datetime')).toBe(stamp.updatedAt);
  });

  test('the key columns come first: title, status, deadline', () => {
    const root = mount(<TendersTable {...tenderProps()} />);
    expect([...root.querySelectorAll('thead th')].slice(0, 3).map((th) => squash(th.textContent ?? '').replace(/[↕▲▼]/g, '').trim())).toEqual(['Title', 'Status', 'Deadline']);
    expect([...root.querySelector('tbody tr')!.querySelectorAll('td[data-label]')].map((td) => td.getAttribute('data-label'))).toEqual(['Status', 'Deadline', 'Buyer', 'Service', 'Tags', 'Owner', 'Notes', 'Updated']);
  });

  test('a follow-up date that has passed is marked overdue', () => {
    const root = mount(<ProspectsTable prospects={[tom, priya]} today="2026-12-16" onDelete={vi.fn(async () => ({}))} onRestore={vi.fn(async () => ({}))} />);
    expect(overdue(root)).toEqual([['Priya Sharma', 'Overdue']]);
    expect(seenText(root.querySelector('tr.cl-ws__row--overdue')!)).toContain('2 days ago');
  });
});
