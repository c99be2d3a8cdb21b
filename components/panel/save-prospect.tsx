import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabContext } from '@/lib/page-context';
import { serviceGroupLabel, seniorityLabel } from '@/lib/roles/groups';
import { normaliseProfileUrl, type Prospect, type ProspectFieldTimes, type ProspectPatch } from '@/lib/workspace/schema';
import { errorText } from '@/components/format';

/** Unsaved edits, with the profile and saved record (`draftKey`) they were made over. */
interface ProspectDraft {
  key: string;
  name?: string;
  title?: string;
  notes?: string;
  followUp?: string;
}

export type ProspectState = { status: 'loading' } | { status: 'ready'; prospect: Prospect | null } | { status: 'error'; error: string };

export interface SaveProspectProps {
  /** A LinkedIn profile's context with a council card. */
  context: TabContext;
  state: ProspectState;
  /** Writes the fields (editProspect); `baseTimes` are the saved record's field times, for conflict reports. */
  onSave(fields: ProspectPatch, baseTimes?: ProspectFieldTimes): Promise<{ prospect: Prospect; conflicts: string[] }>;
  /** The workspace page's address. */
  workspaceUrl: string;
}

/** What "Save prospect" stores for a new prospect, from the tab's context; null off a profile or without a name. */
export function prospectFromContext(context: TabContext): ProspectPatch | null {
  const profileUrl = normaliseProfileUrl(context.url);
  const name = context.person?.name?.trim();
  if (!profileUrl || !name || !context.card) return null;
  const group = context.role?.serviceGroup?.id;
  const seniority = context.role?.seniority?.id;
  const fields: ProspectPatch = {
    name,
    title: context.role?.title ?? context.person?.title ?? '',
    council: context.card.code,
    councilName: context.card.officialName,
    profileUrl,
    notes: '',
  };
  if (group && serviceGroupLabel(group)) fields.serviceGroup = group as ProspectPatch['serviceGroup'];
  if (seniority && seniorityLabel(seniority)) fields.seniority = seniority as ProspectPatch['seniority'];
  return fields;
}

/**
 * "Save prospect" in the side panel (issue 6): a button that opens a short form; once saved,
 * the notes and follow-up date stay editable here. Only what the person saves is stored.
 */
export function SaveProspect({ context, state, onSave, workspaceUrl }: SaveProspectProps) {
  const base = prospectFromContext(context);
  const saved = state.status === 'ready' ? state.prospect : null;
  // What the person has typed, kept against the profile and saved record it was typed over: a new
  // profile starts afresh, and a saved record (or a change from another window) shows its own
  // values from the first render it appears in, rather than an effect later (no empty flash).
  const draftKey = `${base?.profileUrl ?? ''}|${saved?.id ?? ''}|${saved?.updatedAt ?? ''}`;
  const [draft, setDraft] = useState<ProspectDraft>({ key: draftKey });
  const current: ProspectDraft = draft.key === draftKey ? draft : { key: draftKey };
  const edit = (field: keyof Omit<ProspectDraft, 'key'>, value: string) =>
    setDraft((d) => ({ ...(d.key === draftKey ? d : { key: draftKey }), [field]: value }));
  const name = current.name ?? base?.name ?? '';
  const title = current.title ?? base?.title ?? '';
  const notes = current.notes ?? saved?.notes ?? '';
  const followUp = current.followUp ?? saved?.followUp ?? '';
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; text: string } | null>(null);
  // Focus follows the form: into it on open, back to the button on Cancel, to the heading once saved.
  const [focus, setFocus] = useState<'name' | 'button' | 'saved' | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = focus === 'name' ? nameRef : focus === 'button' ? buttonRef : focus === 'saved' ? savedRef : null;
    if (target?.current) {
      target.current.focus();
      setFocus(null);
    }
  });

  // A new profile in the tab closes the form and forgets the last message.
  useEffect(() => {
    setOpen(false);
    setResult(null);
  }, [base?.profileUrl]);

  if (!base || state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p class="cl-prospect cl-prospect__error" role="alert">
        Couldn't read saved prospects: {state.error}
      </p>
    );
  }

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      if (saved) {
        const fields: ProspectPatch = { notes, followUp: followUp || null };
        const { conflicts } = await onSave(fields, saved.fieldTimes);
        setResult({ ok: true, text: conflicts.length ? `Saved. Another window also changed ${conflicts.join(' and ')}; the later edit is kept.` : 'Saved.' });
      } else {
        const fields: ProspectPatch = { ...base, name: name.trim() || base.name!, title: title.trim(), notes };
        if (followUp) fields.followUp = followUp;
        await onSave(fields);
        setOpen(false);
        setFocus('saved');
        setResult({ ok: true, text: 'Saved to your workspace.' });
      }
    } catch (err) {
      setResult({ ok: false, text: `Couldn't save: ${errorText(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const status = (
    <div role="status" class="cl-prospect__status">
      {result?.ok ? <p>{result.text}</p> : null}
    </div>
  );
  const failure = result && !result.ok ? (
    <p role="alert" class="cl-prospect__error">
      {result.text}
    </p>
  ) : null;
  const notesAndDate = (
    <>
      <label class="cl-prospect__field">
        <span>Notes</span>
        <textarea rows={3} value={notes} onInput={(e) => edit('notes', e.currentTarget.value)} />
      </label>
      <label class="cl-prospect__field">
        <span>Follow-up date</span>
        <input type="date" value={followUp} onInput={(e) => edit('followUp', e.currentTarget.value)} />
      </label>
    </>
  );

  if (saved) {
    return (
      <section class="cl-prospect" aria-labelledby="cl-prospect-title">
        <h2 id="cl-prospect-title" class="cl-prospect__title" ref={savedRef} tabIndex={-1}>
          Saved prospect
        </h2>
        <p class="cl-prospect__meta">
          {saved.name}
          {saved.title ? ` · ${saved.title}` : ''} · saved {saved.createdAt.slice(0, 10)}
        </p>
        <form class="cl-prospect__form" onSubmit={(e) => void save(e)}>
          {notesAndDate}
          <p class="cl-prospect__actions">
            <button type="submit" class="cl-button cl-button--small" disabled={busy}>
              Save changes
            </button>
            <a href={workspaceUrl} target="_blank" rel="noopener">
              Open workspace
            </a>
          </p>
        </form>
        {status}
        {failure}
      </section>
    );
  }

  const facts = [
    base.councilName,
    base.serviceGroup ? serviceGroupLabel(base.serviceGroup) : null,
    base.seniority ? seniorityLabel(base.seniority) : null,
  ].filter(Boolean);
  return (
    <section class="cl-prospect" aria-label="Save prospect">
      {open ? (
        <form class="cl-prospect__form" onSubmit={(e) => void save(e)}>
          <h2 class="cl-prospect__title">Save prospect</h2>
          <label class="cl-prospect__field">
            <span>Name (as shown on the page)</span>
            <input type="text" required ref={nameRef} value={name} onInput={(e) => edit('name', e.currentTarget.value)} />
          </label>
          <label class="cl-prospect__field">
            <span>Title</span>
            <input type="text" value={title} onInput={(e) => edit('title', e.currentTarget.value)} />
          </label>
          <p class="cl-prospect__meta">{facts.join(' · ')}</p>
          {notesAndDate}
          <p class="cl-prospect__hint">Kept in this browser only, with the profile address. Nothing else from the page is stored.</p>
          <p class="cl-prospect__actions">
            <button type="submit" class="cl-button cl-button--small" disabled={busy}>
              Save
            </button>
            <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={() => (setOpen(false), setFocus('button'))}>
              Cancel
            </button>
          </p>
        </form>
      ) : (
        <p class="cl-prospect__actions">
          {/* The panel's main action for a profile: the primary style, small so the card still leads (issue 12). */}
          <button type="button" ref={buttonRef} class="cl-button cl-button--small" onClick={() => (setResult(null), setOpen(true), setFocus('name'))}>
            Save prospect
          </button>
        </p>
      )}
      {status}
      {failure}
    </section>
  );
}
