import { describe, expect, test } from 'vitest';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { anchorWindows, AnchorWords } from '@/lib/councils/recognise/anchors';
import { IntTable } from '@/lib/councils/recognise/int-table';
import { GAP_HARD, tokenize, tokenizeRanges, Vocabulary } from '@/lib/councils/recognise/tokenize';
import { Trie } from '@/lib/councils/recognise/trie';
import { readCouncilsFile } from '../../../fixtures/recognition/sets';

// The integer tables under the recogniser (issue 18's speed work): they must give exactly what the
// Maps and the any-two-capitals search they replaced gave.

describe('IntTable', () => {
  test('structured keys (a trie node * 65536 + a word id) all come back, and absent keys give 0', () => {
    const table = new IntTable(4);
    const keys: number[] = [];
    for (let node = 1; node < 300; node++) for (const word of [1, 2, 3, 40, 1000]) keys.push(node * 65536 + word);
    keys.forEach((key, k) => table.set(key, k + 1));
    keys.forEach((key, k) => expect(table.get(key)).toBe(k + 1));
    expect(table.get(300 * 65536 + 1)).toBe(0);
    expect(table.get(5 * 65536 + 4)).toBe(0);
    expect(table.get(-7)).toBe(0);
  });

  test('negative and colliding low bits are told apart; a value below 1 is refused', () => {
    const table = new IntTable();
    table.set(-1, 5);
    table.set(0x7fffffff, 6);
    table.set(1 << 20, 7);
    table.set(2 << 20, 8);
    expect([table.get(-1), table.get(0x7fffffff), table.get(1 << 20), table.get(2 << 20), table.get(3 << 20)]).toEqual([5, 6, 7, 8, 0]);
    table.set(1 << 20, 9);
    expect(table.get(1 << 20)).toBe(9);
    expect(() => table.set(3, 0)).toThrow(RangeError);
  });
});

describe('Vocabulary', () => {
  const ids = (vocab: Vocabulary, text: string) => {
    const t = tokenize(text, vocab);
    return Array.from(t.ids.subarray(0, t.length));
  };

  test('short words are told apart by their whole key, long ones letter by letter, in any case', () => {
    const vocab = new Vocabulary();
    // "an" and "c0" shared the old 32-bit hash; "northamptonshire" and "clackmannanshire" are
    // longer than a key holds exactly, "metropolitan" just fits.
    const words = ['an', 'c0', 'council', 'hampshire', 'northamptonshire', 'clackmannanshire', 'metropolitan', 'st', 'ynys', 'mon'];
    const known = words.map((w) => vocab.add(w));
    expect(new Set(known).size).toBe(words.length);
    expect(ids(vocab, 'An C0 COUNCIL Hampshire NORTHAMPTONSHIRE Clackmannanshire Metropolitan')).toEqual(known.slice(0, 7));
    // Saint reads as St; accents fold; near-misses of every length are unknown.
    expect(ids(vocab, 'Saint Ynys Môn')).toEqual([known[7], known[8], known[9]]);
    expect(ids(vocab, 'a c1 councils hampshir northamptonshira metropolitans aN0')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Words filed where "council" is (found by solving for a head that, with a two-letter tail,
    // lands on its slot): only the whole key tells them apart.
    expect(ids(vocab, 'Ujqigkas qpugakau')).toEqual([0, 0]);
    expect(vocab.idOf('clackmannanshire')).toBe(known[5]);
    expect(vocab.idOf('clackmannanshir')).toBe(0);
  });
});

describe('tokenizeRanges', () => {
  const rows = (t: ReturnType<typeof tokenize>) =>
    Array.from({ length: t.length }, (_, k) => [t.starts[k], t.ends[k], t.gaps[k], t.cases[k], t.ids[k], t.startable?.[k] ?? null, t.word(k)]);

  test('reads each range exactly as a tokenize call of its own, a hard break before each', () => {
    const vocab = new Vocabulary();
    for (const w of ['st', 'helens', 'council', 'and', 'kings', 'lynn']) vocab.markStart(vocab.add(w));
    // Ranges that start inside a word, end inside one, follow "St." and hold an entity, a curly
    // apostrophe and an accented letter: every path of the tokenizer, cut at odd places.
    const text = "Buyer: St. Helens Council, King’s Lynn &amp; West Norfolk -- Ynys Môn's Cyngor\nSaint Helens C'tee";
    const ranges = [3, 17, 19, 40, 44, 75, 80, text.length];
    const joined = rows(tokenizeRanges(text, vocab, ranges, ranges.length));
    const separate = [];
    for (let r = 0; r < ranges.length; r += 2) separate.push(...rows(tokenize(text, vocab, ranges[r], ranges[r + 1])));
    expect(joined).toEqual(separate);
    expect(joined.length).toBeGreaterThan(12);
    // The first token of every range has a hard break before it, whatever the text had there.
    const firsts = [];
    for (let r = 0; r < ranges.length; r += 2) firsts.push(rows(tokenize(text, vocab, ranges[r], ranges[r + 1]))[0]![2]);
    expect(firsts).toEqual([GAP_HARD, GAP_HARD, GAP_HARD, GAP_HARD]);
    // Only the first `length` entries count; no ranges, no tokens.
    expect(rows(tokenizeRanges(text, vocab, ranges, 2))).toEqual(rows(tokenize(text, vocab, 3, 17)));
    expect(tokenizeRanges(text, vocab, ranges, 0).length).toBe(0);
  });

  test('a phrase cut by a range boundary is not found whole', () => {
    const index = createCouncilIndex(readCouncilsFile());
    // "Kent County Council" split after "Kent": as two windows it names no council outright.
    const text = 'Kent County Council';
    expect(index.findMentions(text).map((m) => m.code)).toEqual(['KEN']);
    const vocab = new Vocabulary();
    const kent = vocab.add('kent');
    const t = tokenizeRanges(text, vocab, [0, 4, 5, text.length], 4);
    expect([t.length, t.ids[0], t.gaps[0], t.gaps[1], t.gaps[2]]).toEqual([3, kent, GAP_HARD, GAP_HARD, 0]);
  });
});

describe('Trie', () => {
  test('walks word ids to the values stored under them, and nowhere else', () => {
    const trie = new Trie<string>();
    trie.insert([7, 8], 'a b');
    trie.insert([7, 8], 'a b again');
    trie.insert([7], 'a');
    trie.insert([9, 8, 7], 'c b a');
    const walk = (words: number[]) => {
      let node = Trie.ROOT;
      for (const w of words) {
        node = trie.child(node, w);
        if (node === 0) return null;
      }
      return trie.values[node];
    };
    expect(walk([7])).toEqual(['a']);
    expect(walk([7, 8])).toEqual(['a b', 'a b again']);
    expect(walk([9, 8])).toBeNull();
    expect(walk([9, 8, 7])).toEqual(['c b a']);
    expect(walk([8])).toBeNull();
    expect(walk([7, 8, 9])).toBeNull();
    expect([...trie.firstWords].sort()).toEqual([7, 9]);
    expect(() => trie.insert([70000], 'too big')).toThrow(RangeError);
  });
});

describe('AnchorWords', () => {
  const words = new AnchorWords(['lbc', 'mbc', 'rbkc', 'dcs', 'b2c', 'éco']);
  const windowsOf = (text: string) => anchorWindows(text, words);

  test.each([
    ['Ealing LBC approved it', true],
    ['Wigan MBC', true],
    ['RBKC cabinet', true],
    ['Ealing LBCs and Brent', true],
    ["Camden LBC's leader", true],
    ['Camden LBC’s leader', true],
    ['NHS UK LIMITED TRUST', false],
    ['LBX ltd', false],
    ['Lbc in lower case', false],
  ])('%s: anchored %s', (text, anchored) => {
    expect(windowsOf(text).length > 0).toBe(anchored);
  });

  test('the capitals the search stops at are the first letters of the words given', () => {
    const source = words.candidates.source;
    expect(source).toContain('L[B]');
    expect(source).toContain('M[B]');
    expect(source).toContain('R[B]');
    expect(source).toContain('D[C]');
    expect(source).not.toContain('[A-Z]{2}');
    // Words with a digit or a letter beyond ASCII are never read as capitals, so they add no pair.
    expect(source).not.toMatch(/\|B\[/);
    expect(source).not.toContain('É');
  });

  test('every abbreviation and initials of the register still anchors a mention in capitals', () => {
    const index = createCouncilIndex(readCouncilsFile());
    for (const [text, code] of [
      ['Tenders from LBTH today', 'TWH'],
      ['Tenders from NPTCBC today', 'NTL'],
      ['Tenders from BCP Council today', 'BPC'],
      ['Tenders from B&NES today', 'BAS'],
      ['Tenders from GMCA today', 'GMCA'],
      ['Tenders from WECA today', 'WECA'],
      ['Tenders from Sandwell MBC today', 'SAW'],
    ] as const) {
      expect(index.findMentions(text).map((m) => m.code), text).toEqual([code]);
    }
  });
});
