import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// vitest 5 reporters call Map.groupBy (Node 21+); on Node 20 a failing test then crashes the
// reporter and hides the failure. Node 20.19 is what these machines run, so provide it here.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

// WxtVitest ignores wxt.config's vite plugins, so preact() is added here (../shared/RECIPE-e2e.md).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'happy-dom',
          // The default 5 s is too short on a shared 2-core machine: CI at load 25 timed out
          // tests that take 1-2 s when idle (parsing 10,000 releases took 8.4 s).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // A page in a real browser on a busy 2-core machine can take over the default 1 s to
          // settle (seen in CI at load 25: the options page's switches enabled after 1.9 s).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
