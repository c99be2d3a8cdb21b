// Types only from ./schema: its values carry full Zod, which the notice panel's content script
// should not bundle (./annotation-fields). The background validates every edit.
import type { Annotation, AnnotationEdit, AnnotationFieldTimes, NoticeSite } from './schema';
import { isOwnerInput, ownerFromInput, splitTags, type AnnotationStatus } from './annotation-fields';

/** The fields a person edits in the notice panel; the rest come from the page. */
export type EditorField = 'status' | 'notes' | 'tags' | 'bidDeadline' | 'owner';
export const EDITOR_FIELDS: readonly EditorField[] = ['status', 'notes', 'tags', 'bidDeadline', 'owner'];
/** Fields typed into: the cursor in one means it is being edited even before a change. */
const TEXT_FIELDS: ReadonlySet<EditorField> = new Set(['notes', 'tags', 'owner']);
const FIELD_WORDS: Record<EditorField, string> = { status: 'status', notes: 'notes', tags: 'tags', bidDeadline: 'bid deadline', owner: 'owner' };

/** What the form shows, as typed. */
export interface Draft {
  status: AnnotationStatus;
  notes: string;
  /** As typed, comma separated. */
  tags: string;
  /** '' means "the notice's deadline". */
  bidDeadline: string;
  owner: string;
}
export const EMPTY_DRAFT: Readonly<Draft> = { status: 'watching', notes: '', tags: '', bidDeadline: '', owner: '' };

/** The notice as the page shows it: written with the first save, and again when the page changes. */
export interface AnnotatedNotice {
  key: string;
  site: NoticeSite;
  noticeUrl: string;
  title: string;
  buyerName: string;
  /** The notice's own deadline, YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  deadline: string | null;
  council?: string | null;
  serviceGroup?: string | null;
}

function fromAnnotation(a: Annotation, field: EditorField): string {
  switch (field) {
    case 'status':
      return a.status;
    case 'notes':
      return a.notes;
    case 'tags':
      return a.tags.join(', ');
    case 'bidDeadline':
      return a.bidDeadline ?? '';
    case 'owner':
      return a.owner ?? '';
  }
}

function toPatchValue(draft: Draft, field: EditorField): unknown {
  switch (field) {
    case 'status':
      return draft.status;
    case 'notes':
      return draft.notes;
    case 'tags':
      return splitTags(draft.tags);
    case 'bidDeadline':
      return draft.bidDeadline === '' ? null : draft.bidDeadline;
    case 'owner':
      return ownerFromInput(draft.owner);
  }
}

/** The editor's fields among `fields`, in form order, as words: "status, bid deadline and owner"; null when none. */
function fieldWords(fields: readonly string[]): string | null {
  const words = EDITOR_FIELDS.filter((f) => fields.includes(f)).map((f) => FIELD_WORDS[f]);
  if (words.length === 0) return null;
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** "Another tab changed the notes and tags while you were editing here. The latest edit was kept." */
export function conflictMessage(fields: readonly string[]): string | null {
  const list = fieldWords(fields);
  return list && `Another tab changed the ${list} while you were editing here. The latest edit was kept.`;
}

/** "Another tab changed the notes; this page now shows that version.": fields replaced here by a remote change. */
export function remoteChangeMessage(fields: readonly string[]): string | null {
  const list = fieldWords(fields);
  return list && `Another tab changed the ${list}; this page now shows that version.`;
}

/**
 * One notice's annotation as a tab edits it: what the form shows, which fields are changed here
 * and not yet saved (dirty), which are being saved (in flight), and the field times this tab last
 * saw (`baseTimes`), sent with each save so the background can merge edits from two tabs field by
 * field (lib/workspace/merge.ts) and report the fields another tab changed meanwhile. No timers
 * and no messages: the editor component drives it.
 */
export class AnnotationDraft {
  #draft: Draft = { ...EMPTY_DRAFT };
  #stored: Annotation | null = null;
  #baseTimes: Record<string, number> = {};
  readonly #dirty = new Set<EditorField>();
  readonly #inflight = new Set<EditorField>();
  /** The form field with the cursor in it, if any. */
  focused: EditorField | null = null;

  get draft(): Readonly<Draft> {
    return this.#draft;
  }

  /** Whether a stored record was last seen (false before the first save, and after a delete elsewhere). */
  get hasRecord(): boolean {
    return this.#stored !== null;
  }

  /** Whether changes made here wait for a save. */
  get hasUnsaved(): boolean {
    return this.#dirty.size > 0;
  }

  /** Whether {@link beginSave} would save something now (owner initials wait until they are valid). */
  get hasSavable(): boolean {
    return [...this.#dirty].some((f) => f !== 'owner' || this.ownerValid);
  }

  /** Changed here and not yet saved, or a text field with the cursor in it (a select or date only changes on a pick). */
  isEditing(field: EditorField): boolean {
    return this.#dirty.has(field) || this.#inflight.has(field) || (this.focused === field && TEXT_FIELDS.has(field));
  }

  /** Whether the shown owner can be saved. */
  get ownerValid(): boolean {
    return isOwnerInput(this.#draft.owner);
  }

  /** A person's change to one field. */
  edit(field: EditorField, value: string): void {
    this.#draft = { ...this.#draft, [field]: value };
    this.#dirty.add(field);
  }

  /**
   * Takes a stored version (null: deleted elsewhere) into the fields nobody is editing here; never
   * goes back in time. Returns the fields whose shown value it changed.
   */
  adopt(stored: Annotation | null): EditorField[] {
    const before = this.#draft;
    const next = { ...before } as Record<EditorField, string>;
    if (!stored) {
      // Deleted elsewhere (workspace "Delete"): start again from an empty record.
      this.#baseTimes = {};
      for (const f of EDITOR_FIELDS) if (!this.isEditing(f)) next[f] = EMPTY_DRAFT[f];
    } else {
      for (const field of new Set([...Object.keys(stored.fieldTimes), ...EDITOR_FIELDS])) {
        const f = field as EditorField;
        // A field never written counts as time -1, as in lib/workspace/merge.ts.
        const time = stored.fieldTimes[field as keyof AnnotationFieldTimes] ?? -1;
        if (this.isEditing(f) || (this.#baseTimes[field] ?? -1) > time) continue;
        if (time >= 0) this.#baseTimes[field] = time;
        if (EDITOR_FIELDS.includes(f)) next[f] = fromAnnotation(stored, f);
      }
    }
    this.#stored = stored;
    this.#draft = next as Draft;
    return EDITOR_FIELDS.filter((f) => next[f] !== before[f]);
  }

  /**
   * Starts a save: the changed fields that can be saved (an owner only once valid) move from dirty
   * to in flight. Empty when there is nothing to save.
   */
  beginSave(): EditorField[] {
    const fields = [...this.#dirty].filter((f) => f !== 'owner' || this.ownerValid);
    for (const f of fields) {
      this.#dirty.delete(f);
      this.#inflight.add(f);
    }
    return fields;
  }

  /**
   * The edit to send for `fields`: their values, the page's facts where they differ from the
   * stored record, and on a first save every required field.
   */
  editFor(fields: readonly EditorField[], notice: AnnotatedNotice, at: number): AnnotationEdit {
    const d = this.#draft;
    const patch: Record<string, unknown> = {};
    for (const f of fields) patch[f] = toPatchValue(d, f);
    const stored = this.#stored as Record<string, unknown> | null;
    const page: Record<string, unknown> = {
      site: notice.site,
      noticeUrl: notice.noticeUrl,
      title: notice.title,
      buyerName: notice.buyerName,
      noticeDeadline: notice.deadline ?? undefined,
      council: notice.council ?? undefined,
      serviceGroup: notice.serviceGroup ?? undefined,
    };
    for (const [k, v] of Object.entries(page)) if (v !== undefined && stored?.[k] !== v) patch[k] = v;
    if (!stored) {
      patch['status'] ??= d.status;
      patch['tags'] ??= splitTags(d.tags);
      patch['notes'] ??= d.notes;
    }
    return { key: notice.key, fields: patch as AnnotationEdit['fields'], at, baseTimes: { ...this.#baseTimes } };
  }

  /** The background stored `edit`: the fields sent now stand at their saved times, whatever the draft shows. */
  saved(edit: AnnotationEdit, annotation: Annotation): void {
    this.#inflight.clear();
    for (const k of Object.keys(edit.fields)) {
      const time = annotation.fieldTimes[k as keyof AnnotationFieldTimes];
      if (time !== undefined) this.#baseTimes[k] = time;
    }
    this.adopt(annotation);
  }

  /** The save failed: the fields in flight are changed-and-unsaved again, for the next try. */
  failed(): void {
    for (const f of this.#inflight) this.#dirty.add(f);
    this.#inflight.clear();
  }
}
