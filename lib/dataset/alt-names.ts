/**
 * Splits the register's comma-joined `alt-names` cell into names.
 *
 * The cell joins names with a bare comma, but some names contain commas themselves
 * (../shared/data/uk_local_authorities.csv, e.g. ABC "Armagh City, Banbridge and Craigavon",
 * BST "Bristol, City of", NMD "Newry, Mourne and Down "). Two rules recover them:
 *
 * 1. Longest match against names known from elsewhere (official, nice and
 *    lookup_name_to_registry.csv names, compared case-insensitively): this is the only way to keep
 *    RCT's "rhondda,cynon,taff", a lookup name with bare commas.
 * 2. A comma followed by whitespace is inside a name; a bare comma separates names.
 *    In this file every name-internal comma is followed by a space.
 *
 * A name runs to whichever rule reaches further. Names are trimmed and empty pieces dropped.
 */
export function splitAltNames(cell: string, knownNames: Iterable<string> = []): string[] {
  const known = new Set<string>();
  for (const name of knownNames) known.add(name.trim().toLowerCase());
  const pieces = cell.split(',');
  const names: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let end = i;
    while (end + 1 < pieces.length && /^\s/.test(pieces[end + 1] ?? '')) end++;
    end = Math.max(end, knownMatchEnd(pieces, i, known));
    const name = pieces.slice(i, end + 1).join(',').trim();
    if (name) names.push(name);
    i = end + 1;
  }
  return names;
}

/** The last piece index of the longest run from `start` that joins to a known name, or -1. */
function knownMatchEnd(pieces: readonly string[], start: number, known: ReadonlySet<string>): number {
  for (let end = pieces.length - 1; end >= start; end--) {
    const joined = pieces.slice(start, end + 1).join(',').trim().toLowerCase();
    if (joined && known.has(joined)) return end;
  }
  return -1;
}
