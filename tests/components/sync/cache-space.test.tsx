import { describe, expect, test, vi } from 'vitest';
import { CacheSpace, formatBytes } from '@/components/sync/cache-space';
import { mount, seenText } from '../../support/dom';

const flush = () => new Promise((ok) => setTimeout(ok, 0));

describe('CacheSpace (options: space used, Clear cached notices)', () => {
  test.each([
    [312_400_000, '312 MB'],
    [4_230_000, '4.2 MB'],
    [850_000, '850 kB'],
    [12, '1 kB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test('says what it uses and whether the browser keeps it', () => {
    const text = seenText(mount(<CacheSpace usage={312_400_000} notices={41_200} persisted onClear={vi.fn()} />));
    expect(text).toContain('312 MB in this browser, 41,200 cached notices with your own records.');
    expect(text).toContain('The browser keeps it when disk space runs low.');
    expect(seenText(mount(<CacheSpace usage={null} notices={null} persisted={false} onClear={vi.fn()} />))).toContain('may clear it if disk space runs low');
  });

  test('clearing asks first, says the user’s records stay, and reports what went', async () => {
    const onClear = vi.fn().mockResolvedValue({ removed: 41_200 });
    const view = mount(<CacheSpace usage={1_000_000} notices={41_200} persisted onClear={onClear} />);
    (view.querySelector('button') as HTMLButtonElement).click();
    await flush();
    expect(onClear).not.toHaveBeenCalled();
    expect(seenText(view)).toContain('Clear 41,200 cached notices? Your tender notes, prospects and savings items stay.');
    const confirm = [...view.querySelectorAll('button')].find((b) => b.textContent === 'Clear cached notices') as HTMLButtonElement;
    confirm.click();
    await flush();
    await flush();
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(seenText(view)).toContain('Cleared 41,200 cached notices.');
  });

  test('a refused clear is shown as an error, and nothing claims success', async () => {
    const view = mount(<CacheSpace usage={1_000_000} notices={5} persisted onClear={() => Promise.reject(new Error('A refresh is running'))} />);
    (view.querySelector('button') as HTMLButtonElement).click();
    await flush();
    ([...view.querySelectorAll('button')].find((b) => b.textContent === 'Clear cached notices') as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(view.querySelector('[role="alert"]')?.textContent).toContain("Couldn't clear the cache: A refresh is running");
    expect(seenText(view)).not.toContain('Cleared');
  });
});
