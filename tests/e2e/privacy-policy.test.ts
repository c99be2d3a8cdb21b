import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, startSiteServer, waitForSeed, type Launched, type SiteServer } from './harness';

/**
 * Issue 16, finding 4: "the only requests the extension will ever make are to the public
 * procurement APIs" is enforced by the browser (the manifest's extension-pages policy), not only
 * by the code. A page of ours and the background each try to reach a server on 127.0.0.1: no
 * request may arrive, while the extension's own files still load.
 */
describe('Content security policy in real Chromium', () => {
  let server: SiteServer;
  let browser: Launched;
  const hits: string[] = [];

  beforeAll(async () => {
    server = await startSiteServer([
      (host, path) => {
        hits.push(`${host}${path}`);
        return { body: 'reached', type: 'text/plain' };
      },
    ]);
    browser = await launch({ port: server.port });
    await waitForSeed(browser.worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const probe = async (url: string): Promise<string> => {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store' });
      return 'sent';
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  };

  test('an extension page cannot connect anywhere but the procurement APIs', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const target = `http://127.0.0.1:${server.port}/from-page`;
    expect(await page.evaluate(`(${probe.toString()})(${JSON.stringify(target)})`)).toMatch(/^refused/);
    expect(await page.evaluate(`fetch('/data/services.json').then((r) => r.status)`)).toBe(200);
    // Zod never probes for eval here (lib/zod-jitless.ts), so the policy has nothing to refuse.
    expect(await page.evaluate('globalThis.__zod_globalConfig?.jitless')).toBe(true);
    await page.close();
  });

  test('nor can the background', async () => {
    const target = `http://127.0.0.1:${server.port}/from-worker`;
    expect(await browser.worker.evaluate(`(${probe.toString()})(${JSON.stringify(target)})`)).toMatch(/^refused/);
    expect(hits).toEqual([]);
    expect(await browser.worker.evaluate('globalThis.__zod_globalConfig?.jitless')).toBe(true);
  });
});
