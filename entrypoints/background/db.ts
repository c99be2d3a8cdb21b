import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Council, ServiceGroup } from '@/lib/councils/schema';
import { NoticeSchema } from '@/lib/ocds/notice';
import { isLegacyPackedRow, unpackLegacyRow } from '@/lib/ocds/packed-row';
import { procurementKeys, toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import { applyTotals, totalsDelta, type NoticeTotalsRow, type TotalsDelta, type TotalsSection } from '@/lib/ocds/totals';
import type { SavingsItem } from '@/lib/savings/schema';
import type { Annotation, Prospect } from '@/lib/workspace/schema';
import { noticeTotalsMiddleware } from './notice-totals';
import { isStoredNotice, packedNoticesMiddleware, storedNotice } from './packed-notices';

/** Key-value rows: which packaged dataset is loaded, sync cursors and the like. */
export interface MetaRow {
  key: string;
  value: unknown;
}

// 2026-11-22: first schema. Councils by code, with indexes for a council website's domain and
// the GSS code; service groups by spec id.
export const schemaV1 = {
  councils: 'code, domain, gss',
  serviceGroups: 'id',
  meta: 'key',
} as const;

// 2026-11-22 (v2): the procurement notices cache (issue 4). Indexes answer the card's questions:
// a council's notices by stage, by service group, by contract end; notices by supplier; tenders by
// deadline. No upgrade function: v2 only adds a table, and v1's rows stay as they were.
export const schemaV2 = {
  ...schemaV1,
  notices: 'ocid, [council+stage], *councilGroups, *supplierKeys, deadline, contractEnd, [council+contractEnd], updatedAt',
} as const;

// 2026-11-30 (v3): multi-entry indexes of [council, service group or '*', date] keys, so the card's
// open tenders and contracts ending are bounded range reads (lib/ocds/row.ts, procurementKeys), and
// per-council counts by date for their totals (lib/ocds/totals.ts, kept by noticeTotalsMiddleware).
// The upgrade fills the keys in on cached rows, and so the totals: no resync needed.
export const schemaV3 = {
  ...schemaV2,
  notices: 'ocid, [council+stage], *councilGroups, *supplierKeys, deadline, contractEnd, [council+contractEnd], updatedAt, *tenderKeys, *endKeys',
  noticeTotals: '[council+section]',
} as const;

// 2026-11-30 (v4): the user's savings programme records (issue 5). User data: no upgrade ever
// drops or rewrites this table. By id; a council's items, and a council's items in one service.
export const schemaV4 = {
  ...schemaV3,
  savings: 'id, council, [council+serviceGroup]',
} as const;

// 2026-11-30 (v5): the bid writers' workspace (issue 6). User data, never dropped or rewritten by
// an upgrade: annotations on tender notices by key (OCID or `site:noticeId`), by council, status,
// bid deadline and tag; prospects saved from LinkedIn by id, council and follow-up date.
export const schemaV5 = {
  ...schemaV4,
  annotations: 'key, council, status, bidDeadline, updatedAt, *tags',
  prospects: 'id, council, followUp, updatedAt',
} as const;

// 2026-11-30 (v6): notices by the notice id of their Contracts Finder or Find a Tender page
// (lib/ocds/portals.ts noticePageId), so a Contracts Finder page, which shows no OCID, finds its
// cached notice with one index read instead of reading all its council's notices. The upgrade
// fills the id in on cached rows; user tables are untouched.
export const schemaV6 = {
  ...schemaV5,
  notices: `${schemaV5.notices}, pageId`,
} as const;

// 2026-12-06 (v7): a cache that holds years (issue 10). Rows are compact (lib/ocds/row.ts
// toNoticeRow, stored packed by packedNoticesMiddleware: lib/ocds/packed-row.ts); indexes the app
// never reads go ([council+stage], *supplierKeys), and *endKeys, now on every award, answers what
// [council+contractEnd] (Timing) and *councilGroups (who won before) did; *comingKeys lists what a
// council will buy next (Procurement Act UK1/UK2/UK3 notices).
// The upgrade rebuilds every cached row from its notice; user tables are untouched.
export const schemaV7 = {
  ...schemaV6,
  notices: 'ocid, deadline, contractEnd, updatedAt, *tenderKeys, *endKeys, pageId, *comingKeys',
} as const;

// 2026-12-06 (v8): years in a few hundred bytes a notice (issue 10). Keys are stored short
// (lib/ocds/compact-keys.ts, translated by packedNoticesMiddleware, so the app's keys are unchanged);
// `deadline` and `contractEnd` give way to one `expires` index, the first day a retention rule can
// remove the row (lib/sync/retention-rules.ts). The upgrade rebuilds every cached row, whatever
// schema wrote it, and the per-date totals; user tables are untouched.
export const schemaV8 = {
  ...schemaV7,
  notices: 'ocid, updatedAt, *tenderKeys, *endKeys, pageId, *comingKeys, expires',
} as const;

export const DB_NAME = 'council-lens';

/** The row a cached notice of an earlier schema becomes, or null when it no longer reads as one. */
function rebuiltRow(value: unknown): NoticeRow | null {
  // Schema v7 packed rows were already compact rows (toNoticeRow).
  if (isLegacyPackedRow(value)) return unpackLegacyRow(value);
  const row = value as Partial<NoticeRow>;
  const notice = NoticeSchema.safeParse(row);
  if (notice.success) return toNoticeRow(notice.data, row.origin === 'seed' ? 'seed' : 'sync');
  try {
    // Kept with what it has, as v7 did; the next sync replaces it.
    return { ...row, ...procurementKeys(row as NoticeRow) } as NoticeRow;
  } catch {
    return null;
  }
}

/**
 * Schema v8's upgrade: every cached notice, of any earlier schema, rewritten in the v8 stored form
 * under its short key, and the per-date totals counted again. It walks IndexedDB itself (the
 * middleware would read the old long keys as short ones), one record at a time, so memory stays flat
 * whatever the cache's size. A row already in the v8 form (written ahead of the cursor) is skipped; a
 * row that cannot be stored any more is dropped: it is cache, and the next sync fetches it again.
 */
function rebuildNotices(tx: Transaction): Promise<void> {
  const idb = tx.idbtrans;
  const notices = idb.objectStore('notices');
  const delta: TotalsDelta = new Map();
  const count = (row: NoticeRow) => {
    for (const [id, dates] of totalsDelta([], [row])) {
      const into = delta.get(id) ?? delta.set(id, new Map()).get(id)!;
      for (const [date, n] of dates) into.set(date, (into.get(date) ?? 0) + n);
    }
  };
  return new Dexie.Promise<void>((resolve, reject) => {
    const walk = notices.openCursor();
    walk.onerror = () => reject(walk.error);
    walk.onsuccess = () => {
      const cursor = walk.result;
      if (!cursor) {
        const totals = idb.objectStore('noticeTotals');
        totals.clear();
        for (const [id, dates] of delta) {
          const cut = id.lastIndexOf('|');
          totals.put({ council: id.slice(0, cut), section: id.slice(cut + 1) as TotalsSection, ...applyTotals(undefined, dates) } satisfies NoticeTotalsRow);
        }
        resolve();
        return;
      }
      if (isStoredNotice(cursor.value)) {
        cursor.continue();
        return;
      }
      const row = rebuiltRow(cursor.value);
      cursor.delete();
      if (row) {
        try {
          notices.put(storedNotice(row));
          count(row);
        } catch {
          // Dropped (see above).
        }
      }
      cursor.continue();
    };
  }) as unknown as Promise<void>;
}

/** The only IndexedDB user in the extension (content scripts' IndexedDB belongs to the host page). */
export class CouncilLensDB extends Dexie {
  councils!: EntityTable<Council, 'code'>;
  serviceGroups!: EntityTable<ServiceGroup, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  notices!: EntityTable<NoticeRow, 'ocid'>;
  noticeTotals!: Table<NoticeTotalsRow, [string, TotalsSection]>;
  savings!: EntityTable<SavingsItem, 'id'>;
  annotations!: EntityTable<Annotation, 'key'>;
  prospects!: EntityTable<Prospect, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.use(noticeTotalsMiddleware);
    this.use(packedNoticesMiddleware);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    // Versions 3, 6 and 7 filled derived fields in on cached rows; v8's upgrade now rebuilds every
    // row from whichever of those schemas it comes, so theirs no longer run.
    this.version(3).stores(schemaV3);
    this.version(4).stores(schemaV4);
    this.version(5).stores(schemaV5);
    this.version(6).stores(schemaV6);
    this.version(7).stores(schemaV7);
    this.version(8).stores(schemaV8).upgrade(rebuildNotices);
  }
}
