import { SERVICE_GROUPS, serviceGroupLabel } from '@/lib/roles/groups';
import type { CapturePrefill } from '@/lib/savings/capture';
import { SAVINGS_KINDS, SAVINGS_STATUSES, type SavingsKind, type SavingsStatus } from '@/lib/savings/kinds';
import { MAX_DESCRIPTION_LENGTH, type SavingsItem, type SavingsDraft } from '@/lib/savings/schema';
import { parseAmount, parseFinancialYear } from '@/lib/savings/values';
import { KIND_LABELS, webUrl } from '@/components/timing/timing-lines';

// Pure state for the savings form: what each field holds as typed, how a capture or a stored
// item fills it, and how the typed text becomes a SavingsDraft. No DOM, so tests call it directly.

export { KIND_LABELS };

export const STATUS_LABELS: Record<SavingsStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  delivered: 'Delivered',
};

export const KIND_OPTIONS = SAVINGS_KINDS.map((id) => ({ id, label: KIND_LABELS[id] }));
export const STATUS_OPTIONS = SAVINGS_STATUSES.map((id) => ({ id, label: STATUS_LABELS[id] }));
export const GROUP_OPTIONS = SERVICE_GROUPS.map((g) => ({ id: g.id as string, label: g.label as string }));

/** A council the form can pick, as listCouncils returns it. */
export interface CouncilOption {
  code: string;
  name: string;
}

export type SavingsField =
  | 'council'
  | 'serviceGroup'
  | 'financialYear'
  | 'amount'
  | 'kind'
  | 'status'
  | 'description'
  | 'sourceUrl'
  | 'sourceTitle';

/** Every field as typed: text, or a select's value. */
export interface SavingsFormValues {
  council: string;
  serviceGroup: string;
  financialYear: string;
  amount: string;
  kind: SavingsKind;
  status: SavingsStatus;
  description: string;
  sourceUrl: string;
  sourceTitle: string;
}

export type SavingsFormErrors = Partial<Record<SavingsField, string>>;

/** The fields in form order, for the error summary. */
export const FIELD_ORDER: SavingsField[] = ['council', 'serviceGroup', 'financialYear', 'amount', 'kind', 'status', 'description', 'sourceUrl', 'sourceTitle'];

export function emptyValues(over: Partial<SavingsFormValues> = {}): SavingsFormValues {
  return {
    council: '',
    serviceGroup: '',
    financialYear: '',
    amount: '',
    kind: 'saving',
    status: 'proposed',
    description: '',
    sourceUrl: '',
    sourceTitle: '',
    ...over,
  };
}

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** 1200000 -> "1,200,000": what the amount field shows for a stored or captured amount. */
function amountText(amount: number | undefined): string {
  return amount === undefined ? '' : plainNumber.format(amount);
}

/** "£1,200,000": the amount field's reading of what was typed. */
export function amountReading(amount: number): string {
  return `£${plainNumber.format(amount)}`;
}

/** The council field shows the council's name; a code the list does not know stays as the code. */
export function councilText(code: string | null | undefined, councils: readonly CouncilOption[]): string {
  if (!code) return '';
  return councils.find((c) => c.code === code)?.name ?? code;
}

/** The form filled from a stored item, for an edit. */
export function valuesFromItem(item: SavingsItem, councils: readonly CouncilOption[]): SavingsFormValues {
  return {
    council: councilText(item.council, councils),
    serviceGroup: item.serviceGroup,
    financialYear: item.financialYear,
    amount: amountText(item.amountGbp),
    kind: item.kind,
    status: item.status,
    description: item.description,
    sourceUrl: item.sourceUrl ?? '',
    sourceTitle: item.sourceTitle ?? '',
  };
}

export interface CaptureStart {
  values: SavingsFormValues;
  /** Fields the capture did not find: the form highlights them for the person to check. */
  unconfirmed: SavingsField[];
  /** Councils the page or selection points to, when there is more than one to choose from. */
  candidates: CouncilOption[];
}

/** The form filled from "Add to savings programme": what was found, and what to check. */
export function valuesFromCapture(prefill: CapturePrefill, councils: readonly CouncilOption[]): CaptureStart {
  const unconfirmed: SavingsField[] = [];
  if (!prefill.council.found) unconfirmed.push('council');
  if (!prefill.serviceGroup.found) unconfirmed.push('serviceGroup');
  if (!prefill.financialYear.found) unconfirmed.push('financialYear');
  if (!prefill.amountGbp.found) unconfirmed.push('amount');
  if (!prefill.kind.found) unconfirmed.push('kind');
  if (!prefill.status.found) unconfirmed.push('status');
  const candidates = prefill.council.candidates.length > 1 ? prefill.council.candidates.map((code) => ({ code, name: councilText(code, councils) })) : [];
  return {
    values: {
      council: councilText(prefill.council.value, councils),
      serviceGroup: prefill.serviceGroup.value ?? '',
      financialYear: prefill.financialYear.value ?? '',
      amount: amountText(prefill.amountGbp.value),
      kind: prefill.kind.value,
      status: prefill.status.value,
      description: prefill.description,
      sourceUrl: prefill.sourceUrl ?? '',
      sourceTitle: prefill.sourceTitle ?? '',
    },
    unconfirmed,
    candidates,
  };
}

const fold = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The council typed into the field: a code (`LDS`), a full name in any case, or words that name
 * exactly one council ("Leeds" when only Leeds City Council contains it).
 */
export function resolveCouncilInput(
  text: string,
  councils: readonly CouncilOption[],
): { ok: true; council: CouncilOption } | { ok: false; reason: string } {
  const key = fold(text);
  if (!key) return { ok: false, reason: 'Enter the council, e.g. Leeds City Council' };
  const exact = councils.find((c) => c.code.toLowerCase() === key) ?? councils.find((c) => fold(c.name) === key);
  if (exact) return { ok: true, council: exact };
  const partial = councils.filter((c) => fold(c.name).includes(key));
  if (partial.length === 1) return { ok: true, council: partial[0]! };
  if (partial.length > 1) return { ok: false, reason: `“${text.trim()}” matches ${partial.length} councils; choose one from the list` };
  return { ok: false, reason: `“${text.trim()}” is not a council Council Lens knows; choose one from the list` };
}

export type SavingsDraftFields = Omit<SavingsDraft, 'id' | 'addedBy'>;

/** Every field's problem, or the draft the background is sent. */
export function readSavingsForm(
  values: SavingsFormValues,
  councils: readonly CouncilOption[],
): { ok: true; draft: SavingsDraftFields } | { ok: false; errors: SavingsFormErrors } {
  const errors: SavingsFormErrors = {};
  const council = resolveCouncilInput(values.council, councils);
  if (!council.ok) errors.council = council.reason;
  if (!serviceGroupLabel(values.serviceGroup)) errors.serviceGroup = 'Choose the service';
  const year = parseFinancialYear(values.financialYear);
  if (!year.ok) errors.financialYear = year.reason;
  const amount = parseAmount(values.amount);
  if (!amount.ok) errors.amount = amount.reason;
  const description = values.description.trim();
  if (!description) errors.description = 'Enter a description of the saving, e.g. the line from the budget paper';
  else if (description.length > MAX_DESCRIPTION_LENGTH) errors.description = `Shorten the description to ${MAX_DESCRIPTION_LENGTH} characters or fewer (it has ${description.length})`;
  const sourceUrl = values.sourceUrl.trim();
  if (sourceUrl && !webUrl(sourceUrl)) errors.sourceUrl = 'Enter a web address starting with https:// or http://, or leave it empty';
  if (Object.keys(errors).length > 0 || !council.ok || !year.ok || !amount.ok) return { ok: false, errors };

  const sourceTitle = values.sourceTitle.trim();
  const draft: SavingsDraftFields = {
    council: council.council.code,
    serviceGroup: values.serviceGroup as SavingsDraft['serviceGroup'],
    financialYear: year.value,
    kind: values.kind,
    status: values.status,
    description,
  };
  if (amount.value !== undefined) draft.amountGbp = amount.value;
  if (sourceUrl) draft.sourceUrl = webUrl(sourceUrl)!.href;
  if (sourceTitle) draft.sourceTitle = sourceTitle;
  return { ok: true, draft };
}

/** A deleted item as the form would send it again, for "Undo". The id and added-at are new. */
export function draftFromItem(item: SavingsItem): SavingsDraft {
  const { id: _id, addedAt: _at, addedBy, ...fields } = item;
  return { ...fields, addedBy: addedBy === 'capture' ? 'capture' : 'form' };
}
