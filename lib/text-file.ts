/**
 * Reading the bytes of a file a person picked (savings and workspace imports) as UTF-8 text, with
 * a reason they can act on when it is not: Excel's "Unicode Text" and some editors save UTF-16,
 * and Excel's plain "CSV" saves Windows-1252, where "£" is byte A3. Decoded as UTF-8 regardless,
 * such a file used to be refused as `Unknown columns "��#…"` (issue 16).
 */

export type TextFileResult = { ok: true; text: string } | { ok: false; reason: string };

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again';

const NUL_REASON = `This file holds NUL characters: it is UTF-16 text or not a text file; ${SAVE_AS_UTF8}`;

/** The reason `text`, as read, cannot be the UTF-8 text of a file, or null when it can. */
export function textProblem(text: string): string | null {
  // FF FE or FE FF (a UTF-16 byte order mark) read as UTF-8 become two replacement characters.
  if (text.startsWith('\uFFFD\uFFFD') || text.startsWith('\uFFFE')) return `This file is UTF-16 text, not UTF-8; ${SAVE_AS_UTF8}`;
  // UTF-16 without a mark puts a NUL beside every ASCII letter; no CSV or JSON file holds one.
  if (text.includes('\u0000')) return NUL_REASON;
  return null;
}

/** 1-based line of character `index` in `text` (CRLF, LF and lone CR each end a line). */
function lineOf(text: string, index: number): number {
  const before = text.slice(0, index).match(/\r\n|\n|\r/g);
  return (before?.length ?? 0) + 1;
}

/**
 * `bytes` as UTF-8 text (a leading byte order mark dropped), or why not: UTF-16, NUL bytes, or
 * bytes that are not UTF-8, with the line of the first such byte.
 */
export function decodeTextFile(bytes: Uint8Array): TextFileResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: `This file is UTF-16 text, not UTF-8; ${SAVE_AS_UTF8}` };
  }
  if (bytes.includes(0)) return { ok: false, reason: NUL_REASON };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    return {
      ok: false,
      reason: `This file is not UTF-8 text: line ${lineOf(loose, Math.max(at, 0))} has a character in another encoding (Excel's plain "CSV" writes "£" that way); ${SAVE_AS_UTF8}`,
    };
  }
  const problem = textProblem(text);
  return problem ? { ok: false, reason: problem } : { ok: true, text };
}
