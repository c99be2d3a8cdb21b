// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { checkManifest, rowFromLine, serializeLine, SNAPSHOT_FORMAT_VERSION, type SnapshotManifest } from '@/lib/snapshot/format';
import { loadSnapshot, verifySnapshot } from '@/lib/snapshot/read';
import { resolveCouncil } from '../../support/sync-harness';
import { CONTRACTS_FINDER_FILES, foreignFile, openBytes, realFileSnapshot, sha256Hex, type BuiltSnapshot } from '../../support/snapshot-files';

let snap: BuiltSnapshot;
let bytes: Uint8Array;
beforeAll(async () => {
  snap = await realFileSnapshot();
  bytes = new Uint8Array(readFileSync(snap.dataPath));
});
afterAll(() => snap.cleanup());

/** Loads with a store that records what it was given: a refused file must give it nothing. */
async function loadInto(open: () => ReadableStream<Uint8Array>, manifest: SnapshotManifest) {
  const stored: string[] = [];
  const result = await loadSnapshot(open, manifest, async (lines) => void stored.push(...lines), { batchSize: 10 });
  return { result, stored };
}

describe('format', () => {
  test('a line reads back as the row toNoticeRow makes of the notice', () => {
    const notices = parseReleases(JSON.parse(readFileSync(CONTRACTS_FINDER_FILES[0]!, 'utf8')), { resolveCouncil }).notices;
    expect(notices.length).toBeGreaterThan(10);
    for (const notice of notices) {
      const read = rowFromLine(serializeLine(notice));
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.row.ocid).toBe(notice.ocid);
    }
  });

  test.each([
    ['not JSON', '{"ocid":', /not JSON/],
    ['a release, not a notice', JSON.stringify({ ocid: 'ocds-x', id: '1', date: '2025-01-01T00:00:00Z', tag: ['tender'] }), /not a notice/],
    ['a notice with a bad date', JSON.stringify({ ocid: 'x', publishedAt: 'yesterday' }), /not a notice/],
  ])('a line that is %s is refused', (_name, line, reason) => {
    const read = rowFromLine(line);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  test('the built manifest describes its file', () => {
    expect(snap.manifest.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION);
    expect(snap.manifest.bytes).toBe(bytes.length);
    expect(snap.manifest.sha256).toBe(sha256Hex(bytes));
    expect(snap.manifest.rawBytes).toBe(gunzipSync(bytes).length);
    expect(snap.manifest.notices).toBe(gunzipSync(bytes).toString('utf8').trimEnd().split('\n').length);
  });

  test.each([
    ['not JSON', 'nope', /not JSON/],
    ['another JSON file', JSON.stringify({ releases: [] }), /not a Council Lens snapshot manifest/],
    ['a later format version', null, /format version 2 is not supported/],
    ['missing its hash', undefined, /incomplete: sha256/],
  ])('a manifest that is %s is refused', (_name, text, reason) => {
    const { sha256: _s, ...noHash } = snap.manifest;
    const body = text === null ? JSON.stringify({ ...snap.manifest, formatVersion: 2 }) : text === undefined ? JSON.stringify(noHash) : text;
    const check = checkManifest(body);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});

describe('verification: refused with nothing stored', () => {
  test('the file as built loads, every line in batches', async () => {
    const verified = await verifySnapshot(snap.open, snap.manifest);
    expect(verified).toEqual({ ok: true, notices: snap.manifest.notices });
    const { result, stored } = await loadInto(snap.open, snap.manifest);
    expect(result).toEqual({ ok: true, notices: snap.manifest.notices });
    expect(stored).toEqual(gunzipSync(bytes).toString('utf8').trimEnd().split('\n'));
  });

  test('a corrupted file (one byte changed in the middle)', async () => {
    const bad = bytes.slice();
    const at = Math.floor(bad.length / 2);
    bad[at] = bad[at]! ^ 0xff;
    const { result, stored } = await loadInto(openBytes(bad), snap.manifest);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/gzip|SHA-256|Line/);
    expect(stored).toEqual([]);
  });

  test('a truncated file', async () => {
    const { result, stored } = await loadInto(openBytes(bytes.slice(0, bytes.length - 100)), snap.manifest);
    expect(result.ok).toBe(false);
    expect(stored).toEqual([]);
  });

  test('a foreign file whose manifest matches its bytes', async () => {
    const foreign = foreignFile(snap.manifest);
    const { result, stored } = await loadInto(openBytes(foreign.bytes), foreign.manifest);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/Line 1 of the data file is not a notice/) });
    expect(stored).toEqual([]);
  });

  test('a valid file of other notices: wrong hash', async () => {
    const other = new Uint8Array(gzipSync(gunzipSync(bytes).toString('utf8').split('\n').slice(1).join('\n')));
    const { result, stored } = await loadInto(openBytes(other), { ...snap.manifest, bytes: other.length });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/SHA-256 differs/) });
    expect(stored).toEqual([]);
  });

  test('a manifest whose counts disagree with its file', async () => {
    const { result, stored } = await loadInto(snap.open, { ...snap.manifest, notices: snap.manifest.notices + 1 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/notices; its manifest says/) });
    expect(stored).toEqual([]);
  });

  test('cancelled while checking: nothing stored', async () => {
    const controller = new AbortController();
    controller.abort();
    const stored: string[] = [];
    const result = await loadSnapshot(snap.open, snap.manifest, async (lines) => void stored.push(...lines), { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(stored).toEqual([]);
  });
});
