/**
 * A small RFC 4180 CSV parser: comma-separated fields, fields optionally wrapped in double
 * quotes, `""` for a quote inside a quoted field, commas and line breaks allowed inside quotes,
 * CRLF or LF record ends. A leading UTF-8 byte order mark is dropped
 * (../shared/data/lgsl_englishAndWelshServices-all.csv starts with one).
 *
 * Lenient where the RFC is silent: a final record without a line break is kept, an empty last
 * line is not a record, and a quote in the middle of an unquoted field is kept as a character.
 */

/**
 * Parses CSV text into rows of raw string fields.
 * @throws Error when a quoted field is not closed before the end of the text.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  // A record has started once any character of it has been read, so that "a,\n" gives ["a", ""]
  // while the text after the last line break gives no empty record.
  let inRecord = false;

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    rows.push(row);
    row = [];
    inRecord = false;
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '' && !fieldStartedUnquoted(src, i)) {
      // Quoted field: read to the closing quote, turning "" into ".
      const start = i;
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`Unclosed quoted field starting at offset ${start}`);
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      inRecord = true;
      continue;
    }
    if (ch === ',') {
      endField();
      inRecord = true;
      i++;
      continue;
    }
    if (ch === '\r' && src[i + 1] === '\n') {
      endRecord();
      i += 2;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i++;
      continue;
    }
    field += ch;
    inRecord = true;
    i++;
  }
  if (inRecord || field !== '' || row.length > 0) endRecord();
  return rows;
}

/** True when the quote at `i` is preceded by other characters of the same unquoted field. */
function fieldStartedUnquoted(src: string, i: number): boolean {
  if (i === 0) return false;
  const prev = src[i - 1];
  return prev !== ',' && prev !== '\n' && prev !== '\r';
}

/**
 * Parses CSV text whose first row is a header into one object per record, keyed by header.
 * @throws Error on a duplicate header or a record whose field count differs from the header's.
 */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  if (new Set(header).size !== header.length) throw new Error(`Duplicate column in header: ${header.join(',')}`);
  return rows.map((fields, n) => {
    if (fields.length !== header.length) {
      throw new Error(`Record ${n + 2} has ${fields.length} fields; the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, k) => {
      record[name] = fields[k] ?? '';
    });
    return record;
  });
}
