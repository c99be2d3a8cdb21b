import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AnnotationEditor } from '@/components/notice/annotation-editor';
import { conflictMessage } from '@/lib/workspace/annotation-draft';
import { splitTags } from '@/lib/workspace/annotation-fields';
import { applyEdit } from '@/lib/workspace/merge';
import type { Annotation, AnnotationEdit } from '@/lib/workspace/schema';
import { annotation, CF_KEY, NOTICE, T0 } from '../../lib/workspace/support';
import { mount, seenText } from '../../support/dom';

/** The background as the editor sees it, merging with the real applyEdit. */
function fakeBackground(initial: Annotation | null) {
  let stored = initial;
  const saves: AnnotationEdit[] = [];
  const listeners = new Set<() => void>();
  return {
    saves,
    get stored() {
      return stored;
    },
    /** Another tab's edit: written, and (unless `silent`) announced as workspaceChanged. */
    async otherTab(fields: AnnotationEdit['fields'], at: number, silent = false) {
      stored = applyEdit(stored, { key: CF_KEY, fields, at }).annotation;
      if (!silent) await act(async () => listeners.forEach((l) => l()));
    },
    transport: {
      load: vi.fn(async () => stored),
      save: vi.fn(async (edit: AnnotationEdit) => {
        saves.push(structuredClone(edit));
        const result = applyEdit(stored, edit);
        stored = result.annotation;
        return result;
      }),
      onRemoteChange(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

let clock = T0 + 60_000;
/** Each save happens a second after the one before, as a person types. */
const now = () => (clock += 1000);

async function render(initial: Annotation | null) {
  const bg = fakeBackground(initial);
  const root = mount(<AnnotationEditor notice={NOTICE} transport={bg.transport} now={now} />);
  await settle();
  return { bg, root };
}

/** Lets pending promises (the fake background's answers) resolve. */
async function settle(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const field = <T extends HTMLElement>(root: ParentNode, label: string): T => {
  const el = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!el) throw new Error(`No field labelled ${label}`);
  return root.ownerDocument!.getElementById(el.htmlFor) as T;
};

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(el: HTMLSelectElement, value: string) {
  act(() => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const status = (root: ParentNode) => [...root.querySelectorAll('[role="status"]')].map((s) => seenText(s));

beforeEach(() => {
  vi.useFakeTimers();
  clock = T0 + 60_000;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('loading', () => {
  test('the stored annotation fills the fields, with the visible labels', async () => {
    const { root } = await render(annotation({ status: 'bidding', notes: 'Call the buyer', tags: ['care', 'framework'], owner: 'JS', bidDeadline: '2027-01-10' }));
    expect([...root.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['Status', 'Owner', 'Notes', 'Tags', 'Bid deadline']);
    expect(field<HTMLSelectElement>(root, 'Status').value).toBe('bidding');
    expect([...field<HTMLSelectElement>(root, 'Status').options].map((o) => o.text)).toEqual(['Watching', 'Go', 'No-go', 'Bidding', 'Submitted', 'Won', 'Lost']);
    expect(field<HTMLTextAreaElement>(root, 'Notes').value).toBe('Call the buyer');
    expect(field<HTMLInputElement>(root, 'Tags').value).toBe('care, framework');
    expect([...root.querySelectorAll('.cl-annot__chip')].map((c) => c.textContent)).toEqual(['care', 'framework']);
    expect(field<HTMLInputElement>(root, 'Owner').value).toBe('JS');
    expect(field<HTMLInputElement>(root, 'Bid deadline').value).toBe('2027-01-10');
    expect(status(root)).toEqual(['Saved']);
  });

  test('without an annotation the bid deadline shows the notice’s, and nothing is saved', async () => {
    const { root, bg } = await render(null);
    expect(field<HTMLInputElement>(root, 'Bid deadline').value).toBe('2027-01-15');
    expect(seenText(root)).toContain('The notice’s deadline, 15 January 2027, 12:00.');
    // Nothing recorded: "Not tracked", not "Watching" (issue 12).
    const select = field<HTMLSelectElement>(root, 'Status');
    expect(select.value).toBe('');
    expect(select.selectedOptions[0]?.text).toBe('Not tracked');
    await settle(5000);
    expect(bg.saves).toEqual([]);
  });

  test('the first note saves the status as Watching, and "Not tracked" goes from the list', async () => {
    const { root, bg } = await render(null);
    type(field<HTMLTextAreaElement>(root, 'Notes'), 'Call buyer');
    await settle(700);
    expect(bg.saves[0]?.fields.status).toBe('watching');
    const select = field<HTMLSelectElement>(root, 'Status');
    expect(select.value).toBe('watching');
    expect([...select.options].map((o) => o.text)).not.toContain('Not tracked');
  });

  test('picking a status from "Not tracked" saves that status', async () => {
    const { root, bg } = await render(null);
    const select = field<HTMLSelectElement>(root, 'Status');
    select.value = 'go';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(700);
    expect(bg.saves[0]?.fields.status).toBe('go');
    expect(field<HTMLSelectElement>(root, 'Status').value).toBe('go');
  });
});

describe('autosave', () => {
  test('typing saves once, 600 ms after it stops; the first save carries the notice', async () => {
    const { root, bg } = await render(null);
    const notes = field<HTMLTextAreaElement>(root, 'Notes');
    for (const text of ['C', 'Ca', 'Cal', 'Call buyer']) {
      type(notes, text);
      await settle(300);
    }
    expect(bg.saves).toHaveLength(0);
    expect(status(root)).toEqual(['Saving…']);
    await settle(300);
    expect(bg.saves).toHaveLength(1);
    expect(bg.saves[0]).toEqual({
      key: CF_KEY,
      at: clock,
      baseTimes: {},
      fields: {
        notes: 'Call buyer',
        site: 'contracts-finder',
        noticeUrl: NOTICE.noticeUrl,
        title: NOTICE.title,
        buyerName: 'Leeds City Council',
        noticeDeadline: '2027-01-15T12:00',
        council: 'LDS',
        serviceGroup: 'adult-social-care',
        status: 'watching',
        tags: [],
      },
    });
    expect(bg.stored?.bidDeadline).toBeUndefined();
    expect(status(root)).toEqual(['Saved']);
  });

  test('a later edit sends only that field, with the times this tab loaded', async () => {
    const loaded = annotation();
    const { root, bg } = await render(loaded);
    type(field(root, 'Tags'), 'Care, Framework ,  older people');
    await settle(600);
    expect(bg.saves).toEqual([{ key: CF_KEY, at: clock, baseTimes: loaded.fieldTimes, fields: { tags: ['care', 'framework', 'older people'] } }]);
    expect([...root.querySelectorAll('.cl-annot__chip')].map((c) => c.textContent)).toEqual(['care', 'framework', 'older people']);
  });

  test('leaving a field saves at once', async () => {
    const { root, bg } = await render(annotation());
    const notes = field<HTMLTextAreaElement>(root, 'Notes');
    type(notes, 'Site visit on Tuesday');
    act(() => notes.blur());
    await settle();
    expect(bg.saves.map((s) => s.fields)).toEqual([{ notes: 'Site visit on Tuesday' }]);
  });

  test('the tab being hidden saves at once', async () => {
    const { root, bg } = await render(annotation());
    choose(field(root, 'Status'), 'go');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(bg.saves.map((s) => s.fields)).toEqual([{ status: 'go' }]);
  });

  test('a bid deadline is saved only when the user sets one, and clears back to the notice’s', async () => {
    const { root, bg } = await render(annotation());
    type(field(root, 'Bid deadline'), '2027-01-08');
    await settle(600);
    expect(bg.saves.at(-1)?.fields).toEqual({ bidDeadline: '2027-01-08' });
    expect(seenText(root)).toContain('Your own deadline; the notice says 15 January 2027, 12:00.');
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Use the notice’s deadline')!.click());
    await settle(600);
    expect(bg.saves.at(-1)?.fields).toEqual({ bidDeadline: null });
    expect(bg.stored?.bidDeadline).toBeUndefined();
  });

  test('a failed save says so and keeps the text for the next try', async () => {
    const { root, bg } = await render(annotation());
    bg.transport.save.mockRejectedValueOnce(new Error('Council Lens could not reach its background page'));
    type(field(root, 'Notes'), 'Draft');
    await settle(600);
    expect(status(root)).toEqual(['Not saved: Council Lens could not reach its background page. Your changes are still here.']);
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click());
    await settle();
    expect(bg.stored?.notes).toBe('Draft');
    expect(status(root)).toEqual(['Saved']);
  });
});

describe('owner initials', () => {
  test.each([
    ['JS', true],
    ['abcd', true],
    ['', true],
    ['J.S', false],
    ['ABCDE', false],
    ['12', false],
  ])('%j valid: %s', async (value, valid) => {
    const { root, bg } = await render(annotation());
    const owner = field<HTMLInputElement>(root, 'Owner');
    type(owner, value);
    await settle(600);
    expect(owner.getAttribute('aria-invalid')).toBe(String(!valid));
    expect(seenText(root).includes('Owner must be 1 to 4 letters')).toBe(!valid);
    expect(bg.saves.map((s) => s.fields)).toEqual(valid ? [{ owner: value ? value.toUpperCase() : null }] : []);
  });
});

describe('two tabs', () => {
  test('a conflicting edit is saved, and the user is told which field the other tab changed', async () => {
    const { root, bg } = await render(annotation());
    // Another tab wrote the notes after this one loaded, without this tab hearing of it yet.
    await bg.otherTab({ notes: 'From the other tab' }, T0 + 30_000, true);
    type(field(root, 'Notes'), 'From this tab');
    await settle(600);
    expect(bg.stored?.notes).toBe('From this tab');
    expect(status(root)).toEqual(['Another tab changed the notes while you were editing here. The latest edit was kept.', 'Saved']);
  });

  test('a remote change updates the fields not being edited, and leaves the one being typed in', async () => {
    const { root, bg } = await render(annotation());
    const notes = field<HTMLTextAreaElement>(root, 'Notes');
    type(notes, 'Half-typed');
    await bg.otherTab({ status: 'go', tags: ['priority'], notes: 'Theirs' }, T0 + 30_000);
    expect(field<HTMLSelectElement>(root, 'Status').value).toBe('go');
    expect(field<HTMLInputElement>(root, 'Tags').value).toBe('priority');
    expect(notes.value).toBe('Half-typed');
    await settle(600);
    expect(bg.saves.at(-1)?.fields).toEqual({ notes: 'Half-typed' });
    expect(bg.stored).toMatchObject({ status: 'go', tags: ['priority'], notes: 'Half-typed' });
  });

  test('with the cursor in the notes, a remote change leaves them; a focused select still follows', async () => {
    const { root, bg } = await render(annotation({ notes: 'Mine' }));
    const notes = field<HTMLTextAreaElement>(root, 'Notes');
    act(() => {
      notes.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    await bg.otherTab({ notes: 'Theirs' }, T0 + 30_000);
    expect(notes.value).toBe('Mine');
    const select = field<HTMLSelectElement>(root, 'Status');
    act(() => {
      select.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    await bg.otherTab({ status: 'no-go' }, T0 + 40_000);
    expect(select.value).toBe('no-go');
  });

  test('text saved here and then replaced by a later edit in another tab: the change is said, not silent', async () => {
    const { root, bg } = await render(annotation());
    const notes = field<HTMLTextAreaElement>(root, 'Notes');
    type(notes, 'Written here');
    act(() => {
      notes.blur();
      notes.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    await settle(600);
    expect(bg.stored?.notes).toBe('Written here');
    expect(status(root)).toEqual(['Saved']);
    await bg.otherTab({ notes: 'Written there', status: 'go' }, clock + 5_000);
    expect(notes.value).toBe('Written there');
    expect(status(root)).toEqual(['Another tab changed the status and notes; this page now shows that version.', 'Saved']);
  });

  test('a remote change that shows nothing new here says nothing', async () => {
    const { root, bg } = await render(annotation({ notes: 'Same' }));
    await bg.otherTab({ notes: 'Same' }, T0 + 30_000);
    expect(status(root)).toEqual(['Saved']);
  });

  test('a remote change is ignored when it is older than what this tab has', async () => {
    const { root, bg } = await render(annotation({ notes: 'Newer', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 50_000 } }));
    const older = annotation({ notes: 'Older' });
    bg.transport.load.mockResolvedValueOnce(older);
    await bg.otherTab({}, T0);
    expect(field<HTMLTextAreaElement>(root, 'Notes').value).toBe('Newer');
  });
});

describe('helpers', () => {
  test.each([
    [['notes'], 'Another tab changed the notes while you were editing here. The latest edit was kept.'],
    [['tags', 'notes', 'title'], 'Another tab changed the notes and tags while you were editing here. The latest edit was kept.'],
    [['status', 'owner', 'bidDeadline'], 'Another tab changed the status, bid deadline and owner while you were editing here. The latest edit was kept.'],
    [['title'], null],
  ])('conflictMessage(%j)', (fields, expected) => {
    expect(conflictMessage(fields)).toBe(expected);
  });

  test.each([
    ['Care, framework ; care,, Older  People ', ['care', 'framework', 'older people']],
    ['', []],
  ])('splitTags(%j)', (text, expected) => {
    expect(splitTags(text)).toEqual(expected);
  });
});
