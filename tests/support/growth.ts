/**
 * How much longer `run(4n)` takes than `run(n)`, each the fastest of five runs after a warm-up of both: about 4 for work
 * linear in n, about 16 for quadratic. A ratio holds on a loaded machine where a wall-clock limit
 * does not (both sizes slow down together), so tests guard against a quadratic slide with it
 * (limit 10) instead of a time.
 */
export function growthRatio(run: (n: number) => void, n: number): number {
  const fastest = (size: number) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      run(size);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  run(n); // warm-up: JIT
  run(4 * n);
  return fastest(4 * n) / Math.max(fastest(n), 0.01);
}

/** Growth from n to 4n that no linear algorithm shows, and any quadratic one does. */
export const NOT_LINEAR = 10;
