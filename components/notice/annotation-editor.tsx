import type { TargetedEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationEdit, AnnotationStatus, NoticeSite } from '@/lib/workspace/schema';
import { normaliseTags } from '@/lib/workspace/tags';
import { errorText, formatDate } from '@/components/format';

// Type imports only from lib/workspace: its schemas use full Zod, which a content script should
// not carry (../shared/RECIPE-e2e.md). The background validates every edit.

/** The seven statuses in workflow order (lib/workspace/schema.ts ANNOTATION_STATUSES), with plain labels. */
export const STATUS_LABELS: readonly (readonly [AnnotationStatus, string])[] = [
  ['watching', 'Watching'],
  ['go', 'Go'],
  ['no-go', 'No-go'],
  ['bidding', 'Bidding'],
  ['submitted', 'Submitted'],
  ['won', 'Won'],
  ['lost', 'Lost'],
];

/** The status shown before anything is recorded on the notice; the first save stores "watching". */
export const NOT_TRACKED = 'Not tracked';

/** The fields a person edits here; the rest come from the page. */
export type EditorField = 'status' | 'notes' | 'tags' | 'bidDeadline' | 'owner';
const EDITOR_FIELDS: readonly EditorField[] = ['status', 'notes', 'tags', 'bidDeadline', 'owner'];
const TEXT_FIELDS: ReadonlySet<EditorField> = new Set(['notes', 'tags', 'owner']);
const FIELD_WORDS: Record<EditorField, string> = { status: 'status', notes: 'notes', tags: 'tags', bidDeadline: 'bid deadline', owner: 'owner' };

interface Draft {
  status: AnnotationStatus;
  notes: string;
  /** As typed, comma separated. */
  tags: string;
  /** '' means "the notice's deadline". */
  bidDeadline: string;
  owner: string;
}
const EMPTY: Draft = { status: 'watching', notes: '', tags: '', bidDeadline: '', owner: '' };

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

/** How the editor reaches the background; the content script passes `ask`, tests a fake. */
export interface AnnotationTransport {
  load(key: string): Promise<Annotation | null>;
  save(edit: AnnotationEdit): Promise<{ annotation: Annotation; conflicts: string[] }>;
  /** Calls `listener` when this key's annotation changed elsewhere (another tab, an import); returns an unsubscribe. */
  onRemoteChange(listener: () => void): () => void;
}

export interface AnnotationEditorProps {
  notice: AnnotatedNotice;
  transport: AnnotationTransport;
  /** Autosave this long after typing stops. */
  debounceMs?: number;
  now?: () => number;
}

/** Tags as stored (lib/workspace/schema.ts normaliseTags): split on , and ;, trimmed, lower-cased, unique. */
export function splitTags(text: string): string[] {
  return normaliseTags([text]);
}

/** Owner initials: empty (no owner) or 1 to 4 letters. */
function isOwnerValid(text: string): boolean {
  const value = text.trim();
  return value === '' || /^[A-Za-z]{1,4}$/.test(value);
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
      return draft.owner.trim() === '' ? null : draft.owner.trim().toUpperCase();
  }
}

type Phase = 'loading' | 'load-error' | 'idle' | 'saving' | 'saved' | 'error';

/** "Another tab changed the notes and tags while you were editing here. The latest edit was kept." */
export function conflictMessage(fields: readonly string[]): string | null {
  const list = fieldWords(fields);
  return list && `Another tab changed the ${list} while you were editing here. The latest edit was kept.`;
}

/** The editor's fields among `fields`, in form order, as words: "status, bid deadline and owner"; null when none. */
function fieldWords(fields: readonly string[]): string | null {
  const words = EDITOR_FIELDS.filter((f) => fields.includes(f)).map((f) => FIELD_WORDS[f]);
  if (words.length === 0) return null;
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** "Another tab changed the notes; this page now shows that version.": fields replaced here by a remote change. */
export function remoteChangeMessage(fields: readonly string[]): string | null {
  const list = fieldWords(fields);
  return list && `Another tab changed the ${list}; this page now shows that version.`;
}

/**
 * Status, notes, tags, bid deadline and owner for one notice, autosaved: `debounceMs` after typing
 * stops, and at once when a field loses focus or the page is hidden. Each save sends only the
 * fields changed here, with the field times this tab last saw, so the background can merge edits
 * from two tabs field by field and report the fields another tab changed meanwhile.
 */
export function AnnotationEditor({ notice, transport, debounceMs = 600, now = Date.now }: AnnotationEditorProps) {
  const id = useId();
  const [draft, setDraftState] = useState<Draft>(EMPTY);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const [conflicts, setConflicts] = useState<string | null>(null);
  const [hasRecord, setHasRecord] = useState(false);

  // Mutable state read by timers and listeners: refs, so no callback sees a stale value.
  const draftRef = useRef<Draft>(EMPTY);
  const saved = useRef<Annotation | null>(null);
  const baseTimes = useRef<Record<string, number>>({});
  const dirty = useRef(new Set<EditorField>());
  const inflight = useRef(new Set<EditorField>());
  const focused = useRef<EditorField | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const live = useRef({ notice, transport, now, debounceMs });
  live.current = { notice, transport, now, debounceMs };

  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };

  /** Changed here and not yet saved, or a text field with the cursor in it (a select or date only changes on a pick). */
  const isEditing = (f: EditorField) => dirty.current.has(f) || inflight.current.has(f) || (focused.current === f && TEXT_FIELDS.has(f));

  /**
   * Takes a stored version into the fields nobody is editing here; never goes back in time.
   * Returns the fields whose shown value it changed.
   */
  const adopt = (a: Annotation | null): EditorField[] => {
    if (!a) {
      // Deleted elsewhere (workspace "Delete"): start again from an empty record.
      saved.current = null;
      baseTimes.current = {};
      const next = { ...draftRef.current };
      for (const f of EDITOR_FIELDS) if (!isEditing(f)) (next as Record<string, string>)[f] = EMPTY[f];
      const changed = EDITOR_FIELDS.filter((f) => next[f] !== draftRef.current[f]);
      setDraft(next);
      setHasRecord(false);
      return changed;
    }
    const next = { ...draftRef.current };
    for (const field of new Set([...Object.keys(a.fieldTimes), ...EDITOR_FIELDS])) {
      const f = field as EditorField;
      // A field never written counts as time -1, as in lib/workspace/merge.ts.
      const time = a.fieldTimes[field as keyof Annotation['fieldTimes']] ?? -1;
      if (isEditing(f) || (baseTimes.current[field] ?? -1) > time) continue;
      if (time >= 0) baseTimes.current[field] = time;
      if (EDITOR_FIELDS.includes(f)) (next as Record<string, string>)[f] = fromAnnotation(a, f);
    }
    saved.current = a;
    const changed = EDITOR_FIELDS.filter((f) => next[f] !== draftRef.current[f]);
    setDraft(next);
    setHasRecord(true);
    return changed;
  };

  const load = async (): Promise<void> => {
    setPhase('loading');
    try {
      adopt(await live.current.transport.load(live.current.notice.key));
      setPhase('idle');
    } catch (e) {
      setError(errorText(e));
      setPhase('load-error');
    }
  };

  const flush = async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (saving.current) {
      again.current = true;
      return saving.current;
    }
    const fields = [...dirty.current].filter((f) => f !== 'owner' || isOwnerValid(draftRef.current.owner));
    if (fields.length === 0) return;
    const { transport: t, notice: n } = live.current;
    const run = (async () => {
      for (const f of fields) {
        dirty.current.delete(f);
        inflight.current.add(f);
      }
      setPhase('saving');
      try {
        // A first save writes every required field: check another tab has not created the record meanwhile.
        if (!saved.current) adopt(await t.load(n.key));
        const d = draftRef.current;
        const patch: Record<string, unknown> = {};
        for (const f of fields) patch[f] = toPatchValue(d, f);
        const stored = saved.current as Record<string, unknown> | null;
        const page: Record<string, unknown> = {
          site: n.site,
          noticeUrl: n.noticeUrl,
          title: n.title,
          buyerName: n.buyerName,
          noticeDeadline: n.deadline ?? undefined,
          council: n.council ?? undefined,
          serviceGroup: n.serviceGroup ?? undefined,
        };
        for (const [k, v] of Object.entries(page)) if (v !== undefined && stored?.[k] !== v) patch[k] = v;
        if (!stored) {
          patch['status'] ??= d.status;
          patch['tags'] ??= splitTags(d.tags);
          patch['notes'] ??= d.notes;
        }
        const result = await t.save({ key: n.key, fields: patch as AnnotationEdit['fields'], at: live.current.now(), baseTimes: { ...baseTimes.current } });
        inflight.current.clear();
        // The fields just saved now stand at the saved times, whatever the draft shows.
        for (const k of Object.keys(patch)) {
          const time = result.annotation.fieldTimes[k as keyof Annotation['fieldTimes']];
          if (time !== undefined) baseTimes.current[k] = time;
        }
        adopt(result.annotation);
        setConflicts(conflictMessage(result.conflicts));
        setPhase(dirty.current.size > 0 ? 'saving' : 'saved');
      } catch (e) {
        for (const f of inflight.current) dirty.current.add(f);
        inflight.current.clear();
        setError(errorText(e));
        setPhase('error');
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
    if (again.current) {
      again.current = false;
      if (dirty.current.size > 0) await flush();
    }
  };

  const change = (field: EditorField, value: string) => {
    setDraft({ ...draftRef.current, [field]: value });
    dirty.current.add(field);
    if (field === 'owner' && !isOwnerValid(value) && dirty.current.size === 1) return;
    setPhase('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), live.current.debounceMs);
  };

  useEffect(() => {
    void load();
    const unsubscribe = live.current.transport.onRemoteChange(() => {
      // Said, so a person who typed here and left the field sees why the text changed.
      void live.current.transport.load(live.current.notice.key).then((a) => {
        const message = remoteChangeMessage(adopt(a));
        if (message) setConflicts(message);
      }, () => undefined);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
    // One editor per notice key: the content script remounts it for another notice.
  }, [notice.key]);

  const onFocusIn = (event: TargetedEvent<HTMLFieldSetElement, FocusEvent>) => {
    const name = (event.target as HTMLElement).getAttribute('name');
    focused.current = EDITOR_FIELDS.includes(name as EditorField) ? (name as EditorField) : null;
  };
  const onFocusOut = () => {
    focused.current = null;
    void flush();
  };

  const tracked = hasRecord || isEditing('status');
  const ownerOk = isOwnerValid(draft.owner);
  const tags = splitTags(draft.tags);
  const noticeDate = notice.deadline ? notice.deadline.slice(0, 10) : '';
  const bidShown = draft.bidDeadline ? draft.bidDeadline.slice(0, 10) : noticeDate;
  const disabled = phase === 'loading' || phase === 'load-error';

  return (
    <form class="cl-annot" onSubmit={(e) => (e.preventDefault(), void flush())}>
      <fieldset class="cl-annot__fields" disabled={disabled} onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
        <legend class="cl-visually-hidden">Your notes on this notice</legend>
        <div class="cl-annot__row">
          <div class="cl-annot__field">
            <label for={`${id}-status`}>Status</label>
            <select id={`${id}-status`} name="status" value={tracked ? draft.status : ''} onChange={(e) => e.currentTarget.value && change('status', e.currentTarget.value)}>
              {/* Nothing recorded yet: "Watching" would claim a choice the person has not made (issue 12). */}
              {!tracked && <option value="">{NOT_TRACKED}</option>}
              {STATUS_LABELS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="cl-annot__field cl-annot__field--owner">
            <label for={`${id}-owner`}>Owner</label>
            <input
              id={`${id}-owner`}
              name="owner"
              type="text"
              autocomplete="off"
              spellcheck={false}
              maxLength={8}
              size={5}
              value={draft.owner}
              aria-invalid={!ownerOk}
              aria-describedby={`${id}-owner-help`}
              onInput={(e) => change('owner', e.currentTarget.value)}
            />
          </div>
        </div>
        <p id={`${id}-owner-help`} class={ownerOk ? 'cl-annot__help' : 'cl-annot__help cl-annot__help--error'}>
          {ownerOk ? 'Owner: initials, 1 to 4 letters.' : 'Owner must be 1 to 4 letters, such as JS. Not saved until it is.'}
        </p>
        <div class="cl-annot__field">
          <label for={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} name="notes" rows={4} maxLength={10_000} value={draft.notes} onInput={(e) => change('notes', e.currentTarget.value)} />
        </div>
        <div class="cl-annot__field">
          <label for={`${id}-tags`}>Tags</label>
          <input
            id={`${id}-tags`}
            name="tags"
            type="text"
            autocomplete="off"
            value={draft.tags}
            aria-describedby={`${id}-tags-help`}
            onInput={(e) => change('tags', e.currentTarget.value)}
          />
          <p id={`${id}-tags-help`} class="cl-annot__help">
            Separate tags with commas.
          </p>
          {tags.length > 0 && (
            <ul class="cl-annot__chips" aria-label="Tags entered">
              {tags.map((tag) => (
                <li class="cl-annot__chip" key={tag}>
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="cl-annot__field">
          <label for={`${id}-bid`}>Bid deadline</label>
          <input
            id={`${id}-bid`}
            name="bidDeadline"
            type="date"
            value={bidShown}
            aria-describedby={`${id}-bid-help`}
            onInput={(e) => change('bidDeadline', e.currentTarget.value)}
          />
          <p id={`${id}-bid-help`} class="cl-annot__help">
            {draft.bidDeadline === ''
              ? notice.deadline
                ? `The notice’s deadline, ${deadlineText(notice.deadline)}. Change it to set your own.`
                : 'The notice gives no deadline: set your own for reminders.'
              : notice.deadline
                ? `Your own deadline; the notice says ${deadlineText(notice.deadline)}.`
                : 'Your own deadline.'}
          </p>
          {draft.bidDeadline !== '' && notice.deadline && (
            <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={() => change('bidDeadline', '')}>
              Use the notice’s deadline
            </button>
          )}
        </div>
      </fieldset>
      {conflicts && (
        <div class="cl-notice cl-notice--info">
          <p role="status">{conflicts}</p>
        </div>
      )}
      <div class="cl-annot__status">
        <p role="status" class={phase === 'error' || phase === 'load-error' ? 'cl-annot__state cl-annot__state--error' : 'cl-annot__state'}>
          {stateText(phase, error, hasRecord)}
        </p>
        {(phase === 'error' || phase === 'load-error') && (
          <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={() => void (phase === 'error' ? flush() : load())}>
            Try again
          </button>
        )}
      </div>
    </form>
  );
}

function deadlineText(deadline: string): string {
  const date = formatDate(deadline) ?? deadline;
  const time = /T(\d{2}:\d{2})/.exec(deadline)?.[1];
  return time ? `${date}, ${time}` : date;
}

function stateText(phase: Phase, error: string, hasRecord: boolean): string {
  switch (phase) {
    case 'loading':
      return 'Loading your notes…';
    case 'load-error':
      return `Couldn’t load your notes: ${error}`;
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${error.replace(/\.?$/, '.')} Your changes are still here.`;
    case 'idle':
      return hasRecord ? 'Saved' : 'Kept in this browser only; saved as you type.';
  }
}
