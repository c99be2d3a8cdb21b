import { MAX_WORKSPACE_FILE_BYTES } from '@/lib/import-limits';
import { parseWorkspaceJson, TagsSchema, workspaceToJson, type Annotation } from '@/lib/workspace';
import { normaliseTags } from '@/lib/workspace/tags';
import { annotation } from '../lib/workspace/support';

/**
 * Workspace import at its limits (issue 16, finding 1: the tag clean-up was quadratic, 7.5 s for
 * 80,000 tags, and ran before the 20-tag limit). Prints, for 10k to 80k tags, the clean-up
 * (normaliseTags) and the schema's answer to such a list, beside two baselines run here on the
 * same input: the old clean-up (search the list so far, as before the fix) and `new Set(tags)`.
 * Then a workspace file just under the import limit (MAX_WORKSPACE_FILE_BYTES), parsed and checked
 * by parseWorkspaceJson, beside JSON.parse of the same text.
 *
 *   npx tsx tests/bench/workspace-import.bench.ts
 */

const ms = (x: number) => (x < 100 ? `${x.toFixed(2)} ms` : `${Math.round(x).toLocaleString('en-GB')} ms`);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** The clean-up as it was before issue 16: `out.includes` in the loop. */
function quadraticTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    for (const part of raw.split(/[,;]/)) {
      const tag = part.trim().replace(/\s+/g, ' ').toLowerCase();
      if (tag && !out.includes(tag)) out.push(tag);
    }
  }
  return out;
}

console.log('tags      normaliseTags   TagsSchema   | old clean-up   new Set(tags)');
for (const n of [10_000, 20_000, 40_000, 80_000]) {
  const tags = Array.from({ length: n }, (_, i) => `Tag ${i}`);
  const linear = timed(() => normaliseTags(tags));
  const schema = timed(() => TagsSchema.safeParse(tags));
  const old = timed(() => quadraticTags(tags));
  const set = timed(() => new Set(tags));
  if (linear.value.length !== old.value.length) throw new Error(`clean-ups disagree at ${n}: ${linear.value.length} vs ${old.value.length}`);
  if (schema.value.success) throw new Error(`${n} tags were accepted`);
  console.log(`${String(n).padStart(6)}  ${ms(linear.ms).padStart(13)}  ${ms(schema.ms).padStart(11)}   | ${ms(old.ms).padStart(12)}  ${ms(set.ms).padStart(13)}`);
}

// A workspace file just under the limit: annotations with 20 tags and long notes each.
const one = annotation({ tags: Array.from({ length: 20 }, (_, i) => `tag number ${i}`), notes: 'Called the buyer; '.repeat(100) });
const records = (n: number): Annotation[] => Array.from({ length: n }, (_, i) => ({ ...one, key: `find-a-tender:${String(i).padStart(6, '0')}-2026` }));
const fileOf = (n: number) => workspaceToJson({ annotations: records(n), prospects: [] }, '2026-12-06T09:00:00.000Z');
const perRecord = fileOf(2).length - fileOf(1).length;
const count = Math.floor((MAX_WORKSPACE_FILE_BYTES - fileOf(0).length) / perRecord);
const text = fileOf(count);
if (text.length > MAX_WORKSPACE_FILE_BYTES) throw new Error(`generated file is ${text.length} characters, over the limit`);
const parsed = timed(() => parseWorkspaceJson(text));
const baseline = timed(() => JSON.parse(text) as unknown);
if (!parsed.value.ok) throw new Error(`file at the limit refused: ${parsed.value.errors[0]?.reason}`);
console.log(`\nworkspace file at the import limit: ${(text.length / 1e6).toFixed(1)} MB, ${count.toLocaleString('en-GB')} annotations with 20 tags each`);
console.log(`  parseWorkspaceJson ${ms(parsed.ms)}   | baseline JSON.parse ${ms(baseline.ms)}   (ratio ${(parsed.ms / baseline.ms).toFixed(1)}x)`);
