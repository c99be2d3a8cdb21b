/**
 * RFC 4180 CSV, reading and writing: the savings import and the workspace exports use it, and the
 * dataset build (lib/dataset/csv.ts) reads ../shared's CSV files with it. The reader records the
 * physical line each record starts on, so an import error can point at the line a person sees in
 * their editor even after a quoted description that spans several lines.
 */

export interface CsvRecord {
  /** 1-based physical line the record starts on (CRLF, LF and lone CR each end a line). */
  line: number;
  fields: string[];
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/**
 * Splits CSV text into records: fields separated by commas, optionally wrapped in double quotes
 * with `""` for a quote and commas and line breaks allowed inside; CRLF, LF or CR record ends; a
 * leading byte order mark dropped; a final record without a line break kept. A quote in the middle
 * of an unquoted field is kept as a character; text after a closing quote is an error.
 * `firstLine` is the line number of the text's first line, for text that follows skipped lines.
 */
export function readCsv(text: string, firstLine = 1): CsvReadResult {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = firstLine;
  let recordLine = 1;
  let inRecord = false;
  let i = 0;

  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    inRecord = false;
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (!inRecord) recordLine = line;
    if (ch === '"' && field === '') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= src.length) return { ok: false, line: openedOn, reason: 'Unclosed quoted field: a quote opened on this line is never closed (a missing ")' };
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' && src[i + 1] === '\n') {
          field += '\r\n';
          i += 2;
          line++;
          continue;
        }
        if (c === '\n' || c === '\r') line++;
        field += c;
        i++;
      }
      inRecord = true;
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, line, reason: 'Text after a closing quote; a quote inside a quoted field must be doubled ("")' };
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      inRecord = true;
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (inRecord || field !== '') endRecord();
      else records.push({ line, fields: [''] });
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    inRecord = true;
    i++;
  }
  if (inRecord || field !== '') endRecord();
  return { ok: true, records };
}

/**
 * OWASP "CSV Injection": a cell a spreadsheet would run as a formula starts (after any spaces or
 * line breaks, which Excel and LibreOffice skip) with `=`, `+`, `-` or `@`, or their full-width
 * forms `＝＋－＠` (which Excel folds to ASCII), or starts with a tab, CR or LF. Descriptions come
 * from arbitrary web pages, so such a field is written with a leading apostrophe, which the reader
 * takes off again.
 */
const FORMULA_LIKE = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * Whether `value` is written with a guard apostrophe: it looks like a formula, or it is
 * apostrophes before something that does (so `'=x`, which is not a formula, still reads back as
 * `'=x` and not as `=x`).
 */
function needsGuard(value: string): boolean {
  let i = 0;
  while (value[i] === "'") i++;
  return FORMULA_LIKE.test(value.slice(i));
}

/**
 * One field, guarded against formulas and quoted when it holds a comma, quote, line break or edge
 * space, or a `;` or tab: a spreadsheet in a locale whose list separator is `;` (most of Europe)
 * splits on those, and `a;=HYPERLINK(…)` unquoted would become a cell starting with `=`.
 */
export function csvField(value: string): string {
  const safe = needsGuard(value) ? `'${value}` : value;
  return /[",;\t\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes the formula guard of {@link csvField}: `'=SUM(A1)` reads back as `=SUM(A1)`, `''=x` as `'=x`. */
export function unguardField(value: string): string {
  return value[0] === "'" && needsGuard(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Splits off the `#` lines at the top of a file (a note on where it came from, as the fixtures
 * under tests/fixtures carry), so the header is the first record. `firstLine` is where the rest starts.
 */
export function skipLeadingComments(text: string): { rest: string; firstLine: number } {
  let rest = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let firstLine = 1;
  while (rest.startsWith('#')) {
    const end = rest.search(/\r\n|\n|\r/);
    if (end < 0) return { rest: '', firstLine: firstLine + 1 };
    rest = rest.slice(end + (rest.startsWith('\r\n', end) ? 2 : 1));
    firstLine++;
  }
  return { rest, firstLine };
}
