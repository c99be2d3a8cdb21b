import type { z } from 'zod';
import { savingsDuplicateKey, type SavingsItem } from '@/lib/savings/schema';
import {
  ANNOTATION_FIELDS,
  AnnotationPatchSchema,
  AnnotationSchema,
  PROSPECT_FIELDS,
  ProspectPatchSchema,
  ProspectSchema,
  type Annotation,
  type AnnotationEdit,
  type AnnotationField,
  type Prospect,
  type ProspectEdit,
  type ProspectField,
  type Workspace,
} from './schema';

/**
 * Field-level last-writer-wins merging (issue 6: "edited concurrently in two tabs without losing
 * either edit (last write per field, and tell the user)"). Each field carries its write time; a
 * field never written counts as time -1, so any real write beats a default. Equal times are broken
 * by comparing the values' JSON, so the result does not depend on which write arrives first.
 */

/** A problem with an edit, e.g. a new annotation without a title; `errors` name each field. */
export class WorkspaceEditError extends Error {
  constructor(readonly errors: { path: string; reason: string }[]) {
    super(errors.map((e) => `${e.path}: ${e.reason}`).join('; '));
    this.name = 'WorkspaceEditError';
  }
}

type AnyRecord = { fieldTimes: Partial<Record<string, number>>; createdAt: string; updatedAt: string } & Record<string, unknown>;

/** -1, 0 or 1: the deterministic order for two writes at the same time. */
function compareValues(a: unknown, b: unknown): number {
  const x = a === undefined ? '' : JSON.stringify(a);
  const y = b === undefined ? '' : JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the write `(valueA, timeA)` replaces `(valueB, timeB)`. */
function beats(valueA: unknown, timeA: number | undefined, valueB: unknown, timeB: number | undefined): boolean {
  const a = timeA ?? -1;
  const b = timeB ?? -1;
  return a > b || (a === b && compareValues(valueA, valueB) > 0);
}

function issuesOf(error: z.ZodError, prefix: string): { path: string; reason: string }[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), reason: i.message }));
}

const iso = (ms: number): string => new Date(ms).toISOString();

function applyPatch<F extends string>(
  stored: AnyRecord | null,
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  fields: readonly F[],
  at: number,
  baseTimes: Partial<Record<F, number>> | undefined,
): { draft: Record<string, unknown>; conflicts: F[] } {
  const draft: Record<string, unknown> = stored
    ? { ...stored, fieldTimes: { ...stored.fieldTimes } }
    : { ...base, createdAt: iso(at), updatedAt: iso(at), fieldTimes: {} };
  const times = draft['fieldTimes'] as Partial<Record<F, number>>;
  const conflicts: F[] = [];
  let changed = false;
  for (const field of fields) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const value = patch[field] === null ? undefined : patch[field];
    const storedTime = stored?.fieldTimes[field];
    const same = compareValues(value, draft[field]) === 0;
    if (stored && baseTimes && storedTime !== undefined && storedTime > (baseTimes[field] ?? -1) && !same) conflicts.push(field);
    if (!beats(value, at, draft[field], storedTime)) continue;
    if (value === undefined) delete draft[field];
    else draft[field] = value;
    times[field] = at;
    changed = true;
  }
  if (stored && changed && at > Date.parse(stored.updatedAt)) draft['updatedAt'] = iso(at);
  return { draft, conflicts };
}

/**
 * One autosave of an annotation applied to what is stored (null for a new one): for each field in
 * the edit, the later write wins; the result is validated. Throws {@link WorkspaceEditError} when
 * the edit is malformed or a new annotation lacks site, noticeUrl, title or buyerName.
 *
 * @example applyEdit(stored, { key, fields: { notes: 'Call buyer' }, at: Date.now(), baseTimes: loaded.fieldTimes })
 */
export function applyEdit(stored: Annotation | null, edit: AnnotationEdit): { annotation: Annotation; conflicts: AnnotationField[] } {
  const patch = AnnotationPatchSchema.safeParse(edit.fields);
  if (!patch.success) throw new WorkspaceEditError(issuesOf(patch.error, 'fields'));
  if (stored && stored.key !== edit.key) throw new WorkspaceEditError([{ path: 'key', reason: `edit for ${edit.key} applied to ${stored.key}` }]);
  const base = { key: edit.key, status: 'watching', tags: [], notes: '' };
  const { draft, conflicts } = applyPatch(stored, base, patch.data, ANNOTATION_FIELDS, edit.at, edit.baseTimes);
  const parsed = AnnotationSchema.safeParse(draft);
  if (!parsed.success) throw new WorkspaceEditError(issuesOf(parsed.error, ''));
  return { annotation: parsed.data, conflicts };
}

/** {@link applyEdit} for a saved prospect; a new one needs name and profileUrl. */
export function applyProspectEdit(stored: Prospect | null, edit: ProspectEdit): { prospect: Prospect; conflicts: ProspectField[] } {
  const patch = ProspectPatchSchema.safeParse(edit.fields);
  if (!patch.success) throw new WorkspaceEditError(issuesOf(patch.error, 'fields'));
  if (stored && stored.id !== edit.id) throw new WorkspaceEditError([{ path: 'id', reason: `edit for ${edit.id} applied to ${stored.id}` }]);
  const base = { id: edit.id, title: '', councilName: '', notes: '' };
  const { draft, conflicts } = applyPatch(stored, base, patch.data, PROSPECT_FIELDS, edit.at, edit.baseTimes);
  const parsed = ProspectSchema.safeParse(draft);
  if (!parsed.success) throw new WorkspaceEditError(issuesOf(parsed.error, ''));
  return { prospect: parsed.data, conflicts };
}

/** Two versions of one record merged field by field, newest write winning. */
function mergeRecord<R extends AnyRecord>(existing: R, incoming: R, fields: readonly string[]): R {
  const out: Record<string, unknown> = { ...existing, fieldTimes: { ...existing.fieldTimes } };
  const times = out['fieldTimes'] as Partial<Record<string, number>>;
  for (const field of fields) {
    const te = existing.fieldTimes[field];
    const ti = incoming.fieldTimes[field];
    if (!beats(incoming[field], ti, existing[field], te)) continue;
    if (incoming[field] === undefined) delete out[field];
    else out[field] = incoming[field];
    if (ti === undefined) delete times[field];
    else times[field] = ti;
  }
  if (incoming.createdAt < existing.createdAt) out['createdAt'] = incoming.createdAt;
  if (Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt)) out['updatedAt'] = incoming.updatedAt;
  return out as R;
}

function sameRecord(a: AnyRecord, b: AnyRecord, fields: readonly string[]): boolean {
  if (a.createdAt !== b.createdAt || a.updatedAt !== b.updatedAt) return false;
  return fields.every((f) => compareValues(a[f], b[f]) === 0 && a.fieldTimes[f] === b.fieldTimes[f]);
}

export interface MergeImportResult<R> {
  /** Every record after the merge: the existing ones in their order, then the new ones. */
  records: R[];
  /** Only the added and updated records: what the background writes. */
  toWrite: R[];
  added: number;
  updated: number;
  unchanged: number;
}

function mergeList<R extends AnyRecord>(existing: readonly R[], incoming: readonly R[], keyOf: (r: R) => string, fields: readonly string[]): MergeImportResult<R> {
  const merged = new Map<string, R>(existing.map((r) => [keyOf(r), r]));
  const touched = new Set<string>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const record of incoming) {
    const key = keyOf(record);
    const current = merged.get(key);
    if (!current) {
      merged.set(key, record);
      touched.add(key);
      added++;
      continue;
    }
    const next = mergeRecord(current, record, fields);
    if (sameRecord(next, current, fields)) {
      unchanged++;
      continue;
    }
    merged.set(key, next);
    touched.add(key);
    updated++;
  }
  const records = [...merged.values()];
  return { records, toWrite: records.filter((r) => touched.has(keyOf(r))), added, updated, unchanged };
}

/**
 * An imported file merged into what is saved: records are matched by key (annotations) or id
 * (prospects); per field the newer write wins. Reports how many were added, updated or unchanged.
 */
export function mergeImport(existing: readonly Annotation[], incoming: readonly Annotation[]): MergeImportResult<Annotation>;
export function mergeImport(existing: readonly Prospect[], incoming: readonly Prospect[]): MergeImportResult<Prospect>;
export function mergeImport(existing: readonly (Annotation | Prospect)[], incoming: readonly (Annotation | Prospect)[]): MergeImportResult<Annotation | Prospect> {
  const sample = existing[0] ?? incoming[0];
  if (sample && 'key' in sample) {
    return mergeList(existing as Annotation[], incoming as Annotation[], (r) => r.key, ANNOTATION_FIELDS) as MergeImportResult<Annotation | Prospect>;
  }
  return mergeList(existing as Prospect[], incoming as Prospect[], (r) => r.id, PROSPECT_FIELDS) as MergeImportResult<Annotation | Prospect>;
}

/** {@link mergeImport} for both tables of a workspace file. */
export function mergeWorkspace(existing: Workspace, incoming: Workspace): { annotations: MergeImportResult<Annotation>; prospects: MergeImportResult<Prospect> } {
  return {
    annotations: mergeImport(existing.annotations, incoming.annotations),
    prospects: mergeImport(existing.prospects, incoming.prospects),
  };
}

/**
 * Savings items from a workspace file: one is added when neither its id nor what it records
 * ({@link savingsDuplicateKey}) is saved already. Otherwise the saved item stays as it is: savings
 * items carry no edit times, so an older backup must never overwrite a later edit. `unchanged`
 * counts the items left as saved; none is ever updated.
 */
export function mergeSavingsImport(existing: readonly SavingsItem[], incoming: readonly SavingsItem[]): MergeImportResult<SavingsItem> {
  const ids = new Set(existing.map((item) => item.id));
  const keys = new Set(existing.map(savingsDuplicateKey));
  const added: SavingsItem[] = [];
  for (const item of incoming) {
    const key = savingsDuplicateKey(item);
    if (ids.has(item.id) || keys.has(key)) continue;
    ids.add(item.id);
    keys.add(key);
    added.push(item);
  }
  return { records: [...existing, ...added], toWrite: added, added: added.length, updated: 0, unchanged: incoming.length - added.length };
}
