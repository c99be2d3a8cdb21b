import { ANNOTATION_FIELDS, PROSPECT_FIELDS, type Annotation, type AnnotationEdit, type Prospect, type ProspectEdit } from '@/lib/workspace/schema';

/** Whole days from `today` to a deadline's date (YYYY-MM-DD or YYYY-MM-DDTHH:MM); negative when past. */
export function daysUntil(deadline: string, today: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(deadline) - day(today)) / 86_400_000);
}

/** "12 days left", "today", "1 day ago". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} left`;
  return `${-days} ${days === -1 ? 'day' : 'days'} ago`;
}

/** A deadline as people read it: "5 Mar 2027" or "5 Mar 2027, 12:00". */
export function formatDeadline(deadline: string): string {
  const date = new Date(Date.UTC(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)) - 1, Number(deadline.slice(8, 10))));
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return deadline.length > 10 ? `${day}, ${deadline.slice(11, 16)}` : day;
}

/** The first line of notes, clipped. */
export function excerpt(text: string, limit = 80): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1).trimEnd()}…`;
}

/** A record's set fields among `names`: what an edit needs to write it back as it was. */
function setFields<R extends object>(record: R, names: readonly (keyof R & string)[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of names) if (record[f] !== undefined) fields[f] = record[f];
  return fields;
}

/** An edit that writes a deleted annotation back as it was ("Undo"). */
export function annotationRestoreEdit(a: Annotation, at: number): AnnotationEdit {
  return { key: a.key, fields: setFields(a, ANNOTATION_FIELDS) as AnnotationEdit['fields'], at };
}

/** An edit that writes a deleted prospect back as it was ("Undo"). */
export function prospectRestoreEdit(p: Prospect, at: number): ProspectEdit {
  return { id: p.id, fields: setFields(p, PROSPECT_FIELDS) as ProspectEdit['fields'], at };
}
