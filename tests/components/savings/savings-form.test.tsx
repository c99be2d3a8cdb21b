import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { SavingsForm, summaryLine, type SavingsFormProps } from '@/components/savings/savings-form';
import { readSavingsForm, resolveCouncilInput, emptyValues, valuesFromCapture, type CouncilOption } from '@/components/savings/form-values';
import type { SavingsDraft } from '@/lib/savings/schema';
import type { CapturePrefill } from '@/lib/savings/capture';
import { button, mount, seenText } from '../../support/dom';

const COUNCILS: CouncilOption[] = [
  { code: 'ADU', name: 'Adur District Council' },
  { code: 'KEN', name: 'Kent County Council' },
  { code: 'LDS', name: 'Leeds City Council' },
  { code: 'WOT', name: 'Worthing Borough Council' },
];

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));

function renderForm(over: Partial<SavingsFormProps> = {}) {
  const onSave = over.onSave ?? vi.fn(async () => ({}));
  const root = mount(<SavingsForm councils={COUNCILS} {...over} onSave={onSave} />);
  return { root, onSave };
}

/** The control a label names, as a person finds it. */
function field(root: HTMLElement, label: string): HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!found) throw new Error(`No label ${JSON.stringify(label)}`);
  const control = root.querySelector(`#${found.htmlFor}`);
  if (!control) throw new Error(`Label ${label} names nothing`);
  return control as HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;
}

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(control: HTMLSelectElement, value: string) {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function submit(root: HTMLElement) {
  act(() => {
    button(root, 'Save savings item').click();
  });
  await settle();
}

const describedBy = (root: HTMLElement, control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.querySelector(`#${id}`)?.textContent?.trim());

const capture: CapturePrefill = {
  council: { value: null, found: false, from: 'domain', matched: 'adur-worthing.gov.uk', candidates: ['ADU', 'WOT'] },
  serviceGroup: { value: 'waste', found: true, from: 'selection' },
  financialYear: { value: '2027/28', found: true, from: 'selection', matched: '2027/28' },
  amountGbp: { value: undefined, found: false, from: 'default' },
  kind: { value: 'saving', found: false, from: 'default' },
  status: { value: 'approved', found: true, from: 'selection', matched: 'approved' },
  description: 'Garden waste collections move to fortnightly from 2027/28 (approved)',
  sourceUrl: 'https://www.adur-worthing.gov.uk/budget/',
  sourceTitle: 'Budget 2027/28 - Adur & Worthing Councils',
};

describe('labels', () => {
  test('every field has the label the e2e test uses, tied to its control', () => {
    const { root } = renderForm();
    for (const label of ['Council', 'Service', 'Financial year', 'Amount (£)', 'Kind', 'Status', 'Description', 'Source URL', 'Source title']) {
      expect(field(root, label)).toBeTruthy();
    }
    expect([...field(root, 'Service').options].map((o) => o.textContent)).toHaveLength(20);
    expect([...field(root, 'Kind').options].map((o) => o.textContent)).toEqual(['Saving', 'Restructure', 'Service review', 'Investment']);
    expect([...field(root, 'Status').options].map((o) => o.textContent)).toEqual(['Proposed', 'Approved', 'Delivered']);
    expect(field(root, 'Council').getAttribute('list')).toBe('cl-savings-councils');
  });
});

describe('after a capture', () => {
  test('highlights each field the capture did not find, and offers the page’s councils first', () => {
    const start = valuesFromCapture(capture, COUNCILS);
    expect(start.unconfirmed).toEqual(['council', 'amount', 'kind']);
    const { root } = renderForm({ initial: start.values, unconfirmed: start.unconfirmed, candidates: start.candidates, captured: { url: capture.sourceUrl!, title: capture.sourceTitle! }, addedBy: 'capture' });

    const checked = [...root.querySelectorAll('.cl-field--check label')].map((l) => l.textContent?.trim());
    expect(checked).toEqual(['Council', 'Amount (£)', 'Kind']);
    expect(describedBy(root, field(root, 'Amount (£)'))).toContain('Please check: not found in the selection');
    expect(describedBy(root, field(root, 'Financial year'))).not.toContain('Please check: not found in the selection');

    expect(field(root, 'Description').value).toBe(capture.description);
    expect(field(root, 'Source URL').value).toBe('https://www.adur-worthing.gov.uk/budget/');
    expect(seenText(root)).toContain('Captured from Budget 2027/28 - Adur & Worthing Councils');

    const group = root.querySelector('[role="group"]')!;
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Adur District Council', 'Worthing Borough Council']);
    expect([...root.querySelectorAll('datalist option')].slice(0, 2).map((o) => o.getAttribute('value'))).toEqual(['Adur District Council', 'Worthing Borough Council']);

    act(() => button(root, 'Worthing Borough Council').click());
    expect(field(root, 'Council').value).toBe('Worthing Borough Council');
    expect(seenText(root)).toContain('Worthing Borough Council (WOT)');
    // Choosing the council confirms it: its highlight goes.
    expect([...root.querySelectorAll('.cl-field--check label')].map((l) => l.textContent?.trim())).toEqual(['Amount (£)', 'Kind']);
  });

  test('saves as a capture with the chosen council', async () => {
    const start = valuesFromCapture(capture, COUNCILS);
    const { root, onSave } = renderForm({ initial: start.values, unconfirmed: start.unconfirmed, candidates: start.candidates, addedBy: 'capture' });
    act(() => button(root, 'Adur District Council').click());
    await submit(root);
    expect(onSave).toHaveBeenCalledWith({
      council: 'ADU',
      serviceGroup: 'waste',
      financialYear: '2027/28',
      kind: 'saving',
      status: 'approved',
      description: capture.description,
      sourceUrl: 'https://www.adur-worthing.gov.uk/budget/',
      sourceTitle: 'Budget 2027/28 - Adur & Worthing Councils',
      addedBy: 'capture',
    });
  });
});

describe('reading what people type', () => {
  test.each([
    ['2027/28', '£1.2m', '2027/28', 1_200_000],
    ['2027-28', '350k', '2027/28', 350_000],
    ['FY28', '1,200,000', '2027/28', 1_200_000],
    ['2026/2027', '£2.5 million', '2026/27', 2_500_000],
    ['FY 2029/30', '', '2029/30', undefined],
  ])('year %s and amount %s save as %s and %s', async (year, amount, savedYear, savedAmount) => {
    const { root, onSave } = renderForm();
    type(field(root, 'Council'), 'leeds city council');
    choose(field(root, 'Service'), 'adult-social-care');
    type(field(root, 'Financial year'), year);
    type(field(root, 'Amount (£)'), amount);
    choose(field(root, 'Kind'), 'service-review');
    type(field(root, 'Description'), '  Review of day services  ');
    await submit(root);
    const draft = (onSave as ReturnType<typeof vi.fn>).mock.calls[0]![0] as SavingsDraft;
    expect(draft).toEqual({
      council: 'LDS',
      serviceGroup: 'adult-social-care',
      financialYear: savedYear,
      ...(savedAmount === undefined ? {} : { amountGbp: savedAmount }),
      kind: 'service-review',
      status: 'proposed',
      description: 'Review of day services',
      addedBy: 'form',
    });
  });

  test('shows the normalised year and amount and the resolved council while typing', () => {
    const { root } = renderForm();
    type(field(root, 'Council'), 'LDS');
    type(field(root, 'Financial year'), 'FY28');
    type(field(root, 'Amount (£)'), '£1.2m');
    expect(describedBy(root, field(root, 'Council'))).toContain('Leeds City Council (LDS)');
    expect(describedBy(root, field(root, 'Financial year'))).toContain('Read as 2027/28');
    expect(describedBy(root, field(root, 'Amount (£)'))).toContain('Read as £1,200,000');
  });

  test.each([
    ['LDS', 'LDS'],
    ['Leeds', 'LDS'],
    ['  kent county council ', 'KEN'],
  ])('council %j is %s', (text, code) => {
    const result = resolveCouncilInput(text, COUNCILS);
    expect(result.ok && result.council.code).toBe(code);
  });

  test('a name matching several councils is refused with a reason', () => {
    expect(resolveCouncilInput('Council', COUNCILS)).toEqual({ ok: false, reason: '“Council” matches 4 councils; choose one from the list' });
  });
});

describe('validation', () => {
  test('errors block the save, are tied to their fields, and the summary takes focus', async () => {
    const { root, onSave } = renderForm();
    type(field(root, 'Council'), 'Nowhere');
    type(field(root, 'Financial year'), '2027/29');
    type(field(root, 'Amount (£)'), '-5');
    type(field(root, 'Source URL'), 'javascript:alert(1)');
    await submit(root);
    expect(onSave).not.toHaveBeenCalled();

    const summary = root.querySelector('.cl-error-summary')!;
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent?.split(':')[0])).toEqual([
      'Council',
      'Service',
      'Financial year',
      'Amount (£)',
      'Description',
      'Source URL',
    ]);
    for (const label of ['Council', 'Service', 'Financial year', 'Amount (£)', 'Description', 'Source URL']) {
      const control = field(root, label);
      expect(control.getAttribute('aria-invalid')).toBe('true');
      expect(describedBy(root, control).some((t) => t?.startsWith('Error:'))).toBe(true);
    }
    expect(field(root, 'Kind').getAttribute('aria-invalid')).toBeNull();
    expect(seenText(root)).toContain('2027/29 is not a financial year');

    // Fixing a field clears its error at once.
    type(field(root, 'Financial year'), '2027/28');
    expect(field(root, 'Financial year').getAttribute('aria-invalid')).toBeNull();
  });

  test('an error shows when leaving a field, before any submit', () => {
    const { root } = renderForm();
    const year = field(root, 'Financial year');
    type(year, 'next year');
    expect(year.getAttribute('aria-invalid')).toBeNull();
    act(() => {
      year.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      year.dispatchEvent(new FocusEvent('blur'));
    });
    expect(year.getAttribute('aria-invalid')).toBe('true');
  });

  test('readSavingsForm keeps optional fields out of the draft when empty', () => {
    const result = readSavingsForm(emptyValues({ council: 'KEN', serviceGroup: 'waste', financialYear: '2026-27', description: 'Fewer bins' }), COUNCILS);
    expect(result).toEqual({
      ok: true,
      draft: { council: 'KEN', serviceGroup: 'waste', financialYear: '2026/27', kind: 'saving', status: 'proposed', description: 'Fewer bins' },
    });
  });
});

describe('saving', () => {
  const filled = { council: 'Leeds City Council', serviceGroup: 'adult-social-care', financialYear: '2027/28', description: 'Review of day services' };

  test('the background’s refusal is shown as an alert and the form stays', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('This is already recorded: “Review of day services” (2027/28).');
    });
    const { root } = renderForm({ initial: filled, onSave });
    await submit(root);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Not saved: This is already recorded: “Review of day services” (2027/28).');
    expect(field(root, 'Description').value).toBe('Review of day services');
  });

  test('success says what was saved, links to add another, and takes focus', async () => {
    const { root } = renderForm({ initial: filled, addAnotherHref: (d) => `/savings.html?council=${d.council}` });
    await submit(root);
    const status = root.querySelector('[role="status"]')!;
    expect(seenText(status)).toContain('Saved: Review of day services for Leeds City Council (2027/28).');
    expect(seenText(status)).toContain('You can close this tab.');
    const link = [...status.querySelectorAll('a')].find((a) => a.textContent === 'Add another');
    expect(link?.getAttribute('href')).toBe('/savings.html?council=LDS');
    expect(document.activeElement?.textContent).toContain('Saved:');
  });

  test('an edit sends the item’s id', async () => {
    const { root, onSave } = renderForm({ initial: filled, id: 'sav-1' });
    await submit(root);
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'sav-1', council: 'LDS', addedBy: 'form' }));
  });
});

describe('the error summary names each field once (issue 12)', () => {
  test.each([
    ['Financial year', 'Financial year is missing; write it like 2027/28', 'Financial year is missing; write it like 2027/28'],
    ['Amount (£)', '"-5" is negative; write the size of the saving as a positive amount', 'Amount (£): "-5" is negative; write the size of the saving as a positive amount'],
    ['Service', 'Choose the service', 'Service: Choose the service'],
  ])('%s + "%s"', (label, message, line) => {
    expect(summaryLine(label, message)).toBe(line);
  });
});
