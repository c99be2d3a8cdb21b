// Without Zod, so the notice panel's content script can use it without bundling the schemas.

/**
 * Tags as stored: each split on `,` and `;` (the CSV export joins with "; "), trimmed, inner
 * spaces collapsed, lower-cased, empty ones dropped, duplicates dropped keeping the first.
 * Linear in the input (a Set, not a search of the list so far): issue 16 timed the old clean-up
 * at 7.5 s for 80,000 tags.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    for (const part of raw.split(/[,;]/)) {
      const tag = part.trim().replace(/\s+/g, ' ').toLowerCase();
      if (tag) out.add(tag);
    }
  }
  return [...out];
}
