/**
 * A trie over word ids (see Vocabulary in tokenize.ts). Each step is one Map lookup of an integer
 * per token, so a scan of a page costs one failed lookup at the root for almost every word.
 */
export interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  values: T[] | null;
}

export function createNode<T>(): TrieNode<T> {
  return { next: null, values: null };
}

/** Adds `value` under the path of word ids `words`. */
export function insert<T>(root: TrieNode<T>, words: readonly number[], value: T): void {
  let node = root;
  for (const w of words) {
    node.next ??= new Map();
    let child = node.next.get(w);
    if (!child) {
      child = createNode<T>();
      node.next.set(w, child);
    }
    node = child;
  }
  (node.values ??= []).push(value);
}
