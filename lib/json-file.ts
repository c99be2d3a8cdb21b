/**
 * Reading a JSON file a person picked (savings and workspace imports): a leading byte order mark
 * is dropped, and a parse failure becomes a reason to show rather than a throw.
 */

export type JsonFileResult = { ok: true; data: unknown } | { ok: false; reason: string };

export function parseJsonFile(text: string): JsonFileResult {
  try {
    return { ok: true, data: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, reason: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
