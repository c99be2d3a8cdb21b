import { z } from 'zod';
import { ReadViaSchema, type PageFacts } from './types';

/**
 * The layout-health record: how the last LinkedIn pages were read in this browser, so a user can
 * tell when LinkedIn changed its markup (a layout that used to be read by its structure now falls
 * back to the page text) and say so in a bug report. Kept in the extension's own storage, written by
 * the background only; it holds no names, slugs or URLs, only a hash to tell pages apart.
 */

/** Where the record is kept in the extension's storage (`browser.storage.local`). */
export const LAYOUT_HEALTH_KEY = 'layoutHealth';

/** How many pages are kept. */
export const LAYOUT_HEALTH_LIMIT = 50;

export const LayoutReadSchema = z.object({
  /** Milliseconds since the epoch. */
  at: z.number().int().nonnegative(),
  kind: z.enum(['linkedin-profile', 'linkedin-company']),
  via: ReadViaSchema,
  /** A 32-bit hash of the page identity, to count a page once however often it is re-read. */
  page: z.string().regex(/^[0-9a-f]{8}$/),
});
export type LayoutRead = z.infer<typeof LayoutReadSchema>;

export const LayoutHealthSchema = z.array(LayoutReadSchema).max(LAYOUT_HEALTH_LIMIT);

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell 50 pages apart, not to read one back. */
function pageHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The record of one read of a LinkedIn page; null for other pages. */
export function layoutReadOf(facts: PageFacts, at: number): LayoutRead | null {
  if (facts.kind !== 'linkedin-profile' && facts.kind !== 'linkedin-company') return null;
  return { at, kind: facts.kind, via: facts.readVia, page: pageHash(`${facts.kind}:${facts.pageId}`) };
}

/**
 * The record with `read` added, newest last, at most {@link LAYOUT_HEALTH_LIMIT} pages. A page read
 * again (a lazily loaded card, a re-render) replaces its earlier entry: the latest read is how the
 * page ended up.
 */
export function recordLayoutRead(record: readonly LayoutRead[], read: LayoutRead): LayoutRead[] {
  const others = record.filter((r) => r.page !== read.page);
  return [...others, read].slice(-LAYOUT_HEALTH_LIMIT);
}

/** A stored record, checked; anything unreadable counts as empty, so a bad value is replaced, not kept. */
export function parseLayoutHealth(value: unknown): LayoutRead[] {
  const parsed = LayoutHealthSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export interface LayoutSummaryRow {
  kind: LayoutRead['kind'];
  /** 'structure' when read by a known layout, 'text' when it fell back to the page text. */
  via: LayoutRead['via'];
  pages: number;
  /** The latest read of this kind and way, ms since the epoch. */
  last: number;
}

/** One row per page kind and way of reading, profiles first, most pages first. */
export function summariseLayoutHealth(record: readonly LayoutRead[]): LayoutSummaryRow[] {
  const rows = new Map<string, LayoutSummaryRow>();
  for (const read of record) {
    const key = `${read.kind}|${read.via}`;
    const row = rows.get(key) ?? { kind: read.kind, via: read.via, pages: 0, last: 0 };
    row.pages++;
    row.last = Math.max(row.last, read.at);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) * -1 || b.pages - a.pages);
}
