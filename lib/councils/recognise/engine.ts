import type { Council, CouncilsFile } from '../schema';
import { deriveCores, type CoreEntry, type OwnLevels } from './cores';
import { PREFIXES, STRENGTH_RANK, SUFFIXES, TYPE_LEVELS, type Designator, type Level, type Strength } from './designators';
import { CASE_ACRONYM, CASE_LOWER, GAP_COMMA, GAP_HARD, GAP_SOFT, Vocabulary, type Tokens } from './tokenize';
import { AnchorWords } from './anchors';
import { Trie } from './trie';

/** One way to read the tokens at a position: optional prefix designator, core name, optional suffix. */
export interface Parse {
  /** Token range [start, end) of the whole phrase. */
  readonly start: number;
  readonly end: number;
  /** Token range of the core place name. */
  readonly coreStart: number;
  readonly coreEnd: number;
  readonly entries: readonly CoreEntry[];
  readonly prefix: Designator | null;
  readonly suffix: Designator | null;
}

/** A parse with the council it most likely names. */
export interface Choice {
  readonly parse: Parse;
  readonly entry: CoreEntry;
  /** Other councils the same words name equally well ("Kingston" without "upon ..."). */
  readonly ties: readonly Council[];
  readonly level: Level | null;
  readonly strength: Strength | 'none';
  /** 2: the council's own names use this designator; 1: plausible for its type; 0: inconsistent. */
  readonly compat: 0 | 1 | 2;
}

/** A council phrase found by a scan; `shared` is set for each part of "Adur and Worthing Councils". */
export interface Found {
  readonly choice: Choice;
  readonly start: number;
  readonly end: number;
  readonly shared: null | { readonly plural: boolean; readonly last: boolean };
  /** Core written in lower case in running text ("reading borough council"). */
  readonly lowercase: boolean;
}

/** The best reading at a position: a choice, a blocking parse ("Town Council") as itself, or none. Not wrapped: one is made per candidate word. */
type Best = Choice | Parse | null;

function isChoice(b: Choice | Parse): b is Choice {
  return (b as Choice).entry !== undefined;
}

/**
 * The parses at one position, held field by field in arrays kept between calls: most readings
 * lose to a longer one, so {@link Engine.bestAt} makes a {@link Parse} object only for those it
 * weighs (issue 18: parse objects were a third of what a scan of a buyer list allocated).
 */
class ParseList {
  length = 0;
  start = 0;
  readonly end: number[] = [];
  readonly coreStart: number[] = [];
  readonly coreEnd: number[] = [];
  readonly entries: Array<readonly CoreEntry[]> = [];
  readonly prefix: Array<Designator | null> = [];
  readonly suffix: Array<Designator | null> = [];

  reset(start: number): this {
    this.start = start;
    this.length = 0;
    return this;
  }

  add(end: number, coreStart: number, coreEnd: number, entries: readonly CoreEntry[], prefix: Designator | null, suffix: Designator | null): void {
    const k = this.length++;
    this.end[k] = end;
    this.coreStart[k] = coreStart;
    this.coreEnd[k] = coreEnd;
    this.entries[k] = entries;
    this.prefix[k] = prefix;
    this.suffix[k] = suffix;
  }

  /** The strength rank of parse `k`'s surer designator, as {@link rankOf} gives it. */
  rank(k: number): number {
    const p = this.prefix[k];
    const q = this.suffix[k];
    const a = p ? p.rank : 0;
    const b = q ? q.rank : 0;
    return a >= b ? a : b;
  }

  get(k: number): Parse {
    return { start: this.start, end: this.end[k]!, coreStart: this.coreStart[k]!, coreEnd: this.coreEnd[k]!, entries: this.entries[k]!, prefix: this.prefix[k]!, suffix: this.suffix[k]! };
  }
}

const NO_ENTRIES: readonly CoreEntry[] = [];

/** Organisation words that mean a bare place name is some other body ("Kent Police", "Leeds Beckett University"). */
const BLOCK_WORDS = new Set([
  'nhs', 'trust', 'foundation', 'university', 'universities', 'college', 'school', 'schools', 'academy',
  'academies', 'police', 'constabulary', 'fire', 'rescue', 'hospital', 'hospitals', 'health',
  'healthcare', 'ccg', 'icb', 'ambulance', 'clinical', 'housing', 'homes', 'association', 'park',
  'commissioner', 'ltd', 'limited', 'plc', 'llp', 'cic', 'cyf', 'cyfyngedig', 'partnership', 'group',
  'fc', 'afc', 'club', 'cricket', 'football', 'rugby', 'diocese', 'church', 'chamber', 'airport',
  'harbour', 'port', 'ports', 'agency', 'commission', 'tribunal', 'prison', 'probation', 'board',
  'bank', 'enterprise', 'enterprises', 'company', 'museum', 'museums', 'cathedral', 'newspaper',
  'news', 'radio', 'hospice', 'charity', 'institute',
]);

const NO_TIES: Council[] = [];

/** A slot per level, and a last one for no level, in {@link Engine}'s compatibility table. */
const LEVEL_INDEX: Record<Level, number> = {
  council: 0,
  city: 1,
  county: 2,
  'city-or-county': 3,
  borough: 4,
  district: 5,
  'metropolitan-borough': 6,
  'metropolitan-district': 7,
  'county-borough': 8,
  'london-borough': 9,
  'royal-borough': 10,
  'city-and-county': 11,
  'city-and-district': 12,
  corporation: 13,
  unitary: 14,
  'combined-authority': 15,
  authority: 16,
};
const LEVEL_SLOTS = 18;
const UNKNOWN_COMPAT = -2;

/** Words after "Council" that make it a different body: "Bradford Council for Mosques". */
const COUNCIL_OF = new Set(['for', 'of']);

/** The recognition engine: tries over core names and designators, and the scan over tokens. */
export class Engine {
  readonly councils: readonly Council[];
  readonly byCode: Map<string, Council>;
  readonly ownLevels: OwnLevels;
  readonly core = new Trie<CoreEntry>();
  readonly prefix = new Trie<Designator>();
  readonly suffix = new Trie<Designator>();
  readonly entryCount: number;
  /** Every word the tries use, with the ids tokens carry. */
  readonly vocab = new Vocabulary();
  private readonly idThe: number;
  private readonly idAnd: number;
  /** Per word id: 1 for a {@link BLOCK_WORDS} word, 2 for a {@link COUNCIL_OF} word. */
  private readonly wordKind: Uint8Array;

  constructor(file: CouncilsFile) {
    this.councils = file.councils;
    this.byCode = new Map(file.councils.map((c) => [c.code, c]));
    const { entries, ownLevels } = deriveCores(file.councils);
    this.ownLevels = ownLevels;
    const ids = (words: readonly string[]) => words.map((w) => this.vocab.add(w));
    for (const e of entries) this.core.insert(ids(e.words), e);
    for (const d of PREFIXES) this.prefix.insert(ids(d.words), d);
    for (const d of SUFFIXES) this.suffix.insert(ids(d.words), d);
    this.entryCount = entries.length;
    this.compatMemo = new Int8Array(entries.length * 2 * LEVEL_SLOTS).fill(UNKNOWN_COMPAT);
    for (const id of this.core.firstWords) this.vocab.markStart(id);
    for (const id of this.prefix.firstWords) this.vocab.markStart(id);
    this.idThe = this.vocab.add('the');
    this.idAnd = this.vocab.add('and');
    const kinds: Array<[number, number]> = [...[...BLOCK_WORDS].map((w): [number, number] => [this.vocab.add(w), 1]), ...[...COUNCIL_OF].map((w): [number, number] => [this.vocab.add(w), 2])];
    this.wordKind = new Uint8Array(this.vocab.words.length);
    for (const [id, kind] of kinds) this.wordKind[id] = kind;
    const abbreviations: string[] = [];
    for (const d of [...PREFIXES, ...SUFFIXES]) if (d.strength === 'abbrev') abbreviations.push(d.words.join(''));
    for (const e of entries) {
      if (e.source === 'name' || e.source === 'derived') continue;
      for (const w of e.words) if (w.length >= 2 && w !== 'and') abbreviations.push(w);
    }
    this.anchorWords = new AnchorWords(abbreviations);
  }

  /** The capitalised tokens that can anchor a mention: designator abbreviations and initials (see anchors.ts). */
  readonly anchorWords: AnchorWords;

  private readonly scratch = new ParseList();
  /** {@link entryCompat}'s answers, {@link UNKNOWN_COMPAT} until first asked. */
  private readonly compatMemo: Int8Array;

  /** Fills `out` with every parse starting at token `i`. */
  private collect(t: Tokens, i: number, allowPrefix: boolean, out: ParseList): ParseList {
    out.reset(i);
    this.coresFrom(t, i, null, out);
    if (!allowPrefix) return out;
    const trie = this.prefix;
    let node = Trie.ROOT;
    for (let k = i; k < t.length; k++) {
      if (k > i && t.gaps[k] !== GAP_SOFT) break;
      node = trie.child(node, t.ids[k]!);
      if (node === 0) break;
      const values = trie.values[node];
      if (values && k + 1 < t.length && t.gaps[k + 1] === GAP_SOFT) {
        for (const d of values) {
          let coreAt = k + 1;
          // "Council of the Isles of Scilly", "Royal Borough of the ..." : skip an article.
          if (t.ids[coreAt] === this.idThe && coreAt + 1 < t.length && t.gaps[coreAt + 1] === GAP_SOFT) coreAt++;
          if (d.strength === 'block') {
            out.add(k + 1, k + 1, k + 1, NO_ENTRIES, d, null);
            continue;
          }
          this.coresFrom(t, coreAt, d, out);
        }
      }
    }
    return out;
  }

  private coresFrom(t: Tokens, at: number, prefix: Designator | null, out: ParseList): void {
    const trie = this.core;
    let node = Trie.ROOT;
    for (let k = at; k < t.length; k++) {
      // Commas may sit inside a name ("Bournemouth, Christchurch and Poole"), other breaks may not.
      if (k > at && t.gaps[k] === GAP_HARD) break;
      node = trie.child(node, t.ids[k]!);
      if (node === 0) break;
      const values = trie.values[node];
      if (values) {
        const coreEnd = k + 1;
        out.add(coreEnd, at, coreEnd, values, prefix, null);
        this.suffixesFrom(t, at, coreEnd, values, prefix, out);
      }
    }
  }

  private suffixesFrom(t: Tokens, coreStart: number, coreEnd: number, entries: CoreEntry[], prefix: Designator | null, out: ParseList): void {
    const trie = this.suffix;
    let node = Trie.ROOT;
    for (let k = coreEnd; k < t.length; k++) {
      const gap = t.gaps[k]!;
      if (gap === GAP_HARD) break;
      if (gap === GAP_COMMA && k > coreEnd) break;
      node = trie.child(node, t.ids[k]!);
      if (node === 0) break;
      const values = trie.values[node];
      if (values) {
        for (const d of values) {
          if (t.gaps[coreEnd] === GAP_COMMA && !d.afterComma) continue;
          out.add(k + 1, coreStart, coreEnd, entries, prefix, d);
        }
      }
    }
  }

  /** How well a level fits a council: 2 own names use it, 1 plausible for its type, 0 not. */
  compat(council: Council, level: Level | null): 0 | 1 | 2 {
    if (level === null) return 1;
    const own = this.ownLevels.get(council.code);
    if (own?.has(level)) return 2;
    // "CC" is either; "The County Council of the City and County of Cardiff" fits a city or a county.
    if (level === 'city-or-county' || level === 'city-and-county') return Math.max(this.compat(council, 'city'), this.compat(council, 'county')) as 0 | 1 | 2;
    // "St Albans City and District Council" is also "St Albans City Council".
    if (level === 'city' && (own?.has('city-and-district') || own?.has('city-and-county'))) return 2;
    if (level === 'council') return council.kind === 'council' ? 1 : 0;
    if (level === 'combined-authority') return council.kind === 'combined-authority' ? 1 : 0;
    return TYPE_LEVELS[council.type].includes(level) ? 1 : 0;
  }

  /** The council a parse most likely names, or null when no council of the right kind fits. */
  choose(p: Parse, levelOverride?: Level | null): Choice | null {
    // The designators' level and strength, read here rather than returned in an object: this runs
    // for every candidate phrase of a page.
    const pre = p.prefix;
    const suf = p.suffix;
    const ps = pre ? pre.strength : 'none';
    const ss = suf ? suf.strength : 'none';
    let strength: Strength | 'none' = (pre ? pre.rank : 0) >= (suf ? suf.rank : 0) ? ps : ss;
    if (strength === 'block') return null;
    let designated: Level | null = null;
    if (suf && suf.level !== 'council') designated = suf.level;
    else if (pre) designated = pre.level;
    else if (suf) designated = suf.level;
    const ca = (pre?.ca ?? false) || (suf?.ca ?? false);
    let level = levelOverride === undefined ? designated : levelOverride;
    // The entries' slots in the compatibility memo differ only by entry: worked out once here.
    const slotBase = (ca ? LEVEL_SLOTS : 0) + (level === null ? LEVEL_SLOTS - 1 : LEVEL_INDEX[level]);
    // One pass for the best entry and a second for its ties, without sorting or allocating: this
    // runs for every candidate phrase of a page.
    let top: CoreEntry | null = null;
    let topScore = -1;
    let topCompat: 0 | 1 | 2 = 0;
    const entries = p.entries;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      const compat = this.entryCompat(entry, ca, level, slotBase);
      if (compat < 0) continue;
      const score = compat * 10 + (entry.source === 'derived' ? 0 : 3) + (entry.council.current ? 1 : 0);
      if (score > topScore || (score === topScore && (entry.council.population ?? 0) > (top!.council.population ?? 0))) {
        top = entry;
        topScore = score;
        topCompat = compat as 0 | 1 | 2;
      }
    }
    if (!top) return null;
    let ties: Council[] = NO_TIES;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      const council = entry.council;
      if (council.code === top.council.code || (ties.length > 0 && ties.includes(council))) continue;
      const compat = this.entryCompat(entry, ca, level, slotBase);
      if (compat < 0) continue;
      const score = compat * 10 + (entry.source === 'derived' ? 0 : 3) + (council.current ? 1 : 0);
      // Same standing apart from being current: "Somerset" is Somerset Council, or the former
      // Somerset County Council.
      if (score === topScore || (compat === topCompat && score === topScore - 1)) {
        if (ties === NO_TIES) ties = [];
        ties.push(council);
      }
    }
    if (top.source === 'initials-designated' && (strength === 'none' || strength === 'weak')) strength = 'abbrev';
    if (top.source === 'initials-designated' && level === null) level = top.level;
    return { parse: p, entry: top, ties, level, strength, compat: topCompat };
  }

  /** How well a level fits an entry's council (see {@link compat}), or -1 when the entry cannot be meant. */
  private entryCompat(entry: CoreEntry, caDesignator: boolean, level: Level | null, slotBase: number): number {
    // Remembered per entry, designator kind and level: a page names the same councils again and
    // again, and working it out took two Map and Set lookups and a list search (issue 18).
    // `slotBase` is the designator kind's and level's part of the slot, from {@link choose}.
    const slot = entry.index * 2 * LEVEL_SLOTS + slotBase;
    const known = this.compatMemo[slot]!;
    if (known !== UNKNOWN_COMPAT) return known;
    const compat = this.workOutEntryCompat(entry, caDesignator, level);
    this.compatMemo[slot] = compat;
    return compat;
  }

  private workOutEntryCompat(entry: CoreEntry, caDesignator: boolean, level: Level | null): number {
    const council = entry.council;
    // A combined authority is only named with its designator; a principal council never is.
    const ca = caDesignator || (entry.source === 'initials-designated' && entry.level === 'combined-authority');
    if (ca !== (council.kind === 'combined-authority')) return -1;
    const entryLevel = entry.source === 'initials-designated' && level === null ? entry.level : level;
    const compat = this.compat(council, entryLevel);
    // "Lichfield City Council", "Ripon City Council", "Chichester City Council": a city council
    // whose place's principal council never uses "city" is the parish-level council of that
    // city, not the district or unitary around it (issue 10; buyers-fts-2026.csv).
    if (compat === 0 && entryLevel === 'city') return -1;
    return compat;
  }

  /** The best reading at token `i`: longest phrase first, then strongest designator, then best fit. */
  bestAt(t: Tokens, i: number, allowPrefix: boolean): Best {
    const parses = this.collect(t, i, allowPrefix, this.scratch);
    const n = parses.length;
    if (n === 0) return null;
    if (n === 1) {
      const p = parses.get(0);
      if (parses.rank(0) === STRENGTH_RANK.block) return p;
      const c = this.choose(p);
      return c;
    }
    // Longest phrase first, then strongest designator; among equals, the better-fitting council
    // ("Derry City Council" is the former Derry City Council, not Derry City and Strabane).
    // Groups are taken best first by selection rather than sorting: there are only a few parses.
    if (n > 32) return this.bestOfMany(Array.from({ length: n }, (_, k) => parses.get(k)));
    let done = 0;
    for (;;) {
      let end = -1;
      let rank = -1;
      for (let k = 0; k < n; k++) {
        if (done & (1 << k)) continue;
        const e = parses.end[k]!;
        const r = parses.rank(k);
        if (e > end || (e === end && r > rank)) {
          end = e;
          rank = r;
        }
      }
      if (end < 0) return null;
      let best: Choice | null = null;
      for (let k = 0; k < n; k++) {
        if (done & (1 << k)) continue;
        if (parses.end[k] !== end || parses.rank(k) !== rank) continue;
        done |= 1 << k;
        if (rank === STRENGTH_RANK.block) return parses.get(k);
        const c = this.choose(parses.get(k));
        if (c && (!best || scoreOf(c) > scoreOf(best))) best = c;
      }
      if (best) return best;
    }
  }

  /** {@link bestAt} for more parses than a bit mask holds (never seen; kept for safety). */
  private bestOfMany(parses: Parse[]): Best {
    const ranked = parses.map((p) => ({ p, rank: rankOf(p) }));
    ranked.sort((a, b) => b.p.end - a.p.end || b.rank - a.rank);
    for (let k = 0; k < ranked.length; k++) {
      const r = ranked[k]!;
      if (r.rank === STRENGTH_RANK.block) return r.p;
      let best: Choice | null = null;
      let end = k;
      for (; end < ranked.length && ranked[end]!.p.end === r.p.end && ranked[end]!.rank === r.rank; end++) {
        const c = this.choose(ranked[end]!.p);
        if (c && (!best || scoreOf(c) > scoreOf(best))) best = c;
      }
      if (best) return best;
      k = end - 1;
    }
    return null;
  }

  /**
   * "Adur and Worthing Councils", "Babergh and Mid Suffolk District Councils", "Bedford Borough
   * and Central Bedfordshire councils": place names joined by "and" (or commas, then "and") that
   * share one council designator at the end. Returns the parts, or null.
   */
  private coordinate(t: Tokens, first: Choice): Choice[] | null {
    // "NHS Kent and Medway and Kent County Council": a list that follows an organisation word
    // names that organisation's area, not councils.
    const before = first.parse.start - 1;
    if (before >= 0 && t.gaps[first.parse.start] === GAP_SOFT && this.wordKind[t.ids[before]!] === 1) {
      this.listBlockedUntil = this.chainEnd(t, first.parse.end);
      return null;
    }
    // "In West Sussex, Adur and Worthing councils" (a real trade-press sentence, mentions-press-2.csv):
    // a county opening its clause after "In" and a comma sets the scene for its own districts
    // listed next; it is not one of the councils.
    // (The word is read from the text, not given an id: "in" in the vocabulary costs the tokenizer
    // about 4% of prose, tests/bench/recognition-speed.bench.ts.)
    const scene = before >= 0 && t.gaps[first.parse.start] === GAP_SOFT && (before === 0 || t.gaps[before] !== GAP_SOFT) && t.gaps[first.parse.end] === GAP_COMMA && t.word(before) === 'in';
    const parts: Choice[] = [first];
    let j = first.parse.end;
    for (let guard = 0; guard < 8 && j < t.length; guard++) {
      let k: number;
      let viaAnd = false;
      // "A, B and C Councils", or with a serial comma "A, B, and C Councils".
      const serialComma = t.gaps[j] === GAP_COMMA;
      if (t.ids[j] === this.idAnd && (t.gaps[j] === GAP_SOFT || serialComma)) {
        k = j + 1;
        viaAnd = true;
      } else if (serialComma) k = j;
      else return null;
      if (k >= t.length || t.gaps[k] === GAP_HARD || (viaAnd && t.gaps[k] !== GAP_SOFT)) return null;
      const next = this.bestAt(t, k, false);
      if (!next || !isChoice(next)) return null;
      const c = next;
      if (c.entry.council.kind !== 'council') return null;
      if (scene && parts.length === 1 && c.entry.council.parentCounty === first.entry.council.code) return null;
      parts.push(c);
      if (c.strength === 'strong' || c.strength === 'abbrev') {
        // The list must end "..., B and C Councils": a comma alone is just prose ("Leeds, Bradford
        // Council"), unless the designator is plural ("Antrim, Carrickfergus, Newtownabbey Councils").
        if (!c.parse.suffix || (!viaAnd && !c.parse.suffix.plural)) return null;
        // "Leeds, and Bradford Council agreed": two places, a comma and a singular council are prose.
        if (viaAnd && serialComma && parts.length < 3 && !c.parse.suffix.plural) return null;
        return parts;
      }
      if (c.strength !== 'none' && c.strength !== 'weak') return null;
      // Only the last part follows "and" ("A, B and C Councils"); "A and B and C Council" is prose.
      if (viaAnd) return null;
      j = c.parse.end;
    }
    return null;
  }

  /** End of a run of "and"/comma-joined bare place names starting at `j`. */
  private chainEnd(t: Tokens, j: number): number {
    for (let guard = 0; guard < 8 && j < t.length; guard++) {
      const k = t.ids[j] === this.idAnd && t.gaps[j] !== GAP_HARD ? j + 1 : t.gaps[j] === GAP_COMMA ? j : -1;
      if (k < 0 || k >= t.length) break;
      const next = this.bestAt(t, k, false);
      if (!next || !isChoice(next) || (next.strength !== 'none' && next.strength !== 'weak')) break;
      j = next.parse.end;
    }
    return j;
  }

  /** Set by {@link coordinate} when a list is an organisation's area: no shared-designator reading inside it. */
  private listBlockedUntil = -1;

  /**
   * Scans tokens left to right, non-overlapping, longest match first. Returns every council
   * phrase found, with weak and bare ones included: the caller decides what to accept. With
   * `keep`, a phrase outside a shared-designator list is returned only when `keep` accepts its
   * choice; the scan itself is the same (findMentions drops bare places without allocating them).
   * With `into`, that array is emptied and filled instead of a new one.
   */
  scan(t: Tokens, keep?: (c: Choice) => boolean, into?: Found[]): Found[] {
    const found: Found[] = into ?? [];
    found.length = 0;
    this.listBlockedUntil = -1;
    const core = this.core.firstWords;
    const prefix = this.prefix.firstWords;
    const startable = t.startable;
    let i = 0;
    while (i < t.length) {
      // Fast path: the tokenizer already ruled out almost every word by its hash, and marked the
      // words that begin a core name or prefix (the trie lookups below are only for tokens read
      // without a vocabulary's start marks).
      if (startable ? startable[i] === 0 : !core.has(t.ids[i]!) && !prefix.has(t.ids[i]!)) {
        i++;
        continue;
      }
      const best = this.bestAt(t, i, true);
      if (!best) {
        i++;
        continue;
      }
      if (!isChoice(best)) {
        i = best.end;
        continue;
      }
      const c = best;
      if ((c.strength === 'none' || c.strength === 'weak') && !c.parse.prefix && c.entry.council.kind === 'council' && i >= this.listBlockedUntil) {
        const parts = this.coordinate(t, c);
        if (parts) {
          const last = parts[parts.length - 1]!;
          const plural = last.parse.suffix?.plural ?? false;
          parts.forEach((part, k) => {
            const isLast = k === parts.length - 1;
            let choice = part;
            if (!isLast) {
              // The shared designator applies to every part: "Adur and Worthing District Councils".
              const shared = this.choose(part.parse, part.parse.suffix ? part.level : last.level);
              if (shared) choice = { ...shared, strength: last.strength };
            }
            found.push({
              choice,
              start: part.parse.start,
              end: part.parse.end,
              shared: { plural, last: isLast },
              lowercase: t.cases[part.parse.coreStart] === CASE_LOWER,
            });
          });
          i = last.parse.end;
          continue;
        }
      }
      if (!keep || keep(c)) found.push({ choice: c, start: c.parse.start, end: c.parse.end, shared: null, lowercase: t.cases[c.parse.coreStart] === CASE_LOWER });
      i = c.strength === 'none' || c.strength === 'weak' ? i + 1 : c.parse.end;
    }
    return found;
  }

  /**
   * "Bradford Council for Mosques", "Birmingham Council of Faiths": a bare "Council" followed by
   * for/of and a named thing is some other body. In running text the named thing must be
   * capitalised, so "Denbighshire County Council for details" and "Leeds Council for years" stay
   * mentions.
   */
  councilOf(t: Tokens, f: Found, text: boolean): boolean {
    const s = f.choice.parse.suffix;
    if (!s || s.strength !== 'strong' || s.ca || s.level !== 'council') return false;
    if (!(f.end < t.length && t.gaps[f.end] === GAP_SOFT && this.wordKind[t.ids[f.end]!] === 2)) return false;
    if (!text) return true;
    let k = f.end + 1;
    if (t.ids[k] === this.idThe) k++;
    return k < t.length && t.gaps[k] === GAP_SOFT && t.cases[k] !== CASE_LOWER;
  }

  /** Whether a designator or initials token is written in capitals, as trade abbreviations are. */
  abbreviationInCapitals(t: Tokens, f: Found): boolean {
    const p = f.choice.parse;
    const src = f.choice.entry.source;
    if (src === 'initials' || src === 'initials-designated') {
      if (t.cases[p.coreStart] !== CASE_ACRONYM) return false;
    }
    if (src === 'initials-and') {
      for (let k = p.coreStart; k < p.coreEnd; k++) if (t.ids[k] !== this.idAnd && t.cases[k] === CASE_LOWER) return false;
    }
    if (p.suffix?.strength === 'abbrev' && t.cases[p.coreEnd] !== CASE_ACRONYM) return false;
    if (p.prefix?.strength === 'abbrev' && t.cases[p.start] !== CASE_ACRONYM) return false;
    return true;
  }

  /**
   * Whether a name contains, outside the council phrases found in it, a word saying it is another
   * kind of organisation ("Kent Police"). Words inside a place name do not count: Rugby, Neath
   * Port Talbot.
   */
  hasBlockWord(t: Tokens, found: readonly Found[]): boolean {
    const inside = (k: number) => found.some((f) => k >= f.start && k < f.end);
    for (let k = 0; k < t.length; k++) if (this.wordKind[t.ids[k]!] === 1 && !inside(k)) return true;
    return false;
  }

  /** Whether token `k` is a word that makes a place some other body ("Police", "University", "FC"). */
  isBlockWord(t: Tokens, k: number): boolean {
    return this.wordKind[t.ids[k]!] === 1;
  }

  /** Tokens in the same comma/bracket/dash segment as a found phrase, other than the phrase and a leading "the". */
  segmentExtras(t: Tokens, f: Found): number {
    let s = f.start;
    while (s > 0 && t.gaps[s] === GAP_SOFT) s--;
    let e = f.end;
    while (e < t.length && t.gaps[e] === GAP_SOFT) e++;
    let extras = f.start - s + (e - f.end);
    if (s < f.start && t.ids[s] === this.idThe) extras--;
    return extras;
  }
}

/** The strength rank of a parse's surer designator, as {@link Engine.choose} picks it. */
function rankOf(p: Parse): number {
  const a = p.prefix ? p.prefix.rank : 0;
  const b = p.suffix ? p.suffix.rank : 0;
  return a >= b ? a : b;
}

function scoreOf(c: Choice | null): number {
  if (!c) return -1;
  return c.compat * 10 + (c.entry.source === 'derived' ? 0 : 3) + (c.entry.council.current ? 1 : 0);
}


