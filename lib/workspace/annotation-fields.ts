// Without Zod: the notice panel's content script uses these rules too, and full Zod would be most
// of its size (../shared/RECIPE-e2e.md, "Bundle size"). lib/workspace/schema.ts builds its
// schemas from the same constants, so the editor and the background cannot drift apart.
import { normaliseTags } from './tags';

/** In workflow order, which is also the order the workspace sorts them in. */
export const ANNOTATION_STATUSES = ['watching', 'go', 'no-go', 'bidding', 'submitted', 'won', 'lost'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

/** Each status as a person reads it, in the editor's list and the workspace's table alike. */
export const STATUS_LABELS: Readonly<Record<AnnotationStatus, string>> = {
  watching: 'Watching',
  go: 'Go',
  'no-go': 'No-go',
  bidding: 'Bidding',
  submitted: 'Submitted',
  won: 'Won',
  lost: 'Lost',
};

/** Statuses after which a bid deadline no longer matters: no reminders, no calendar entry. */
export const CLOSED_STATUSES: ReadonlySet<AnnotationStatus> = new Set(['no-go', 'submitted', 'won', 'lost']);

export const MAX_NOTES_LENGTH = 10_000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
/** Titles, buyer and council names, people's names: generous, but bounded. */
export const MAX_TEXT_LENGTH = 500;

/** Owner initials: 1 to 4 ASCII letters, either case (stored upper-cased). */
export const OWNER_PATTERN = /^[A-Z]{1,4}$/i;

/** Whether typed owner text can be saved: empty (no owner), or initials with spaces around allowed. */
export function isOwnerInput(text: string): boolean {
  const value = text.trim();
  return value === '' || OWNER_PATTERN.test(value);
}

/** Typed owner text as stored: trimmed and upper-cased, null when empty. */
export function ownerFromInput(text: string): string | null {
  const value = text.trim().toUpperCase();
  return value === '' ? null : value;
}

/** Tags as typed in one box, comma separated, as stored: {@link normaliseTags} of the one entry. */
export function splitTags(text: string): string[] {
  return normaliseTags([text]);
}

/** The key for a notice: its OCID when the page shows one, else `site:noticeId`. */
export function annotationKey(notice: { site: string; noticeId: string; ocid?: string | null }): string {
  return notice.ocid ? notice.ocid : `${notice.site}:${notice.noticeId}`;
}
