/**
 * How much an import reads at most (issue 16): a file is refused by its size before it is read,
 * and a list by its length before any record is checked, so a hostile or mistaken file is refused
 * at once instead of keeping the background busy until the browser stops it (5 minutes on one
 * event). The limits are far above what a person records: a workspace of 20,000 annotations with
 * notes on each exports to about 10 MB.
 */

/** Largest savings file, in bytes (UTF-8), and so in characters. */
export const MAX_SAVINGS_FILE_BYTES = 5_000_000;
/** Largest workspace file, in bytes (UTF-8), and so in characters. */
export const MAX_WORKSPACE_FILE_BYTES = 20_000_000;
/** Most records in one list of an import (annotations, prospects, savings items; CSV rows). */
export const MAX_IMPORT_RECORDS = 50_000;

/** "20 MB": the way a person reads a file size. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

/** The reason a file of `size` bytes is refused, or null when it may be read. */
export function fileTooLarge(size: number, limit: number): string | null {
  if (size <= limit) return null;
  const shown = formatBytes(size) === formatBytes(limit) ? `over ${formatBytes(limit)}` : formatBytes(size);
  return `This file is ${shown}; the largest that can be imported is ${formatBytes(limit)}`;
}
