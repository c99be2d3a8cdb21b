import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { availableExports, DataTools, type DataToolsProps } from '@/components/workspace/data-tools';
import { ReminderSettings, parseReminderDays } from '@/components/workspace/reminder-settings';
import { WorkspaceView } from '@/components/workspace/workspace-view';
import type { WorkspaceImportOutcome } from '@/lib/workspace/import';
import { button, click, headings, mount, namedList, seenText, squash } from '../../support/dom';

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));

function props(over: Partial<DataToolsProps> = {}): DataToolsProps {
  return {
    onExport: vi.fn(async (format: string) => ({ text: `${format} text`, filename: `council-lens-${format}.txt`, mime: 'text/plain' })),
    onImport: vi.fn(async (): Promise<WorkspaceImportOutcome> => ({ ok: true, annotations: { added: 2, updated: 1, unchanged: 0 }, prospects: { added: 1, updated: 0, unchanged: 3 }, savings: { added: 1, updated: 0, unchanged: 2 } })),
    onDeleteAll: vi.fn(async () => ({ annotations: 3, prospects: 1, savings: 2 })),
    download: vi.fn(),
    ...over,
  };
}

async function chooseFile(root: HTMLElement, name: string, text: string | File) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = typeof text === 'string' ? new File([text], name, { type: 'application/json' }) : text;
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('exports', () => {
  test.each([
    ['Export tenders CSV', 'annotations-csv'],
    ['Export prospects CSV', 'prospects-csv'],
    ['Export all (JSON)', 'json'],
    ['Calendar (.ics)', 'ics'],
  ])('%s asks for %s and downloads it under the returned name', async (label, format) => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    click(button(root, label));
    await settle();
    expect(p.onExport).toHaveBeenCalledWith(format);
    expect(p.download).toHaveBeenCalledWith(`council-lens-${format}.txt`, `${format} text`, 'text/plain');
  });

  test('a failed export is an alert', async () => {
    const root = mount(<DataTools {...props({ onExport: vi.fn(async () => Promise.reject(new Error('no db'))) })} />);
    click(button(root, 'Export all (JSON)'));
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("Couldn't export: no db");
  });
});

describe('import', () => {
  test('a file over 20 MB is refused by its size, without being read or sent (issue 16)', async () => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    const big = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(big, 'size', { value: 25_000_000 });
    const read = vi.spyOn(big, 'arrayBuffer');
    await chooseFile(root, 'huge.json', big);
    expect(read).not.toHaveBeenCalled();
    expect(p.onImport).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Nothing was imported: This file is 25 MB; the largest that can be imported is 20 MB');
  });

  test('a UTF-16 file is named as such, and nothing is sent (issue 16)', async () => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('{"format":"council-lens-workspace"}', 'utf16le')]);
    await chooseFile(root, 'unicode.json', new File([bytes], 'unicode.json'));
    expect(p.onImport).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/^Nothing was imported: This file is UTF-16 text, not UTF-8; save it as UTF-8/);
  });

  test('the file input is labelled and a merge is reported per kind', async () => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(root.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Import JSON');
    await chooseFile(root, 'workspace.json', '{"format":"council-lens-workspace"}');
    expect(p.onImport).toHaveBeenCalledWith('{"format":"council-lens-workspace"}');
    expect(squash(root.querySelector('.cl-ws__import-status')!.textContent ?? '')).toBe(
      'Imported. Tenders: 2 tenders added, 1 updated, 0 unchanged. Prospects: 1 prospect added, 0 updated, 3 unchanged. Savings items: 1 item added, 2 already saved.',
    );
    expect(input.value).toBe('');
  });

  test('a rejected file: "Nothing was imported" with each error path and reason', async () => {
    const outcome: WorkspaceImportOutcome = {
      ok: false,
      errors: [
        { path: 'annotations[0].key', reason: 'must be an OCID' },
        { path: '', reason: 'not JSON' },
      ],
    };
    const root = mount(<DataTools {...props({ onImport: vi.fn(async () => outcome) })} />);
    await chooseFile(root, 'bad.json', '{');
    const alert = root.querySelector('[role="alert"]')!;
    expect(seenText(alert)).toContain('Nothing was imported.');
    expect(namedList(root, 'Problems in the file')).toEqual(['annotations[0].key: must be an OCID', 'File: not JSON']);
  });
});

describe('Delete all my data', () => {
  test('explains what goes and what stays, and needs "delete" typed', async () => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    expect(headings(root)).toContain('h2: Delete all my data');
    const section = root.querySelector('.cl-ws__delete')!;
    // Issue 16: everything that is the user's, named, including what lives only in the session.
    for (const part of ['tender annotations, saved prospects, savings programme items', 'Add to savings programme', 'LinkedIn names and pages', 'bid reminders already shown']) {
      expect(seenText(section)).toContain(part);
    }
    expect(seenText(section)).toContain('Your settings, the council register and the cached notices (public data) stay');
    click(button(root, 'Delete all my data…'));
    const input = root.querySelector<HTMLInputElement>('.cl-ws__delete input')!;
    expect(document.activeElement).toBe(input);
    expect(button(root, 'Delete everything').disabled).toBe(true);
    type(input, 'delet');
    expect(button(root, 'Delete everything').disabled).toBe(true);
    type(input, 'delete');
    expect(button(root, 'Delete everything').disabled).toBe(false);
    click(button(root, 'Delete everything'));
    await settle();
    expect(p.onDeleteAll).toHaveBeenCalledOnce();
    expect(squash(section.querySelector('[role="status"]')!.textContent ?? '')).toBe('Deleted 3 tender annotations, 1 prospect and 2 savings items.');
  });

  test('Cancel deletes nothing', () => {
    const p = props();
    const root = mount(<DataTools {...p} />);
    click(button(root, 'Delete all my data…'));
    click(button(root, 'Cancel'));
    expect(root.querySelector('.cl-ws__delete input')).toBeNull();
    expect(p.onDeleteAll).not.toHaveBeenCalled();
  });
});

describe('WorkspaceView', () => {
  const base = {
    ...props(),
    councils: [],
    today: '2026-11-30',
    onDeleteRecord: vi.fn(async () => ({})),
    onRestoreAnnotation: vi.fn(async () => ({})),
    onRestoreProspect: vi.fn(async () => ({})),
  };

  test('loading, then both empty tables with their guidance', () => {
    expect(seenText(mount(<WorkspaceView {...base} workspace={null} />))).toContain('Loading…');
    const root = mount(<WorkspaceView {...base} workspace={{ annotations: [], prospects: [] }} />);
    expect(headings(root)).toEqual([
      'h1: Workspace',
      'h2: Tenders',
      'h3: No tenders yet',
      'h2: Prospects',
      'h3: No prospects yet',
      'h2: Export and import',
      'h2: Delete all my data',
    ]);
  });

  test('a read failure is an alert', () => {
    const root = mount(<WorkspaceView {...base} workspace={null} error="no background" />);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("Couldn't read your workspace: no background");
  });
});

describe('Reminders setting', () => {
  test.each([
    ['3, 1', [3, 1]],
    ['1 3 3', [3, 1]],
    ['0;7', [7, 0]],
    ['', []],
    ['90', [90]],
  ])('"%s" → %j', (text, days) => {
    expect(parseReminderDays(text)).toEqual({ ok: true, days });
  });

  test.each(['91', '-1', '1.5', 'two', '1,2,3,4,5,6,7,8,9,10,11'])('"%s" is refused', (text) => {
    expect(parseReminderDays(text).ok).toBe(false);
  });

  test('shows the saved days, saves the parsed list, and says when notifications come', async () => {
    const onSave = vi.fn(async () => undefined);
    const root = mount(<ReminderSettings days={[3, 1]} onSave={onSave} workspaceUrl="/workspace.html" />);
    const input = root.querySelector<HTMLInputElement>('#cl-reminder-days')!;
    expect(root.querySelector('label[for="cl-reminder-days"]')!.textContent).toBe('Days before each bid deadline');
    expect(input.value).toBe('3, 1');
    expect(seenText(root)).toContain('at 09:00');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/workspace.html');
    type(input, '7, 1, 7');
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(onSave).toHaveBeenCalledWith([7, 1]);
    expect(input.value).toBe('7, 1');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved: reminders 7 days before, 1 day before.');
  });

  test('a bad value is an alert and is not saved', async () => {
    const onSave = vi.fn(async () => undefined);
    const root = mount(<ReminderSettings days={[3, 1]} onSave={onSave} workspaceUrl="/workspace.html" />);
    type(root.querySelector<HTMLInputElement>('#cl-reminder-days')!, '3, 120');
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('“120” is not a whole number of days from 0 to 90.');
  });
});

describe('exports with nothing to export (issue 12)', () => {
  const stamp = { createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z', fieldTimes: {} };
  const tender = (status: 'bidding' | 'won', deadline?: string) => ({
    key: `ocds-b5fd17-${status}`,
    site: 'contracts-finder' as const,
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/0001',
    title: 'Home care framework',
    buyerName: 'Leeds City Council',
    status,
    tags: [],
    notes: '',
    ...(deadline ? { bidDeadline: deadline } : {}),
    ...stamp,
  });
  const prospect = (followUp?: string) => ({
    id: 'linkedin:priya-sharma',
    name: 'Priya Sharma',
    title: 'Head of Adult Social Care',
    councilName: 'Leeds City Council',
    profileUrl: 'https://www.linkedin.com/in/priya-sharma/',
    notes: '',
    ...(followUp ? { followUp } : {}),
    ...stamp,
  });

  test.each([
    ['nothing at all', [], [], 0, { 'annotations-csv': false, 'prospects-csv': false, json: false, ics: false }],
    ['only savings items', [], [], 2, { 'annotations-csv': false, 'prospects-csv': false, json: true, ics: false }],
    ['savings not known yet', [], [], null, { 'annotations-csv': false, 'prospects-csv': false, json: true, ics: false }],
    ['an open tender with a deadline', [tender('bidding', '2026-12-02T12:00')], [], 0, { 'annotations-csv': true, 'prospects-csv': false, json: true, ics: true }],
    ['a won tender (no calendar event)', [tender('won', '2026-12-02T12:00')], [], 0, { 'annotations-csv': true, 'prospects-csv': false, json: true, ics: false }],
    ['a prospect without a follow-up', [], [prospect()], 0, { 'annotations-csv': false, 'prospects-csv': true, json: true, ics: false }],
    ['a prospect with a follow-up', [], [prospect('2026-12-14')], 0, { 'annotations-csv': false, 'prospects-csv': true, json: true, ics: true }],
  ] as const)('%s', (_name, annotations, prospects, savings, expected) => {
    expect(availableExports({ annotations: [...annotations], prospects: [...prospects] }, savings)).toEqual(expected);
  });

  test('an empty workspace turns the export buttons off and says why', () => {
    const root = mount(
      <WorkspaceView
        {...props()}
        councils={[]}
        today="2026-11-30"
        onDeleteRecord={vi.fn(async () => ({}))}
        onRestoreAnnotation={vi.fn(async () => ({}))}
        onRestoreProspect={vi.fn(async () => ({}))}
        workspace={{ annotations: [], prospects: [] }}
        savingsCount={0}
      />,
    );
    for (const label of ['Export tenders CSV', 'Export prospects CSV', 'Export all (JSON)', 'Calendar (.ics)']) expect(button(root, label).disabled).toBe(true);
    expect(seenText(root)).toContain('Nothing to export yet');
  });
});
