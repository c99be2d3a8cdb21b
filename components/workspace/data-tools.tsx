import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkspaceExport } from '@/lib/workspace/export';
import type { WorkspaceImportOutcome } from '@/lib/workspace/import';
import { downloadText, useExport, useFileImport, type ImportState } from '@/components/file-transfer';
import { MAX_WORKSPACE_FILE_BYTES } from '@/lib/import-limits';
import { errorText, plural } from '@/components/format';
import { ImportProblems } from '@/components/import-problems';
import { effectiveDeadline } from '@/lib/workspace/reminders';
import { CLOSED_STATUSES, type Workspace } from '@/lib/workspace/schema';

export type WorkspaceExportFormat = 'json' | 'annotations-csv' | 'prospects-csv' | 'ics';
export type DeletedCounts = { annotations: number; prospects: number; savings: number };

export interface DataToolsProps {
  onExport(format: WorkspaceExportFormat): Promise<WorkspaceExport>;
  onImport(text: string): Promise<WorkspaceImportOutcome>;
  onDeleteAll(): Promise<DeletedCounts>;
  /** Hands a file to the browser; defaults to a Blob and a download link. */
  download?(filename: string, text: string, mime: string): void;
  /** Which exports have something in them ({@link availableExports}); all are offered when not given. */
  available?: Readonly<Record<WorkspaceExportFormat, boolean>>;
}

/**
 * Which exports would hold anything: a tenders CSV needs a tender, a prospects CSV a prospect, the
 * calendar an open tender's deadline or a follow-up (as lib/workspace/export.ts `workspaceToIcs`
 * writes them), the JSON any record, savings items included (`savings` null while unknown).
 */
export function availableExports(workspace: Workspace, savings: number | null): Record<WorkspaceExportFormat, boolean> {
  const calendar =
    workspace.annotations.some((a) => effectiveDeadline(a) !== undefined && !CLOSED_STATUSES.has(a.status)) || workspace.prospects.some((p) => p.followUp);
  return {
    'annotations-csv': workspace.annotations.length > 0,
    'prospects-csv': workspace.prospects.length > 0,
    json: savings === null || workspace.annotations.length + workspace.prospects.length + savings > 0,
    ics: calendar,
  };
}

const EXPORTS: { format: WorkspaceExportFormat; label: string }[] = [
  { format: 'annotations-csv', label: 'Export tenders CSV' },
  { format: 'prospects-csv', label: 'Export prospects CSV' },
  { format: 'json', label: 'Export all (JSON)' },
  { format: 'ics', label: 'Calendar (.ics)' },
];

/** Exports, the JSON import and its report, and "Delete all my data". */
export function DataTools(props: DataToolsProps) {
  const { exportError, exportAs } = useExport(props.onExport, props.download ?? downloadText);
  const { imported, chooseFile } = useFileImport(() => props.onImport, MAX_WORKSPACE_FILE_BYTES);

  return (
    <>
      <section aria-labelledby="cl-ws-files" class="cl-ws__section cl-ws__tools">
        <h2 id="cl-ws-files">Export and import</h2>
        <p>
          CSV files open in Excel (UTF-8; dates as YYYY-MM-DD, record times in UTC as YYYY-MM-DDTHH:MM:SS.sssZ). The JSON file holds everything you recorded (tenders,
          prospects and your savings programme items) and can be imported again here or in another browser. The calendar
          file has your bid deadlines and follow-ups.
        </p>
        <p class="cl-ws__actions">
          {EXPORTS.map(({ format, label }) => (
            <button type="button" key={format} class="cl-button cl-button--secondary" disabled={props.available?.[format] === false} onClick={() => void exportAs(format)}>
              {label}
            </button>
          ))}
        </p>
        {props.available && !Object.values(props.available).some(Boolean) ? <p class="cl-ws__hint">Nothing to export yet: tenders you annotate, prospects you save and savings items you record can be exported here.</p> : null}
        {exportError ? (
          <p role="alert" class="cl-ws__error">
            {exportError}
          </p>
        ) : null}
        <p>
          <label for="cl-ws-import" class="cl-field__label cl-ws__import-label">
            Import JSON
          </label>
          <input id="cl-ws-import" type="file" accept=".json,application/json" aria-describedby="cl-ws-import-hint" onChange={(e) => void chooseFile(e.currentTarget)} />
        </p>
        <p id="cl-ws-import-hint" class="cl-ws__hint">
          A file exported from Council Lens. Every record is checked first: if any has a problem nothing is imported. Records
          you already have are merged, keeping the newer value of each field; savings items you already have are kept as
          they are.
        </p>
        <ImportResult state={imported} />
      </section>
      <DeleteAll onDeleteAll={props.onDeleteAll} />
    </>
  );
}

function counts(c: { added: number; updated: number; unchanged: number }, one: string, many: string): string {
  return `${plural(c.added, one, many)} added, ${c.updated} updated, ${c.unchanged} unchanged`;
}

function ImportResult({ state }: { state: ImportState<WorkspaceImportOutcome> }) {
  const outcome = state.state === 'done' ? state.outcome : null;
  return (
    <>
      <div role="status" class="cl-ws__import-status">
        {state.state === 'reading' ? <p>Importing {state.name}…</p> : null}
        {outcome?.ok ? (
          <p>
            Imported. Tenders: {counts(outcome.annotations, 'tender', 'tenders')}. Prospects: {counts(outcome.prospects, 'prospect', 'prospects')}.
            Savings items: {plural(outcome.savings.added, 'item', 'items')} added, {outcome.savings.unchanged} already saved.
          </p>
        ) : null}
      </div>
      <ImportProblems
        state={state}
        problems={
          outcome && !outcome.ok
            ? outcome.errors.map((e) => (
                <>
                  {e.path ? <code>{e.path}</code> : 'File'}: {e.reason}
                </>
              ))
            : null
        }
        intro="Nothing was imported. Fix these and try again:"
        label="Problems in the file"
        listClass="cl-ws__lines"
      />
    </>
  );
}

const CONFIRM_WORD = 'delete';

/** "Delete all my data": opens a step where the person types "delete". */
function DeleteAll({ onDeleteAll }: { onDeleteAll(): Promise<DeletedCounts> }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; counts: DeletedCounts } | { ok: false; reason: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== CONFIRM_WORD) return;
    setBusy(true);
    try {
      setResult({ ok: true, counts: await onDeleteAll() });
      setOpen(false);
      setTyped('');
    } catch (err) {
      setResult({ ok: false, reason: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cl-ws-delete" class="cl-ws__section cl-ws__delete">
      <h2 id="cl-ws-delete">Delete all my data</h2>
      <p>
        Removes everything of yours this extension keeps in this browser: tender annotations, saved prospects, savings
        programme items, text you selected for “Add to savings programme” and not yet saved, the LinkedIn names and pages
        your open tabs are showing, and the list of bid reminders already shown. Your settings, the council register and
        the cached notices (public data) stay. Export first if you may want it back.
      </p>
      {open ? (
        <form class="cl-ws__delete-form" onSubmit={(e) => void confirm(e)}>
          <label class="cl-field">
            <span class="cl-field__label">Type “delete” to confirm</span>
            <input ref={inputRef} type="text" autoComplete="off" spellcheck={false} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} class="cl-input--short" />
          </label>
          <p class="cl-ws__actions">
            <button type="submit" class="cl-button cl-button--danger" disabled={busy || typed.trim().toLowerCase() !== CONFIRM_WORD}>
              Delete everything
            </button>
            <button
              type="button"
              class="cl-button cl-button--secondary"
              onClick={() => {
                setOpen(false);
                setTyped('');
                setTimeout(() => openRef.current?.focus(), 0);
              }}
            >
              Cancel
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button type="button" ref={openRef} class="cl-button cl-button--danger" onClick={() => (setResult(null), setOpen(true))}>
            Delete all my data…
          </button>
        </p>
      )}
      <div role="status">
        {result?.ok ? (
          <p>
            Deleted {plural(result.counts.annotations, 'tender annotation', 'tender annotations')}, {plural(result.counts.prospects, 'prospect', 'prospects')} and{' '}
            {plural(result.counts.savings, 'savings item', 'savings items')}.
          </p>
        ) : null}
      </div>
      {result && !result.ok ? (
        <p role="alert" class="cl-ws__error">
          Couldn't delete: {result.reason}
        </p>
      ) : null}
    </section>
  );
}
