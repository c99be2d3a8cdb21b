import { IntTable } from './int-table';

/**
 * A trie over word ids (see Vocabulary in tokenize.ts), held as integers: node `n`'s child for
 * word `w` is one lookup of `n * 65536 + w` in a typed hash table, and a node's values are
 * `values[n]`. A Map per node cost a boxed lookup a step, and each match takes several steps
 * (issue 18: a list of buyer names has a council every 50 to 80 characters).
 */
export class Trie<T> {
  /** The root's node id. Ids start at 1: 0 is "no node". */
  static readonly ROOT = 1;
  private readonly children = new IntTable(1024);
  /** Values stored at each node id, null where none end. */
  readonly values: Array<T[] | null> = [null, null];
  /** Word ids that begin at least one path. */
  readonly firstWords = new Set<number>();

  /** The child of `node` for word id `word`, or 0. */
  child(node: number, word: number): number {
    return this.children.get(node * 65536 + word);
  }

  /** Adds `value` under the path of word ids `words`. */
  insert(words: readonly number[], value: T): void {
    let node = Trie.ROOT;
    for (const w of words) {
      if (w < 0 || w >= 65536) throw new RangeError(`trie: word id ${w} out of range`);
      let next = this.child(node, w);
      if (next === 0) {
        next = this.values.length;
        if (next >= 32768) throw new RangeError('trie: too many nodes');
        this.values.push(null);
        this.children.set(node * 65536 + w, next);
      }
      node = next;
    }
    if (words.length > 0) this.firstWords.add(words[0]!);
    (this.values[node] ??= []).push(value);
  }
}
