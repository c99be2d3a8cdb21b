import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { buildSnapshot } from '@/lib/dataset/build-snapshot';
import { sharedDir } from '@/lib/dataset/read-inputs';
import { checkManifest, type SnapshotManifest } from '@/lib/snapshot/format';
import type { OpenStream } from '@/lib/snapshot/read';

/** Snapshots built in a temporary folder from the real files in ../shared/data, for the loader tests. */

/** The real Contracts Finder files (../shared/data/SOURCES.md §4): 300 releases of January to March 2025. */
export const CONTRACTS_FINDER_FILES = ['contracts_finder_ocds_search_2025-01-23.json', 'contracts_finder_ocds_releases_2025-01_to_03_extra.json', 'contracts_finder_ocds_search_2022-10-20.json'].map((f) =>
  path.join(sharedDir(), 'data', f),
);

export interface BuiltSnapshot {
  dir: string;
  manifest: SnapshotManifest;
  dataPath: string;
  open: OpenStream;
  cleanup(): void;
}

/** The bytes at `file` as a web stream, read in small chunks so the streaming code sees many. */
export const openFile = (file: string): OpenStream => () => Readable.toWeb(createReadStream(file, { highWaterMark: 4096 })) as ReadableStream<Uint8Array>;
export const openBytes = (bytes: Uint8Array): OpenStream => () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();

/** `npm run data:snapshot -- --input <real Contracts Finder files> --from 2022-01-01 --to 2025-04-01` into a temporary folder. */
export async function realFileSnapshot(): Promise<BuiltSnapshot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
  const built = await buildSnapshot({ from: '2022-01-01', to: '2025-04-01', sources: ['contracts-finder', 'find-a-tender'], outDir: dir, input: CONTRACTS_FINDER_FILES });
  if (!built.ok) throw new Error(built.error);
  const manifest = checkManifest(readFileSync(built.manifestPath, 'utf8'));
  if (!manifest.ok) throw new Error(manifest.reason);
  return { dir, manifest: manifest.manifest, dataPath: built.dataPath, open: openFile(built.dataPath), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A gzipped file of other JSON lines (the releases of a real file, one a line) and a manifest that matches its bytes. */
export function foreignFile(manifest: SnapshotManifest): { bytes: Uint8Array; manifest: SnapshotManifest } {
  const releases = (JSON.parse(readFileSync(CONTRACTS_FINDER_FILES[0]!, 'utf8')) as { releases: unknown[] }).releases;
  const bytes = new Uint8Array(gzipSync(releases.map((r) => JSON.stringify(r)).join('\n')));
  return { bytes, manifest: { ...manifest, bytes: bytes.length, sha256: sha256Hex(bytes) } };
}

export function sha256Hex(bytes: Uint8Array): string {
  // node:crypto, independent of the loader's own hash.
  return createHash('sha256').update(bytes).digest('hex');
}
