import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/format';

type Removal<R> = { state: 'deleted'; record: R } | { state: 'restored'; record: R } | { state: 'failed'; reason: string };

const deleteButtonFor = (id: string) => [...document.querySelectorAll<HTMLElement>('[data-delete-for]')].find((b) => b.dataset.deleteFor === id);

/**
 * Delete with an inline confirm and Undo, shared by both workspace tables and the options page's
 * savings list. Focus moves to "Yes, delete", then to Undo once the row is gone, and back to the
 * row's Delete on "Keep it" (found by `deleteButton`, by default the `data-delete-for` button).
 */
export function useRowRemoval<R>(opts: {
  idOf(r: R): string;
  onDelete(id: string): Promise<unknown>;
  onRestore(r: R): Promise<unknown>;
  deleteButton?(id: string): HTMLElement | null | undefined;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removal, setRemoval] = useState<Removal<R> | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (refocus) (opts.deleteButton ?? deleteButtonFor)(refocus)?.focus();
  }, [refocus]);
  useEffect(() => {
    // The deleted row is gone: keep focus nearby, on Undo.
    if (removal?.state === 'deleted') undoRef.current?.focus();
  }, [removal]);

  const remove = async (record: R) => {
    setBusy(true);
    try {
      await opts.onDelete(opts.idOf(record));
      setRemoval({ state: 'deleted', record });
      setConfirming(null);
    } catch (e) {
      setRemoval({ state: 'failed', reason: `Couldn't delete: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };
  const undo = async (record: R) => {
    setBusy(true);
    try {
      await opts.onRestore(record);
      setRemoval({ state: 'restored', record });
    } catch (e) {
      setRemoval({ state: 'failed', reason: `Couldn't restore: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    confirming,
    confirmRef,
    /** The last delete, restore or failure, for a page that draws its own status (`status` draws the tables'). */
    removal,
    undoRef,
    undo: (r: R) => void undo(r),
    ask(id: string) {
      setRefocus(null);
      setConfirming(id);
    },
    cancel(id: string) {
      setConfirming(null);
      setRefocus(id);
    },
    remove: (r: R) => void remove(r),
    /** The live region above a table: "Deleted …  [Undo]", "Restored …", or the failure. */
    status(nameOf: (r: R) => string) {
      return (
        <>
          <div role="status" class="cl-ws__removal">
            {removal?.state === 'deleted' ? (
              <p>
                Deleted “{nameOf(removal.record)}”.{' '}
                <button type="button" class="cl-button cl-button--secondary cl-button--small" ref={undoRef} disabled={busy} onClick={() => void undo(removal.record)}>
                  Undo
                </button>
              </p>
            ) : removal?.state === 'restored' ? (
              <p>Restored “{nameOf(removal.record)}”.</p>
            ) : null}
          </div>
          {removal?.state === 'failed' ? (
            <p role="alert" class="cl-ws__error">
              {removal.reason}
            </p>
          ) : null}
        </>
      );
    },
  };
}

/** The last cell of a row: Delete, or the inline confirm. */
export function DeleteCell({ id, label, removal, onConfirm }: { id: string; label: string; removal: { busy: boolean; confirming: string | null; confirmRef: { current: HTMLButtonElement | null }; ask(id: string): void; cancel(id: string): void }; onConfirm(): void }) {
  if (removal.confirming === id) {
    return (
      <td>
        <span class="cl-ws__confirm" role="group" aria-label={`Confirm delete ${label}`}>
          <button type="button" class="cl-button cl-button--danger cl-button--small" ref={removal.confirmRef} disabled={removal.busy} onClick={onConfirm}>
            Yes, delete
          </button>
          <button type="button" class="cl-button cl-button--secondary cl-button--small" disabled={removal.busy} onClick={() => removal.cancel(id)}>
            Keep it
          </button>
        </span>
      </td>
    );
  }
  return (
    <td>
      <button type="button" class="cl-button cl-button--secondary cl-button--small" data-delete-for={id} aria-label={`Delete ${label}`} onClick={() => removal.ask(id)}>
        Delete
      </button>
    </td>
  );
}
