import { readCsv } from '@/lib/csv';

/**
 * RFC 4180 CSV for the dataset build: comma-separated fields, fields optionally wrapped in double
 * quotes, `""` for a quote inside a quoted field, commas and line breaks allowed inside quotes,
 * CRLF or LF record ends. A leading UTF-8 byte order mark is dropped
 * (../shared/data/lgsl_englishAndWelshServices-all.csv starts with one).
 *
 * Lenient where the RFC is silent: a final record without a line break is kept, an empty last
 * line is not a record, and a quote in the middle of an unquoted field is kept as a character.
 */

/**
 * Parses CSV text into rows of raw string fields (lib/csv.ts readCsv, without the line numbers).
 * @throws Error when a quoted field is not closed before the end of the text, or has text after
 * its closing quote.
 */
export function parseCsv(text: string): string[][] {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`CSV line ${read.line}: ${read.reason}`);
  return read.records.map((record) => record.fields);
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
