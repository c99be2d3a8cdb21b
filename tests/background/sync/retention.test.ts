// @vitest-environment node
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import { applyRetention, isExpiredTender, isLongFinishedContract, RETENTION_RULES } from '@/entrypoints/background/refresh/sync';
import type { Award, Notice, Stage } from '@/lib/ocds/notice';
import { toNoticeRow } from '@/lib/ocds/row';
import { freshIndexedDb, openDb } from '../../support/sync-harness';

const TODAY = '2025-06-30';
const AWARD: Award = { id: 'a1', status: 'active', suppliers: [{ name: 'Acme Ltd' }] };

interface Case {
  stage: Stage;
  awarded?: boolean;
  deadline?: string;
  end?: string;
}

function notice(ocid: string, c: Case): Notice {
  return {
    ocid,
    source: 'contracts-finder',
    stage: c.stage,
    title: ocid,
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: [],
    publishedAt: '2023-01-01',
    updatedAt: '2023-01-01',
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

  test('stated in plain English for the options page', () => {
    expect(RETENTION_RULES).toEqual([
      'Tenders whose deadline passed more than 90 days ago without an award are removed.',
      'Contracts that ended more than 2 years ago (counting any extensions) are removed.',
      'Everything else is kept: open tenders, tenders awaiting an award, contracts still running or ended recently, and notices without those dates.',
    ]);
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
    expect(result).toEqual({ removedTenders: 2, removedContracts: 2 });
    expect(await db.meta.count()).toBe(1);
    expect(await applyRetention(db, TODAY)).toEqual({ removedTenders: 0, removedContracts: 0 });
  });
});
