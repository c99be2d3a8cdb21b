/**
 * Real-browser harness: the production build in Debian's Chromium, with the real host names
 * (www.linkedin.com, ...) mapped to a local server on 127.0.0.1 that serves saved fixtures.
 * Nothing leaves the machine: every other host name fails to resolve.
 */
import type { SyncSource } from '@/lib/sync/status';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page, type Worker } from 'playwright-core';
import { generate } from 'selfsigned';
import { formatFinancialYear } from '@/lib/timing/financial-year';
import { isPackedRow, unpackRow } from '@/lib/ocds/packed-row';
import type { NoticeRow } from '@/lib/ocds/row';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXT_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Chromium to drive: $CHROMIUM_PATH or Debian's. Missing Chromium is an error, never a skip. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. ` +
        'The real-browser tests fail rather than skip without it.',
    );
  }
  return path;
}

export function assertBuilt(): void {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXT_DIR}: run \`npx wxt build\` first (npm test does).`);
  }
}

/**
 * Lets a fixture page behave like LinkedIn's single-page app: `clSpaNavigate(path, delayMs)` pushes
 * the new URL first and swaps the page content in later, which is the order Chromium shows on the
 * real site (the location changes before the new profile renders).
 */
const SPA_SHIM = `<script>
window.clSpaNavigate = async (path, delayMs = 400) => {
  const html = await (await fetch(path, { headers: { 'x-cl-raw': '1' } })).text();
  history.pushState({}, '', path);
  await new Promise((r) => setTimeout(r, delayMs));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.title = doc.title;
  document.body.replaceWith(document.importNode(doc.body, true));
};
</script>`;

export type Route = (host: string, path: string) => { status?: number; type?: string; body: string } | null;

/** Serves `tests/fixtures/linkedin/<kind>--<slug>.html` at `/in/<slug>` and `/company/<slug>`. */
export const linkedInRoute: Route = (host, path) => {
  if (host !== 'www.linkedin.com') return null;
  const m = /^\/(in|company)\/([^/?#]+)/.exec(path);
  if (!m) {
    if (path === '/feed/' || path === '/feed') {
      return { body: '<!doctype html><html><head><title>Feed | LinkedIn</title></head><body><main><h2>Your feed</h2><p>Nothing about councils here.</p></main></body></html>' };
    }
    return null;
  }
  const prefix = m[1] === 'in' ? 'profile-' : 'company-';
  const slug = decodeURIComponent(m[2]!);
  const dir = join(FIXTURES, 'linkedin');
  const file = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(`--${slug}.html`));
  return file ? { body: readFileSync(join(dir, file), 'utf8') } : null;
};

/** Notice pages of every portal (tests/fixtures/notices) at their real addresses (PCS and Sell2Wales with their `?ID=`). */
const NOTICE_PAGES: Record<string, string> = {
  'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38': 'contracts-finder--tender-north-yorkshire-retrofit.html',
  'https://www.contractsfinder.service.gov.uk/Notice/f4dd4a6d-e118-4d6c-a9e2-29efe07acd44': 'contracts-finder--planning-lincolnshire-send-transport.html',
  'https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac': 'contracts-finder--award-nhs-adalimumab.html',
  'https://www.find-tender.service.gov.uk/Notice/002217-2025': 'find-a-tender--tender-north-yorkshire-retrofit.html',
  'https://www.find-tender.service.gov.uk/Notice/009871-2025': 'find-a-tender--planning-north-northamptonshire-engagement.html',
  'https://www.find-tender.service.gov.uk/Notice/008624-2023': 'find-a-tender--award-nhs-adalimumab.html',
  'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR351330': 'public-contracts-scotland--tender-angus-school-transport.html',
  'https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497862': 'sell2wales--tender-carmarthenshire-fleet-maintenance.html',
};

/** A self-signed certificate for the two notice hosts (also the API hosts), for an HTTPS {@link startSiteServer}. */
export async function noticeHostsCert(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: API_HOSTS[0]! }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [...API_HOSTS, ...NOTICE_ONLY_HOSTS].map((value) => ({ type: 2, value })) }],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Serves {@link NOTICE_PAGES} (any other query string) on the notice hosts; needs an HTTPS server. */
export const noticeRoute: Route = (host, path) => {
  const file = NOTICE_PAGES[`https://${host}${path.replace(/&.*$|#.*$/, '')}`] ?? NOTICE_PAGES[`https://${host}${path.replace(/[?#].*$/, '')}`];
  return file ? { body: readFileSync(join(FIXTURES, 'notices', file), 'utf8') } : null;
};

const GOVUK_FRONTEND_CSS = join(ROOT, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.css');
const PORTAL_CSS = join(ROOT, 'tests', 'e2e', 'demo-pages', 'portal.css');

/**
 * {@link noticeRoute} with the pages styled as the real portals are (both are built with GOV.UK
 * Frontend): the pages' own stylesheet links get the govuk-frontend package's CSS, or, for the
 * portals' own sheets, tests/e2e/demo-pages/portal.css; a derived page saved without its head's
 * links gets both. For the demo and the layout test: the other tests read the pages unstyled.
 */
export const styledNoticeRoute: Route = (host, path) => {
  if (!API_HOSTS.includes(host)) return null;
  const bare = path.replace(/[?#].*$/, '');
  if (bare.endsWith('.css')) {
    return { type: 'text/css; charset=utf-8', body: readFileSync(bare.includes('govuk-frontend') ? GOVUK_FRONTEND_CSS : PORTAL_CSS, 'utf8') };
  }
  const page = noticeRoute(host, path);
  if (!page || /govuk-frontend[^"]*\.css/.test(page.body)) return page;
  const links = '<link rel="stylesheet" href="/libraries/base-noticing/stylesheets/govuk-frontend.min.css"><link rel="stylesheet" href="/stylesheets/style.css">';
  return { ...page, body: page.body.replace(/<\/head>/i, `${links}</head>`) };
};

export interface SiteServer {
  port: number;
  close(): Promise<void>;
}

/** With `tls`, serves HTTPS (a self-signed certificate: launch with `apiPort` to ignore certificate errors). */
export async function startSiteServer(routes: Route[], options: { tls?: { key: string; cert: string } } = {}): Promise<SiteServer> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    for (const route of routes) {
      const hit = route(host, path);
      if (!hit) continue;
      const type = hit.type ?? 'text/html; charset=utf-8';
      let body = hit.body;
      if (type.startsWith('text/html') && !req.headers['x-cl-raw']) body = body.replace(/<\/body>/i, `${SPA_SHIM}</body>`);
      res.writeHead(hit.status ?? 200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`No fixture for ${host}${path}`);
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** A new folder under the git-ignored `.e2e-runs/` for one browser run (its profile, config, cache and temp files). */
export function newRunDir(prefix = 'run-'): string {
  const runs = join(ROOT, '.e2e-runs');
  mkdirSync(runs, { recursive: true });
  return mkdtempSync(join(runs, prefix));
}

/** Chromium also writes to ~/.config/chromium and /tmp: keep it in the run folder. */
export function chromiumEnv(runDir: string): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: runDir, XDG_CACHE_HOME: runDir, TMPDIR: runDir };
}

/** The flags every Chromium started here shares: no sandbox, GPU or QUIC, no first-run or background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MAPPED_HOSTS = ['www.linkedin.com'];
/** The live procurement APIs the background fetches (wxt.config.ts host_permissions). */
const API_HOSTS = ['www.contractsfinder.service.gov.uk', 'www.find-tender.service.gov.uk', 'api.publiccontractsscotland.gov.uk', 'api.sell2wales.gov.wales'];
/** Notice-page hosts that are no API host (Public Contracts Scotland, Sell2Wales): mapped with the API hosts. */
const NOTICE_ONLY_HOSTS = ['www.publiccontractsscotland.gov.uk', 'www.sell2wales.gov.wales'];

/** Launches Chromium with the built extension, the given hosts mapped to the local server. */
export async function launch(options: {
  port: number;
  headless?: boolean;
  profileDir?: string;
  hosts?: string[];
  /**
   * A fake procurement API (tests/support/fake-procurement-api.ts, HTTPS with a self-signed
   * certificate) on this port: the two live API hosts resolve to it and certificate errors are
   * ignored, so the extension's real fetch code runs unchanged.
   */
  apiPort?: number;
}): Promise<Launched> {
  assertBuilt();
  const executablePath = chromiumPath();
  const runDir = options.profileDir ? resolve(options.profileDir, '..') : newRunDir();
  const profileDir = options.profileDir ?? join(runDir, 'profile');
  const maps = [
    ...(options.hosts ?? MAPPED_HOSTS).map((h) => `MAP ${h} 127.0.0.1:${options.port}`),
    ...(options.apiPort ? [...API_HOSTS, ...NOTICE_ONLY_HOSTS].map((h) => `MAP ${h} 127.0.0.1:${options.apiPort}`) : []),
  ].join(', ');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    env: chromiumEnv(runDir),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      ...CHROMIUM_FLAGS,
      `--host-resolver-rules=${maps}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      ...(options.apiPort ? ['--ignore-certificate-errors'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.profileDir) rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Waits until the extension has loaded its packaged datasets into IndexedDB. */
export async function waitForSeed(worker: Worker, timeoutMs = 30_000): Promise<{ councils: number; groups: number }> {
  return worker.evaluate(async (timeout) => {
    const deadline = Date.now() + timeout;
    // Poll databases() first: opening a database that does not exist yet creates an empty one.
    while (Date.now() < deadline) {
      const dbs = await indexedDB.databases();
      if (dbs.some((d) => d.name === 'council-lens')) {
        const counts = await new Promise<{ councils: number; groups: number } | null>((ok, fail) => {
          const open = indexedDB.open('council-lens');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) return (db.close(), ok(null));
            const tx = db.transaction(['councils', 'serviceGroups', 'meta'], 'readonly');
            const c = tx.objectStore('councils').count();
            const g = tx.objectStore('serviceGroups').count();
            const m = tx.objectStore('meta').get('dataset');
            tx.oncomplete = () => {
              db.close();
              ok(m.result ? { councils: c.result, groups: g.result } : null);
            };
          };
        });
        if (counts) return counts;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('The extension did not load its datasets in time');
  }, timeoutMs);
}

/**
 * Reads the extension's IndexedDB from its service worker, as the tests' ground truth: one record
 * by key (undefined when absent), or every record of the store when `key` is omitted.
 */
/** The notices table as the app reads it: IndexedDB holds the rows packed (lib/ocds/packed-row.ts). */
export async function readNotices(worker: Worker): Promise<NoticeRow[]> {
  return (await readStore<unknown[]>(worker, 'notices')).map((row) => (isPackedRow(row) ? unpackRow(row) : (row as NoticeRow)));
}

export async function readStore<T>(worker: Worker, store: string, key?: string): Promise<T> {
  return worker.evaluate(
    async ({ store, key, all }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('council-lens');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      try {
        return await new Promise<unknown>((ok, fail) => {
          const objects = db.transaction(store).objectStore(store);
          const request = all ? objects.getAll() : objects.get(key!);
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
      } finally {
        db.close();
      }
    },
    { store, key: key ?? null, all: key === undefined },
  ) as Promise<T>;
}

/** Writes one record into the extension's IndexedDB from its service worker (state an earlier run would have left). */
export async function writeStore(worker: Worker, store: string, value: unknown): Promise<void> {
  await worker.evaluate(
    async ({ store, json }) => {
      const value: unknown = JSON.parse(json);
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('council-lens');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      try {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { store, json: JSON.stringify(value) },
  );
}

/** The extension APIs as seen inside `worker.evaluate` and on extension pages (the test process has no `chrome` types). */
interface ChromeInWorker {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
}
declare const chrome: ChromeInWorker;

/** The background's answer to a message (lib/protocol/requests.ts `Envelope`), loosely typed for tests. */
export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Sends `message` to the background from `page`, an extension page, as the extension's own pages do. */
export async function sendMessage(page: Page, message: unknown): Promise<Answer> {
  return (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Answer;
}

/**
 * The tab showing `page`. The extension may read the address of tabs on the sites it holds host
 * permissions for (the notice sites); a LinkedIn tab's it may not (issue 16 dropped that
 * permission), so that one is found by the page view its content script reported.
 */
export async function tabIdOf(worker: Worker, page: Page, timeoutMs = 15_000): Promise<number> {
  const url = page.url();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await worker.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      const byUrl = tabs.find((t: { url?: string }) => t.url === u)?.id;
      if (byUrl !== undefined) return byUrl;
      const stored = Object.values(await chrome.storage.session.get(null)) as ({ tabId?: number; url?: string } | null)[];
      return stored.find((context) => context?.url === u && typeof context.tabId === 'number')?.tabId ?? null;
    }, url);
    if (id !== null) return id;
    if (Date.now() > deadline) throw new Error(`No tab for ${url}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

export async function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Polls the badge until `predicate` holds; returns the text and the time it took. */
export async function waitForBadge(
  worker: Worker,
  tabId: number,
  predicate: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<{ text: string; ms: number }> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = await badgeText(worker, tabId);
    if (predicate(text)) return { text, ms: Date.now() - start };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Badge never matched; last text was "${text}"`);
}

/** Opens the side panel page as an ordinary tab that follows `tabId`. */
export async function openSidePanel(launched: Launched, tabId: number): Promise<Page> {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${tabId}`);
  return page;
}

/** Turns on "compact card inside LinkedIn pages" in the options page, as a person does; returns the page and its switch. */
export async function turnOnInPageCard(launched: Launched): Promise<{ options: Page; toggle: Locator }> {
  const options = await launched.context.newPage();
  await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
  const toggle = options.getByLabel(/compact card inside LinkedIn pages/i);
  // The switch waits for the settings to load; the section says "Saved" once the change is stored.
  await toggle.and(options.locator(':enabled')).waitFor({ timeout: 10_000 });
  await toggle.check();
  await options.getByRole('region', { name: 'LinkedIn' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
  return { options, toggle };
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/**
 * Runs `fn` on the whole DOM of `page`, shadow roots included, as DevTools reads it (CDP with
 * `pierce`): page scripts and Playwright locators cannot see into closed shadow roots.
 */
async function withPiercedDocument<T>(page: Page, fn: (cdp: CDPSession, root: CdpNode) => Promise<T> | T): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return await fn(cdp, root);
  } finally {
    await cdp.detach();
  }
}

/** Every `cl-` element in the document, in document order (not looking inside shadow roots). */
function clHosts(node: CdpNode, found: CdpNode[] = []): CdpNode[] {
  if (node.nodeName.startsWith('CL-')) found.push(node);
  for (const child of node.children ?? []) clHosts(child, found);
  return found;
}

/** Reads our closed shadow roots: each `cl-` host with its root mode and text. */
export async function readShadowHosts(page: Page): Promise<{ tag: string; mode: string; text: string; attributes: Record<string, string> }[]> {
  return withPiercedDocument(page, (_cdp, root) => {
    const textOf = (node: CdpNode): string => {
      if (node.nodeType === 3) return node.nodeValue ?? '';
      if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
      return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join(' ');
    };
    return clHosts(root).map((node) => {
      const attrs: Record<string, string> = {};
      for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) attrs[node.attributes![i]!] = node.attributes![i + 1]!;
      const shadow = node.shadowRoots?.[0];
      return {
        tag: node.nodeName.toLowerCase(),
        mode: shadow?.shadowRootType ?? 'none',
        text: shadow ? textOf(shadow).replace(/\s+/g, ' ').trim() : '',
        attributes: attrs,
      };
    });
  });
}

export function screenshotDir(): string {
  const dir = join(ROOT, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Moves every financial year written `2027/28` in a fixture forward by as many years as today's
 * financial year is past `baseYear` (the year the fixture was written in), so a fixture's "next
 * year" stays next year. `#` comment lines (CSV) are left as they are.
 */
export function shiftFinancialYears(text: string, baseYear: number, today = new Date()): string {
  const shift = financialYearStartOn(today) - baseYear;
  return text
    .split('\n')
    .map((line) => (line.startsWith('#') ? line : line.replace(/\b(20\d\d)\/\d\d\b/g, (_whole, year: string) => formatFinancialYear(Number(year) + shift))))
    .join('\n');
}

/** The start year of the financial year (1 April to 31 March) `today` falls in, by local time: 31 March 2027 -> 2026. */
export function financialYearStartOn(today = new Date()): number {
  return today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
}

/**
 * Runs `fn` (a function declaration, as text) on the first element matching `selector` inside the
 * closed shadow root of the `host` element, through CDP as DevTools does, and returns its result.
 * With `focus`, the element is focused first, so `page.keyboard` types into it.
 */
export async function inShadow<T>(page: Page, host: `cl-${string}`, selector: string, fn = 'function () { return null; }', options: { focus?: boolean; args?: unknown[] } = {}): Promise<T> {
  return withPiercedDocument(page, async (cdp, root) => {
    const shadow = clHosts(root).find((node) => node.nodeName === host.toUpperCase() && node.shadowRoots?.[0])?.shadowRoots![0];
    if (!shadow) throw new Error(`No <${host}> with a shadow root on ${page.url()}`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`Nothing matches ${selector} inside <${host}>`);
    if (options.focus) await cdp.send('DOM.focus', { nodeId });
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      arguments: (options.args ?? []).map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T } };
    return result.value;
  });
}

/**
 * Approves optional host permissions for the extension the way a person does in its "Site access"
 * settings on chrome://extensions (`chrome.developerPrivate.addHostPermission`, the API that page
 * uses). Headless Chromium shows `permissions.request`'s prompt where nothing can click it; once
 * the hosts are approved here, the extension's own `permissions.request` for them (still from a
 * real click) resolves true without a prompt, and Chrome grants them for real (`permissions.onAdded`
 * fires, `permissions.contains` says true). Approval alone grants nothing: the request is needed.
 */
export async function approveSiteAccess(launched: Launched, patterns: string[]): Promise<void> {
  const page = await launched.context.newPage();
  try {
    await page.goto('chrome://extensions');
    const failed = await page.evaluate(
      async ([id, list]) => {
        const api = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome
          .developerPrivate;
        const errors: string[] = [];
        for (const host of list) await api.addHostPermission(id, host).catch((e: unknown) => errors.push(`${host}: ${String(e)}`));
        return errors;
      },
      [launched.extensionId, patterns] as const,
    );
    if (failed.length > 0) throw new Error(`chrome://extensions refused site access: ${failed.slice(0, 3).join('; ')}`);
  } finally {
    await page.close();
  }
}

/**
 * The compressed clock of the real-browser sync tests: the background's request spacing per API
 * (entrypoints/background/sync-runner.ts SYNC_TUNING_KEY), instead of Find a Tender's 10 s.
 */
export async function setSyncSpacing(worker: Worker, minIntervalMs: Partial<Record<SyncSource, number>>): Promise<void> {
  // The devolved portals (one request every 5 s, a month per notice type: a year's history is ~570
  // requests) get the compressed clock too unless a test sets theirs.
  const spacing = { 'public-contracts-scotland': 20, sell2wales: 20, ...minIntervalMs };
  await worker.evaluate(async (value) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await chrome.storage.local.set({ syncTuning: { minIntervalMs: value } });
  }, spacing);
}
