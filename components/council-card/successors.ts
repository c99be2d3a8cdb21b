import type { CouncilRef } from '@/lib/councils/card';

/** "A", "A and B", "A, B and C". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * What became of a former council, for the card notice and "previously at": "now part of North
 * Yorkshire Council" when one council took it over, "now split between Cumberland Council and
 * Westmorland and Furness Council" when several did (lib/page-context.ts follows the whole chain).
 * Empty when no successor is known.
 */
export function nowPartOf(successors: readonly CouncilRef[]): string {
  const names = successors.map((s) => s.name);
  if (names.length === 0) return '';
  return names.length === 1 ? `now part of ${names[0]}` : `now split between ${listNames(names)}`;
}
