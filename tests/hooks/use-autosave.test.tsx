import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useAutosave, type Autosave } from '@/hooks/use-autosave';
import { render } from 'preact';
import { mount } from '../support/dom';

// The notice editor's autosave timing on its own (hooks/use-autosave.ts), with fake timers.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Mounts a component using the hook; `save` resolves when the test says so. */
function harness(debounceMs = 500) {
  const calls: (() => void)[] = [];
  const save = vi.fn(() => new Promise<void>((resolve) => calls.push(resolve)));
  let autosave!: Autosave;
  function Probe() {
    autosave = useAutosave(save, debounceMs);
    return null;
  }
  const root = mount(<Probe />);
  return {
    save,
    calls,
    root,
    get autosave() {
      return autosave;
    },
  };
}

const settle = (ms = 0) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

test('saves once, the delay after the last change', async () => {
  const h = harness(500);
  h.autosave.schedule();
  await settle(400);
  h.autosave.schedule();
  await settle(400);
  expect(h.save).not.toHaveBeenCalled();
  await settle(100);
  expect(h.save).toHaveBeenCalledTimes(1);
});

test('a flush during a save waits for it, then saves once more (never two at a time)', async () => {
  const h = harness();
  void h.autosave.flush();
  void h.autosave.flush();
  void h.autosave.flush();
  await settle();
  expect(h.save).toHaveBeenCalledTimes(1);
  h.calls[0]!();
  await settle();
  expect(h.save).toHaveBeenCalledTimes(2);
  h.calls[1]!();
  await settle();
  expect(h.save).toHaveBeenCalledTimes(2);
});

test.each([
  ['the page is hidden', () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }],
  ['the page is left', () => window.dispatchEvent(new Event('pagehide'))],
])('saves at once when %s', async (_name, event) => {
  const h = harness(10_000);
  h.autosave.schedule();
  act(event);
  await settle();
  expect(h.save).toHaveBeenCalledTimes(1);
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

test('saves on unmount, and listens to the page no more', async () => {
  const h = harness(10_000);
  h.autosave.schedule();
  act(() => render(null, h.root));
  await settle();
  expect(h.save).toHaveBeenCalledTimes(1);
  h.calls[0]!();
  await settle();
  window.dispatchEvent(new Event('pagehide'));
  await settle(20_000);
  expect(h.save).toHaveBeenCalledTimes(1);
});
