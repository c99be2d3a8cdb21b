import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { adapters } from '@/lib/sites/adapters';
import { noticeAdapters } from '@/lib/sites/notice-adapters';
import { matchesAny } from '@/lib/sites/match-pattern';
import type { SiteAdapter } from '@/lib/sites/types';
import { NOTICE_PAGE_MATCHES, PORTALS, portal, type NoticePortalId } from '@/lib/ocds/portals';
import { SOURCE_APIS, SYNC_SOURCES } from '@/lib/sync/sources';

/**
 * The registries checked against the tree, in refined-github's manner (its features meta test):
 * what a new adapter or portal forgets to wire fails here, not in the browser. Adding a portal
 * costs a row in lib/ocds/portals.ts, its adapter in lib/sites/ (listed in notice-adapters.ts),
 * a fixture and a test.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Every module of lib/sites/, and every content script, loaded as the build would (no WXT run needed). */
const siteModules = import.meta.glob<Record<string, unknown>>('/lib/sites/*.ts', { eager: true });
const contentScripts = import.meta.glob<{ default: { matches?: string[] } }>('/entrypoints/*.content/index.ts', { eager: true });

function isAdapter(value: unknown): value is SiteAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<SiteAdapter>;
  return typeof a.id === 'string' && Array.isArray(a.matches) && typeof a.isPage === 'function' && typeof a.extract === 'function';
}

/** Each adapter exported anywhere in lib/sites/, with the module that exports it. */
export function adaptersInTree(modules: Record<string, Record<string, unknown>>): { module: string; adapter: SiteAdapter }[] {
  return Object.entries(modules).flatMap(([module, exports]) =>
    Object.values(exports)
      .filter(isAdapter)
      .map((adapter) => ({ module, adapter })),
  );
}

/**
 * The fixtures of an adapter `<site>-<kind>`: `tests/fixtures/<kind>s/<site>--*.html` (notice
 * pages) or `tests/fixtures/<site>/<kind>-*.html` (LinkedIn pages).
 */
export function fixturesOf(adapterId: string, fixturesDir = FIXTURES): string[] {
  const split = /^(.+)-([a-z]+)$/.exec(adapterId);
  if (!split) return [];
  const [, site, kind] = split as unknown as [string, string, string];
  const list = (dir: string, prefix: string) =>
    existsSync(join(fixturesDir, dir)) ? readdirSync(join(fixturesDir, dir)).filter((f) => f.startsWith(prefix) && f.endsWith('.html')).map((f) => `${dir}/${f}`) : [];
  return [...list(`${kind}s`, `${site}--`), ...list(site, `${kind}-`)];
}

/** Every `matches` entry of every content script declared in entrypoints/. */
export function contentScriptMatches(scripts: Record<string, { default: { matches?: string[] } }>): string[] {
  return Object.values(scripts).flatMap((script) => script.default.matches ?? []);
}

/** Whether every URL of `pattern` (sampled: `*` as `x`, a `*` scheme as both http and https) is matched by one of `declared`. */
export function patternCovered(pattern: string, declared: readonly string[]): boolean {
  const schemes = pattern.startsWith('*://') ? ['http', 'https'] : [pattern.slice(0, pattern.indexOf(':'))];
  const rest = pattern.slice(pattern.indexOf('://')).replace(/\*/g, 'x');
  return schemes.every((scheme) => matchesAny(declared, new URL(`${scheme}${rest}`)));
}

const inTree = adaptersInTree(siteModules);
const declared = contentScriptMatches(contentScripts);

describe('every adapter in lib/sites/', () => {
  test('the tree has the adapters this test knows of (the glob works)', () => {
    expect(inTree.map((a) => a.adapter.id)).toEqual(expect.arrayContaining(['linkedin-profile', 'contracts-finder-notice']));
  });

  test.each(inTree.map(({ module, adapter }) => ({ module, id: adapter.id, adapter })))('$id ($module) is registered in lib/sites/adapters.ts', ({ adapter }) => {
    expect(adapters).toContain(adapter);
  });

  describe.each(adapters.map((adapter) => ({ id: adapter.id, adapter })))('$id', ({ id, adapter }) => {
    test('has test URLs', () => {
      expect(adapter.testUrls.length).toBeGreaterThan(0);
    });

    test('has a fixture under tests/fixtures/', () => {
      expect(fixturesOf(id)).not.toEqual([]);
    });

    test('has a test file, tests/lib/sites/<id>.test.ts', () => {
      expect(existsSync(join(ROOT, 'tests', 'lib', 'sites', `${id}.test.ts`))).toBe(true);
    });

    test("its pages are covered by a content script's matches", () => {
      for (const href of adapter.testUrls) expect(matchesAny(declared, new URL(href)), href).toBe(true);
      for (const pattern of adapter.matches) expect(patternCovered(pattern, declared), pattern).toBe(true);
    });
  });
});

describe.each(PORTALS.map((p) => ({ id: p.id, p })))('portal $id', ({ id, p }) => {
  test('has a sync source, or says why not', () => {
    if ('source' in p.sync) {
      expect(SYNC_SOURCES as readonly string[]).toContain(p.sync.source);
      expect(SOURCE_APIS[p.sync.source as keyof typeof SOURCE_APIS].label).toBe(p.label);
    } else {
      expect(p.sync.reason.trim()).not.toBe('');
    }
  });

  test.runIf(p.noticePages !== null)('its notice pages have an adapter on exactly its match patterns, https only', () => {
    const adapter = noticeAdapters[id as NoticePortalId];
    expect(adapter).toBeDefined();
    expect(adapter.matches).toEqual([...p.noticePages!.matches]);
    expect(p.noticePages!.matches.every((m) => m.startsWith(`${p.origin}/`))).toBe(true);
    for (const href of adapter.testUrls) expect(new URL(href).origin).toBe(p.origin);
  });
});

test('the notices content script runs on exactly the registry notice pages', () => {
  expect(contentScripts['/entrypoints/notices.content/index.ts']?.default.matches).toEqual([...NOTICE_PAGE_MATCHES]);
});

test('every sync source is a portal', () => {
  for (const source of SYNC_SOURCES) expect(portal(source).sync).toEqual({ source });
});

describe('the checks can fail', () => {
  test('an adapter module not registered is found', () => {
    const stray = { ...adapters[0]!, id: 'stray-page' };
    const found = adaptersInTree({ '/lib/sites/stray-page.ts': { strayPage: stray } });
    expect(found.map((f) => f.adapter)).toEqual([stray]);
    expect(adapters).not.toContain(stray);
  });

  test('an adapter without fixtures has none', () => {
    expect(fixturesOf('public-contracts-wales-notice')).toEqual([]);
    expect(fixturesOf('contracts-finder-notice')).not.toEqual([]);
  });

  test('a page outside every content script is not covered', () => {
    expect(matchesAny(declared, new URL('https://www.example.org/Notice/1'))).toBe(false);
    expect(contentScriptMatches({ x: { default: {} } })).toEqual([]);
    // An adapter on http and https is not covered by an https-only content script (the drift issue 13 found).
    expect(patternCovered('*://www.contractsfinder.service.gov.uk/Notice/*', ['https://www.contractsfinder.service.gov.uk/Notice/*'])).toBe(false);
    expect(patternCovered('https://www.contractsfinder.service.gov.uk/Notice/*', ['https://www.contractsfinder.service.gov.uk/Notice/*'])).toBe(true);
  });
});

test('stored codes never move: portal order (packed rows) and ocid letters (primary keys) as cache schema v8 wrote them', () => {
  expect(PORTALS.slice(0, 4).map((p) => [p.id, p.ocidLetter, p.ocidPrefix])).toEqual([
    ['contracts-finder', 'C', 'ocds-b5fd17-'],
    ['find-a-tender', 'F', 'ocds-h6vhtk-'],
    ['public-contracts-scotland', 'S', 'ocds-r6ebe6-'],
    ['sell2wales', 'W', 'ocds-kuma6s-'],
  ]);
  expect(new Set(PORTALS.map((p) => p.ocidLetter)).size).toBe(PORTALS.length);
});
