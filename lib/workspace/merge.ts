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
 *
 * Times come from clocks that can be wrong (a tab's, a backup's, a clock once set ahead), and a
 * time from the future would make that field beat every later edit: issue 16 found a backup's
 * far-future time silently freezing a field. So the background's clock is the authority: an edit
 * is stamped no later than `now`, an imported time beyond `now` + {@link MAX_CLOCK_SKEW_MS} becomes
 * `now`, and a stored time beyond it (written before this rule) is not believed against an edit.
 */

/** How far ahead of the background's clock a time may be before it is not believed. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A time no later than `now` + the skew; a later one is taken as `now`. */
function believable(time: number, now: number): number {
  return time > now + MAX_CLOCK_SKEW_MS ? now : time;
}

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
  now: number,
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
    const written = stored?.fieldTimes[field];
    // A stored time from the future is no reason to drop what the person types now.
    const storedTime = written !== undefined && written > now + MAX_CLOCK_SKEW_MS ? -1 : written;
    const same = compareValues(value, draft[field]) === 0;
    const wins = beats(value, at, draft[field], storedTime);
    // Another tab wrote since this one loaded, or this edit loses outright: either way, say so.
    const overwritten = stored && baseTimes && storedTime !== undefined && storedTime > (baseTimes[field] ?? -1);
    if (!same && (overwritten || !wins)) conflicts.push(field);
    if (!wins) continue;
    if (value === undefined) delete draft[field];
    else draft[field] = value;
    times[field] = at;
    changed = true;
  }
  if (stored && changed && (at > Date.parse(stored.updatedAt) || Date.parse(stored.updatedAt) > now + MAX_CLOCK_SKEW_MS)) draft['updatedAt'] = iso(at);
  return { draft, conflicts };
}

/**
 * One autosave of an annotation applied to what is stored (null for a new one): for each field in
 * the edit, the later write wins; the result is validated. `now` is the background's clock: the
 * edit is stamped no later than it. `conflicts` names each field whose value here is not what the
 * edit sent (another tab wrote it since, or wrote it later). Throws {@link WorkspaceEditError}
 * when the edit is malformed or a new annotation lacks site, noticeUrl, title or buyerName.
 *
 * @example applyEdit(stored, { key, fields: { notes: 'Call buyer' }, at: Date.now(), baseTimes: loaded.fieldTimes }, Date.now())
 */
export function applyEdit(stored: Annotation | null, edit: AnnotationEdit, now: number = Date.now()): { annotation: Annotation; conflicts: AnnotationField[] } {
  const patch = AnnotationPatchSchema.safeParse(edit.fields);
  if (!patch.success) throw new WorkspaceEditError(issuesOf(patch.error, 'fields'));
  if (stored && stored.key !== edit.key) throw new WorkspaceEditError([{ path: 'key', reason: `edit for ${edit.key} applied to ${stored.key}` }]);
  const base = { key: edit.key, status: 'watching', tags: [], notes: '' };
  const { draft, conflicts } = applyPatch(stored, base, patch.data, ANNOTATION_FIELDS, Math.min(edit.at, now), edit.baseTimes, now);
  const parsed = AnnotationSchema.safeParse(draft);
  if (!parsed.success) throw new WorkspaceEditError(issuesOf(parsed.error, ''));
  return { annotation: parsed.data, conflicts };
}

/** {@link applyEdit} for a saved prospect; a new one needs name and profileUrl. */
export function applyProspectEdit(stored: Prospect | null, edit: ProspectEdit, now: number = Date.now()): { prospect: Prospect; conflicts: ProspectField[] } {
  const patch = ProspectPatchSchema.safeParse(edit.fields);
  if (!patch.success) throw new WorkspaceEditError(issuesOf(patch.error, 'fields'));
  if (stored && stored.id !== edit.id) throw new WorkspaceEditError([{ path: 'id', reason: `edit for ${edit.id} applied to ${stored.id}` }]);
  const base = { id: edit.id, title: '', councilName: '', notes: '' };
  const { draft, conflicts } = applyPatch(stored, base, patch.data, PROSPECT_FIELDS, Math.min(edit.at, now), edit.baseTimes, now);
  const parsed = ProspectSchema.safeParse(draft);
  if (!parsed.success) throw new WorkspaceEditError(issuesOf(parsed.error, ''));
  return { prospect: parsed.data, conflicts };
}

/** `record` with every time beyond `now` + the skew taken as `now` (the same object when none is). */
function clampTimes<R extends AnyRecord>(record: R, now: number): R {
  const times = Object.entries(record.fieldTimes);
  const late = (iso: string) => Date.parse(iso) > now + MAX_CLOCK_SKEW_MS;
  if (!times.some(([, t]) => t !== undefined && t > now + MAX_CLOCK_SKEW_MS) && !late(record.createdAt) && !late(record.updatedAt)) return record;
  return {
    ...record,
    createdAt: late(record.createdAt) ? iso(now) : record.createdAt,
    updatedAt: late(record.updatedAt) ? iso(now) : record.updatedAt,
    fieldTimes: Object.fromEntries(times.map(([f, t]) => [f, t === undefined ? t : believable(t, now)])),
  };
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

function mergeList<R extends AnyRecord>(existing: readonly R[], incoming: readonly R[], keyOf: (r: R) => string, fields: readonly string[], now: number): MergeImportResult<R> {
  const merged = new Map<string, R>(existing.map((r) => [keyOf(r), r]));
  const touched = new Set<string>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const raw of incoming) {
    const record = clampTimes(raw, now);
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
 * (prospects); per field the newer write wins. An imported time later than `now` plus the skew
 * counts as `now`. Reports how many were added, updated or unchanged.
 */
export function mergeImport(existing: readonly Annotation[], incoming: readonly Annotation[], now?: number): MergeImportResult<Annotation>;
export function mergeImport(existing: readonly Prospect[], incoming: readonly Prospect[], now?: number): MergeImportResult<Prospect>;
export function mergeImport(existing: readonly (Annotation | Prospect)[], incoming: readonly (Annotation | Prospect)[], now: number = Date.now()): MergeImportResult<Annotation | Prospect> {
  const sample = existing[0] ?? incoming[0];
  if (sample && 'key' in sample) {
    return mergeList(existing as Annotation[], incoming as Annotation[], (r) => r.key, ANNOTATION_FIELDS, now) as MergeImportResult<Annotation | Prospect>;
  }
  return mergeList(existing as Prospect[], incoming as Prospect[], (r) => r.id, PROSPECT_FIELDS, now) as MergeImportResult<Annotation | Prospect>;
}

/** {@link mergeImport} for both tables of a workspace file. */
export function mergeWorkspace(existing: Workspace, incoming: Workspace, now: number = Date.now()): { annotations: MergeImportResult<Annotation>; prospects: MergeImportResult<Prospect> } {
  return {
    annotations: mergeImport(existing.annotations, incoming.annotations, now),
    prospects: mergeImport(existing.prospects, incoming.prospects, now),
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
