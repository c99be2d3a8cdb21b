import { anchorWindows } from './recognise/anchors';
import { placesInContext } from './recognise/context';
import { councilSiteKeys, hostSiteKeys, theCouncilSpans } from './recognise/site-council';
import { Engine, type Choice, type Found } from './recognise/engine';
import type { CoreSource } from './recognise/cores';
import { namesAreaCouncils, namesDistrictOfCounty, type Level } from './recognise/designators';
import { createTokenBuffer, possessiveEnd, tokenize, tokenizeRanges, type Tokens } from './recognise/tokenize';
import type { Council, CouncilsFile } from './schema';

/**
 * How the text named the council:
 * - `designated`: place name with a council designator ("Leeds City Council", "London Borough of Ealing");
 * - `abbreviation`: with a sector abbreviation ("Dudley MBC", "Rhondda Cynon Taf CBC", "LB Camden");
 * - `initials`: the council's initials ("RBKC", "B&NES", "BCP Council");
 * - `shared`: one of several places sharing a designator ("Adur and Worthing Councils");
 * - `weak-designator`: "Leeds City", "County Durham", "City of Edinburgh": a place that may mean its council;
 * - `place-name`: the place name alone ("Kent"): only accepted from a name field, never from running text;
 * - `site`: "the Council" on the council's own website (see {@link MentionContext.host});
 * - `context`: a place the sentence makes a council ("the chief executives of Camden and Hackney"),
 *   at medium confidence (lib/councils/recognise/context.ts).
 */
export type HitVia = 'designated' | 'abbreviation' | 'initials' | 'shared' | 'weak-designator' | 'place-name' | 'site' | 'context';

export interface CouncilHit {
  /** Register `local-authority-code` of the council the text names (a former council's own code). */
  code: string;
  /** Official name, e.g. "Leeds City Council". */
  name: string;
  niceName: string;
  kind: 'council' | 'combined-authority';
  type: Council['type'];
  /** False for an abolished council. */
  current: boolean;
  /** For an abolished council: the councils that replaced it, as the register lists them. */
  successors: string[];
  /** Today's councils, following chains of successors (Taunton Deane -> Somerset West and Taunton -> Somerset). */
  currentSuccessors: string[];
  /** 0..1. See {@link confidenceBand}: "Kent County Council" 0.98, "Leeds City" 0.75, "Kent" 0.65. */
  confidence: number;
  /** The text that named it, exactly as written. */
  matched: string;
  via: HitVia;
  /** Other councils the same words could name, e.g. the former Somerset County Council for "Somerset". */
  alternatives: string[];
  /** One plain sentence on why, for tooltips and debugging. */
  reason: string;
}

export interface CouncilMention extends CouncilHit {
  /** UTF-16 offsets into the scanned text: `text.slice(start, end) === matched`. */
  start: number;
  end: number;
}

export interface CouncilIndex {
  /**
   * The principal council(s) an organisation name names (a buyer field, a LinkedIn employer, a
   * supplier reference), best first; `[]` when it names none. A bare place name ("Kent") or a
   * weak form ("Leeds City") counts here, with medium confidence, when it is the whole name.
   */
  resolveName(name: string): CouncilHit[];
  /**
   * Every council mentioned in free text, non-overlapping, longest match first, in text order.
   * Requires a council designator or distinctive initials: bare place names in prose ("she moved
   * to Leeds", "reading the report", "Kent Police") are not mentions.
   */
  findMentions(text: string, context?: MentionContext): CouncilMention[];
  /** Sizes for the benchmark. */
  readonly stats: { councils: number; coreEntries: number };
}

/** Where the text was read, which can say what "the Council" means. */
export interface MentionContext {
  /**
   * The page's host name. On one council's own site ("www.kent.gov.uk", any subdomain), every
   * "the Council" of the text is that council, at medium confidence; a site two councils share
   * ("adur-worthing.gov.uk") names neither.
   */
  host?: string;
}

export interface CouncilIndexOptions {
  /**
   * findMentions scans only the text around council words and capitalised abbreviations (see
   * lib/councils/recognise/anchors.ts). Default true; false scans every token, for tests and the
   * benchmark to compare.
   */
  anchored?: boolean;
}

import { confidenceBand } from './confidence';

export { confidenceBand };

const BASE: Record<'strong' | 'abbrev' | 'weak' | 'none', number> = { strong: 0.95, abbrev: 0.9, weak: 0.75, none: 0.65 };

const LEVEL_WORDS: Partial<Record<Level, string>> = {
  city: 'City',
  county: 'County',
  'city-or-county': 'CC',
  borough: 'Borough',
  district: 'District',
  'metropolitan-borough': 'Metropolitan Borough',
  'metropolitan-district': 'Metropolitan District',
  'county-borough': 'County Borough',
  'london-borough': 'London Borough',
  'royal-borough': 'Royal Borough',
  'city-and-county': 'City and County',
  'city-and-district': 'City and District',
  unitary: 'unitary',
};

/**
 * Builds the council recogniser over the parsed content of public/data/councils.json.
 *
 * @example
 * const index = createCouncilIndex(data);
 * index.resolveName('London Borough of Haringey - Parks and Leisure')[0]?.code // 'HRY'
 * index.findMentions('Tenders for Wigan MBC and Kent County Council.').map((m) => m.code) // ['WGN', 'KEN']
 */
export function createCouncilIndex(data: CouncilsFile, options: CouncilIndexOptions = {}): CouncilIndex {
  const engine = new Engine(data);
  const anchored = options.anchored ?? true;
  // Token buffers reused across calls: tokens never outlive the call that read them.
  const scratch = createTokenBuffer();
  const nameScratch = createTokenBuffer();
  const successorCache = new Map<string, string[]>();
  const siteCouncils = new Map<string, Council | null>();
  const contextScratch = createTokenBuffer();
  // Emptied by every scan of a window: the finds are read at once and kept only inside mentions.
  const foundScratch: Found[] = [];

  const currentSuccessors = (council: Council): string[] => {
    const cached = successorCache.get(council.code);
    if (cached) return cached;
    const out: string[] = [];
    const visit = (c: Council, depth: number) => {
      for (const code of c.successors) {
        const s = engine.byCode.get(code);
        if (!s || depth > 5) continue;
        if (s.current) {
          if (!out.includes(s.code)) out.push(s.code);
        } else visit(s, depth + 1);
      }
    };
    visit(council, 0);
    successorCache.set(council.code, out);
    return out;
  };

  const toHit = (t: Tokens, source: string, f: Found, via: HitVia, confidence: number): Mention => {
    const council = f.choice.entry.council;
    const start = t.starts[f.start]!;
    // "Kent County Council's budget": the mention is the council, not its possessive.
    const written = t.ends[f.end - 1]!;
    const bare = possessiveEnd(source, start, written);
    const end = bare >= 0 ? bare : written;
    return new Mention(
      council,
      council.current ? NONE : currentSuccessors(council),
      Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
      source.slice(start, end),
      via,
      f.choice.ties.length ? f.choice.ties.map((c) => c.code) : NONE,
      start,
      end,
      f.choice,
      explain,
    );
  };

  const explain = (c: ChoiceFacts | null, via: HitVia, matched: string, council: Council): string => {
    if (!c) return `"${matched}" is ${council.officialName}.`;
    const parts: string[] = [];
    const lw = c.level ? LEVEL_WORDS[c.level] : undefined;
    switch (via) {
      case 'designated':
      case 'abbreviation':
        parts.push(`"${matched}" is ${council.officialName} (${c.compat === 2 ? 'designator as in its own name' : c.compat === 1 ? 'designator fits its type' : `"${lw ?? c.level}" does not fit a ${council.typeName}; may be another body`})`);
        break;
      case 'initials':
        parts.push(`"${matched}" are the initials of ${council.officialName}`);
        break;
      case 'shared':
        parts.push(`"${matched}" is one of several councils named together (shared service or partnership)`);
        break;
      case 'weak-designator':
        parts.push(`"${matched}" names a place; taken to mean its principal council, ${council.officialName}`);
        break;
      case 'context':
        parts.push(`"${matched}" is a place; the sentence speaks of its council's posts or decisions, so taken to mean ${council.officialName}`);
        break;
      case 'place-name':
        parts.push(`Place name alone: taken to mean the principal council for "${matched}", ${council.officialName}; it could also mean the area`);
        break;
    }
    if (c.entry.source === 'derived') parts.push('short form of its name');
    if (!council.current) {
      const now = currentSuccessors(council).map((code) => engine.byCode.get(code)?.niceName ?? code);
      parts.push(`abolished${council.endDate ? ` ${council.endDate}` : ''}${now.length ? `, now ${now.join(' and ')}` : ''}`);
    }
    if (c.ties.length) parts.push(`could also be ${c.ties.map((t) => t.officialName).join(', ')}`);
    return parts.join('; ') + '.';
  };

  /** Shared confidence adjustments: designator fit, derived short forms, ties. */
  const score = (f: Found, base: number): number => {
    const c = f.choice;
    let conf = base;
    if (c.compat === 2) conf += 0.03;
    else if (c.compat === 0) conf -= 0.25;
    if (c.entry.source === 'derived') conf -= 0.05;
    // A tie only on being current ("Somerset": Somerset Council now, Somerset County Council
    // before 2023) costs less than a tie between two living councils ("Kingston").
    if (c.ties.length) conf -= c.ties.every((t) => !t.current) && c.entry.council.current ? 0.03 : 0.1;
    if (f.shared && !f.shared.last && !f.shared.plural) conf = Math.min(conf, 0.8);
    return conf;
  };

  const viaOf = (f: Found): HitVia => {
    if (f.shared && !f.shared.last) return 'shared';
    const src: CoreSource = f.choice.entry.source;
    if (src === 'initials' || src === 'initials-designated' || src === 'initials-and') {
      return f.choice.parse.suffix || f.choice.parse.prefix ? (f.choice.strength === 'abbrev' ? 'initials' : 'designated') : 'initials';
    }
    if (f.shared && f.shared.last) return 'designated';
    switch (f.choice.strength) {
      case 'strong':
        return 'designated';
      case 'abbrev':
        return 'abbreviation';
      case 'weak':
        return 'weak-designator';
      default:
        return 'place-name';
    }
  };

  /** Whether a choice names a council outright: a council word, an abbreviation or distinctive initials. */
  const isExplicitChoice = (c: Choice): boolean => {
    const src = c.entry.source;
    const s = c.strength;
    if (s === 'strong' || s === 'abbrev') return src !== 'initials' || !!c.parse.suffix;
    if (src === 'initials-designated') return true;
    if (src === 'initials-and') return countLetters(c.entry.words) >= 4;
    return false;
  };
  const isExplicit = (f: Found): boolean => isExplicitChoice(f.choice);

  const baseOf = (f: Found): number => {
    const src = f.choice.entry.source;
    if (src === 'initials-designated') return 0.88;
    if (src === 'initials-and') return countLetters(f.choice.entry.words) >= 4 ? 0.85 : 0.7;
    if (src === 'initials') return f.choice.parse.suffix ? 0.9 : 0.65;
    return BASE[f.choice.strength === 'block' ? 'none' : f.choice.strength];
  };

  return {
    stats: { councils: data.councils.length, coreEntries: engine.entryCount },

    resolveName(name: string): CouncilHit[] {
      const t = tokenize(name, engine.vocab, 0, name.length, nameScratch);
      const found = engine.scan(t);
      if (found.length === 0) return [];
      const strong = found.filter((f) => isExplicit(f) && !engine.councilOf(t, f, false));
      let accepted: Array<{ f: Found; conf: number }>;
      if (strong.length > 0) {
        accepted = strong.map((f) => ({ f, conf: score(f, baseOf(f)) }));
      } else {
        // No council words: a place name (or "Leeds City") counts only as the whole of its
        // segment, and only when nothing in the name says it is another kind of body.
        if (engine.hasBlockWord(t, found)) return [];
        accepted = found
          .filter((f) => !f.shared && engine.segmentExtras(t, f) === 0)
          .map((f) => ({ f, conf: score(f, baseOf(f)) }));
        // Two bare places in one name ("Kent, Surrey") say where, not who.
        if (accepted.length > 1) return [];
      }
      const byCode = new Map<string, CouncilMention>();
      for (const { f, conf } of accepted) {
        const hit = toHit(t, name, f, viaOf(f), conf);
        const prev = byCode.get(hit.code);
        if (!prev || prev.confidence < hit.confidence) byCode.set(hit.code, hit);
      }
      return [...byCode.values()]
        // Best first; councils named equally surely ("Blackpool Council and Wyre Council") keep text order.
        .sort((a, b) => bandRank(b.confidence) - bandRank(a.confidence) || a.start - b.start)
        .map((m) => {
          const { start: _s, end: _e, ...fields } = m;
          // A plain object, as before mentions became a class; the reason is still built on first read.
          return {
            ...fields,
            get reason() {
              return m.reason;
            },
          };
        });
    },

    findMentions(text: string, context?: MentionContext): CouncilMention[] {
      const out: CouncilMention[] = [];
      // One pass finds both the windows around council words and the cue words of a council post.
      const cues: number[] = [];
      const windows = anchorWindows(text, engine.anchorWords, cues);
      // Every window in one token list and one scan: a window's first token has a hard break
      // before it, so the scan reads each window as if alone.
      const t = anchored ? tokenizeRanges(text, engine.vocab, windows, windows.length, scratch) : tokenize(text, engine.vocab, 0, text.length, scratch);
      scanTokens(text, t, out);
      const withPlaces = cues.length ? placesForCouncils(text, out, cues) : out;
      const own = context?.host ? siteCouncil(context.host) : null;
      return own ? withSiteMentions(text, own, withPlaces) : withPlaces;
    },
  };

  /**
   * `out` with the places that sentences holding a council post or appointment make councils
   * ({@link placesInContext}), in text order. Only the sentences around `cues` (`[start, end]`
   * pairs from {@link anchorWindows}) are read again.
   */
  function placesForCouncils(text: string, out: CouncilMention[], cues: readonly number[]): CouncilMention[] {
    let added: CouncilMention[] | null = null;
    let spanEnd = -1;
    for (let k = 0; k < cues.length; k += 2) {
      if (cues[k]! < spanEnd) continue;
      const [s, e] = sentenceAround(text, cues[k]!, cues[k + 1]!);
      spanEnd = e;
      const t = tokenize(text, engine.vocab, s, e, contextScratch);
      for (const f of placesInContext(engine, text, t, engine.scan(t))) {
        const hit = toHit(t, text, f, 'context', CONTEXT_CONFIDENCE);
        if (overlaps(out, hit) || (added && overlaps(added, hit))) continue;
        (added ??= []).push(hit);
      }
    }
    if (!added) return out;
    return [...out, ...added].sort((a, b) => a.start - b.start);
  }

  /** The one current council whose website `host` is on, or null (unknown or shared site); keys in lib/councils/recognise/site-council.ts. */
  function siteCouncil(host: string): Council | null {
    const keys = hostSiteKeys(host);
    if (keys.length === 0) return null;
    const site = keys.join(' ');
    if (!siteCouncils.has(site)) {
      let found: Council | null = null;
      for (const c of data.councils) {
        if (!c.current || !councilSiteKeys(c).some((k) => keys.includes(k))) continue;
        if (found && found.code !== c.code) {
          found = null;
          break;
        }
        found = c;
      }
      siteCouncils.set(site, found);
    }
    return siteCouncils.get(site) ?? null;
  }

  /** `out` with every "the Council" of the text, outside the mentions already found, as the site's council. */
  function withSiteMentions(text: string, council: Council, out: CouncilMention[]): CouncilMention[] {
    const spans = theCouncilSpans(text, council.officialName);
    if (spans.length === 0) return out;
    const merged: CouncilMention[] = [];
    let j = 0;
    for (let k = 0; k < spans.length; k += 2) {
      const start = spans[k]!;
      const end = spans[k + 1]!;
      while (j < out.length && out[j]!.start < start) merged.push(out[j++]!);
      if (merged.length && merged[merged.length - 1]!.end > start) continue;
      if (j < out.length && out[j]!.start < end) continue;
      const reason = `"the Council" on ${council.officialName}'s own website (${council.domain}) is that council.`;
      merged.push(new Mention(council, NONE, SITE_CONFIDENCE, text.slice(start, end), 'site', NONE, start, end, null, () => reason));
    }
    while (j < out.length) merged.push(out[j++]!);
    return merged;
  }

  /** Appends to `out` the mentions found in the tokens `t` of `text`. */
  function scanTokens(text: string, t: Tokens, out: CouncilMention[]): void {
    for (const f of engine.scan(t, isExplicitChoice, foundScratch)) {
      if (!isExplicit(f)) continue;
      if (!engine.abbreviationInCapitals(t, f)) continue;
      if (engine.councilOf(t, f, true)) continue;
      // "Kent DCs" (detective constables): a plural abbreviation that does not fit the council.
      const suffix = f.choice.parse.suffix;
      if (suffix?.plural && suffix.strength === 'abbrev' && f.choice.compat === 0) continue;
      if (f.choice.compat === 0 && namesDistrictOfCounty(f.choice.entry.council.type, f.choice.level)) continue;
      if (suffix && !f.shared && namesAreaCouncils(text, t, f.start, f.end, suffix)) continue;
      let conf = score(f, baseOf(f));
      if (f.lowercase && !f.choice.parse.prefix && f.choice.entry.source !== 'initials-and') {
        // "reading council papers", "shut down council services": a lower-case place before a
        // bare "Council" is usually an ordinary word; "reading borough council" is still clear.
        if (f.choice.level === null || f.choice.level === 'council' || f.choice.strength === 'abbrev') continue;
        conf -= 0.1;
      }
      out.push(toHit(t, text, f, viaOf(f), conf));
    }
  }
}

/** Shared, frozen, for the many mentions with no successors or alternatives. */
const NONE = Object.freeze([]) as unknown as string[];
const NO_COUNCILS: readonly Council[] = Object.freeze([]);

/** What a mention's reason says of the choice behind it. */
type ChoiceFacts = Pick<Choice, 'level' | 'compat' | 'ties'> & { readonly entry: Pick<Choice['entry'], 'source'> };

type Explain = (c: ChoiceFacts | null, via: HitVia, matched: string, council: Council) => string;

/** "The Council" on the council's own site: medium, as the card words "likely". */
const SITE_CONFIDENCE = 0.8;
/** A place a sentence makes a council: medium too, a little below a bare employer name's 0.65 + context. */
const CONTEXT_CONFIDENCE = 0.7;

function overlaps(list: readonly CouncilMention[], m: CouncilMention): boolean {
  for (const x of list) if (x.start < m.end && m.start < x.end) return true;
  return false;
}

/** The sentence around [a, e): back and on to a full stop, question or exclamation mark, or new line, within 300 characters. */
function sentenceAround(text: string, a: number, e: number): [number, number] {
  let s = a;
  const floor = Math.max(0, a - 300);
  while (s > floor && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let end = e;
  const ceiling = Math.min(text.length, e + 300);
  while (end < ceiling && !isSentenceEnd(text.charCodeAt(end))) end++;
  return [s, end];
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10 || c === 13;
}

/**
 * A mention as a class rather than an object literal with a getter: pages yield thousands, and a
 * class instance costs one allocation of a fixed shape. `reason` is built on first read (few are
 * ever shown) and then kept as an own property, so copies and messages carry it.
 */
class Mention implements CouncilMention {
  readonly code: string;
  readonly name: string;
  readonly niceName: string;
  readonly kind: Council['kind'];
  readonly type: Council['type'];
  readonly current: boolean;
  readonly successors: string[];
  // True private fields: not properties, so spreads, clones and messages never see them.
  #reason: string | null = null;
  readonly #council: Council;
  // What the reason needs of the choice, not the choice: a page's mentions are kept, and the scan's
  // objects they held on to were copied by every garbage collection until the call returned
  // (issue 18: about a sixth of a call on a list of buyer names). #source is null without a choice.
  readonly #source: CoreSource | null;
  readonly #level: Level | null;
  readonly #compat: 0 | 1 | 2;
  readonly #ties: readonly Council[];
  readonly #explain: Explain;

  constructor(
    council: Council,
    readonly currentSuccessors: string[],
    readonly confidence: number,
    readonly matched: string,
    readonly via: HitVia,
    readonly alternatives: string[],
    readonly start: number,
    readonly end: number,
    choice: Choice | null,
    explain: Explain,
  ) {
    this.code = council.code;
    this.name = council.officialName;
    this.niceName = council.niceName;
    this.kind = council.kind;
    this.type = council.type;
    this.current = council.current;
    this.successors = council.successors.length ? council.successors.slice() : NONE;
    this.#council = council;
    this.#source = choice ? choice.entry.source : null;
    this.#level = choice ? choice.level : null;
    this.#compat = choice ? choice.compat : 0;
    this.#ties = choice ? choice.ties : NO_COUNCILS;
    this.#explain = explain;
  }

  get reason(): string {
    if (this.#reason === null) {
      const facts = this.#source === null ? null : { level: this.#level, compat: this.#compat, ties: this.#ties, entry: { source: this.#source } };
      this.#reason = this.#explain(facts, this.via, this.matched, this.#council);
    }
    return this.#reason;
  }

  /** A plain object with `reason` filled in, for JSON and for {@link CouncilIndex.resolveName}. */
  toJSON(): CouncilMention {
    return { ...this, reason: this.reason };
  }
}

function bandRank(confidence: number): number {
  const band = confidenceBand(confidence);
  return band === 'high' ? 2 : band === 'medium' ? 1 : 0;
}

function countLetters(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (w !== 'and') n += w.length;
  return n;
}

export type { CouncilsFile };
