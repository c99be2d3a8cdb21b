import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { assertBuilt, chromiumEnv, chromiumPath, CHROMIUM_FLAGS, EXT_DIR, newRunDir, waitForSeed } from '../../e2e/harness';

/**
 * One snapshot load in the built extension in headless Debian Chromium, through the real options
 * page path (the file picker, File.stream and DecompressionStream in the page, batches to the
 * service worker, IndexedDB). A fresh profile per load, launched like tests/e2e/harness.ts (same
 * flags and run folders; every host but 127.0.0.1 unresolvable), with the JS heap of the page and
 * of the service worker sampled while it runs.
 */

export interface ChromiumLoad {
  /** From the pick to "Loaded N notices.". */
  totalMs: number;
  /** The first pass (checking the whole file), until the progress says "Loading". */
  checkMs: number;
  /** Peak JS heap used above the heap before the pick, in the options page and in the service worker (CDP, both). */
  pageHeapPeak: number;
  workerHeapPeak: number;
}

/**
 * A DevTools-protocol connection to the extension's service worker: Playwright opens CDP sessions
 * on pages only, so this one goes through the browser's debugging port (written to the profile's
 * DevToolsActivePort) with Node's WebSocket, and reads `Runtime.getHeapUsage`.
 */
async function workerHeapReader(profileDir: string, extensionId: string): Promise<{ used(): Promise<number>; gc(): Promise<void>; close(): void }> {
  const portFile = join(profileDir, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const port = readFileSync(portFile, 'utf8').split('\n')[0]!;
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('no service worker target on the debugging port');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  const send = (method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    used: async () => ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize,
    gc: async () => void (await send('HeapProfiler.collectGarbage')),
    close: () => socket.close(),
  };
}

const SAMPLE_MS = 250;

export async function loadInChromium(manifestPath: string, dataPath: string, notices: number): Promise<ChromiumLoad> {
  assertBuilt();
  const runDir = newRunDir('bench-snapshot-');
  let context: BrowserContext | null = null;
  try {
    const profileDir = join(runDir, 'profile');
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      env: chromiumEnv(runDir),
      headless: true,
      args: [
        `--disable-extensions-except=${EXT_DIR}`,
        `--load-extension=${EXT_DIR}`,
        ...CHROMIUM_FLAGS,
        // The service worker's heap is read over the debugging port (workerHeapReader).
        '--remote-debugging-port=0',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    await waitForSeed(worker, 60_000);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    const picker = page.locator('#cl-snapshot-file');
    await picker.waitFor({ state: 'attached' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageHeap = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    const workerHeap = await workerHeapReader(profileDir, new URL(worker.url()).host);
    await cdp.send('HeapProfiler.collectGarbage');
    await workerHeap.gc();
    const pageBase = await pageHeap();
    const workerBase = await workerHeap.used();
    let pagePeak = pageBase;
    let workerPeak = workerBase;
    let checkedAt: number | null = null;
    let done = false;

    const started = performance.now();
    // A page or browser that goes away ends the sampling; the wait for the result below says why.
    const sampling = (async () => {
      while (!done && !page.isClosed()) {
        pagePeak = Math.max(pagePeak, await pageHeap());
        workerPeak = Math.max(workerPeak, await workerHeap.used());
        if (checkedAt === null && (await page.locator('#cl-snapshot-progress').textContent().catch(() => ''))?.includes('Loading')) checkedAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })().catch(() => undefined);
    await picker.setInputFiles([manifestPath, dataPath]);
    const result = page.locator('#cl-snapshot-result');
    await result.waitFor({ state: 'attached', timeout: 30 * 60_000 });
    const totalMs = performance.now() - started;
    done = true;
    await sampling;
    workerHeap.close();
    const text = await result.textContent();
    if (text !== `Loaded ${notices.toLocaleString('en-GB')} notices.`) throw new Error(`the load ended with: ${text}`);
    return {
      totalMs,
      checkMs: (checkedAt ?? started) - started,
      pageHeapPeak: pagePeak - pageBase,
      workerHeapPeak: workerPeak - workerBase,
    };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  }
}
