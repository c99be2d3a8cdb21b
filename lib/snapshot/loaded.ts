import { z } from 'zod';

/** What the History line says about the last snapshot loaded (the background's meta row `snapshot:loaded`). */
export const LoadedSnapshotSchema = z.object({
  file: z.string(),
  /** Where it came from: a file the user picked, or the address the build was given. */
  via: z.enum(['file', 'published']),
  builtAt: z.string(),
  loadedAt: z.number(),
  notices: z.number().int().nonnegative(),
  sources: z.array(z.object({ source: z.string(), from: z.string(), to: z.string() })),
});
export type LoadedSnapshot = z.infer<typeof LoadedSnapshotSchema>;

/** "History loaded from council-notices-2024-01-01-2026-12-01.ndjson.gz (a file, built 1 Dec 2026): 142,000 notices". */
export function loadedSnapshotText(loaded: LoadedSnapshot): string {
  const built = new Date(loaded.builtAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const via = loaded.via === 'published' ? 'the published snapshot' : 'a file';
  return `History loaded from ${via}, ${loaded.file} (built ${built}): ${loaded.notices.toLocaleString('en-GB')} council notices`;
}
