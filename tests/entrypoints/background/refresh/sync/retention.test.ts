// @vitest-environment node
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import { applyRetention, isBeyondHistory, isExpiredTender, isLongFinishedContract, isStaleUndated, RETENTION_RULES, retentionRules, retentionSources } from '@/entrypoints/background/refresh/sync';
import type { Award, Notice, Stage } from '@/lib/ocds/notice';
import { toNoticeRow } from '@/lib/ocds/row';
import { freshIndexedDb, openDb } from '../../../../support/sync-harness';

const TODAY = '2025-06-30';
const AWARD: Award = { id: 'a1', status: 'active', suppliers: [{ name: 'Acme Ltd' }] };

interface Case {
  stage: Stage;
  awarded?: boolean;
  deadline?: string;
  end?: string;
  updated?: string;
  source?: Notice['source'];
}

function notice(ocid: string, c: Case): Notice {
  return {
    ocid,
    source: c.source ?? 'contracts-finder',
    stage: c.stage,
    title: ocid,
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: [],
    publishedAt: c.updated ?? '2024-01-01',
    updatedAt: c.updated ?? '2024-01-01',
    ...(c.deadline ? { tenderDeadline: `${c.deadline}T12:00:00Z` } : {}),
    ...(c.end ? { contractPeriod: { end: c.end } } : {}),
    suppliers: c.awarded ? AWARD.suppliers : [],
    awards: c.awarded ? [AWARD] : [],
    regions: [],
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-0000-0000-000000000000',
    releaseIds: [],
  };
}

// 90 days before 2025-06-30 is 2025-04-01; 2 years before is 2023-06-30.
const CASES: [string, Case, boolean][] = [
  ['tender, deadline 91 days ago, no award', { stage: 'tender', deadline: '2025-03-31' }, true],
  ['tender, deadline exactly 90 days ago', { stage: 'tender', deadline: '2025-04-01' }, false],
  ['tender, deadline yesterday', { stage: 'tender', deadline: '2025-06-29' }, false],
  ['tender, deadline years ago but awarded', { stage: 'tender', awarded: true, deadline: '2020-01-01' }, false],
  ['planning notice, deadline long passed, no award', { stage: 'planning', deadline: '2024-01-01' }, true],
  ['tender without a deadline', { stage: 'tender' }, false],
  ['open tender whose planned contract ended long ago (bad data)', { stage: 'tender', deadline: '2025-07-15', end: '2020-01-01' }, false],
  ['award, contract ended 2 years and a day ago', { stage: 'award', awarded: true, end: '2023-06-29' }, true],
  ['award, contract ended exactly 2 years ago', { stage: 'award', awarded: true, end: '2023-06-30' }, false],
  ['award, contract ended last year', { stage: 'award', awarded: true, end: '2024-06-30' }, false],
  ['contract stage, ended 5 years ago', { stage: 'contract', end: '2020-06-30' }, true],
  ['award without a contract end', { stage: 'award', awarded: true }, false],
  ['award, deadline long passed, contract running', { stage: 'award', awarded: true, deadline: '2020-01-01', end: '2027-01-01' }, false],
];

describe('retention rules', () => {
  test.each(CASES)('%s -> removed: %s', (_label, c, removed) => {
    const row = toNoticeRow(notice('x', c), 'sync');
    expect(isExpiredTender(row, TODAY) || isLongFinishedContract(row, TODAY)).toBe(removed);
  });

  test('maximum end with extensions counts, not the first end', () => {
    const row = toNoticeRow({ ...notice('x', { stage: 'award', awarded: true }), contractPeriod: { end: '2022-01-01', maxEnd: '2024-01-01' } }, 'sync');
    expect(isLongFinishedContract(row, TODAY)).toBe(false);
  });

  test('leap day: two years before 29 February 2024 is 28 February 2022', () => {
    const at = (end: string) => isLongFinishedContract(toNoticeRow(notice('x', { stage: 'award', awarded: true, end }), 'sync'), '2024-02-29');
    expect([at('2022-02-27'), at('2022-02-28')]).toEqual([true, false]);
  });

  test('stated in plain English for the options page, with the history depth chosen', () => {
    expect(RETENTION_RULES).toEqual([
      'Tenders whose deadline passed more than 90 days ago without an award are removed.',
      'Contracts that ended more than 2 years ago (counting any extensions) are removed.',
      'Notices with neither a deadline nor a contract end are removed 24 months after their last update.',
      'Notices last updated more than 1 year ago (the history you keep) are removed.',
      'Notices you annotated or saved in the workspace are never removed.',
      'Everything else is kept: open tenders, tenders awaiting an award, and contracts still running or ended recently.',
    ]);
    expect(retentionRules(36)[3]).toBe('Notices last updated more than 3 years ago (the history you keep) are removed.');
    expect(retentionRules(6)[3]).toBe('Notices last updated more than 6 months ago (the history you keep) are removed.');
  });

  // 24 months before 2025-06-30 is 2023-06-30; one year before is 2024-06-30.
  test.each([
    ['undated, updated 24 months and a day ago', { stage: 'award' as const, awarded: true, updated: '2023-06-29' }, true],
    ['undated, updated exactly 24 months ago', { stage: 'award' as const, awarded: true, updated: '2023-06-30' }, false],
    ['undated tender, updated 3 years ago', { stage: 'tender' as const, updated: '2022-06-30T10:00:00Z' }, true],
    ['a deadline: not undated', { stage: 'tender' as const, deadline: '2025-07-30', updated: '2020-01-01' }, false],
    ['a contract end: not undated', { stage: 'award' as const, awarded: true, end: '2026-01-01', updated: '2020-01-01' }, false],
  ])('undated rule: %s -> %s', (_label, c, removed) => {
    expect(isStaleUndated(toNoticeRow(notice('x', c), 'sync'), TODAY)).toBe(removed);
  });

  test.each([
    [12, '2024-06-29', true],
    [12, '2024-06-30', false],
    [12, '2024-06-30T00:00:01Z', false],
    [6, '2024-12-29', true],
    [24, '2024-01-01', false],
    [36, '2022-06-29', true],
  ])('history of %i months: last updated %s -> beyond it: %s', (months, updated, beyond) => {
    expect(isBeyondHistory(toNoticeRow(notice('x', { stage: 'award', updated }), 'sync'), TODAY, months)).toBe(beyond);
  });

  test.each([
    ['both done', 'done', 'done', ['contracts-finder', 'find-a-tender']],
    ['Contracts Finder failed: Find a Tender still trimmed', 'failed', 'done', ['find-a-tender']],
    ['Find a Tender failed: Contracts Finder still trimmed', 'done', 'failed', ['contracts-finder']],
    ['Find a Tender waiting on its rate limit', 'done', 'waiting', ['contracts-finder', 'find-a-tender']],
  ])('retention after a run: %s', (_label, cf, fat, expected) => {
    const report = { outcome: cf === 'failed' || fat === 'failed' ? 'failed' : 'done', sources: [{ source: 'contracts-finder' as const, state: cf }, { source: 'find-a-tender' as const, state: fat }, { source: 'find-a-tender' as const, state: 'done' }] };
    expect(retentionSources(report)).toEqual(expected);
  });

  test('no retention after a run that never ran (busy) or was stopped', () => {
    expect(retentionSources({ outcome: 'busy', sources: [] })).toEqual([]);
    expect(retentionSources({ outcome: 'aborted', sources: [{ source: 'find-a-tender', state: 'failed' }] })).toEqual([]);
  });
});

describe('applyRetention', () => {
  let db: CouncilLensDB;
  beforeEach(() => {
    freshIndexedDb();
    db = openDb();
  });
  afterEach(() => db.close());

  test('removes exactly the rows the rules name, seed and synced alike, and nothing else', async () => {
    const rows = CASES.map(([label, c], i) => toNoticeRow(notice(`ocds-${String(i).padStart(2, '0')}`, c), i % 2 ? 'seed' : 'sync'));
    await db.notices.bulkPut(rows);
    await db.meta.put({ key: 'annotation:x', value: 'kept' });
    const result = await applyRetention(db, TODAY);
    const kept = CASES.flatMap(([, , removed], i) => (removed ? [] : [`ocds-${String(i).padStart(2, '0')}`]));
    expect((await db.notices.toCollection().primaryKeys()).sort()).toEqual(kept);
    expect(result).toEqual({ removedTenders: 2, removedContracts: 2, removedUndated: 0, removedBeyondHistory: 0 });
    expect(await db.meta.count()).toBe(1);
    expect(await applyRetention(db, TODAY)).toEqual({ removedTenders: 0, removedContracts: 0, removedUndated: 0, removedBeyondHistory: 0 });
  });

  test('history depth and undated rules; annotated notices (by OCID or site:noticeId) stay whatever their dates; only the sources named', async () => {
    const rows = [
      toNoticeRow(notice('ocds-old-1', { stage: 'award', awarded: true, end: '2027-01-01', updated: '2024-03-01' }), 'sync'),
      toNoticeRow(notice('ocds-old-annotated', { stage: 'award', awarded: true, end: '2027-01-01', updated: '2024-03-01' }), 'sync'),
      toNoticeRow({ ...notice('ocds-old-by-page', { stage: 'tender', deadline: '2020-01-01', updated: '2024-03-01' }), noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/11111111-2222-3333-4444-555555555555' }, 'sync'),
      toNoticeRow(notice('ocds-old-fat', { stage: 'award', awarded: true, end: '2027-01-01', updated: '2024-03-01', source: 'find-a-tender' }), 'sync'),
      toNoticeRow(notice('ocds-undated', { stage: 'award', awarded: true, updated: '2023-01-01' }), 'sync'),
      toNoticeRow(notice('ocds-recent', { stage: 'award', awarded: true, end: '2027-01-01', updated: '2025-06-01' }), 'seed'),
    ];
    await db.notices.bulkPut(rows);
    const annotation = { council: 'LDS', status: 'watching', tags: [], notes: '', updatedAt: '2025-06-01T00:00:00Z', title: 't' };
    await db.annotations.bulkPut([
      { ...annotation, key: 'ocds-old-annotated' },
      { ...annotation, key: 'contracts-finder:11111111-2222-3333-4444-555555555555' },
    ] as never);
    const result = await applyRetention(db, TODAY, { sources: ['contracts-finder'], historyMonths: 12 });
    expect((await db.notices.toCollection().primaryKeys()).sort()).toEqual(['ocds-old-annotated', 'ocds-old-by-page', 'ocds-old-fat', 'ocds-recent']);
    expect(result).toEqual({ removedTenders: 0, removedContracts: 0, removedUndated: 0, removedBeyondHistory: 2 });
    expect(await db.annotations.count()).toBe(2);

    // Three years kept: the undated notice of 2023 still goes (24 months), the 2024 ones stay.
    await db.notices.bulkPut(rows);
    const deep = await applyRetention(db, TODAY, { historyMonths: 36 });
    expect(deep).toEqual({ removedTenders: 0, removedContracts: 0, removedUndated: 1, removedBeyondHistory: 0 });
  });
});
