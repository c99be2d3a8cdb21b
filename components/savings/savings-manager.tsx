import { useEffect, useState } from 'preact/hooks';
import type { SavingsImportOutcome } from '@/lib/savings/import';
import { serviceGroupLabel } from '@/lib/roles/groups';
import { TEMPLATE_CSV } from '@/lib/savings/export';
import type { SavingsItem, SavingsDraft } from '@/lib/savings/schema';
import { formatAmount } from '@/lib/timing/describe';
import { ExternalLink } from '@/components/ui/external-link';
import { webUrl } from '@/components/timing/timing-lines';
import { useRowRemoval } from '@/components/workspace/row-removal';
import { KIND_LABELS, STATUS_LABELS, draftFromItem, type CouncilOption } from './form-values';
import { downloadText, useExport, useFileImport, type ImportState } from '@/components/file-transfer';
import { MAX_SAVINGS_FILE_BYTES } from '@/lib/import-limits';
import { plural } from '@/components/format';
import { ImportProblems } from '@/components/import-problems';

export type SavingsFormat = 'csv' | 'json';

export interface SavingsManagerProps {
  /** null while the first list is on its way. */
  items: readonly SavingsItem[] | null;
  councils: readonly CouncilOption[];
  /** Why the list could not be read. */
  error?: string | null;
  onImport(text: string, format: SavingsFormat): Promise<SavingsImportOutcome>;
  onExport(format: SavingsFormat): Promise<{ text: string; filename: string; mime: string }>;
  onDelete(id: string): Promise<unknown>;
  /** Saves a deleted item again ("Undo"). */
  onRestore(draft: SavingsDraft): Promise<unknown>;
  /** Hands a file to the browser; the options page uses a Blob and a download link. */
  download?(filename: string, text: string, mime: string): void;
  /** Where the savings form opens, e.g. `/savings.html`. */
  formUrl?: string;
}

const TEMPLATE_FILENAME = 'council-lens-savings-template.csv';

/**
 * "Line 4 (council): reason" for a CSV, "Item 4 (council): reason" for JSON, where the number counts
 * items, not lines; 0 is the file as a whole.
 */
export function importErrorLine(e: { line: number; column?: string; reason: string }, format: SavingsFormat | null = 'csv'): string {
  const where = e.line > 0 ? `${format === 'json' ? 'Item' : 'Line'} ${e.line}` : 'File';
  return `${where}${e.column ? ` (${e.column})` : ''}: ${e.reason}`;
}

function formatOf(filename: string): SavingsFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : null;
}

/**
 * The options page's "Savings programmes" section (issue 5): template, import and export, and
 * the recorded items by council with edit and delete (confirmed inline, with undo).
 */
export function SavingsManager(props: SavingsManagerProps) {
  const formUrl = props.formUrl ?? '/savings.html';
  const { exportError, exportAs } = useExport(props.onExport, props.download ?? downloadText);
  const { imported, chooseFile } = useFileImport((file) => {
    const format = formatOf(file.name);
    return format ? (text: string) => props.onImport(text, format) : `“${file.name}” is not a .csv or .json file.`;
  }, MAX_SAVINGS_FILE_BYTES);

  return (
    <section aria-labelledby="cl-savings" class="cl-savings">
      <h2 id="cl-savings">Savings programmes</h2>
      <p>
        Councils publish savings programmes over three to five years in their budget papers. Record the lines that matter
        to you here: the Timing section on the council's card reads them, because the year before a saving bites is when
        a service is redesigned and its lead wants to hear from suppliers. The records stay in this browser.
      </p>

      <div class="cl-savings__tools">
        <p>
          <TemplateLink /> <span class="cl-hint-inline">Columns: council, service_group, financial_year, amount_gbp, kind, status, description, source_url.</span>
        </p>
        <p>
          <label for="cl-savings-import" class="cl-savings__import-label">
            Import CSV or JSON
          </label>
          <input
            id="cl-savings-import"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby="cl-savings-import-hint"
            onChange={(e) => void chooseFile(e.currentTarget)}
          />
        </p>
        <p id="cl-savings-import-hint" class="cl-hint-inline">
          Every row is checked first: if any row has a problem nothing is imported. Rows already recorded are skipped.
        </p>
        <ImportResult state={imported} />
        <p class="cl-savings__actions">
          <button type="button" class="cl-button cl-button--secondary" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" class="cl-button cl-button--secondary" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          <a class="cl-button cl-button--secondary" href={formUrl} target="_blank" rel="noopener">
            Add a savings item
          </a>
        </p>
        {exportError ? (
          <p role="alert" class="cl-savings__error">
            {exportError}
          </p>
        ) : null}
      </div>

      <SavingsList {...props} formUrl={formUrl} />
    </section>
  );
}

/** A download link for the template, made from a Blob while the section is shown. */
function TemplateLink() {
  const [href, setHref] = useState<string | undefined>(undefined);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([TEMPLATE_CSV], { type: 'text/csv' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, []);
  return (
    <a class="cl-button cl-button--secondary" href={href ?? `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE_CSV)}`} download={TEMPLATE_FILENAME}>
      Download template CSV
    </a>
  );
}

function ImportResult({ state }: { state: ImportState<SavingsImportOutcome> }) {
  // One live region for progress and success; failures are alerts.
  const outcome = state.state === 'done' ? state.outcome : null;
  const format = state.state === 'done' ? formatOf(state.name) : null;
  return (
    <>
      <div role="status" class="cl-savings__import-status">
        {state.state === 'reading' ? <p>Importing {state.name}…</p> : null}
        {outcome?.ok ? (
          <>
            <p>
              Added {plural(outcome.added, 'item', 'items')}; {plural(outcome.duplicates.length, 'duplicate', 'duplicates')} skipped.
            </p>
            {outcome.duplicates.length > 0 ? (
              <ul aria-label="Duplicates skipped" class="cl-savings__lines">
                {outcome.duplicates.map((d) => (
                  <li key={`${d.line}-${d.reason}`}>{importErrorLine(d, format)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <ImportProblems
        state={state}
        problems={outcome && !outcome.ok ? outcome.errors.map((e) => importErrorLine(e, format)) : null}
        intro="Nothing was imported. Fix these rows and try again:"
        label="Rows to fix"
        listClass="cl-savings__lines"
      />
    </>
  );
}

interface Group {
  code: string;
  name: string;
  items: SavingsItem[];
}

function groupByCouncil(items: readonly SavingsItem[], councils: readonly CouncilOption[]): Group[] {
  const names = new Map(councils.map((c) => [c.code, c.name]));
  const groups = new Map<string, Group>();
  for (const item of items) {
    let group = groups.get(item.council);
    if (!group) {
      group = { code: item.council, name: names.get(item.council) ?? item.council, items: [] };
      groups.set(item.council, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

const deleteId = (id: string) => `cl-savings-delete-${id}`;

function clip(text: string, limit = 80): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

function SavingsList(props: SavingsManagerProps & { formUrl: string }) {
  const { busy, confirming, confirmRef, removal, undoRef, undo, ...row } = useRowRemoval<SavingsItem>({
    idOf: (item) => item.id,
    onDelete: props.onDelete,
    onRestore: (item) => props.onRestore(draftFromItem(item)),
    deleteButton: (id) => document.getElementById(deleteId(id)),
  });

  const { items } = props;
  const groups = items ? groupByCouncil(items, props.councils) : [];
  return (
    <div class="cl-savings__recorded">
      <h3 id="cl-savings-recorded">
        Recorded items{items && items.length > 0 ? ` (${items.length})` : ''}
      </h3>
      <div role="status" class="cl-savings__removal">
        {removal?.state === 'deleted' ? (
          <p>
            Deleted “{clip(removal.record.description)}”.{' '}
            <button type="button" class="cl-button cl-button--secondary" ref={undoRef} disabled={busy} onClick={() => undo(removal.record)}>
              Undo
            </button>
          </p>
        ) : removal?.state === 'restored' ? (
          <p>Restored “{clip(removal.record.description)}”.</p>
        ) : null}
      </div>
      {removal?.state === 'failed' ? (
        <p role="alert" class="cl-savings__error">
          {removal.reason}
        </p>
      ) : null}
      {props.error ? (
        <p role="alert" class="cl-savings__error">
          Couldn't read the savings items: {props.error}
        </p>
      ) : items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <div class="cl-empty cl-empty--neutral">
          <h4 class="cl-empty__title">No savings items yet</h4>
          <div class="cl-empty__body">
            <p>Add a council's savings programme in any of three ways:</p>
            <ul class="cl-empty__list">
              <li>import a CSV or JSON file (start from the template above);</li>
              <li>on a council's card, under Timing, choose "Add a savings item";</li>
              <li>
                on a council's web page or budget paper, select the text of a saving, right-click and choose "Add to savings
                programme".
              </li>
            </ul>
          </div>
        </div>
      ) : (
        groups.map((group) => (
          <div class="cl-savings__council" key={group.code}>
            <h4 id={`cl-savings-${group.code}`}>{group.name}</h4>
            <ul aria-labelledby={`cl-savings-${group.code}`} class="cl-savings__items">
              {group.items.map((item) => (
                <SavingsRow
                  key={item.id}
                  item={item}
                  formUrl={props.formUrl}
                  confirming={confirming === item.id}
                  busy={busy}
                  confirmRef={confirmRef}
                  onAsk={() => row.ask(item.id)}
                  onCancel={() => row.cancel(item.id)}
                  onConfirm={() => row.remove(item)}
                />
              ))}
            </ul>
          </div>
        ))
      )}
    </div>
  );
}

interface SavingsRowProps {
  item: SavingsItem;
  formUrl: string;
  confirming: boolean;
  busy: boolean;
  confirmRef: { current: HTMLButtonElement | null };
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
}

function SavingsRow({ item, formUrl, confirming, busy, confirmRef, onAsk, onCancel, onConfirm }: SavingsRowProps) {
  const descId = `cl-savings-item-${item.id}`;
  const source = webUrl(item.sourceUrl);
  const meta = [
    item.financialYear,
    serviceGroupLabel(item.serviceGroup) ?? item.serviceGroup,
    KIND_LABELS[item.kind],
    STATUS_LABELS[item.status],
    item.amountGbp !== undefined ? formatAmount(item.amountGbp) : null,
  ].filter(Boolean);
  return (
    <li class="cl-savings__item">
      <p class="cl-savings__meta">{meta.join(' · ')}</p>
      <p id={descId}>{item.description}</p>
      {source ? (
        <p class="cl-savings__source">
          Source: <ExternalLink href={source.href}>{item.sourceTitle || source.hostname}</ExternalLink>
        </p>
      ) : null}
      {confirming ? (
        <p class="cl-savings__confirm" role="group" aria-label="Confirm delete">
          <span>Delete this item?</span>{' '}
          <button type="button" class="cl-button cl-button--danger" ref={confirmRef} disabled={busy} onClick={onConfirm} aria-describedby={descId}>
            Yes, delete
          </button>{' '}
          <button type="button" class="cl-button cl-button--secondary" disabled={busy} onClick={onCancel}>
            Keep it
          </button>
        </p>
      ) : (
        <p class="cl-savings__row-actions">
          <a href={`${formUrl}?edit=${encodeURIComponent(item.id)}`} target="_blank" rel="noopener" aria-describedby={descId}>
            Edit
          </a>{' '}
          <button type="button" id={deleteId(item.id)} class="cl-button cl-button--secondary cl-button--small" onClick={onAsk} aria-describedby={descId}>
            Delete
          </button>
        </p>
      )}
    </li>
  );
}
