/** Readers for untrusted JSON: each returns undefined (or an empty array) for the wrong type. */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Objects of an array, others skipped. */
export function asObjects(value: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  for (const item of asArray(value)) {
    const object = asObject(item);
    if (object) out.push(object);
  }
  return out;
}

/** A trimmed non-empty string; finite numbers as text (ids are sometimes numbers). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The object without its undefined fields, so stored notices carry only what was published. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
