import { beforeAll, describe, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { councilProcurement, ENDING_WITHIN_MONTHS, LIST_LIMIT } from '@/entrypoints/background/handlers/council-procurement';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { addMonths } from '@/lib/ocds/summary';
import { COUNCILS, generatedNotices, GROUPS, TODAYS } from '../../../support/generated-notices';
import { referenceProcurement } from '../../../support/procurement-reference';
import { freshIndexedDb } from '../../../support/sync-harness';

/**
 * The index-driven handler against a brute-force reference (the v2 handler's filters and sort over
 * every row) on generated rows built to tie and to sit on every boundary date
 * (tests/support/generated-notices.ts).
 */

const ROWS = 600;

let db: CouncilLensDB;
let rows: NoticeRow[];
beforeAll(async () => {
  freshIndexedDb();
  db = new CouncilLensDB('procurement-reference');
  rows = generatedNotices(ROWS, 4).map((n) => toNoticeRow(n, 'sync'));
  await db.notices.bulkPut(rows);
});

const cases = TODAYS.flatMap((today) => COUNCILS.flatMap((council) => [...GROUPS, 'education', null].map((group) => ({ today, council, group }))));

describe('councilProcurement equals the full-scan reference', () => {
  test.each(cases)('$council, $group, $today', async ({ today, council, group }) => {
    expect(await councilProcurement(db, council, group, today, 7)).toEqual(referenceProcurement(rows, council, group, today, 7));
  });

  test('the generated rows exercise lists longer than the limit and the boundary dates', () => {
    const answers = cases.map(({ today, council, group }) => ({ today, answer: referenceProcurement(rows, council, group, today, null) }));
    expect(Math.min(...answers.map(({ answer }) => Math.min(answer.openTotal, answer.endingTotal)))).toBeGreaterThan(LIST_LIMIT);
    const shown = answers.flatMap(({ today, answer }) => [
      ...answer.openTenders.map((s) => (s.deadline === today ? 'deadline today' : s.deadline === null ? 'no deadline' : '')),
      ...answer.contractsEnding.map((s) => {
        const end = s.maxEnd ?? s.end;
        return end === today ? 'end today' : end === addMonths(today, ENDING_WITHIN_MONTHS) ? 'end on horizon' : '';
      }),
    ]);
    expect(new Set(shown)).toEqual(new Set(['', 'deadline today', 'no deadline', 'end today', 'end on horizon']));
  });
});
