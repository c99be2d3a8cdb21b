import { normaliseName } from '@/lib/councils/normalise';
import type { Supplier } from '@/lib/ocds/notice';
import { companyNumberIn, normaliseSupplierName, splitTradingAs } from './normalise';

/** One notice's winners, as the index reads them. */
export interface SupplierSource {
  ocid: string;
  council: string;
  suppliers: readonly Supplier[];
}

/** One supplier: every spelling that names it and the notices it won. */
export interface SupplierGroup {
  /** `ch:<number>` when any spelling has a Companies House number, else `name:<normalised name>`. */
  key: string;
  /** The most frequent spelling. */
  name: string;
  /** Every spelling, most frequent first. */
  names: string[];
  companiesHouse: string | null;
  /** Normalised names of its spellings: `name:` keys that lead here. */
  normalised: string[];
  /** Notices it won, in the order read, without repeats. */
  ocids: string[];
  councils: number;
}

export interface SupplierIndex {
  readonly groups: readonly SupplierGroup[];
  /**
   * The supplier a key or a typed text names: a `ch:`/`name:` key, a Companies House number, or a
   * name as written (normalised and looked up); null when none.
   */
  resolve(keyOrText: string): SupplierGroup | null;
  /**
   * Suppliers whose names have words starting with every word of the query ("sand man" finds
   * Sandhills Management Consultancy), or whose Companies House number starts with it; names
   * starting with the query first, then by contracts won.
   */
  search(query: string, limit: number): SupplierGroup[];
  /** The group a notice's supplier belongs to. */
  groupOf(supplier: Supplier): SupplierGroup | null;
}

interface Draft {
  companiesHouse: string | null;
  spellings: Map<string, number>;
  normalised: Set<string>;
  /** Notices in reading order; a notice repeats only when two of its spellings meet here. */
  ocids: string[];
  councils: Set<string>;
}

const draft = (companiesHouse: string | null): Draft => ({ companiesHouse, spellings: new Map(), normalised: new Set(), ocids: [], councils: new Set() });

/** Words a query can find a name by: the normalised legal name ("th white"), the trading name and every word as written ("t", "h", "uk", "cic"). */
function searchWords(spelling: string): string[] {
  const { trading } = splitTradingAs(spelling);
  const text = [normaliseSupplierName(spelling), trading ? normaliseSupplierName(trading) : '', plainWords(spelling).join(' ')].join(' ');
  return [...new Set(text.split(' ').filter(Boolean))];
}

/** Query words: not normaliseSupplierName, as a half-typed "Sandhills Man" must keep every word. */
const queryWords = (query: string): string[] => plainWords(query).filter((w) => !QUERY_NOISE.has(w));
const QUERY_NOISE = new Set(['ltd', 'limited', 'plc', 'llp', 'the']);

/** Lower case, accents folded, `&` as "and", punctuation as spaces (lib/councils/normalise.ts), as words. */
function plainWords(text: string): string[] {
  return normaliseName(text).split(' ').filter(Boolean);
}

/** First index in sorted `xs` whose value is >= `x` (binary search; for prefix ranges of sorted keys). */
export function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Groups the winners of notices into suppliers: one group per Companies House number; a spelling
 * without a number joins the number's group when its normalised name is one of that group's (and
 * of no other number's group); any other spelling groups by normalised name.
 */
export function buildSupplierIndex(sources: Iterable<SupplierSource>): SupplierIndex {
  const byNumber = new Map<string, Draft>();
  const numbersOfName = new Map<string, Set<string>>();
  const nameOnly: { supplier: Supplier; normalised: string; source: SupplierSource }[] = [];
  const add = (d: Draft, name: string, normalised: string, source: SupplierSource): void => {
    d.spellings.set(name, (d.spellings.get(name) ?? 0) + 1);
    if (normalised) d.normalised.add(normalised);
    if (d.ocids[d.ocids.length - 1] !== source.ocid) d.ocids.push(source.ocid);
    d.councils.add(source.council);
  };
  // Spellings repeat across notices (a few thousand names over 100,000 notices): normalise each once.
  const normalisedOf = new Map<string, string>();
  const normalise = (name: string): string => {
    let n = normalisedOf.get(name);
    if (n === undefined) normalisedOf.set(name, (n = normaliseSupplierName(name)));
    return n;
  };
  for (const source of sources) {
    for (const supplier of source.suppliers) {
      const normalised = normalise(supplier.name);
      const number = supplier.companiesHouse;
      if (!number) {
        if (normalised) nameOnly.push({ supplier, normalised, source });
        continue;
      }
      let d = byNumber.get(number);
      if (!d) byNumber.set(number, (d = draft(number)));
      add(d, supplier.name, normalised, source);
      if (!normalised) continue;
      const numbers = numbersOfName.get(normalised) ?? new Set<string>();
      numbers.add(number);
      numbersOfName.set(normalised, numbers);
    }
  }
  const byName = new Map<string, Draft>();
  for (const { supplier, normalised, source } of nameOnly) {
    const numbers = numbersOfName.get(normalised);
    let d = numbers?.size === 1 ? byNumber.get([...numbers][0]!) : undefined;
    if (!d) {
      d = byName.get(normalised);
      if (!d) byName.set(normalised, (d = draft(null)));
    }
    add(d, supplier.name, normalised, source);
  }

  const groups: SupplierGroup[] = [];
  const byKey = new Map<string, SupplierGroup>();
  const finish = (key: string, d: Draft): void => {
    // Ties: a spelling in mixed case reads better than one in capitals.
    const shouting = (s: string) => (s === s.toUpperCase() ? 1 : 0);
    const names = [...d.spellings]
      .sort((a, b) => b[1] - a[1] || shouting(a[0]) - shouting(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([n]) => n);
    const group: SupplierGroup = {
      key,
      name: names[0]!,
      names,
      companiesHouse: d.companiesHouse,
      normalised: [...d.normalised],
      ocids: [...new Set(d.ocids)],
      councils: d.councils.size,
    };
    groups.push(group);
    byKey.set(key, group);
  };
  for (const [number, d] of byNumber) finish(`ch:${number}`, d);
  for (const [normalised, d] of byName) finish(`name:${normalised}`, d);
  // `name:` keys of a number's group lead to it when no other group has that name.
  for (const group of groups) {
    if (!group.companiesHouse) continue;
    for (const n of group.normalised) if (!byKey.has(`name:${n}`) && numbersOfName.get(n)?.size === 1) byKey.set(`name:${n}`, group);
  }

  // Word -> group ids, words sorted for prefix ranges; numbers likewise.
  const postings = new Map<string, number[]>();
  groups.forEach((group, id) => {
    const seen = new Set<string>();
    for (const spelling of group.names) for (const w of searchWords(spelling)) seen.add(w);
    for (const w of seen) {
      const list = postings.get(w);
      if (list) list.push(id);
      else postings.set(w, [id]);
    }
  });
  const words = [...postings.keys()].sort();
  const wordIds = words.map((w) => postings.get(w)!);
  const numbered = groups.map((g, id) => [g.companiesHouse ?? '', id] as const).filter(([n]) => n).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const numbers = numbered.map(([n]) => n);
  const idOf = new Map(groups.map((g, id) => [g, id]));
  // What "the name starts with the query" compares against, per group.
  const heads = groups.map((g) => [...g.normalised, ...g.names.map((n) => queryWords(n).join(' '))]);

  const idsWithPrefix = (prefix: string): Set<number> => {
    const out = new Set<number>();
    for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) for (const id of wordIds[i]!) out.add(id);
    return out;
  };

  const resolve = (keyOrText: string): SupplierGroup | null => {
    const text = keyOrText.trim();
    if (!text) return null;
    const exact = byKey.get(text);
    if (exact) return exact;
    if (text.startsWith('ch:') || text.startsWith('name:')) return null;
    const number = companyNumberIn(text);
    if (number) return byKey.get(`ch:${number}`) ?? null;
    const normalised = normaliseSupplierName(text);
    return normalised ? (byKey.get(`name:${normalised}`) ?? null) : null;
  };

  return {
    groups,
    resolve,
    groupOf(supplier) {
      if (supplier.companiesHouse) return byKey.get(`ch:${supplier.companiesHouse}`) ?? null;
      return resolve(`name:${normaliseSupplierName(supplier.name)}`);
    },
    search(query, limit) {
      if (limit <= 0) return [];
      const hits = new Set<number>();
      const compact = query.trim().replace(/^GB-COH-/i, '').replace(/\s+/g, '').toUpperCase();
      if (/^(?:\d{4,8}|[A-Z]{2}\d{2,6})$/.test(compact)) {
        const number = companyNumberIn(compact);
        const exact = number ? byKey.get(`ch:${number}`) : undefined;
        if (exact) hits.add(idOf.get(exact)!);
        for (let i = lowerBound(numbers, compact); i < numbers.length && numbers[i]!.startsWith(compact); i++) hits.add(numbered[i]![1]);
      }
      const qs = queryWords(query);
      if (qs.length > 0) {
        // Rarest word first; the others filter its ids.
        const sets = qs.map(idsWithPrefix).sort((a, b) => a.size - b.size);
        for (const id of sets[0]!) if (sets.every((s) => s.has(id))) hits.add(id);
      }
      const head = qs.join(' ');
      type Ranked = { g: SupplierGroup; lead: number };
      const before = (a: Ranked, b: Ranked) => a.lead - b.lead || b.g.ocids.length - a.g.ocids.length || (a.g.name < b.g.name ? -1 : a.g.name > b.g.name ? 1 : 0);
      // The best `limit` by insertion: a one-letter query can hit thousands of suppliers.
      const top: Ranked[] = [];
      for (const id of hits) {
        const r = { g: groups[id]!, lead: head && heads[id]!.some((h) => h.startsWith(head)) ? 0 : 1 };
        if (top.length === limit && before(r, top[limit - 1]!) >= 0) continue;
        let at = top.length;
        while (at > 0 && before(r, top[at - 1]!) < 0) at--;
        top.splice(at, 0, r);
        if (top.length > limit) top.pop();
      }
      return top.map(({ g }) => g);
    },
  };
}
