import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumEnv, chromiumPath, CHROMIUM_FLAGS, newRunDir } from '../../e2e/harness';

/**
 * A blank page on http://127.0.0.1:<port> in headless Debian Chromium with one script, for
 * benchmarks that need the real browser's IndexedDB. Launched like tests/e2e/harness.ts (same
 * flags, profile and XDG/TMP folders in a fresh run folder under the git-ignored `.e2e-runs/`,
 * every host name but 127.0.0.1 unresolvable) minus the extension.
 */

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  context: BrowserContext;
  origin: string;
  runDir: string;
  profileDir: string;
  /**
   * Serves `body` (JSON) once, at the returned same-origin path: how rows reach the page. Loopback
   * HTTP moves a 10 MB batch in milliseconds, where a DevTools-protocol argument takes about a second.
   */
  offer(body: string): string;
  close(): Promise<void>;
}

/**
 * Cross-origin isolation (COOP + COEP) lets `performance.now()` resolve to 5 µs instead of the
 * 100 µs Chromium gives other pages (https://developer.chrome.com/blog/cross-origin-isolation-guide).
 */
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

function serve(script: string, offered: Map<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const headers = { ...ISOLATION, 'cache-control': 'no-store' };
    const body = offered.get(req.url ?? '');
    if (body !== undefined) {
      offered.delete(req.url!);
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(body);
    } else if (req.url === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>notices-cache bench</title><script src="/bench.js"></script></head><body></body></html>');
    } else if (req.url === '/bench.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export async function openBenchPage(script: string): Promise<BenchPage> {
  const executablePath = chromiumPath();
  const runDir = newRunDir('bench-notices-');
  const profileDir = join(runDir, 'profile');
  const offered = new Map<string, string>();
  let served = 0;
  const offer = (body: string) => {
    const at = `/batch/${++served}`;
    offered.set(at, body);
    return at;
  };
  const server = await serve(script, offered);
  let context: BrowserContext | null = null;
  const close = async () => {
    await context?.close().catch(() => {});
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      env: chromiumEnv(runDir),
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        // performance.memory is bucketed and delayed without it.
        '--enable-precise-memory-info',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`);
    const cdp = await context.newCDPSession(page);
    return { page, cdp, context, origin, runDir, profileDir, offer, close };
  } catch (error) {
    await close();
    throw error;
  }
}
