import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * No import cycles in lib/, components/, hooks/ or entrypoints/ (issue 13, section 3). A cycle
 * means no file of it can be read, tested or moved without the others, and it is how domain types
 * that lived in lib/protocol.ts came to be imported back by the modules protocol itself imported.
 *
 * `import type` counts as an edge too: a type-only cycle is erased from the bundle, but it still
 * couples the files (a change to either side's types ripples through both, and neither can move
 * alone), which is exactly what section 3 undoes. Dynamic `import()` does not count: it is loaded
 * on demand and is how a deliberate late dependency is written.
 *
 * The walker reads import specifiers with a regex over comment-stripped source (the TypeScript 7
 * package has no JS API to call `preProcessFile` with), and resolves `@/` and `~/` (tsconfig paths)
 * and relative specifiers to files; bare package names are outside the graph.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['lib', 'components', 'entrypoints', 'hooks'];
const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;

/** Blanks out comments, keeping strings' slashes (`'https://…'`) and line numbers. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Static `import … from`, `import '…'`, `export … from` (type-only included), across line breaks. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]*?\s*from\s*)?['"]([^'"\n]+)['"]/g;

/** The module specifiers a source file imports statically. */
export function importSpecifiers(source: string): string[] {
  return [...stripComments(source).matchAll(STATIC_IMPORT)].map((m) => m[1]!);
}

function resolveFile(base: string): string | null {
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && SOURCE.test(c)) ?? null;
}

/** A specifier as a path relative to the root, or null for a package, a JSON file or a virtual module. */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (/^[@~]\//.test(specifier)) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(join(ROOT, from)), specifier);
  else return null;
  const file = resolveFile(base);
  return file ? relative(ROOT, file) : null;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Every cycle's files, one per strongly connected component (Tarjan), written as the path round
 * it: `a.ts -> b.ts -> a.ts`, naming the component's other files when it has more than one cycle.
 * A file that imports itself is a cycle of one.
 */
export function findCycles(graph: ImportGraph): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;

  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  return components
    .map((component) => {
      const path = cyclePath(graph, new Set(component));
      const others = component.filter((file) => !path.includes(file)).sort();
      return path.join(' -> ') + (others.length > 0 ? ` (tangled with ${others.join(', ')})` : '');
    })
    .sort();
}

/** One path round a component: from its first file by name, breadth first back to it. */
function cyclePath(graph: ImportGraph, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

function projectGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of ROOTS.flatMap((root) => sourceFiles(join(ROOT, root)))) {
    const from = relative(ROOT, file);
    const to = importSpecifiers(readFileSync(file, 'utf8')).flatMap((s) => resolveSpecifier(from, s) ?? []);
    graph.set(from, [...new Set(to)]);
  }
  return graph;
}

test.each([
  ["import { a } from '@/lib/a';", ['@/lib/a']],
  ["import type { A } from './a';", ['./a']],
  ["export { b } from '../b';", ['../b']],
  ["export type { B } from './b';", ['./b']],
  ["export * from './schema';", ['./schema']],
  ["import './styles';", ['./styles']],
  ["import * as z from 'zod/mini';", ['zod/mini']],
  ['import {\n  a,\n  type B,\n} from "@/lib/ab";', ['@/lib/ab']],
  ["const x = 1; import y from './y';", ['./y']],
  ["// import { a } from './commented';\n/* import b from './block'; */", []],
  ["const m = await import('./lazy');", []],
  ["const text = 'import a from \"./in-a-string\"';", []],
])('reads the imports of %j', (source, expected) => {
  expect(importSpecifiers(source)).toEqual(expected);
});

test.each<[string, Record<string, string[]>, string[]]>([
  ['no edges', { 'a.ts': [], 'b.ts': [] }, []],
  ['a chain', { 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }, []],
  ['a pair', { 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }, ['a.ts -> b.ts -> a.ts']],
  ['a self-import', { 'a.ts': ['a.ts'] }, ['a.ts -> a.ts']],
  [
    'a long cycle off a chain',
    { 'x.ts': ['a.ts'], 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['d.ts'], 'd.ts': ['a.ts', 'e.ts'], 'e.ts': [] },
    ['a.ts -> b.ts -> c.ts -> d.ts -> a.ts'],
  ],
  ['two cycles through one file', { 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['a.ts'], 'c.ts': ['a.ts'] }, ['a.ts -> b.ts -> a.ts (tangled with c.ts)']],
  ['two separate cycles', { 'a.ts': ['b.ts'], 'b.ts': ['a.ts'], 'c.ts': ['d.ts'], 'd.ts': ['c.ts'] }, ['a.ts -> b.ts -> a.ts', 'c.ts -> d.ts -> c.ts']],
])('finds the cycles in %s', (_name, graph, expected) => {
  expect(findCycles(new Map(Object.entries(graph)))).toEqual(expected);
});

test('the import graph of lib/, components/, hooks/ and entrypoints/ has no cycle', () => {
  const graph = projectGraph();
  expect(graph.size).toBeGreaterThan(100);
  expect(graph.get('lib/page-context.ts')).toContain('lib/councils/card.ts');
  expect(findCycles(graph)).toEqual([]);
});

/**
 * Domain types live in their domains and protocol imports them, never the reverse (issue 13,
 * section 3): a lib/ module that reaches for lib/protocol/ re-creates the cycles this file forbids
 * as soon as protocol needs one of its types. lib/extension/ is the messaging layer and may.
 */
test('no lib/ module outside lib/protocol/ and lib/extension/ imports the protocol', () => {
  const found = [...projectGraph()].flatMap(([from, to]) =>
    from.startsWith('lib/') && !from.startsWith('lib/protocol/') && !from.startsWith('lib/extension/')
      ? to.filter((file) => file.startsWith('lib/protocol/')).map((file) => `${from} -> ${file}`)
      : [],
  );
  expect(found).toEqual([]);
});
