import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { SaveProspect, prospectFromContext, type SaveProspectProps } from '@/components/panel/save-prospect';
import { TabPanel } from '@/components/panel/tab-panel';
import { kentCompanyPage, leedsServiceLead } from '../../fixtures/preview-data';
import type { Prospect } from '@/lib/workspace/schema';
import { render } from 'preact';
import { button, click, headings, mount, rerender, seenText } from '../../support/dom';

const settle = () => act(() => new Promise<void>((ok) => setTimeout(ok, 0)));

const saved: Prospect = {
  id: 'linkedin:amira-hussain-leeds',
  name: 'Amira Hussain',
  title: 'Head of Adult Social Care',
  council: 'LDS',
  councilName: 'Leeds City Council',
  serviceGroup: 'adult-social-care',
  profileUrl: 'https://www.linkedin.com/in/amira-hussain-leeds/',
  followUp: '2026-12-14',
  notes: 'Met at ADASS.',
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  fieldTimes: { notes: 1, followUp: 1 },
};

function props(over: Partial<SaveProspectProps> = {}): SaveProspectProps {
  return {
    context: leedsServiceLead,
    state: { status: 'ready', prospect: null },
    onSave: vi.fn(async () => ({ prospect: saved, conflicts: [] })),
    workspaceUrl: 'chrome-extension://x/workspace.html',
    ...over,
  };
}

const field = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent === label)!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(root: HTMLElement) {
  act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('prospectFromContext', () => {
  test('a council profile gives name, title, council, service, seniority and the normalised profile address', () => {
    expect(prospectFromContext(leedsServiceLead)).toEqual({
      name: 'Amira Hussain',
      title: leedsServiceLead.role!.title,
      council: 'LDS',
      councilName: leedsServiceLead.card!.officialName,
      serviceGroup: leedsServiceLead.role!.serviceGroup!.id,
      seniority: leedsServiceLead.role!.seniority!.id,
      profileUrl: 'https://www.linkedin.com/in/amira-hussain-leeds/',
      notes: '',
    });
  });

  test.each([
    ['a company page', kentCompanyPage],
    ['a profile without a name', { ...leedsServiceLead, person: { name: null, title: null, employer: null } }],
    ['a profile without a card', { ...leedsServiceLead, card: null }],
  ])('%s gives nothing to save', (_name, context) => {
    expect(prospectFromContext(context)).toBeNull();
  });
});

describe('SaveProspect', () => {
  test('nothing shows while the saved record is looked up', () => {
    const root = mount(<SaveProspect {...props({ state: { status: 'loading' } })} />);
    expect(root.textContent).toBe('');
  });

  test('"Save prospect" opens a short form prefilled from the page, and Save stores only what is shown', async () => {
    const p = props();
    const root = mount(<SaveProspect {...p} />);
    click(button(root, 'Save prospect'));
    expect(field(root, 'Name (as shown on the page)').value).toBe('Amira Hussain');
    expect(document.activeElement).toBe(field(root, 'Name (as shown on the page)'));
    expect(field(root, 'Title').value).toBe(leedsServiceLead.role!.title);
    expect(seenText(root)).toContain('Leeds City Council');
    type(field(root, 'Notes'), 'Ask about reablement.');
    type(field(root, 'Follow-up date'), '2026-12-14');
    await submit(root);
    expect(p.onSave).toHaveBeenCalledWith({
      ...prospectFromContext(leedsServiceLead),
      notes: 'Ask about reablement.',
      followUp: '2026-12-14',
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved to your workspace.');
  });

  test('Cancel closes the form without saving', () => {
    const p = props();
    const root = mount(<SaveProspect {...p} />);
    click(button(root, 'Save prospect'));
    click(button(root, 'Cancel'));
    expect(root.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(root, 'Save prospect'));
    expect(p.onSave).not.toHaveBeenCalled();
  });

  test('a save that fails says so and keeps the form', async () => {
    const root = mount(<SaveProspect {...props({ onSave: vi.fn(async () => Promise.reject(new Error('fields.name: must not be empty'))) })} />);
    click(button(root, 'Save prospect'));
    await submit(root);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("Couldn't save: fields.name: must not be empty");
    expect(root.querySelector('form')).not.toBeNull();
  });

  test('an already saved prospect shows "Saved prospect" with notes and follow-up editable and a link to the workspace', async () => {
    const p = props({ state: { status: 'ready', prospect: saved } });
    const root = mount(<SaveProspect {...p} />);
    expect(headings(root)).toEqual(['h2: Saved prospect']);
    expect(field(root, 'Notes').value).toBe('Met at ADASS.');
    expect(field(root, 'Follow-up date').value).toBe('2026-12-14');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('chrome-extension://x/workspace.html');
    type(field(root, 'Follow-up date'), '');
    type(field(root, 'Notes'), 'Met at ADASS. Call in January.');
    await submit(root);
    expect(p.onSave).toHaveBeenCalledWith({ notes: 'Met at ADASS. Call in January.', followUp: null }, saved.fieldTimes);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved.');
  });

  test('the saved values show in the very render the record arrives in, before any effect runs', () => {
    // Rendered without act(), so effects have not run: a field filled by an effect would be empty
    // here, as it briefly was in the panel (and in a real-browser test under load).
    const container = document.createElement('div');
    document.body.append(container);
    try {
      render(<SaveProspect {...props({ state: { status: 'loading' } })} />, container);
      render(<SaveProspect {...props({ state: { status: 'ready', prospect: saved } })} />, container);
      expect(field(container, 'Follow-up date').value).toBe('2026-12-14');
      expect(field(container, 'Notes').value).toBe('Met at ADASS.');
    } finally {
      render(null, container);
      container.remove();
    }
  });

  test('a change from another window replaces unsaved typing; a new profile starts afresh', () => {
    const root = mount(<SaveProspect {...props({ state: { status: 'ready', prospect: saved } })} />);
    type(field(root, 'Notes'), 'typed here');
    expect(field(root, 'Notes').value).toBe('typed here');
    const elsewhere = { ...saved, notes: 'Changed in the workspace.', followUp: '2027-01-05', updatedAt: '2026-11-30T11:00:00.000Z' };
    rerender(root, <SaveProspect {...props({ state: { status: 'ready', prospect: elsewhere } })} />);
    expect(field(root, 'Notes').value).toBe('Changed in the workspace.');
    expect(field(root, 'Follow-up date').value).toBe('2027-01-05');

    const other = { ...leedsServiceLead, url: 'https://www.linkedin.com/in/someone-else-leeds/', person: { ...leedsServiceLead.person!, name: 'Sam Jones' } };
    rerender(root, <SaveProspect {...props({ state: { status: 'ready', prospect: null } })} />);
    click(button(root, 'Save prospect'));
    type(field(root, 'Notes'), 'about Amira');
    rerender(root, <SaveProspect {...props({ context: other, state: { status: 'ready', prospect: null } })} />);
    expect(root.querySelector('form')).toBeNull();
    click(button(root, 'Save prospect'));
    expect(field(root, 'Name (as shown on the page)').value).toBe('Sam Jones');
    expect(field(root, 'Notes').value).toBe('');
  });

  test('a read failure is an alert, not an empty panel', () => {
    const root = mount(<SaveProspect {...props({ state: { status: 'error', error: 'no background' } })} />);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("Couldn't read saved prospects: no background");
  });

  test('the side panel places it above the person line', () => {
    const root = mount(<TabPanel context={leedsServiceLead} prospect={<SaveProspect {...props()} />} />);
    const view = root.querySelector('.cl-view')!;
    expect(view.firstElementChild!.classList.contains('cl-prospect')).toBe(true);
    expect(view.querySelector('.cl-person')).not.toBeNull();
  });
});
