import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// Vitest stubs CSS imports with empty strings, so these checks read the files themselves.

const COMPONENTS = join(import.meta.dirname, '../../components');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => relative(COMPONENTS, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

const cssFiles = filesUnder(COMPONENTS, '.css');
const css = (file: string) => readFileSync(join(COMPONENTS, file), 'utf8');
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

test('styles.ts inlines every stylesheet, tokens first', () => {
  const styles = readFileSync(join(COMPONENTS, 'styles.ts'), 'utf8');
  const imported = [...styles.matchAll(/from '\.\/(.+?\.css)\?inline'/g)].map((m) => m[1]);
  expect([...imported].sort()).toEqual(cssFiles);
  expect(imported.slice(0, 2)).toEqual(['ui/tokens.css', 'ui/base.css']);
});

// Everything lands in host pages' shadow roots and our own pages: keep to our own namespace.
describe.each(cssFiles)('%s', (file) => {
  test('every class and keyframes name is cl- prefixed', () => {
    const text = withoutComments(css(file));
    const classes = [...text.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
    expect(classes.filter((name) => !name?.startsWith('cl-'))).toEqual([]);
    const keyframes = [...text.matchAll(/@keyframes\s+([\w-]+)/g)].map((m) => m[1]);
    expect(keyframes.filter((name) => !name?.startsWith('cl-'))).toEqual([]);
  });

  test('animations and transitions stop for reduced motion', () => {
    const text = withoutComments(css(file));
    if (/\b(animation|transition):/.test(text)) expect(text).toContain('prefers-reduced-motion: reduce');
  });
});

test('every class the components use is cl- prefixed', () => {
  const offenders: string[] = [];
  for (const file of filesUnder(COMPONENTS, '.tsx')) {
    const source = readFileSync(join(COMPONENTS, file), 'utf8');
    for (const m of source.matchAll(/\bclass=(?:"([^"]*)"|\{`([^`]*)`\})/g)) {
      const value = (m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, ' ');
      for (const name of value.split(/\s+/).filter(Boolean)) if (!name.startsWith('cl-')) offenders.push(`${file}: ${name}`);
    }
  }
  expect(offenders).toEqual([]);
});

describe('root reset', () => {
  const base = withoutComments(css('ui/base.css'));

  test('the shadow host starts from initial values and the root sets font and colour', () => {
    expect(base).toMatch(/:host\s*\{[^}]*all:\s*initial/);
    const root = /\.cl-root\s*\{([^}]*)\}/.exec(base)?.[1] ?? '';
    for (const property of ['font-family', 'font-size', 'line-height', 'color', 'letter-spacing', 'text-align']) {
      expect(root).toMatch(new RegExp(`(^|\\s)${property}:`));
    }
    expect(root).toContain('font-size: var(--cl-font-size)');
  });

  test('focus is always visible', () => {
    expect(base).toMatch(/:focus-visible\s*\{[^}]*outline:\s*3px solid/);
  });
});

describe('colour tokens', () => {
  const tokens = withoutComments(css('ui/tokens.css'));
  const darkAt = tokens.indexOf('@media (prefers-color-scheme: dark)');
  const colours = (text: string) =>
    Object.fromEntries([...text.matchAll(/--cl-color-([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
  const light = colours(tokens.slice(0, darkAt));
  const dark = { ...light, ...colours(tokens.slice(darkAt)) };

  test('base size is 14px on a system-ui stack', () => {
    expect(tokens).toContain('--cl-font-size: 14px');
    expect(tokens).toMatch(/--cl-font: system-ui,/);
  });

  test('the dark scheme redefines every colour', () => {
    expect(darkAt).toBeGreaterThan(0);
    expect(Object.keys(colours(tokens.slice(darkAt))).sort()).toEqual(Object.keys(light).sort());
  });

  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  // WCAG 2.2 AA: 4.5:1 for text (1.4.3), 3:1 for borders and icons that carry meaning (1.4.11).
  const pairs: [foreground: string, background: string, minimum: number][] = [
    ['text', 'bg', 4.5],
    ['text', 'surface', 4.5],
    ['text-secondary', 'bg', 4.5],
    ['text-secondary', 'surface', 4.5],
    ['text-secondary', 'lead-bg', 4.5],
    ['text-secondary', 'error-bg', 4.5],
    ['link', 'bg', 4.5],
    ['link-hover', 'bg', 4.5],
    ['link-visited', 'bg', 4.5],
    ['on-accent', 'accent', 4.5],
    ['on-accent', 'accent-hover', 4.5],
    ['on-lead', 'lead', 4.5],
    ['text', 'lead-bg', 4.5],
    ['text', 'info-bg', 4.5],
    ['text', 'neutral-bg', 4.5],
    ['text', 'error-bg', 4.5],
    ['accent', 'bg', 3],
    ['lead', 'lead-bg', 3],
    ['error', 'bg', 3],
    ['border-strong', 'surface', 3],
  ];
  test.each(pairs.flatMap(([fg, bg, min]) => [['light', fg, bg, min] as const, ['dark', fg, bg, min] as const]))(
    '%s: %s on %s is at least %d:1',
    (scheme, fg, bg, min) => {
      const palette = scheme === 'light' ? light : dark;
      expect(palette[fg], fg).toBeDefined();
      expect(palette[bg], bg).toBeDefined();
      expect(contrast(palette[fg]!, palette[bg]!)).toBeGreaterThanOrEqual(min);
    },
  );
});
