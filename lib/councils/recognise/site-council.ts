/**
 * "The Council" on a council's own pages. A council's website says "the Council" and rarely its
 * own name (issue 18), so when the page's host is one council's site, those words are that
 * council. Pure: the caller gives the host and the council the site belongs to.
 */

/** "the Council", "the council's", "The COUNCIL"; not "the Council Tax" or "the Council of the Isles of Scilly". */
const THE_COUNCIL = /\b[Tt][Hh][Ee][ \u00a0]+([Cc](?:ouncil|OUNCIL))(?![\p{L}\p{N}])(?:['\u2019][Ss])?(?![ \u00a0]+(?:[Tt]ax|[Tt]axes|[Oo]f|[Ff]or|[Tt]axpayers?)\b)/gu;

/** Offsets `[start, end)` of the word "Council" in each "the Council" of `text`, in order. */
export function theCouncilSpans(text: string): number[] {
  const out: number[] = [];
  THE_COUNCIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = THE_COUNCIL.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const word = m[1]!;
    const start = m.index + m[0].indexOf(word);
    out.push(start, start + word.length);
    THE_COUNCIL.lastIndex = Math.max(end, THE_COUNCIL.lastIndex);
  }
  return out;
}
