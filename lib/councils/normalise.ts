/**
 * The HTML entities council names arrive with when read from page text or feeds
 * (e.g. "Brighton &amp; Hove", "King&#39;s Lynn"). Names are matched case-insensitively.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lt: '<',
  gt: '>',
};

/**
 * Normalises a council name for exact and alias lookup:
 * lower-cases; decodes common HTML entities (`&amp;`, `&#39;`, `&quot;`, `&nbsp;`, numeric
 * `&#NN;`/`&#xHH;`); folds accents (Welsh "Môn" -> "mon"); turns `&` into "and"; drops
 * apostrophes so "King's Lynn" and "Kings Lynn" meet; turns all other punctuation into spaces;
 * collapses whitespace; strips a leading "the".
 *
 * @example normaliseName('The Royal Borough of Kensington &amp; Chelsea') // 'royal borough of kensington and chelsea'
 */
export function normaliseName(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, body: string) => decodeEntity(entity, body.toLowerCase()))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#x')) return fromCodePoint(Number.parseInt(body.slice(2), 16)) ?? entity;
  if (body.startsWith('#')) return fromCodePoint(Number.parseInt(body.slice(1), 10)) ?? entity;
  return NAMED_ENTITIES[body] ?? entity;
}

function fromCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
