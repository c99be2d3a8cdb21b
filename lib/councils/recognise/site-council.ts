/**
 * "The Council" on a council's own pages. A council's website says "the Council" and rarely its
 * own name (issue 18), so when the page's host is one council's site, those words are that
 * council. Pure: the caller gives the host and the council the site belongs to.
 *
 * Minutes and reports on councils' own sites (tests/fixtures/recognition/mentions-press.csv:
 * democracy.eastherts.gov.uk, democracy.merthyr.gov.uk, minutes-1.nwleics.gov.uk,
 * moderngov.wrexham.gov.uk) also write "this Council", "the full Council", "agreed by Council",
 * "reported to Council" and "Council considered a report": the same council.
 */

/** Not the council itself after the word: "the Council Tax", "the Council of the Isles of Scilly", "Council for Mosques". */
const NOT_AFTER = String.raw`(?![ \u00a0]+(?:[Tt]ax|[Tt]axes|[Oo]f|[Ff]or|[Tt]axpayers?)\b)`;
const WORD_END = String.raw`(?![\p{L}\p{N}])(?:['\u2019][Ss])?`;

/**
 * "the Council", "the council's", "The COUNCIL", "this Council", "the full Council"; "by Council",
 * "to Council" (capitalised, as minutes write the body); "Council" opening a sentence before what
 * a council does at a meeting ("Council considered", "Council agreed").
 */
const THE_COUNCIL = new RegExp(
  String.raw`\b(?:[Tt][Hh][Ee]|[Tt]his|THIS)[ \u00a0]+(?:[Ff]ull[ \u00a0]+)?([Cc](?:ouncil|OUNCIL))${WORD_END}${NOT_AFTER}` +
    String.raw`|\b(?:by|to)[ \u00a0]+(Council)${WORD_END}${NOT_AFTER}` +
    String.raw`|(?:^|[.:;\n][ \u00a0]*)(Council)[ \u00a0]+(?:considered|agreed|approved|resolved|noted|received|decided|voted|endorsed|adopted|accepted|asked|instructed|requested|welcomed)\b`,
  'gu',
);

/** Offsets `[start, end)` of the word "Council" in each "the Council" of `text`, in order. */
export function theCouncilSpans(text: string): number[] {
  const out: number[] = [];
  THE_COUNCIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = THE_COUNCIL.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const word = m[1] ?? m[2] ?? m[3]!;
    // The word is the last "Council" of the match's opening words: search from the match's start.
    const start = m.index + m[0].search(/[Cc](?:ouncil|OUNCIL)/);
    out.push(start, start + word.length);
    THE_COUNCIL.lastIndex = Math.max(end, THE_COUNCIL.lastIndex);
  }
  return out;
}
