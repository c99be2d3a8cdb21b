import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilLensDB, schemaV4 } from '@/entrypoints/background/db';
import { deleteAllUserData } from '@/entrypoints/background/handlers/delete-all-user-data';
import { deleteRecord } from '@/entrypoints/background/handlers/delete-workspace-record';
import { editAnnotation } from '@/entrypoints/background/handlers/edit-annotation';
import { editProspect } from '@/entrypoints/background/handlers/edit-prospect';
import { exportWorkspace } from '@/entrypoints/background/handlers/export-workspace';
import { getAnnotation } from '@/entrypoints/background/handlers/get-annotation';
import { importWorkspace } from '@/entrypoints/background/handlers/import-workspace';
import { listWorkspace } from '@/entrypoints/background/handlers/list-workspace';
import { noticeInsight } from '@/entrypoints/background/handlers/get-notice-insight';
import type { Notice } from '@/lib/ocds/notice';
import { SavingsItemSchema } from '@/lib/savings/schema';
import { toNoticeRow } from '@/lib/ocds/row';
import { annotation, CF_KEY, prospect, T0 } from '../../../lib/workspace/support';
import { freshIndexedDb } from '../../../support/sync-harness';
import { SHOWN_REMINDERS_KEY } from '@/entrypoints/background/reminders';

const root = resolve(import.meta.dirname, '../../..', '..');
let db: CouncilLensDB;

beforeEach(() => {
  freshIndexedDb();
  db = new CouncilLensDB('workspace-test');
});

/** storage.session as the background uses it, in memory. */
function memorySession(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (_keys: null) => ({ ...data }),
    remove: async (keys: string[]) => {
      for (const key of keys) delete data[key];
    },
  };
}

const SAVINGS = [
  { id: 'sav-1', council: 'LDS', serviceGroup: 'adult-social-care', financialYear: '2027/28', amountGbp: 1200000, kind: 'service-review', status: 'proposed', description: 'Review of day services', addedAt: '2026-11-29T16:20:00.000Z', addedBy: 'form' },
  { id: 'sav-2', council: 'KEN', serviceGroup: 'highways-transport', financialYear: '2026/27', kind: 'restructure', status: 'approved', description: 'Highways team restructure', addedAt: '2026-11-28T10:00:00.000Z', addedBy: 'import' },
];

const NEW = {
  site: 'contracts-finder' as const,
  noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d',
  title: 'Day opportunities for older people',
  buyerName: 'Leeds City Council',
  status: 'watching' as const,
  tags: [],
  notes: '',
};

describe('annotations', () => {
  test('two tabs editing different fields keep both; the same field is last write wins, and the loser is told', async () => {
    const first = await editAnnotation(db, { key: CF_KEY, fields: NEW, at: T0 });
    const base = first.annotation.fieldTimes;
    // Tab A writes notes, tab B (same base) writes the status: both survive, no conflict.
    const a = await editAnnotation(db, { key: CF_KEY, fields: { notes: 'Site visit on 3 Dec' }, at: T0 + 1000, baseTimes: base });
    const b = await editAnnotation(db, { key: CF_KEY, fields: { status: 'go' }, at: T0 + 2000, baseTimes: base });
    expect(a.conflicts).toEqual([]);
    expect(b.conflicts).toEqual([]);
    expect(await getAnnotation(db, CF_KEY)).toMatchObject({ notes: 'Site visit on 3 Dec', status: 'go' });
    // Tab B, still on the old base, now writes notes too: its later write wins and it hears of A's.
    const c = await editAnnotation(db, { key: CF_KEY, fields: { notes: 'Bid lead: JS' }, at: T0 + 3000, baseTimes: base });
    expect(c.conflicts).toEqual(['notes']);
    expect((await getAnnotation(db, CF_KEY))?.notes).toBe('Bid lead: JS');
  });

  test('an invalid edit writes nothing', async () => {
    await expect(editAnnotation(db, { key: CF_KEY, fields: { notes: 'no title yet' }, at: T0 })).rejects.toThrow();
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('export, wipe, import', () => {
  test('JSON export -> delete all -> import -> export is byte for byte the same', async () => {
    await db.annotations.bulkPut([annotation(), annotation({ key: 'find-a-tender:034567-2026', site: 'find-a-tender', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/034567-2026', title: 'Highways term maintenance', buyerName: 'Kent County Council', council: 'KEN' })]);
    await db.prospects.put(prospect());
    const savings = SAVINGS.map((item) => SavingsItemSchema.parse(item));
    await db.savings.bulkPut(savings);
    const now = new Date(T0 + 86_400_000);
    const first = await exportWorkspace(db, 'json', now, { daysBefore: [3, 1] });
    expect(first.filename).toBe('council-lens-workspace-2026-12-01.json');
    // "Delete all my data" deletes savings items too, so "Export all" must hold them.
    expect(JSON.parse(first.text).savings.map((i: { id: string }) => i.id)).toEqual(['sav-1', 'sav-2']);
    expect(await deleteAllUserData(db, memorySession())).toEqual({ annotations: 2, prospects: 1, savings: 2 });
    expect(await listWorkspace(db)).toEqual({ annotations: [], prospects: [] });
    expect(await db.savings.count()).toBe(0);
    expect(await importWorkspace(db, first.text)).toEqual({
      ok: true,
      annotations: { added: 2, updated: 0, unchanged: 0 },
      prospects: { added: 1, updated: 0, unchanged: 0 },
      savings: { added: 2, updated: 0, unchanged: 0 },
    });
    expect(await db.savings.orderBy('id').toArray()).toEqual(savings);
    const second = await exportWorkspace(db, 'json', now, { daysBefore: [3, 1] });
    expect(second.text).toBe(first.text);
    const csv = await exportWorkspace(db, 'annotations-csv', now, { daysBefore: [3, 1] });
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const ics = await exportWorkspace(db, 'ics', now, { daysBefore: [3, 1] });
    expect(ics.text).toContain('BEGIN:VCALENDAR');
  });

  test('an import never overwrites a saved savings item, and does not double one saved under another id', async () => {
    const [one, two] = SAVINGS.map((item) => SavingsItemSchema.parse(item));
    const edited = { ...one!, status: 'approved' as const };
    await db.savings.put(edited);
    const file = JSON.stringify({ format: 'council-lens-workspace', version: 2, exportedAt: '2026-11-30T09:00:00.000Z', savings: [one, { ...two!, id: 'sav-9' }, { ...one!, id: 'sav-copy' }] });
    expect(await importWorkspace(db, file)).toMatchObject({ ok: true, savings: { added: 1, unchanged: 2 } });
    expect(await db.savings.orderBy('id').toArray()).toEqual([edited, { ...two!, id: 'sav-9' }]);
  });

  test('a malformed import leaves the data as it was', async () => {
    await db.annotations.put(annotation());
    const before = await listWorkspace(db);
    const bad = readFileSync(resolve(root, 'tests/fixtures/workspace/workspace-v1--bad-records.json'), 'utf8');
    const outcome = await importWorkspace(db, bad);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.length).toBeGreaterThan(1);
    expect(await importWorkspace(db, '{"format":')).toMatchObject({ ok: false });
    expect(await listWorkspace(db)).toEqual(before);
  });

  test('deleting one record, and prospects by id', async () => {
    const saved = await editProspect(db, { id: 'linkedin:priya-sharma', fields: { name: 'Priya Sharma', title: 'Head of Adult Social Care', councilName: 'Leeds City Council', council: 'LDS', profileUrl: 'https://www.linkedin.com/in/priya-sharma/', notes: '' }, at: T0 });
    expect(saved.prospect.id).toBe('linkedin:priya-sharma');
    expect(await deleteRecord(db, 'prospect', 'linkedin:priya-sharma')).toEqual({ deleted: true });
    expect(await deleteRecord(db, 'prospect', 'linkedin:priya-sharma')).toEqual({ deleted: false });
  });
});

describe('noticeInsight', () => {
  const notice = (over: Partial<Notice>): Notice => ({
    ocid: `ocds-b5fd17-${Math.random().toString(16).slice(2)}`,
    source: 'contracts-finder',
    stage: 'award',
    title: 'Award',
    description: '',
    buyer: { name: 'Leeds City Council', councilCode: 'LDS' },
    cpv: [],
    serviceGroups: ['adult-social-care'],
    publishedAt: '2024-01-01',
    updatedAt: '2024-01-01',
    suppliers: [{ name: 'Care Co Ltd' }],
    awards: [],
    regions: [],
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-0000-0000-000000000000',
    releaseIds: [],
    ...over,
  });

  test('finds the cached notice by its page address and lists earlier awards in its service, newest first', async () => {
    const page = 'https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d';
    await db.notices.bulkPut(
      [
        notice({ ocid: 'ocds-this', stage: 'tender', title: 'This tender', suppliers: [], noticeUrl: page }),
        notice({ title: 'Older award', publishedAt: '2022-05-01' }),
        notice({ title: 'Newer award', publishedAt: '2024-05-01', value: { amount: 250000, currency: 'GBP' } }),
        notice({ title: 'Other service', serviceGroups: ['waste'] }),
        notice({ title: 'Other council', buyer: { name: 'Kent County Council', councilCode: 'KEN' } }),
      ].map((n) => toNoticeRow(n, 'sync')),
    );
    const insight = await noticeInsight(db, { council: 'LDS', ocid: null, noticeUrl: page.toUpperCase().replace('HTTPS://WWW.CONTRACTSFINDER.SERVICE.GOV.UK', 'https://www.contractsfinder.service.gov.uk'), serviceGroup: null }, '2026-11-30');
    expect(insight.notice?.title).toBe('This tender');
    expect(insight.serviceGroup).toBe('adult-social-care');
    expect(insight.earlierAwards.map((a) => a.title)).toEqual(['Newer award', 'Older award']);
    expect(insight.earlierAwards[0]).toMatchObject({ suppliers: ['Care Co Ltd'], value: { amount: 250000 } });
  });

  test('a notice not cached yet takes its service group from the page\'s CPV codes', async () => {
    await db.notices.bulkPut([notice({ title: 'Road resurfacing 2024', serviceGroups: ['highways-transport'], publishedAt: '2024-03-01' })].map((n) => toNoticeRow(n, 'sync')));
    const insight = await noticeInsight(
      db,
      { council: 'LDS', ocid: null, noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/002217-2026', serviceGroup: null, cpv: ['45233000'], title: 'Highway surfacing works' },
      '2026-11-30',
    );
    expect(insight.notice).toBeNull();
    expect(insight.serviceGroup).toBe('highways-transport');
    expect(insight.earlierAwards.map((a) => a.title)).toEqual(['Road resurfacing 2024']);
  });

  test('a cached notice of a buyer that is not a council is found by its page too, with no earlier awards', async () => {
    const page = 'https://www.find-tender.service.gov.uk/Notice/004824-2025';
    await db.notices.put(toNoticeRow(notice({ ocid: 'ocds-h6vhtk-04ab12', source: 'find-a-tender', title: 'Adalimumab', buyer: { name: 'NHS England' }, noticeUrl: page }), 'sync'));
    const insight = await noticeInsight(db, { council: null, ocid: null, noticeUrl: `${page}?origin=SearchResults`, serviceGroup: null }, '2026-11-30');
    expect(insight.notice?.title).toBe('Adalimumab');
    expect(insight.earlierAwards).toEqual([]);
  });

  test('a buyer that is not a council: no earlier awards, and no error', async () => {
    expect(await noticeInsight(db, { council: null, ocid: 'ocds-missing', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/008123-2023', serviceGroup: null }, '2026-11-30')).toEqual({ notice: null, serviceGroup: null, earlierAwards: [] });
  });
});

test('v4 -> v5: workspace tables are added and savings items survive', async () => {
  const v4 = new Dexie('upgrade-v5');
  v4.version(4).stores(schemaV4);
  await v4.table('savings').put({ id: 'sav-1', council: 'LDS', serviceGroup: 'waste', financialYear: '2027/28' });
  v4.close();
  const db5 = new CouncilLensDB('upgrade-v5');
  await db5.open();
  expect(db5.verno).toBeGreaterThanOrEqual(5);
  expect(await db5.savings.get('sav-1')).toMatchObject({ council: 'LDS' });
  expect(await db5.annotations.count()).toBe(0);
  expect(await db5.prospects.count()).toBe(0);
  db5.close();
});

describe('Delete all my data (issue 16)', () => {
  test("removes everything that is the user's: records, reminders shown, capture drafts and tab contexts", async () => {
    await db.annotations.put(annotation());
    await db.prospects.put(prospect());
    await db.savings.put(SavingsItemSchema.parse(SAVINGS[0]));
    await db.meta.put({ key: SHOWN_REMINDERS_KEY, value: { [`reminder:3:${CF_KEY}`]: T0 } });
    await db.meta.put({ key: 'sync:contracts-finder', value: { cursor: 'kept' } });
    await db.meta.put({ key: 'datasets', value: { version: '0.1.0' } });
    const session = memorySession({
      'savings-draft:1b2c': { at: T0, prefill: { description: 'Selected text from a council page', sourceUrl: 'https://democracy.leeds.gov.uk/x' } },
      'tab:12': { tabId: 12, url: 'https://www.linkedin.com/in/priya-sharma/', person: { name: 'Priya Sharma' } },
      // Not the user's (nothing else is kept in the session today): the filter must leave it.
      'other:key': { kept: true },
    });
    expect(await deleteAllUserData(db, session)).toEqual({ annotations: 1, prospects: 1, savings: 1 });
    expect([await db.annotations.count(), await db.prospects.count(), await db.savings.count()]).toEqual([0, 0, 0]);
    expect((await db.meta.toArray()).map((row) => row.key).sort()).toEqual(['datasets', 'sync:contracts-finder']);
    expect(Object.keys(session.data)).toEqual(['other:key']);
  });
});
