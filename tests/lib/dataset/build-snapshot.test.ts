// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { parseSnapshotArgs } from '@/lib/dataset/build-snapshot-cli-args';
import { buildSnapshot, noticesFromFiles, type BuildSnapshotOptions } from '@/lib/dataset/build-snapshot';
import { lineOf } from '@/lib/snapshot/format';
import { fakeClock } from '../../support/fake-clock';
import { CONTRACTS_FINDER_PATH, FIND_A_TENDER_PATH, parseApiDate, parseFindATenderDate, startFakeProcurementApi, type FakeProcurementApi } from '../../support/fake-procurement-api';
import { byOcid, expectedRows } from '../../support/sync-harness';
import { CONTRACTS_FINDER_FILES } from '../../support/snapshot-files';

/** `npm run data:snapshot` against the fake API on 127.0.0.1 (the real fixtures, paged like the live APIs) and the real files. */

const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2025-04-01T00:00:00Z');
const NOW = Date.parse('2026-12-01T12:00:00Z');

let api: FakeProcurementApi;
let out: string;
let clock = fakeClock(NOW);
beforeAll(async () => {
  api = await startFakeProcurementApi({ pageSize: 10, clock: () => clock.now() });
});
afterAll(() => api.stop());
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), 'snapshot-build-'));
  clock = fakeClock(NOW);
  api.log.length = 0;
  api.clearFaults();
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const options = (): BuildSnapshotOptions => ({
  from: '2025-01-01',
  to: '2025-04-01',
  sources: ['contracts-finder', 'find-a-tender'],
  outDir: out,
  bases: { contractsFinder: api.url, findATender: api.url },
  now: clock.now,
  sleep: clock.sleep,
});

const linesOf = (file: string): unknown[] => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);

test('from the fake API: every council notice of the window, as the sync would store it', { timeout: 60_000 }, async () => {
  const built = await buildSnapshot(options());
  expect(built.ok).toBe(true);
  if (!built.ok) return;
  const expected = expectedRows(['contracts-finder', 'find-a-tender'], FROM, TO - 1000);
  expect(expected.length).toBeGreaterThan(50);
  const lines = linesOf(built.dataPath) as { ocid: string }[];
  expect([...lines].sort(byOcid)).toEqual(expected.map(lineOf));
  expect(built.manifest.sources.map((s) => [s.source, s.from, s.to])).toEqual([
    ['contracts-finder', '2025-01-01T00:00:00Z', '2025-04-01T00:00:00Z'],
    ['find-a-tender', '2025-01-01T00:00:00Z', '2025-04-01T00:00:00Z'],
  ]);
  // The sync client's pacing: Find a Tender one request every 10 s.
  const fts = api.requests(FIND_A_TENDER_PATH);
  expect(fts.length).toBeGreaterThan(10);
  for (let i = 1; i < fts.length; i++) expect(fts[i]!.at - fts[i - 1]!.at).toBeGreaterThanOrEqual(10_000);
});

test('a failed run writes no snapshot, and the same command resumes where it stopped and builds the same file', { timeout: 60_000 }, async () => {
  const whole = await buildSnapshot({ ...options(), outDir: path.join(out, 'whole') });
  expect(whole.ok).toBe(true);
  const firstRun = api.log.length;

  api.log.length = 0;
  // Contracts Finder fails for good after 4 pages: retries exhausted, the source stops.
  api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 500 }, skip: 4, times: Number.POSITIVE_INFINITY });
  const failed = await buildSnapshot(options());
  expect(failed).toMatchObject({ ok: false, source: 'contracts-finder' });
  expect(() => readFileSync(path.join(out, 'manifest.json'))).toThrow();

  api.clearFaults();
  api.log.length = 0;
  const resumed = await buildSnapshot(options());
  expect(resumed.ok).toBe(true);
  if (!resumed.ok || !whole.ok) return;
  // Resumed after the 4 stored pages: fewer requests than a run from scratch.
  expect(api.log.length).toBeLessThanOrEqual(firstRun - 4);
  expect(readFileSync(resumed.dataPath)).toEqual(readFileSync(whole.dataPath));
  expect(resumed.manifest.sha256).toBe(whole.manifest.sha256);
});

/** First-page windows the builder asked for since the log was cleared, as [from, to] in epoch ms. */
function askedWindows(): [number, number][] {
  return [
    ...api.requests(CONTRACTS_FINDER_PATH).filter((e) => !e.cursor).map((e): [number, number] => [parseApiDate(e.query['publishedFrom']!), parseApiDate(e.query['publishedTo']!)]),
    ...api.requests(FIND_A_TENDER_PATH).filter((e) => !e.cursor).map((e): [number, number] => [parseFindATenderDate(e.query['updatedFrom']!), parseFindATenderDate(e.query['updatedTo']!)]),
  ];
}

test('builds on a previous snapshot: walks only from its end less the overlap, drops what fell out of the window, and holds what a build from scratch holds', { timeout: 90_000 }, async () => {
  const first = await buildSnapshot({ ...options(), from: '2025-01-01', to: '2025-03-01', outDir: path.join(out, 'first') });
  expect(first.ok).toBe(true);
  const fresh = await buildSnapshot({ ...options(), from: '2025-01-20', to: '2025-04-01', outDir: path.join(out, 'fresh') });
  if (!fresh.ok) throw new Error(fresh.error);
  const scratchRequests = api.log.length;

  api.log.length = 0;
  const next = await buildSnapshot({ ...options(), from: '2025-01-20', to: '2025-04-01', outDir: path.join(out, 'next'), previous: path.join(out, 'first') });
  if (!next.ok) throw new Error(next.error);
  const windows = askedWindows();
  expect(windows.length).toBeGreaterThan(0);
  // Only from 2025-03-01 less 7 days (the APIs read local time: an hour's slack) to the new end.
  for (const [from] of windows) expect(from).toBeGreaterThanOrEqual(Date.parse('2025-02-22T00:00:00Z') - 3_600_000);
  expect(Math.max(...windows.map(([, to]) => to))).toBeGreaterThanOrEqual(Date.parse('2025-04-01T00:00:00Z') - 3_600_000);
  expect(api.log.length).toBeLessThan(scratchRequests);

  const ocids = (file: string): string[] => (linesOf(file) as { ocid: string }[]).map((l) => l.ocid).sort();
  expect(ocids(next.dataPath)).toEqual(ocids(fresh.dataPath));
  // Nothing last updated before the new start is carried over.
  expect((linesOf(next.dataPath) as { updatedAt: string }[]).every((l) => Date.parse(l.updatedAt) >= Date.parse('2025-01-20T00:00:00Z'))).toBe(true);
  expect(next.manifest.sources).toEqual(fresh.manifest.sources);
  expect(next.manifest).toMatchObject({ from: '2025-01-20', to: '2025-04-01', tool: { input: 'api' } });
});

test.each([
  ['a corrupted data file', (dir: string, file: string) => {
    const bytes = readFileSync(path.join(dir, file));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(path.join(dir, file), bytes);
  }, /previous snapshot is refused/],
  ['a missing data file', (dir: string, file: string) => rmSync(path.join(dir, file)), /data file .* is missing/],
  ['a foreign manifest', (dir: string) => writeFileSync(path.join(dir, 'manifest.json'), '{"releases":[]}'), /manifest is refused: This is not a Council Lens snapshot manifest/],
])('a previous snapshot with %s is refused: no request, nothing written', { timeout: 60_000 }, async (_name, spoil, message) => {
  const first = await buildSnapshot({ ...options(), from: '2025-01-01', to: '2025-02-01', outDir: path.join(out, 'first') });
  if (!first.ok) throw new Error(first.error);
  spoil(path.join(out, 'first'), first.manifest.file);
  api.log.length = 0;
  const next = await buildSnapshot({ ...options(), from: '2025-01-20', to: '2025-04-01', outDir: path.join(out, 'next'), previous: path.join(out, 'first') });
  expect(next).toEqual({ ok: false, error: expect.stringMatching(message) });
  expect(api.log).toHaveLength(0);
  expect(existsSync(path.join(out, 'next', 'manifest.json'))).toBe(false);
});

test('from the real files on disk: the council notices they hold, merged by ocid across files', async () => {
  const built = await buildSnapshot({ from: '2022-01-01', to: '2025-04-01', sources: ['contracts-finder', 'find-a-tender'], outDir: out, input: CONTRACTS_FINDER_FILES });
  expect(built.ok).toBe(true);
  if (!built.ok) return;
  const lines = linesOf(built.dataPath) as { ocid: string; buyer: { councilCode?: string }; source: string }[];
  expect(lines.length).toBe(noticesFromFiles(CONTRACTS_FINDER_FILES, { from: '2022-01-01', to: '2025-04-01' }, ['contracts-finder']).size);
  expect(new Set(lines.map((l) => l.ocid)).size).toBe(lines.length);
  expect(lines.every((l) => l.buyer.councilCode !== undefined && l.source === 'contracts-finder')).toBe(true);
  // Only the sources the files hold are claimed as covered.
  expect(built.manifest.sources.map((s) => s.source)).toEqual(['contracts-finder']);
  expect(built.manifest.tool.input).toBe('files');
});

test.each([
  [['--from', '2024-01-01', '--out', 'x'], { from: '2024-01-01', to: '2026-12-06', outDir: 'x', sources: ['contracts-finder', 'find-a-tender'], input: [] }],
  [['--from=2024-01-01', '--to', '2025-01-01', '--sources', 'find-a-tender', '--out', 'x', '--input', 'a.json', 'b.jsonl.gz'], { from: '2024-01-01', to: '2025-01-01', sources: ['find-a-tender'], input: ['a.json', 'b.jsonl.gz'] }],
  [['--from', '2024-01-01', '--out', 'x', '--previous', 'previous', '--overlap-days', '3'], { previous: 'previous', overlapDays: 3, input: [] }],
])('command line %j', (argv, expected) => {
  expect(parseSnapshotArgs(argv, '2026-12-06')).toMatchObject(expected);
});

test.each([
  [['--out', 'x'], /--from is required/],
  [['--from', '2024-01-01'], /--out is required/],
  [['--from', '2024-13-45', '--out', 'x'], /must be a day/],
  [['--from', '2024-01-01', '--to', '2023-01-01', '--out', 'x'], /must be before/],
  [['--from', '2024-01-01', '--out', 'x', '--sources', 'tenders-direct'], /unknown source/],
  [['--from', '2024-01-01', '--out', 'x', '--sources', 'find-a-tender,sell2wales'], /cannot read sell2wales yet \(month windows\)/],
  [['--from', '2024-01-01', '--out', 'x', '--previous', 'p', '--input', 'a.json'], /cannot be used with --input/],
  [['--from', '2024-01-01', '--out', 'x', '--overlap-days', 'a week'], /whole number of days/],
])('command line %j is refused', (argv, message) => {
  expect(() => parseSnapshotArgs(argv, '2026-12-06')).toThrow(message);
});
