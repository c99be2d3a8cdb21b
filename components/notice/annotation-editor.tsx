import { useId } from 'preact/hooks';
import { ANNOTATION_STATUSES, MAX_NOTES_LENGTH, splitTags, STATUS_LABELS } from '@/lib/workspace/annotation-fields';
import type { AnnotatedNotice } from '@/lib/workspace/annotation-draft';
import { useAnnotationDraft, type AnnotationPhase, type AnnotationTransport } from '@/hooks/use-annotation-draft';
import { formatDate } from '@/components/format';

/** The status shown before anything is recorded on the notice; the first save stores "watching". */
export const NOT_TRACKED = 'Not tracked';

export interface AnnotationEditorProps {
  notice: AnnotatedNotice;
  transport: AnnotationTransport;
  /** Autosave this long after typing stops. */
  debounceMs?: number;
  now?: () => number;
}

/**
 * Status, notes, tags, bid deadline and owner for one notice, autosaved: `debounceMs` after typing
 * stops, and at once when a field loses focus or the page is hidden (hooks/use-autosave.ts). Each
 * save sends only the fields changed here, with the field times this tab last saw, so the
 * background can merge edits from two tabs field by field and report the fields another tab
 * changed meanwhile (lib/workspace/annotation-draft.ts, hooks/use-annotation-draft.ts).
 */
export function AnnotationEditor({ notice, transport, debounceMs = 600, now = Date.now }: AnnotationEditorProps) {
  const id = useId();
  const { model, phase, error, conflicts, change, focus, blur, flush, retry } = useAnnotationDraft(notice, transport, debounceMs, now);
  const draft = model.draft;
  const hasRecord = model.hasRecord;
  const tracked = hasRecord || model.isEditing('status');
  const ownerOk = model.ownerValid;
  const tags = splitTags(draft.tags);
  const noticeDate = notice.deadline ? notice.deadline.slice(0, 10) : '';
  const bidShown = draft.bidDeadline ? draft.bidDeadline.slice(0, 10) : noticeDate;
  const disabled = phase === 'loading' || phase === 'load-error';

  return (
    <form class="cl-annot" onSubmit={(e) => (e.preventDefault(), flush())}>
      <fieldset class="cl-annot__fields" disabled={disabled} onFocusIn={(e) => focus((e.target as HTMLElement).getAttribute('name'))} onFocusOut={blur}>
        <legend class="cl-visually-hidden">Your notes on this notice</legend>
        <div class="cl-annot__row">
          <div class="cl-annot__field">
            <label for={`${id}-status`}>Status</label>
            <select id={`${id}-status`} name="status" value={tracked ? draft.status : ''} onChange={(e) => e.currentTarget.value && change('status', e.currentTarget.value)}>
              {/* Nothing recorded yet: "Watching" would claim a choice the person has not made (issue 12). */}
              {!tracked && <option value="">{NOT_TRACKED}</option>}
              {ANNOTATION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
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
          <textarea id={`${id}-notes`} name="notes" rows={4} maxLength={MAX_NOTES_LENGTH} value={draft.notes} onInput={(e) => change('notes', e.currentTarget.value)} />
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
          <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={retry}>
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

function stateText(phase: AnnotationPhase, error: string, hasRecord: boolean): string {
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
