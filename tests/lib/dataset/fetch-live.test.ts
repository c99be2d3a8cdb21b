// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fetchLive, readLivePackages } from '@/lib/dataset/fetch-live';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { CONTRACTS_FINDER_PATH, fixtureReleasesBetween, startFakeProcurementApi, type FakeProcurementApi, type FakeSource } from '../../support/fake-procurement-api';
import { fakeClock } from '../../support/fake-clock';

/** `npm run data:fetch` runs the sync client into files; here against the fake API, no network. */

const NOW = Date.parse('2025-03-12T00:00:00Z');
let api: FakeProcurementApi;
let out: string;
beforeAll(async () => {
  api = await startFakeProcurementApi({ pageSize: 40 });
  out = mkdtempSync(path.join(tmpdir(), 'council-lens-live-'));
});
afterAll(async () => {
  await api.stop();
  rmSync(out, { recursive: true, force: true });
});

test('writes every page of the last N days as the raw release package, with a manifest', async () => {
  const clock = fakeClock(NOW);
  const lines: string[] = [];
  api.inject({ path: CONTRACTS_FINDER_PATH, fault: { kind: 'status', status: 429 }, skip: 1 });
  const report = await fetchLive({
    days: 4,
    outDir: out,
    bases: { contractsFinder: api.url, findATender: api.url },
    now: clock.now,
    sleep: clock.sleep,
    log: (line) => lines.push(line),
  });

  expect(report.sources.map((s) => [s.source, s.outcome, s.from, s.to])).toEqual([
    ['contracts-finder', 'done', '2025-03-08T00:00:00Z', '2025-03-12T00:00:00Z'],
    // Find a Tender starts after Contracts Finder's 5-minute overload wait, so its "now" is later.
    ['find-a-tender', 'done', '2025-03-08T00:05:00Z', '2025-03-12T00:05:00Z'],
  ]);
  expect(report.sources[0]!.files).toEqual([
    'contracts-finder/2025-03-08T00-00-00Z--2025-03-11T00-00-00Z--p001.json',
    'contracts-finder/2025-03-11T00-00-00Z--2025-03-12T00-00-00Z--p001.json',
    'contracts-finder/2025-03-11T00-00-00Z--2025-03-12T00-00-00Z--p002.json',
    'contracts-finder/2025-03-11T00-00-00Z--2025-03-12T00-00-00Z--p003.json',
  ]);
  // The overload wait went through the injected clock, as in the extension.
  expect(clock.sleeps).toContain(300_000);
  expect(lines.some((line) => line.includes('overloaded (HTTP 429)'))).toBe(true);
  expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));

  // Raw bytes as served, and together the exact releases of the span.
  const packages = readLivePackages(out);
  expect(packages).toHaveLength(report.sources[0]!.files.length + report.sources[1]!.files.length);
  const served = api.log.filter((e) => e.status === 200).length;
  expect(packages).toHaveLength(served);
  for (const { source, from, to } of report.sources) {
    const ids = packages
      .filter((p) => p.path.includes(`${path.sep}${source}${path.sep}`))
      .flatMap((p) => (JSON.parse(p.text) as { releases: { id: string }[] }).releases.map((r) => r.id));
    expect(ids.sort()).toEqual(fixtureReleasesBetween(source as FakeSource, Date.parse(from), Date.parse(to!)).map((r) => r.id).sort());
  }
  expect(packages.every((p) => parseReleases(JSON.parse(p.text)).rejected.length === 0)).toBe(true);
});
