import { afterEach, describe, expect, test } from 'vitest';
import { createShadowHost, TYPING_EVENTS, type ShadowHost } from '@/lib/extension/shadow-host';

// Issue 16, finding 3: a page `keydown` listener captured the notes typed into the notice panel.
describe('typing inside our closed shadow root stays inside it', () => {
  let shown: ShadowHost | null = null;
  afterEach(() => shown?.remove());

  const fields = {
    'the notes textarea': '<textarea aria-label="Notes"></textarea>',
    'a text input': '<input type="text" aria-label="Tags">',
    'a select': '<select aria-label="Status"><option>go</option></select>',
    'a contenteditable': '<div contenteditable="true"></div>',
  };

  test.each(Object.entries(fields))('%s: the page hears none of it', (_name, html) => {
    shown = createShadowHost('cl-test-host', '');
    shown.mount.innerHTML = html;
    const field = shown.mount.firstElementChild as HTMLElement;
    const heard: string[] = [];
    const listen = (where: string) => (event: Event) => heard.push(`${where}:${event.type}`);
    for (const type of TYPING_EVENTS) {
      document.addEventListener(type, listen('document'));
      window.addEventListener(type, listen('window'));
      shown.host.addEventListener(type, listen('host'));
    }
    const insideHeard: string[] = [];
    field.addEventListener('keydown', (e) => insideHeard.push((e as KeyboardEvent).key));

    field.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    field.dispatchEvent(new KeyboardEvent('keyup', { key: 's', bubbles: true, composed: true }));
    field.dispatchEvent(new InputEvent('beforeinput', { data: 's', bubbles: true, composed: true }));
    field.dispatchEvent(new InputEvent('input', { data: 's', bubbles: true, composed: true }));
    field.dispatchEvent(new Event('compositionend', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('paste', { bubbles: true, composed: true }));

    expect(heard).toEqual([]);
    // Our own handlers inside the root still get every key.
    expect(insideHeard).toEqual(['s']);
  });

  test('other events (a click) still reach the page, as nothing about them is typed', () => {
    shown = createShadowHost('cl-test-host', '');
    shown.mount.innerHTML = '<button>Open</button>';
    const heard: string[] = [];
    document.addEventListener('click', () => heard.push('click'));
    (shown.mount.firstElementChild as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(heard).toEqual(['click']);
  });
});
