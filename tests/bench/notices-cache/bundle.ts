import { build, type Rolldown } from 'vite';

/** Global name of the bundled in-page module (tests/bench/notices-cache/in-page.ts). */
export const GLOBAL_NAME = 'NoticesCacheBench';

/**
 * Bundles the benchmark's browser side (Dexie, CouncilLensDB, councilProcurement, toNoticeRow and
 * what they import) into one IIFE with Vite's build API, in memory, with the `@/` alias resolved
 * to the repository root as wxt does. No config file is read, so the extension build is untouched.
 */
export async function bundleInPage(entry: string, root: string): Promise<{ code: string; ms: number }> {
  const t0 = performance.now();
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
    // Library builds keep `process.env.NODE_ENV` as written; a page has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      lib: { entry, formats: ['iife'], name: GLOBAL_NAME, fileName: () => 'notices-cache-bench.js' },
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      emptyOutDir: false,
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('vite build produced no JavaScript chunk for the in-page bundle');
  return { code: chunk.code, ms: performance.now() - t0 };
}
