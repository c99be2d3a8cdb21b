import type { z } from 'zod';
import { isObject, parseJsonFile } from '@/lib/json-file';
import { MAX_IMPORT_RECORDS, MAX_WORKSPACE_FILE_BYTES, fileTooLarge } from '@/lib/import-limits';
import { textProblem } from '@/lib/text-file';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, WORKSPACE_VERSIONS_READ } from './export';
import { AnnotationSchema, ProspectSchema, type Annotation, type Prospect } from './schema';

/** Where a problem is, e.g. `annotations[2].bidDeadline` ('' for the file as a whole), and what is wrong. */
export interface WorkspaceImportError {
  path: string;
  reason: string;
}

export type WorkspaceImportResult =
  | { ok: true; annotations: Annotation[]; prospects: Prospect[]; savings: SavingsItem[] }
  | { ok: false; errors: WorkspaceImportError[] };

type MergeCounts = { added: number; updated: number; unchanged: number };

/** A workspace import: what was merged, or every bad record (nothing written). */
export type WorkspaceImportOutcome =
  | { ok: true; annotations: MergeCounts; prospects: MergeCounts; savings: MergeCounts }
  | { ok: false; errors: { path: string; reason: string }[] };

const FILE_KEYS: ReadonlySet<string> = new Set(['format', 'version', 'exportedAt', 'annotations', 'prospects', 'savings']);

/** A savings item as the file holds it: exactly the schema's fields, so a misspelt one is reported. */
const SavingsRecordSchema = SavingsItemSchema.strict();

const LISTS = {
  annotations: { noun: 'Annotation', idField: 'key' },
  prospects: { noun: 'Prospect', idField: 'id' },
  savings: { noun: 'Savings item', idField: 'id' },
} as const;

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'an object', boolean: 'true or false' };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = isObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function formatPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), base);
}

/** One Zod issue as a sentence a person can act on. */
function reasonFor(issue: z.core.$ZodIssue, record: unknown): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the record';
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(record, issue.path) === undefined) return `${field} is missing`;
      return `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.path.at(-1) === 'council') return `${field} must be a council register code such as LDS`;
      return `${field} ${issue.message.startsWith('must') ? issue.message : `is not valid (${issue.message})`}`;
    default:
      return `${field} ${issue.message.startsWith('must') || issue.message.startsWith('at most') ? issue.message : `is not valid (${issue.message})`}`;
  }
}

function readList<R>(file: Record<string, unknown>, name: keyof typeof LISTS, schema: z.ZodType<R>, errors: WorkspaceImportError[]): R[] {
  const { noun, idField } = LISTS[name];
  const list = file[name];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    errors.push({ path: name, reason: `${name} must be a list of records` });
    return [];
  }
  if (list.length > MAX_IMPORT_RECORDS) {
    // Refused by its length alone, before any record is read.
    errors.push({ path: name, reason: `${name} has ${list.length.toLocaleString('en-GB')} records; at most ${MAX_IMPORT_RECORDS.toLocaleString('en-GB')} can be imported at once` });
    return [];
  }
  const before = errors.length;
  const seen = new Map<string, number>();
  const out: R[] = [];
  list.forEach((raw, index) => {
    const id = isObject(raw) && typeof raw[idField] === 'string' ? (raw[idField] as string) : null;
    const label = `${noun} ${index + 1}${id ? ` (${id})` : ''}`;
    if (!isObject(raw)) {
      errors.push({ path: `${name}[${index}]`, reason: `${label} is not an object` });
      return;
    }
    if (id !== null) {
      const earlier = seen.get(id);
      if (earlier !== undefined) errors.push({ path: `${name}[${index}].${idField}`, reason: `${label}: the same ${idField} as ${noun.toLowerCase()} ${earlier + 1}` });
      else seen.set(id, index);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // One error per unknown field, so each has its own path.
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
        for (const key of keys) {
          const path = formatPath(`${name}[${index}]`, key === null ? issue.path : [...issue.path, key]);
          errors.push({ path, reason: `${label}: ${key === null ? reasonFor(issue, raw) : `unknown field ${key}`}` });
        }
      }
      return;
    }
    out.push(parsed.data);
  });
  return errors.length > before ? [] : out;
}

/**
 * Reads a workspace file written by {@link workspaceToJson}, all or nothing: every record is
 * validated, and if any is bad the result lists every problem (record number, key, field) and no
 * records, so nothing is written. A missing `annotations`, `prospects` or `savings` list counts
 * as empty (version 1 files have no savings).
 */
export function parseWorkspaceJson(text: string): WorkspaceImportResult {
  // Characters, a lower bound on the file's UTF-8 bytes; the page checks the bytes before reading.
  const tooLarge = fileTooLarge(text.length, MAX_WORKSPACE_FILE_BYTES) ?? textProblem(text);
  if (tooLarge) return { ok: false, errors: [{ path: '', reason: tooLarge }] };
  const read = parseJsonFile(text);
  if (!read.ok) return { ok: false, errors: [{ path: '', reason: read.reason }] };
  const data = read.data;
  if (!isObject(data) || data['format'] !== WORKSPACE_FORMAT) {
    return { ok: false, errors: [{ path: 'format', reason: `Not a Council Lens workspace file (expected "format": "${WORKSPACE_FORMAT}")` }] };
  }
  const version = data['version'];
  if (typeof version !== 'number' || !WORKSPACE_VERSIONS_READ.includes(version)) {
    const reason =
      typeof version === 'number' && version > WORKSPACE_VERSION
        ? `This file is version ${version}, from a newer Council Lens; update the extension to import it`
        : `version must be ${WORKSPACE_VERSIONS_READ.join(' or ')}`;
    return { ok: false, errors: [{ path: 'version', reason }] };
  }
  const errors: WorkspaceImportError[] = [];
  for (const key of Object.keys(data)) {
    // A misspelt list name would otherwise import as an empty list.
    if (!FILE_KEYS.has(key)) errors.push({ path: key, reason: `Unknown field ${key}; a workspace file has ${[...FILE_KEYS].join(', ')}` });
  }
  const annotations = readList(data, 'annotations', AnnotationSchema, errors);
  const prospects = readList(data, 'prospects', ProspectSchema, errors);
  const savings = readList(data, 'savings', SavingsRecordSchema, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, annotations, prospects, savings };
}
