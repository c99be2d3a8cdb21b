import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * lib/ is pure (../shared/STYLE.md): no WXT, no extension APIs, no page globals, no Dexie, so the
 * matcher, parsers and adapters run and are tested in plain Node. lib/extension/ is the one place
 * allowed to import wxt and browser APIs; lib/dataset/ is Node-only build code.
 */
const LIB = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib');
const EXEMPT = ['extension', 'dataset'];

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'imports wxt, the browser polyfill or Dexie', pattern: /\b(?:from|import|require)\s*\(?\s*['"](?:wxt(?:\/[^'"]*)?|#imports|@wxt-dev\/[^'"]+|webextension-polyfill|dexie(?:\/[^'"]*)?)['"]/ },
  { name: 'uses the extension API', pattern: /(?<![\w$.])(?:browser|chrome)\s*\??\.\s*[a-zA-Z]/ },
  { name: 'uses a page global', pattern: /(?<![\w$.])(?:document|window|location)\s*\??\.\s*[a-zA-Z]/ },
  { name: 'uses Dexie', pattern: /(?<![\w$.])Dexie\b/ },
];

/** Blanks out comments (keeping line numbers) so prose such as "the page's location." is not code. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string, exempt: readonly string[] = EXEMPT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === LIB && exempt.includes(entry.name) ? [] : sourceFiles(path, exempt);
    return /\.(?:ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function violations(source: string): string[] {
  const lines = stripComments(source).split('\n');
  return lines.flatMap((line, i) => RULES.filter((rule) => rule.pattern.test(line)).map((rule) => `${i + 1}: ${rule.name}: ${line.trim()}`));
}

test.each([
  "import { browser } from 'wxt/browser';",
  "import { defineContentScript } from '#imports';",
  "import Dexie from 'dexie';",
  'const el = document.querySelector("main");',
  'const here = window.location.href;',
  'if (location.pathname === "/") {}',
  'await browser.runtime.sendMessage(m);',
  'const db = new Dexie("x");',
])('the check catches %s', (line) => {
  expect(violations(line)).not.toEqual([]);
});

test.each([
  '// reads the page\'s location. Then the DOM',
  'const url = new URL(href, LINKEDIN_ORIGIN);',
  'el.ownerDocument.title;',
  "matches: ['*://www.linkedin.com/*'],",
  'const { location } = facts; row.location.trim();',
])('the check lets %s through', (line) => {
  expect(violations(line)).toEqual([]);
});

test('lib/ (except lib/extension and lib/dataset) uses no wxt, browser, page globals or Dexie', () => {
  const files = sourceFiles(LIB);
  expect(files.length).toBeGreaterThan(0);
  const found = files.flatMap((file) => violations(readFileSync(file, 'utf8')).map((v) => `lib/${relative(LIB, file)}:${v}`));
  expect(found).toEqual([]);
});

/** lib/ is what entrypoints build on, never the other way round: not even the Node-only build code. */
const FROM_ENTRYPOINTS = /\b(?:from|import)\s*\(?\s*['"](?:@\/entrypoints\/|(?:\.\.\/)+entrypoints\/)/;

test.each(["import { x } from '@/entrypoints/background/db';", "import { y } from '../../entrypoints/background/refresh/sync/sources';"])(
  'the entrypoints check catches %s',
  (line) => {
    expect(FROM_ENTRYPOINTS.test(line)).toBe(true);
  },
);

test('no file in lib/, lib/dataset and lib/extension included, imports from entrypoints/', () => {
  const files = sourceFiles(LIB, []);
  const found = files.flatMap((file) =>
    stripComments(readFileSync(file, 'utf8'))
      .split('\n')
      .flatMap((line, i) => (FROM_ENTRYPOINTS.test(line) ? [`lib/${relative(LIB, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
});

/**
 * components/ and hooks/ are Preact views and hooks: props in, JSX out (../shared/STYLE.md). They
 * reach the extension only through what an entrypoint passes in or lib/extension provides, never
 * through WXT or the browser API themselves, so they render in happy-dom and in any surface.
 */
const UI_FOLDERS = ['components', 'hooks'];
/** The import rule, and the API rule with the dot right after the name, so JSX prose ("in another browser. The …") passes. */
const UI_RULES = [RULES[0]!, { name: 'uses the extension API', pattern: /(?<![\w$.])(?:browser|chrome)\??\.[a-zA-Z]/ }];

test.each(["import { browser } from 'wxt/browser';", "import { storage } from '#imports';", "import browser from 'webextension-polyfill';", 'browser.runtime.onMessage.addListener(l);'])(
  'the components check catches %s',
  (line) => {
    expect(UI_RULES.some((rule) => rule.pattern.test(line))).toBe(true);
  },
);

test('the components check lets prose through: <p>can be imported again in another browser. The calendar</p>', () => {
  expect(UI_RULES.some((rule) => rule.pattern.test('<p>can be imported again in another browser. The calendar</p>'))).toBe(false);
});

test.each(UI_FOLDERS)('%s/ imports no wxt, #imports or browser polyfill, and uses no extension API', (folder) => {
  const dir = join(LIB, '..', folder);
  const files = sourceFiles(dir, []);
  expect(files.length).toBeGreaterThan(0);
  const found = files.flatMap((file) =>
    stripComments(readFileSync(file, 'utf8'))
      .split('\n')
      .flatMap((line, i) => UI_RULES.filter((rule) => rule.pattern.test(line)).map((rule) => `${folder}/${relative(dir, file)}:${i + 1}: ${rule.name}: ${line.trim()}`)),
  );
  expect(found).toEqual([]);
});
