import type { NoticeRow } from '@/lib/ocds/row';
import { rowFromLine, type SnapshotManifest } from './format';
import { Sha256 } from './sha256';

/**
 * Reading a snapshot's data file as a stream (issue 14, "Streamed" and "Verified"): chunks are
 * hashed as they pass, gunzipped with `DecompressionStream`, cut into lines and each line checked
 * against the notice schema, so memory stays flat whatever the file's size. The same code runs in
 * the options page (a picked File, a fetched Blob) and in Node (tests, the bench).
 *
 * Loading is two passes over the file: the first checks everything (hash, size, every line, the
 * counts per source) and writes nothing; only a file that passes is read again and stored. So a
 * corrupted, truncated, foreign or tampered file is refused with nothing written.
 */

export interface SnapshotProgress {
  phase: 'checking' | 'loading';
  /** Bytes of the data file read so far in this phase, of `totalBytes`. */
  bytes: number;
  totalBytes: number;
  /** Lines read so far in this phase, of `totalNotices`. */
  notices: number;
  totalNotices: number;
}

export interface ReadSnapshotOptions {
  /** Lines handed to `store` at once (default 500). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?(progress: SnapshotProgress): void;
  /**
   * Called once the whole file has passed, before the first batch is stored (the options page takes
   * the sync lock here, waiting while a refresh holds it). Its error ends the load, nothing stored;
   * a cancel during it ends the load as cancelled.
   */
  beforeStore?(): Promise<void>;
}

export type SnapshotResult = { ok: true; notices: number } | { ok: false; reason: string; cancelled?: true };

/** A source of the data file's bytes that can be read more than once (a File, a Blob, a path in Node). */
export type OpenStream = () => ReadableStream<Uint8Array>;

class Refused extends Error {}
class Cancelled extends Error {}

/** Lines of the gzipped stream, each with its row; the hash and byte count are kept up to date as chunks pass. */
async function* linesOf(stream: ReadableStream<Uint8Array>, seen: { hash: Sha256; bytes: number }, signal?: AbortSignal): AsyncGenerator<{ text: string; row: NoticeRow; line: number }> {
  const counted = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen.hash.update(chunk);
        seen.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  const reader = counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let rest = '';
  let line = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw new Cancelled();
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new Refused(`The data file is not a readable gzip file (${error instanceof Error ? error.message : String(error)}): corrupted, truncated, or not a snapshot.`);
      }
      if (chunk.done) break;
      rest += chunk.value;
      let at: number;
      while ((at = rest.indexOf('\n')) >= 0) {
        const text = rest.slice(0, at);
        rest = rest.slice(at + 1);
        line += 1;
        if (text.trim() === '') continue;
        const read = rowFromLine(text);
        if (!read.ok) throw new Refused(`Line ${line} of the data file is ${read.reason}: not a Council Lens snapshot.`);
        yield { text, row: read.row, line };
      }
    }
    if (rest.trim() !== '') {
      line += 1;
      const read = rowFromLine(rest);
      if (!read.ok) throw new Refused(`Line ${line} of the data file is ${read.reason}: not a Council Lens snapshot.`);
      yield { text: rest, row: read.row, line };
    }
  } finally {
    // Stops the reading of the file when a line was refused or the load cancelled.
    await reader.cancel().catch(() => undefined);
  }
}

/** First pass: every check, nothing stored. */
async function check(open: OpenStream, manifest: SnapshotManifest, options: ReadSnapshotOptions): Promise<number> {
  const seen = { hash: new Sha256(), bytes: 0 };
  const perSource = new Map<string, number>();
  const known = new Set(manifest.sources.map((s) => s.source));
  let notices = 0;
  for await (const { row, line } of linesOf(open(), seen, options.signal)) {
    if (!known.has(row.source as never)) throw new Refused(`Line ${line} is a ${row.source} notice, a source the manifest does not list.`);
    perSource.set(row.source, (perSource.get(row.source) ?? 0) + 1);
    notices += 1;
    if (notices % 1000 === 0) options.onProgress?.({ phase: 'checking', bytes: seen.bytes, totalBytes: manifest.bytes, notices, totalNotices: manifest.notices });
  }
  if (seen.bytes !== manifest.bytes) throw new Refused(`The data file has ${seen.bytes} bytes; its manifest says ${manifest.bytes}: not the file this manifest describes, or incomplete.`);
  if (seen.hash.hex() !== manifest.sha256) throw new Refused('The data file does not match its manifest (SHA-256 differs): it was changed or corrupted, or belongs to another manifest.');
  if (notices !== manifest.notices) throw new Refused(`The data file has ${notices} notices; its manifest says ${manifest.notices}.`);
  for (const s of manifest.sources) {
    if ((perSource.get(s.source) ?? 0) !== s.notices) throw new Refused(`The data file has ${perSource.get(s.source) ?? 0} ${s.source} notices; its manifest says ${s.notices}.`);
  }
  return notices;
}

/** Checks a data file against its manifest without storing anything. Never throws. */
export async function verifySnapshot(open: OpenStream, manifest: SnapshotManifest, options: ReadSnapshotOptions = {}): Promise<SnapshotResult> {
  return settle(async () => check(open, manifest, options));
}

/**
 * Checks the file (first pass), then reads it again and hands its lines to `store` in batches
 * (the background stores them). Nothing reaches `store` unless the whole file passed. Never throws:
 * a store error or a cancel ends it with `ok: false` (batches already stored stay; they are valid).
 */
export async function loadSnapshot(open: OpenStream, manifest: SnapshotManifest, store: (lines: string[]) => Promise<void>, options: ReadSnapshotOptions = {}): Promise<SnapshotResult> {
  return settle(async () => {
    await check(open, manifest, options);
    await options.beforeStore?.();
    const batchSize = options.batchSize ?? 500;
    const seen = { hash: new Sha256(), bytes: 0 };
    let batch: string[] = [];
    let notices = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const lines = batch;
      batch = [];
      await store(lines);
      options.onProgress?.({ phase: 'loading', bytes: seen.bytes, totalBytes: manifest.bytes, notices, totalNotices: manifest.notices });
    };
    for await (const { text } of linesOf(open(), seen, options.signal)) {
      batch.push(text);
      notices += 1;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    return notices;
  });
}

async function settle(run: () => Promise<number>): Promise<SnapshotResult> {
  try {
    return { ok: true, notices: await run() };
  } catch (error) {
    if (error instanceof Cancelled) return { ok: false, reason: 'Cancelled.', cancelled: true };
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
