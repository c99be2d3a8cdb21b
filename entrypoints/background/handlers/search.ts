import { normaliseName } from '@/lib/councils/normalise';
import type { Council } from '@/lib/councils/schema';
import type { SearchResults, SupplierHit } from '@/lib/suppliers/search-results';
import { lowerBound, type SupplierGroup, type SupplierIndex } from '@/lib/suppliers/supplier-index';
import type { Knowledge } from '../knowledge';

export const DEFAULT_SEARCH_LIMIT = 8;

type CouncilResult = SearchResults['councils'][number];

/** Every word-start suffix of every register name, sorted: prefix ranges answer type-ahead. */
interface NameIndex {
  keys: string[];
  entries: { council: Council; name: string; atStart: boolean }[];
}

const nameIndexes = new WeakMap<Knowledge, NameIndex>();

function nameIndex(knowledge: Knowledge): NameIndex {
  const cached = nameIndexes.get(knowledge);
  if (cached) return cached;
  const rows: { key: string; council: Council; name: string; atStart: boolean }[] = [];
  for (const council of knowledge.register.all) {
    for (const name of new Set([council.officialName, council.niceName, ...council.names])) {
      const words = normaliseName(name).split(' ').filter(Boolean);
      words.forEach((_, i) => rows.push({ key: words.slice(i).join(' '), council, name, atStart: i === 0 }));
    }
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const index = { keys: rows.map((r) => r.key), entries: rows };
  nameIndexes.set(knowledge, index);
  return index;
}

/**
 * Councils for the popup's search box, best first: names the recognition engine resolves (any
 * name, abbreviation or initials: "RBKC", "B&NES"), then register names starting with the query
 * ("Leed"), then names with a word starting with it; current councils before former ones, each
 * former one followed by the councils that replaced it.
 */
export function searchCouncils(knowledge: Knowledge, query: string, limit: number): CouncilResult[] {
  const q = normaliseName(query);
  if (!q) return [];
  const found = new Map<string, { council: Council; tier: number; matched: string }>();
  const offer = (council: Council, tier: number, matched: string) => {
    const seen = found.get(council.code);
    if (!seen || tier < seen.tier) found.set(council.code, { council, tier, matched });
  };
  for (const hit of knowledge.resolver.resolveName(query)) {
    const council = knowledge.register.byCode(hit.code);
    if (council) offer(council, 0, hit.matched);
  }
  const { keys, entries } = nameIndex(knowledge);
  for (let i = lowerBound(keys, q); i < keys.length && keys[i]!.startsWith(q); i++) {
    const entry = entries[i]!;
    // A whole word typed ("leeds") ranks a name beginning with it above one that merely contains it.
    offer(entry.council, entry.atStart ? 1 : 2, entry.name);
  }
  const ranked = [...found.values()].sort(
    (a, b) =>
      Number(b.council.current) - Number(a.council.current) ||
      a.tier - b.tier ||
      a.council.officialName.length - b.council.officialName.length ||
      (a.council.officialName < b.council.officialName ? -1 : a.council.officialName > b.council.officialName ? 1 : 0),
  );
  const out: CouncilResult[] = [];
  const listed = new Set<string>();
  const push = (council: Council, matched: string) => {
    if (listed.has(council.code) || out.length >= limit) return;
    listed.add(council.code);
    out.push({ code: council.code, name: council.officialName, kind: council.kind, type: council.type, current: council.current, matched });
  };
  for (const { council, matched } of ranked) {
    push(council, matched);
    if (!council.current) for (const successor of knowledge.register.currentSuccessors(council)) push(successor, matched);
  }
  return out;
}

export const supplierHit = (group: SupplierGroup): SupplierHit => ({
  key: group.key,
  name: group.name,
  companiesHouse: group.companiesHouse,
  awards: group.ocids.length,
  councils: group.councils,
});

/** The popup's one search box: councils by name or abbreviation, suppliers by name words or Companies House number. */
export function search(knowledge: Knowledge, suppliers: SupplierIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResults {
  const trimmed = query.trim();
  if (!trimmed) return { query, councils: [], suppliers: [] };
  return {
    query,
    councils: searchCouncils(knowledge, trimmed, limit),
    suppliers: suppliers.search(trimmed, limit).map(supplierHit),
  };
}
