import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { SavingsManager, importErrorLine, type SavingsManagerProps } from '@/components/savings/savings-manager';
import type { SavingsImportOutcome } from '@/lib/savings/import';
import type { SavingsItem } from '@/lib/savings/schema';
import { TEMPLATE_CSV } from '@/lib/savings/export';
import { button, headings, mount, namedList, rerender, seenText } from '../../support/dom';

const COUNCILS = [
  { code: 'KEN', name: 'Kent County Council' },
  { code: 'LDS', name: 'Leeds City Council' },
];

const dayServices: SavingsItem = {
  id: 'sav-1',
  council: 'LDS',
  serviceGroup: 'adult-social-care',
  financialYear: '2027/28',
  amountGbp: 1_200_000,
  kind: 'service-review',
  status: 'proposed',
  description: 'Review of day services for older people',
  sourceUrl: 'https://democracy.leeds.gov.uk/budget.pdf',
  sourceTitle: 'Budget report 2027/28',
  addedAt: '2026-11-30T10:00:00.000Z',
  addedBy: 'import',
};
const recycling: SavingsItem = {
  id: 'sav-2',
  council: 'KEN',
  serviceGroup: 'waste',
  financialYear: '2026/27',
  amountGbp: 350_000,
  kind: 'saving',
  status: 'approved',
  description: 'Reduce household waste recycling centre opening hours',
  addedAt: '2026-11-30T10:00:00.000Z',
  addedBy: 'capture',
};

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));

function props(over: Partial<SavingsManagerProps> = {}): SavingsManagerProps {
  return {
    items: [dayServices, recycling],
    councils: COUNCILS,
    onImport: vi.fn(async (): Promise<SavingsImportOutcome> => ({ ok: true, added: 0, duplicates: [] })),
    onExport: vi.fn(async (format: 'csv' | 'json') => ({ text: `${format} text`, filename: `council-lens-savings-2026-11-30.${format}`, mime: 'text/plain' })),
    onDelete: vi.fn(async () => ({ deleted: true })),
    onRestore: vi.fn(async () => ({})),
    download: vi.fn(),
    ...over,
  };
}

async function chooseFile(root: HTMLElement, name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([text], name, { type: 'text/plain' });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('SavingsManager', () => {
  test('a section headed "Savings programmes", explaining what the records are for', () => {
    const root = mount(<SavingsManager {...props()} />);
    const section = root.querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('cl-savings');
    expect(headings(root)).toEqual(['h2: Savings programmes', 'h3: Recorded items (2)', 'h4: Kent County Council', 'h4: Leeds City Council']);
    expect(seenText(root)).toContain('the year before a saving bites is when a service is redesigned');
  });

  test('lists items by council with year, service, kind, status, amount, source, Edit and Delete', () => {
    const root = mount(<SavingsManager {...props()} />);
    expect(namedList(root, 'Leeds City Council')).toEqual([
      '2027/28 · Adult social care · Service review · Proposed · £1.2mReview of day services for older peopleSource: Budget report 2027/28 (opens in new tab)Edit Delete',
    ]);
    expect(namedList(root, 'Kent County Council')[0]).toContain('2026/27 · Waste and street cleansing · Saving · Approved · £350k');
    const edit = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Edit')!;
    expect(edit.getAttribute('href')).toBe('/savings.html?edit=sav-2');
    expect(edit.getAttribute('target')).toBe('_blank');
  });

  test('offers the template CSV as a download', () => {
    const root = mount(<SavingsManager {...props()} />);
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Download template CSV')!;
    expect(link.getAttribute('download')).toBe('council-lens-savings-template.csv');
    expect(link.getAttribute('href')).toMatch(/^(blob:|data:text\/csv)/);
    expect(TEMPLATE_CSV.split('\r\n')[0]).toBe('council,service_group,financial_year,amount_gbp,kind,status,description,source_url');
  });

  test('empty: says how to add items', () => {
    const root = mount(<SavingsManager {...props({ items: [] })} />);
    const text = seenText(root);
    expect(text).toContain('No savings items yet');
    expect(text).toContain('import a CSV or JSON file');
    expect(text).toContain('"Add a savings item"');
    expect(text).toContain('choose "Add to savings programme"');
  });

  test('import success: counts added and duplicates, and lists the duplicate lines', async () => {
    const onImport = vi.fn(async (): Promise<SavingsImportOutcome> => ({ ok: true, added: 3, duplicates: [{ line: 5, reason: 'already recorded' }] }));
    const root = mount(<SavingsManager {...props({ onImport })} />);
    await chooseFile(root, 'programme.CSV', 'council,...');
    expect(onImport).toHaveBeenCalledWith('council,...', 'csv');
    expect(seenText(root.querySelector('.cl-savings__import-status')!)).toBe('Added 3 items; 1 duplicate skipped. Line 5: already recorded');
  });

  test('import error: nothing imported, each bad row with its line and column', async () => {
    const onImport = vi.fn(
      async (): Promise<SavingsImportOutcome> => ({
        ok: false,
        errors: [
          { line: 4, column: 'council', reason: '“Leedz” is not a council' },
          { line: 7, reason: 'too few columns' },
        ],
      }),
    );
    const root = mount(<SavingsManager {...props({ onImport })} />);
    await chooseFile(root, 'items.csv', 'council\n');
    expect(onImport).toHaveBeenCalledWith('council\n', 'csv');
    const alert = root.querySelector('[role="alert"]')!;
    expect(seenText(alert)).toContain('Nothing was imported. Fix these rows and try again:');
    expect(namedList(root, 'Rows to fix')).toEqual(['Line 4 (council): “Leedz” is not a council', 'Line 7: too few columns']);
    // A JSON file has items, not lines.
    await chooseFile(root, 'items.json', '{"items":[]}');
    expect(onImport).toHaveBeenLastCalledWith('{"items":[]}', 'json');
    expect(namedList(root, 'Rows to fix')).toEqual(['Item 4 (council): “Leedz” is not a council', 'Item 7: too few columns']);
  });

  test('a file that is neither CSV nor JSON is refused before reading', async () => {
    const onImport = vi.fn();
    const root = mount(<SavingsManager {...props({ onImport })} />);
    await chooseFile(root, 'budget.xlsx', 'x');
    expect(onImport).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('is not a .csv or .json file');
  });

  test.each([
    ['Export CSV', 'csv'],
    ['Export JSON', 'json'],
  ] as const)('%s downloads the file the background gives', async (name, format) => {
    const p = props();
    const root = mount(<SavingsManager {...p} />);
    act(() => button(root, name).click());
    await settle();
    expect(p.onExport).toHaveBeenCalledWith(format);
    expect(p.download).toHaveBeenCalledWith(`council-lens-savings-2026-11-30.${format}`, `${format} text`, 'text/plain');
  });

  test('delete asks inline, deletes, and Undo saves the same item again', async () => {
    const p = props();
    const root = mount(<SavingsManager {...p} />);
    const leeds = () => root.querySelector('[aria-labelledby="cl-savings-LDS"]')!;

    act(() => button(leeds(), 'Delete').click());
    expect(p.onDelete).not.toHaveBeenCalled();
    expect(seenText(leeds())).toContain('Delete this item?');
    expect(document.activeElement?.textContent).toBe('Yes, delete');

    // "Keep it" backs out, focus back on Delete.
    act(() => button(leeds(), 'Keep it').click());
    expect(document.activeElement?.textContent).toBe('Delete');

    act(() => button(leeds(), 'Delete').click());
    act(() => button(leeds(), 'Yes, delete').click());
    await settle();
    expect(p.onDelete).toHaveBeenCalledWith('sav-1');
    // The app reads the list again on savingsChanged.
    rerender(root, <SavingsManager {...p} items={[recycling]} />);
    expect(root.querySelector('[aria-labelledby="cl-savings-LDS"]')).toBeNull();
    const status = root.querySelector('.cl-savings__removal')!;
    expect(seenText(status)).toContain('Deleted “Review of day services for older people”.');
    expect(document.activeElement?.textContent).toBe('Undo');

    act(() => button(root, 'Undo').click());
    await settle();
    expect(p.onRestore).toHaveBeenCalledWith({
      council: 'LDS',
      serviceGroup: 'adult-social-care',
      financialYear: '2027/28',
      amountGbp: 1_200_000,
      kind: 'service-review',
      status: 'proposed',
      description: 'Review of day services for older people',
      sourceUrl: 'https://democracy.leeds.gov.uk/budget.pdf',
      sourceTitle: 'Budget report 2027/28',
      addedBy: 'form',
    });
    expect(seenText(status)).toContain('Restored “Review of day services for older people”.');
  });

  test('a failed delete is announced', async () => {
    const root = mount(<SavingsManager {...props({ onDelete: vi.fn(async () => Promise.reject(new Error('database closed'))) })} />);
    act(() => button(root.querySelector('[aria-labelledby="cl-savings-KEN"]')!, 'Delete').click());
    act(() => button(root, 'Yes, delete').click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("Couldn't delete: database closed");
  });

  test.each([
    [{ line: 4, column: 'council', reason: 'unknown' }, 'csv', 'Line 4 (council): unknown'],
    [{ line: 4, column: 'council', reason: 'unknown' }, 'json', 'Item 4 (council): unknown'],
    [{ line: 0, reason: 'not JSON' }, 'json', 'File: not JSON'],
  ] as const)('import error %j in a %s file reads %j', (error, format, text) => {
    expect(importErrorLine(error, format)).toBe(text);
  });
});
