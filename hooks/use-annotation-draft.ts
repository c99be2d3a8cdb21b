import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationEdit } from '@/lib/workspace/schema';
import { AnnotationDraft, conflictMessage, EDITOR_FIELDS, remoteChangeMessage, type AnnotatedNotice, type EditorField } from '@/lib/workspace/annotation-draft';
import { errorText } from '@/components/format';
import { useAutosave } from './use-autosave';

// Type imports only from lib/workspace/schema: its schemas use full Zod, which a content script
// should not carry (../shared/RECIPE-e2e.md). The background validates every edit.

/** How the editor reaches the background; the content script passes `ask`, tests a fake. */
export interface AnnotationTransport {
  load(key: string): Promise<Annotation | null>;
  save(edit: AnnotationEdit): Promise<{ annotation: Annotation; conflicts: string[] }>;
  /** Calls `listener` when this key's annotation changed elsewhere (another tab, an import); returns an unsubscribe. */
  onRemoteChange(listener: () => void): () => void;
}

export type AnnotationPhase = 'loading' | 'load-error' | 'idle' | 'saving' | 'saved' | 'error';

/**
 * One notice's annotation for the editor: loaded on mount, saved as the person types
 * (./use-autosave.ts), and merged with changes from other tabs as they are announced. The field
 * logic is lib/workspace/annotation-draft.ts; this hook adds the messages, the phase shown under
 * the form and the conflict note.
 */
export function useAnnotationDraft(notice: AnnotatedNotice, transport: AnnotationTransport, debounceMs: number, now: () => number) {
  // The draft is read by timers and listeners: one mutable model, and a counter to redraw it.
  const [model] = useState(() => new AnnotationDraft());
  const [, setVersion] = useState(0);
  const redraw = () => setVersion((v) => v + 1);
  const [phase, setPhase] = useState<AnnotationPhase>('loading');
  const [error, setError] = useState('');
  const [conflicts, setConflicts] = useState<string | null>(null);
  const live = useRef({ notice, transport, now });
  live.current = { notice, transport, now };

  const adopt = (a: Annotation | null): EditorField[] => {
    const changed = model.adopt(a);
    redraw();
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

  const save = async (): Promise<void> => {
    const fields = model.beginSave();
    if (fields.length === 0) return;
    const { transport: t, notice: n, now: clock } = live.current;
    setPhase('saving');
    try {
      // A first save writes every required field: check another tab has not created the record meanwhile.
      if (!model.hasRecord) adopt(await t.load(n.key));
      const edit = model.editFor(fields, n, clock());
      const result = await t.save(edit);
      model.saved(edit, result.annotation);
      redraw();
      setConflicts(conflictMessage(result.conflicts));
      setPhase(model.hasUnsaved ? 'saving' : 'saved');
    } catch (e) {
      model.failed();
      setError(errorText(e));
      setPhase('error');
    }
  };
  const autosave = useAutosave(save, debounceMs);

  useEffect(() => {
    void load();
    return live.current.transport.onRemoteChange(() => {
      // Said, so a person who typed here and left the field sees why the text changed.
      void live.current.transport.load(live.current.notice.key).then((a) => {
        const message = remoteChangeMessage(adopt(a));
        if (message) setConflicts(message);
      }, () => undefined);
    });
    // One editor per notice key: the content script remounts it for another notice.
  }, [notice.key]);

  return {
    model,
    phase,
    error,
    conflicts,
    /** A person's change to one field: shown at once, saved after the pause. */
    change(field: EditorField, value: string): void {
      model.edit(field, value);
      redraw();
      // Owner initials not yet valid, and nothing else to save: wait for them.
      if (!model.hasSavable) return;
      setPhase('saving');
      autosave.schedule();
    },
    /** The form control named `name` has the cursor (null or another name: none of the fields). */
    focus(name: string | null): void {
      model.focused = EDITOR_FIELDS.includes(name as EditorField) ? (name as EditorField) : null;
    },
    /** The cursor left a control: save at once. */
    blur(): void {
      model.focused = null;
      void autosave.flush();
    },
    flush: () => void autosave.flush(),
    retry: () => void (phase === 'error' ? autosave.flush() : load()),
  };
}
