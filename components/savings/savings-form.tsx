import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseAmount, parseFinancialYear } from '@/lib/savings/values';
import type { SavingsDraft } from '@/lib/savings/schema';
import { ExternalLink } from '@/components/ui/external-link';
import { webUrl } from '@/components/timing/timing-lines';
import {
  FIELD_ORDER,
  GROUP_OPTIONS,
  KIND_OPTIONS,
  STATUS_OPTIONS,
  amountReading,
  emptyValues,
  readSavingsForm,
  resolveCouncilInput,
  type CouncilOption,
  type SavingsField,
  type SavingsFormErrors,
  type SavingsFormValues,
} from './form-values';
import { errorText } from '@/components/format';

export interface SavingsFormProps {
  councils: readonly CouncilOption[];
  initial?: Partial<SavingsFormValues>;
  /** Set when editing a stored item. */
  id?: string;
  addedBy?: 'form' | 'capture';
  /** Fields a capture did not find: highlighted with "Please check". */
  unconfirmed?: readonly SavingsField[];
  /** Councils a capture pointed to, offered before the field when there are several. */
  candidates?: readonly CouncilOption[];
  /** The captured selection's page, shown above the form. */
  captured?: { url?: string; title?: string };
  /** Sends the draft; rejects with a readable message (duplicate, unknown council). */
  onSave(draft: SavingsDraft): Promise<unknown>;
  onCancel?(): void;
  /** Where "Add another" goes after a save. */
  addAnotherHref?(draft: SavingsDraft): string;
}

const LABELS: Record<SavingsField, string> = {
  council: 'Council',
  serviceGroup: 'Service',
  financialYear: 'Financial year',
  amount: 'Amount (£)',
  kind: 'Kind',
  status: 'Status',
  description: 'Description',
  sourceUrl: 'Source URL',
  sourceTitle: 'Source title',
};

/**
 * One line of the error summary: the field's label, then its message, unless the message already
 * starts with the label ("Financial year is missing; …" rather than "Financial year: Financial year is missing").
 */
export function summaryLine(label: string, message: string): string {
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}

/** Fields with a hint line (or "Optional."), described by it. */
const HINTED = new Set<SavingsField>(['council', 'financialYear', 'amount', 'description', 'sourceUrl', 'sourceTitle']);

const CHECK_HINT = 'Please check: not found in the selection';
const fieldId = (field: SavingsField) => `cl-savings-${field}`;

function clip(text: string, limit = 120): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

/**
 * The savings item form (issue 5): add, edit, or confirm a capture. Values are read with the same
 * parsers as the file import, so "£1.2m", "350k", "2027-28" and "FY28" all work; the reading is
 * shown next to the field. Nothing is sent until every field reads.
 */
export function SavingsForm(props: SavingsFormProps) {
  const { councils } = props;
  const [values, setValues] = useState<SavingsFormValues>(() => emptyValues(props.initial));
  const [unconfirmed, setUnconfirmed] = useState<ReadonlySet<SavingsField>>(() => new Set(props.unconfirmed ?? []));
  const [touched, setTouched] = useState<ReadonlySet<SavingsField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ draft: SavingsDraft; text: string } | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // Focus follows the outcome: the error summary after a refused submit, the message after a save.
  useEffect(() => {
    if (failedSubmits > 0) summaryRef.current?.focus();
  }, [failedSubmits]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const read = useMemo(() => readSavingsForm(values, councils), [values, councils]);
  const allErrors: SavingsFormErrors = read.ok ? {} : read.errors;
  const shown = (field: SavingsField): string | undefined => (submitted || touched.has(field) ? allErrors[field] : undefined);
  const summary = submitted ? FIELD_ORDER.filter((f) => allErrors[f]) : [];

  const set = (field: SavingsField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (unconfirmed.has(field)) setUnconfirmed((u) => new Set([...u].filter((f) => f !== field)));
  };
  const blur = (field: SavingsField) => {
    if (!touched.has(field)) setTouched((t) => new Set([...t, field]));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setSaveError(null);
    if (!read.ok) {
      setFailedSubmits((n) => n + 1);
      return;
    }
    const draft: SavingsDraft = { ...read.draft, addedBy: props.addedBy ?? 'form' };
    if (props.id) draft.id = props.id;
    setSaving(true);
    try {
      await props.onSave(draft);
      const name = councils.find((c) => c.code === draft.council)?.name ?? draft.council;
      setSaved({ draft, text: `Saved: ${clip(draft.description)} for ${name} (${draft.financialYear}).` });
    } catch (e) {
      setSaveError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const council = values.council.trim() ? resolveCouncilInput(values.council, councils) : null;
  const year = values.financialYear.trim() ? parseFinancialYear(values.financialYear) : null;
  const amount = values.amount.trim() ? parseAmount(values.amount) : null;
  const candidateCodes = new Set((props.candidates ?? []).map((c) => c.code));
  const listed = [...(props.candidates ?? []), ...councils.filter((c) => !candidateCodes.has(c.code))];

  const fieldProps = (field: SavingsField, reading?: string | null) => {
    const described = [
      HINTED.has(field) ? `${fieldId(field)}-hint` : null,
      unconfirmed.has(field) ? `${fieldId(field)}-check` : null,
      reading ? `${fieldId(field)}-reading` : null,
      shown(field) ? `${fieldId(field)}-error` : null,
    ].filter(Boolean);
    return {
      id: fieldId(field),
      name: field,
      'aria-invalid': shown(field) ? ('true' as const) : undefined,
      'aria-describedby': described.length ? described.join(' ') : undefined,
      onBlur: () => blur(field),
    };
  };

  if (saved) {
    return (
      <div class="cl-savings-form">
        <div role="status" class="cl-savings-form__saved">
          <p ref={savedRef} tabIndex={-1}>
            {saved.text}
          </p>
          <p>
            <a href={props.addAnotherHref ? props.addAnotherHref(saved.draft) : `?council=${encodeURIComponent(saved.draft.council)}`}>Add another</a>
          </p>
          <p class="cl-field__hint">You can close this tab. The council's card shows the item under Timing.</p>
        </div>
      </div>
    );
  }

  const councilReading = council?.ok ? `${council.council.name} (${council.council.code})` : null;
  const yearReading = year?.ok && year.value !== values.financialYear.trim() ? `Read as ${year.value}` : null;
  const amountValue = amount?.ok ? amount.value : undefined;
  const amountShown = amountValue !== undefined ? `Read as ${amountReading(amountValue)}` : null;
  const sourceLink = webUrl(props.captured?.url);

  return (
    <div class="cl-savings-form">
      {props.captured && (props.captured.url || props.captured.title) ? (
        <div class="cl-notice cl-notice--info cl-savings-form__captured">
          <p>
            Captured from{' '}
            {sourceLink ? <ExternalLink href={sourceLink.href}>{props.captured.title || sourceLink.hostname}</ExternalLink> : props.captured.title}
            {sourceLink ? <span class="cl-savings-form__url"> {sourceLink.href}</span> : null}
          </p>
          <p>Check each field, then save. Nothing is recorded until you do.</p>
        </div>
      ) : null}

      {summary.length > 0 ? (
        <div class="cl-error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="cl-savings-summary-title">
          <h2 id="cl-savings-summary-title" class="cl-error-summary__title">
            There is a problem
          </h2>
          <ul>
            {summary.map((f) => (
              <li key={f}>
                <a
                  href={`#${fieldId(f)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fieldId(f))?.focus();
                  }}
                >
                  {summaryLine(LABELS[f], allErrors[f]!)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <form class="cl-savings-form__form" noValidate onSubmit={(e) => void submit(e)}>
        {props.candidates && props.candidates.length > 1 ? (
          <div class="cl-savings-form__candidates" role="group" aria-labelledby="cl-savings-candidates">
            <p id="cl-savings-candidates">This page belongs to more than one authority. Which one is it?</p>
            <ul>
              {props.candidates.map((c) => (
                <li key={c.code}>
                  <button
                    type="button"
                    class="cl-button cl-button--secondary"
                    aria-pressed={council?.ok && council.council.code === c.code ? 'true' : 'false'}
                    onClick={() => set('council', c.name)}
                  >
                    {c.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <FieldBox field="council" check={unconfirmed.has('council')} error={shown('council')} hint="Type a name or code and pick from the list." reading={councilReading}>
          <input
            {...fieldProps('council', councilReading)}
            type="text"
            list="cl-savings-councils"
            autoComplete="off"
            value={values.council}
            onInput={(e) => set('council', e.currentTarget.value)}
          />
          <datalist id="cl-savings-councils">
            {listed.map((c) => (
              <option key={c.code} value={c.name}>
                {c.code}
              </option>
            ))}
          </datalist>
        </FieldBox>

        <FieldBox field="serviceGroup" check={unconfirmed.has('serviceGroup')} error={shown('serviceGroup')}>
          <select {...fieldProps('serviceGroup')} value={values.serviceGroup} onChange={(e) => set('serviceGroup', e.currentTarget.value)}>
            <option value="">Choose a service</option>
            {GROUP_OPTIONS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </FieldBox>

        <FieldBox field="financialYear" check={unconfirmed.has('financialYear')} error={shown('financialYear')} hint="April to March, e.g. 2027/28, 2027-28 or FY28." reading={yearReading}>
          <input
            {...fieldProps('financialYear', yearReading)}
            type="text"
            class="cl-input--short"
            autoComplete="off"
            value={values.financialYear}
            onInput={(e) => set('financialYear', e.currentTarget.value)}
          />
        </FieldBox>

        <FieldBox field="amount" check={unconfirmed.has('amount')} error={shown('amount')} optional hint="e.g. £1.2m, 350k or 1,200,000." reading={amountShown}>
          <input
            {...fieldProps('amount', amountShown)}
            type="text"
            inputMode="decimal"
            class="cl-input--short"
            autoComplete="off"
            value={values.amount}
            onInput={(e) => set('amount', e.currentTarget.value)}
          />
        </FieldBox>

        <FieldBox field="kind" check={unconfirmed.has('kind')} error={shown('kind')}>
          <select {...fieldProps('kind')} value={values.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
            {KIND_OPTIONS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        </FieldBox>

        <FieldBox field="status" check={unconfirmed.has('status')} error={shown('status')}>
          <select {...fieldProps('status')} value={values.status} onChange={(e) => set('status', e.currentTarget.value)}>
            {STATUS_OPTIONS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </FieldBox>

        <FieldBox field="description" check={unconfirmed.has('description')} error={shown('description')} hint="What the council plans, in the budget paper's words.">
          <textarea {...fieldProps('description')} rows={4} value={values.description} onInput={(e) => set('description', e.currentTarget.value)} />
        </FieldBox>

        <FieldBox field="sourceUrl" check={unconfirmed.has('sourceUrl')} error={shown('sourceUrl')} optional hint="The budget paper or web page, starting https://.">
          <input {...fieldProps('sourceUrl')} type="url" autoComplete="off" value={values.sourceUrl} onInput={(e) => set('sourceUrl', e.currentTarget.value)} />
        </FieldBox>

        <FieldBox field="sourceTitle" check={unconfirmed.has('sourceTitle')} error={shown('sourceTitle')} optional>
          <input {...fieldProps('sourceTitle')} type="text" value={values.sourceTitle} onInput={(e) => set('sourceTitle', e.currentTarget.value)} />
        </FieldBox>

        {saveError ? (
          <p role="alert" class="cl-savings-form__error">
            Not saved: {saveError}
          </p>
        ) : null}

        <div class="cl-savings-form__actions">
          <button type="submit" class="cl-button" disabled={saving}>
            Save savings item
          </button>
          {props.onCancel ? (
            <button type="button" class="cl-button cl-button--secondary" onClick={props.onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

interface FieldBoxProps {
  field: SavingsField;
  optional?: boolean;
  hint?: string;
  /** How the typed text reads, e.g. "Read as 2027/28". */
  reading?: string | null;
  /** A capture left this field at a default: highlight it. */
  check: boolean;
  error: string | undefined;
  children: ComponentChildren;
}

/** Label, hints, error and reading around one control; ids match `fieldProps`. */
function FieldBox(p: FieldBoxProps) {
  const id = fieldId(p.field);
  return (
    <div class={`cl-field${p.check ? ' cl-field--check' : ''}${p.error ? ' cl-field--error' : ''}`}>
      <div class="cl-field__head">
        <label for={id} class="cl-field__label">
          {LABELS[p.field]}
        </label>
        {p.optional ? <span class="cl-field__optional" aria-hidden="true"> (optional)</span> : null}
      </div>
      {p.hint || p.optional ? (
        <p class="cl-field__hint" id={`${id}-hint`}>
          {p.optional ? <span class="cl-visually-hidden">Optional. </span> : null}
          {p.hint}
        </p>
      ) : null}
      {p.check ? (
        <p class="cl-field__check" id={`${id}-check`}>
          {CHECK_HINT}
        </p>
      ) : null}
      {p.error ? (
        <p class="cl-field__error" id={`${id}-error`}>
          <span class="cl-visually-hidden">Error: </span>
          {p.error}
        </p>
      ) : null}
      {p.children}
      {p.reading ? (
        <p class="cl-field__reading" id={`${id}-reading`}>
          {p.reading}
        </p>
      ) : null}
    </div>
  );
}
