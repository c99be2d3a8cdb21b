import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { mergeNotices } from '@/lib/ocds/merge-rows';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { noticeTypeInWords } from '@/lib/ocds/notice-types';
import { comingUntil, NO_END, procurementKeys, toNoticeRow } from '@/lib/ocds/row';
import { readShared } from '../dataset/shared-files';

/**
 * Procurement Act 2023 notices (issue 10, section 2) on every real Find a Tender file of 2026 in
 * ../shared/data/find-a-tender-2026 (SOURCES.md section 7). Expected values read from the raw files.
 */

const DIR = 'data/find-a-tender-2026';
const PAGES = [1, 2, 3, 4, 5].map((n) => `${DIR}/fts_ocds_backfill_2026-08-10_page-00${n}.json`);
const SINGLES = [`${DIR}/fts_ocds_uk1-pipeline_037689-2026.json`, `${DIR}/fts_ocds_uk3-to-uk4_069311.json`, `${DIR}/fts_ocds_uk4-tender_032703-2026.json`];

const parsed = new Map<string, Notice[]>();
function notices(file: string): Notice[] {
  let found = parsed.get(file);
  if (!found) {
    const result = parseReleases(JSON.parse(readShared(file)) as unknown);
    expect(result.rejected).toEqual([]);
    found = result.notices;
    parsed.set(file, found);
  }
  return found;
}
const all = (): Notice[] => [...PAGES, ...SINGLES].flatMap(notices);
function notice(ocid: string): Notice {
  const found = all().find((n) => n.ocid === ocid);
  if (!found) throw new Error(`${ocid} is in none of the 2026 files`);
  return found;
}
/** The releases of one file whose ocid is given, as a release package. */
function releasesOf(file: string, ocid: string): { releases: unknown[] } {
  const pkg = JSON.parse(readShared(file)) as { releases: { ocid: string }[] };
  return { releases: pkg.releases.filter((r) => r.ocid === ocid) };
}

describe('every real 2026 file', () => {
  test.each([...PAGES, ...SINGLES])('%s: every notice validates and keeps its notice types', (file) => {
    for (const n of notices(file)) {
      NoticeSchema.parse(n);
      for (const type of n.noticeTypes ?? []) expect(noticeTypeInWords(type)).toMatch(/^UK\d+ [a-z ]+ notice$/);
    }
  });

  test('every notice type of the day is kept (counted by process, oldest first)', () => {
    const types = new Set(all().flatMap((n) => n.noticeTypes ?? []));
    expect([...types].sort()).toEqual(['UK1', 'UK10', 'UK11', 'UK12', 'UK13', 'UK2', 'UK3', 'UK4', 'UK5', 'UK6', 'UK7']);
    // Old-regime releases (legal basis CELEX) carry no noticeType: the field is absent, read as none.
    expect(all().filter((n) => n.noticeTypes === undefined).length).toBeGreaterThan(50);
  });
});

describe('forward notices: when the tender is expected', () => {
  test('UK1 pipeline: futureNoticeDate 2026-06-29T00:00:00+01:00 is 29 June in London, not 28 June in UTC', () => {
    const pipeline = notice('ocds-h6vhtk-068ae4');
    expect(pipeline).toMatchObject({ stage: 'planning', status: 'planned', noticeTypes: ['UK1'], expectedTenderDate: '2026-06-29' });
    expect(comingUntil(pipeline)).toBe('2026-06-29');
  });

  test('UK3 planned procurement: expected tender date, expected contract period from its lots', () => {
    const planned = notice('ocds-h6vhtk-06e0a9');
    expect(planned).toMatchObject({ stage: 'planning', noticeTypes: ['UK3'], expectedTenderDate: '2026-08-17' });
    expect(planned.contractPeriod?.end).toBe('2031-12-31T23:59:59Z');
  });

  test('UK2 market engagement: the engagement milestone due date', () => {
    const engagement = notice('ocds-h6vhtk-06e0a6');
    expect(engagement).toMatchObject({ stage: 'planning', noticeTypes: ['UK2'], engagementDeadline: '2026-08-24' });
    expect(engagement.expectedTenderDate).toBeUndefined();
  });

  test('UK3 then UK4: both types, oldest first; the process is a tender and no longer coming to market', () => {
    const process = notice('ocds-h6vhtk-069311');
    expect(process.noticeTypes).toEqual(['UK3', 'UK4']);
    expect(process.stage).toBe('tender');
    const keys = procurementKeys(toNoticeRow({ ...process, buyer: { ...process.buyer, councilCode: 'LDS' } }, 'sync'));
    expect(keys.comingKeys).toEqual([]);
    expect(keys.tenderKeys.length).toBeGreaterThan(0);
  });
});

describe('after the award', () => {
  test('UK7 contract details: the signed date and the contract period of contracts[]', () => {
    const details = notice('ocds-h6vhtk-06e0b0');
    expect(details.noticeTypes).toEqual(['UK7']);
    expect(details.awards[0]).toMatchObject({ signed: '2026-08-09T23:00:00Z', contractPeriod: { start: '2026-08-09T23:00:00Z', end: '2027-03-31T22:59:59Z' } });
    expect(details.contractPeriod?.end).toBe('2027-03-31T22:59:59Z');
  });

  test('UK10 contract change: the changed period reaches the contract', () => {
    const change = notice('ocds-h6vhtk-064891');
    expect(change.noticeTypes).toEqual(['UK10']);
    expect(change.contractPeriod?.start).toBe('2026-07-27T23:00:00Z');
  });

  test.each([
    ['ocds-h6vhtk-058a5b', '2026-06-30'],
    ['ocds-h6vhtk-05495a', '2026-08-10'],
  ])('UK11 contract termination %s: terminated on %s, and not a contract ending', (ocid, day) => {
    const ended = notice(ocid);
    expect(ended).toMatchObject({ noticeTypes: ['UK11'], terminated: true, terminatedOn: day });
    const row = toNoticeRow({ ...ended, buyer: { ...ended.buyer, councilCode: 'LDS' }, contractPeriod: { end: '2028-03-31' } }, 'sync');
    // Still an award of the council ("who won before"), dated before every day, so never "ending".
    expect(row.endKeys.length).toBeGreaterThan(0);
    expect(row.endKeys.every(([, , date]) => date === NO_END)).toBe(true);
  });

  test('UK11 arriving after the cached contract: the merged row is terminated and leaves Contracts ending', () => {
    const ended = notice('ocds-h6vhtk-058a5b');
    const cached: Notice = { ...ended, stage: 'award', updatedAt: '2025-03-01T10:00:00Z', contractPeriod: { end: '2028-03-31' }, noticeTypes: ['UK6'], buyer: { ...ended.buyer, councilCode: 'LDS' } };
    delete cached.terminated;
    delete cached.terminatedOn;
    expect(toNoticeRow(cached, 'sync').endKeys.map(([, , date]) => date)).toContain('2028-03-31');
    const merged = mergeNotices(cached, ended);
    expect(merged).toMatchObject({ terminated: true, terminatedOn: '2026-06-30', noticeTypes: ['UK6', 'UK11'] });
    expect(toNoticeRow(merged, 'sync').endKeys.every(([, , date]) => date === NO_END)).toBe(true);
  });
});

describe('UK12 procurement termination', () => {
  const file = PAGES[0]!;
  test('closes the tender although its tender.status says "complete"', () => {
    const cancelled = notice('ocds-h6vhtk-069ef2');
    expect(releasesOf(file, 'ocds-h6vhtk-069ef2').releases).toHaveLength(1);
    expect(cancelled).toMatchObject({ stage: 'tender', status: 'cancelled', noticeTypes: ['UK12'] });
  });

  test('merged into a cached open tender, the tender is no longer open', () => {
    const cancellation = notice('ocds-h6vhtk-069ef2');
    const open: Notice = { ...cancellation, status: 'active', updatedAt: '2026-07-01T09:00:00Z', tenderDeadline: '2027-01-31', noticeTypes: ['UK4'], buyer: { ...cancellation.buyer, councilCode: 'LDS' } };
    expect(toNoticeRow(open, 'sync').tenderKeys.length).toBeGreaterThan(0);
    const merged = mergeNotices(open, cancellation);
    expect(merged.status).toBe('cancelled');
    expect(merged.noticeTypes).toEqual(['UK4', 'UK12']);
    expect(toNoticeRow(merged, 'sync').tenderKeys).toEqual([]);
  });
});
