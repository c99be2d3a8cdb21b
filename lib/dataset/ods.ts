import { inflateRawSync } from 'node:zlib';

/**
 * A minimal OpenDocument spreadsheet reader for the dataset build: enough to read MHCLG's RSX
 * workbooks in ../shared/data/spend/england/dfe-analytical-services__CSC_outcomes_and_enablers/
 * (ODS 1.2: a zip whose content.xml holds every sheet as table:table-row / table:table-cell).
 * Node-only (zlib); the extension never reads ODS.
 */

/** Reads one stored or deflated entry of a zip archive, by name. */
export function readZipEntry(zip: Uint8Array, name: string): Uint8Array {
  const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: the last 0x06054b50 within the final 64 kB (a comment may follow it).
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 65_557); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a zip archive (no end of central directory)');
  const entries = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('Broken zip central directory');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const entryName = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      if (data.readUInt32LE(local) !== 0x04034b50) throw new Error(`Broken zip entry ${name}`);
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      const body = data.subarray(start, start + compressed);
      if (method === 0) return body;
      if (method === 8) return inflateRawSync(body);
      throw new Error(`Zip entry ${name} uses compression method ${method}, which this reader does not know`);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`No ${name} in the zip archive`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

function attribute(attributes: string, name: string): string | null {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes);
  return found ? unescapeXml(found[1]!) : null;
}

/** Repeats beyond this are the sheet's empty tail (16,383 columns, 1,048,576 rows): kept once. */
const MAX_REPEAT = 1000;

/**
 * The cells of one sheet as rows of strings: a number cell gives its `office:value` (full
 * precision, not the displayed text), any other cell its text (paragraphs joined by a line
 * break). Trailing empty cells are dropped; repeated cells and rows are expanded.
 * @throws Error when the sheet is missing.
 */
export function readOdsSheet(ods: Uint8Array, sheet: string): string[][] {
  const xml = Buffer.from(readZipEntry(ods, 'content.xml')).toString('utf8');
  const open = xml.indexOf(`<table:table table:name="${sheet}"`);
  if (open < 0) {
    const names = [...xml.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1]);
    throw new Error(`No sheet "${sheet}" in the workbook (it has ${names.join(', ')})`);
  }
  const close = xml.indexOf('</table:table>', open);
  const body = xml.slice(open, close < 0 ? undefined : close);
  const rows: string[][] = [];
  for (const row of body.matchAll(/<table:table-row([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<table:(?:covered-)?table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const attributes = cell[1] ?? '';
      const value =
        attribute(attributes, 'office:value') ??
        [...(cell[2] ?? '').matchAll(/<text:p[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)]
          .map((p) => unescapeXml((p[1] ?? '').replace(/<text:s\/>/g, ' ').replace(/<[^>]+>/g, '')))
          .join('\n');
      const repeat = Math.min(Number(attribute(attributes, 'table:number-columns-repeated') ?? 1), value === '' ? MAX_REPEAT : Infinity);
      for (let k = 0; k < repeat; k++) cells.push(value);
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    const repeat = Math.min(Number(attribute(row[1] ?? '', 'table:number-rows-repeated') ?? 1), cells.length === 0 ? 1 : MAX_REPEAT);
    for (let k = 0; k < repeat; k++) rows.push([...cells]);
  }
  return rows;
}
