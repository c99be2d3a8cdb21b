import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { lastError, lastValue, useBackgroundRead, type BackgroundRead, type BackgroundReadOptions, type ReadState } from '@/hooks/use-background-read';
import { mount, rerender } from '../support/dom';

// The one "read from the background and keep it live" hook, against a fake background whose
// answers the test releases one by one, in any order.

interface Pending {
  input: string;
  resolve(value: string): void;
  reject(error: Error): void;
}

function fakeBackground() {
  const pending: Pending[] = [];
  const listeners = new Set<() => void>();
  return {
    pending,
    read: vi.fn(
      (input: string) =>
        new Promise<string>((resolve, reject) => {
          pending.push({ input, resolve, reject });
        }),
    ),
    rereadOn: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners,
    broadcast: () => act(() => listeners.forEach((l) => l())),
  };
}

type Props = { input: string | null; refresh?: number; options?: Partial<BackgroundReadOptions> };

function harness(first: Props) {
  const bg = fakeBackground();
  const seen: ReadState<string>[] = [];
  let api!: BackgroundRead<string>;
  function Probe({ input, refresh = 0, options = {} }: Props) {
    api = useBackgroundRead(() => bg.read(input!), { inputs: [input], enabled: input !== null, refreshOn: [refresh], rereadOn: bg.rereadOn, ...options });
    seen.push(api.state);
    return <p>{JSON.stringify(api.state)}</p>;
  }
  const root = mount(<Probe {...first} />);
  return {
    bg,
    seen,
    root,
    get api() {
      return api;
    },
    get state() {
      return seen.at(-1)!;
    },
    update: (props: Props) => rerender(root, <Probe {...props} />),
  };
}

const settle = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('states', () => {
  test('loading, then the value', async () => {
    const h = harness({ input: 'LDS' });
    expect(h.state).toEqual({ status: 'loading' });
    h.bg.pending[0]!.resolve('Leeds');
    await settle();
    expect(h.state).toEqual({ status: 'ready', value: 'Leeds' });
  });

  test('a failure is an error, keeping the last value for the same inputs', async () => {
    const h = harness({ input: 'LDS' });
    h.bg.pending[0]!.resolve('Leeds');
    await settle();
    h.bg.broadcast();
    h.bg.pending[1]!.reject(new Error('background gone'));
    await settle();
    expect(h.state).toEqual({ status: 'error', error: 'background gone', last: 'Leeds' });
    expect([lastValue(h.state), lastError(h.state)]).toEqual(['Leeds', 'background gone']);
  });

  test('nothing to read is idle, and asks nothing', async () => {
    const h = harness({ input: null });
    await settle();
    expect(h.state).toEqual({ status: 'idle' });
    expect(h.bg.read).not.toHaveBeenCalled();
  });
});

describe('stale answers', () => {
  test.each([
    ['the older answer arrives last', [1, 0]],
    ['the older answer arrives first', [0, 1]],
  ])('inputs changed while a read was on its way: only the latest shows (%s)', async (_name, order) => {
    const h = harness({ input: 'LDS' });
    h.update({ input: 'KEN' });
    // The render with the new inputs never shows the previous council's state.
    expect(h.state).toEqual({ status: 'loading' });
    const answers = ['Leeds', 'Kent'];
    for (const i of order) {
      h.bg.pending[i]!.resolve(answers[i]!);
      await settle();
    }
    expect(h.bg.pending.map((p) => p.input)).toEqual(['LDS', 'KEN']);
    expect(h.state).toEqual({ status: 'ready', value: 'Kent' });
    expect(h.seen.some((s) => s.status === 'ready' && s.value === 'Leeds')).toBe(false);
  });

  test('a failure for older inputs is dropped too', async () => {
    const h = harness({ input: 'LDS' });
    h.update({ input: 'KEN' });
    h.bg.pending[1]!.resolve('Kent');
    await settle();
    h.bg.pending[0]!.reject(new Error('late failure'));
    await settle();
    expect(h.state).toEqual({ status: 'ready', value: 'Kent' });
  });

  test('set() (a write’s answer) wins over a read still on its way', async () => {
    const h = harness({ input: 'LDS' });
    act(() => h.api.set('Saved'));
    h.bg.pending[0]!.resolve('Older');
    await settle();
    expect(h.state).toEqual({ status: 'ready', value: 'Saved' });
  });

  test('turned off (input gone): idle, and the answer on its way is dropped', async () => {
    const h = harness({ input: 'LDS' });
    h.update({ input: null });
    h.bg.pending[0]!.resolve('Leeds');
    await settle();
    expect(h.state).toEqual({ status: 'idle' });
  });
});

describe('keeping live', () => {
  test('a broadcast reads again quietly: what is shown stays until the answer', async () => {
    const h = harness({ input: 'LDS' });
    h.bg.pending[0]!.resolve('Leeds');
    await settle();
    h.bg.broadcast();
    await settle();
    expect(h.state).toEqual({ status: 'ready', value: 'Leeds' });
    h.bg.pending[1]!.resolve('Leeds, updated');
    await settle();
    expect(h.state).toEqual({ status: 'ready', value: 'Leeds, updated' });
  });

  test('refreshOn changing reads again quietly; reload() shows loading', async () => {
    const h = harness({ input: 'LDS', refresh: 1 });
    h.bg.pending[0]!.resolve('Leeds');
    await settle();
    h.update({ input: 'LDS', refresh: 2 });
    await settle();
    expect(h.bg.read).toHaveBeenCalledTimes(2);
    expect(h.state).toEqual({ status: 'ready', value: 'Leeds' });
    act(() => h.api.reload());
    expect(h.state).toEqual({ status: 'loading' });
  });

  test('the subscription follows the inputs and ends on unmount; nothing is set after', async () => {
    const h = harness({ input: 'LDS' });
    expect(h.bg.listeners.size).toBe(1);
    h.update({ input: 'KEN' });
    expect(h.bg.listeners.size).toBe(1);
    const renders = h.seen.length;
    act(() => render(null, h.root));
    expect(h.bg.listeners.size).toBe(0);
    const errors = vi.spyOn(console, 'error');
    h.bg.pending.at(-1)!.resolve('Kent');
    await settle();
    expect(h.seen.length).toBe(renders);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('typing (delayMs, keepReady)', () => {
  test('waits for the pause, keeps the results shown meanwhile, and reads once', async () => {
    const h = harness({ input: 'le', options: { delayMs: 80, keepReady: true } });
    h.bg.pending[0]!.resolve('results for le');
    await settle();
    h.update({ input: 'lee', options: { delayMs: 80, keepReady: true } });
    h.update({ input: 'leed', options: { delayMs: 80, keepReady: true } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(79);
    });
    expect(h.bg.read).toHaveBeenCalledTimes(1);
    expect(h.state).toEqual({ status: 'ready', value: 'results for le' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(h.bg.read.mock.calls.map(([input]) => input)).toEqual(['le', 'leed']);
  });
});
