import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Council, ServiceGroup } from '@/lib/councils/schema';
import { noticePageId } from '@/lib/ocds/portals';
import { NoticeSchema } from '@/lib/ocds/notice';
import { procurementKeys, toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import type { NoticeTotalsRow, TotalsSection } from '@/lib/ocds/totals';
import type { SavingsItem } from '@/lib/savings/schema';
import type { Annotation, Prospect } from '@/lib/workspace/schema';
import { noticeTotalsMiddleware } from './notice-totals';
import { packedNoticesMiddleware } from './packed-notices';

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

export const DB_NAME = 'council-lens';

/** An upgrade that fills fields in on every cached notice, in the upgrade's transaction. */
function fillNotices(fill: (row: NoticeRow) => void): (tx: Transaction) => Promise<number> {
  return (tx) => tx.table<NoticeRow>('notices').toCollection().modify(fill);
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
    this.version(3)
      .stores(schemaV3)
      .upgrade(fillNotices((row) => Object.assign(row, procurementKeys(row))));
    this.version(4).stores(schemaV4);
    this.version(5).stores(schemaV5);
    this.version(6)
      .stores(schemaV6)
      .upgrade(
        fillNotices((row) => {
          const pageId = row.noticeUrl ? noticePageId(row.noticeUrl) : null;
          if (pageId) row.pageId = pageId;
        }),
      );
    this.version(7)
      .stores(schemaV7)
      .upgrade(
        fillNotices((row) => {
          const notice = NoticeSchema.safeParse(row);
          // A row that no longer reads as a notice keeps its fields; the next sync replaces it.
          const next: Partial<NoticeRow> & { supplierKeys?: unknown } = notice.success ? toNoticeRow(notice.data, row.origin) : { ...row, ...procurementKeys(row) };
          delete next.supplierKeys;
          for (const key of Object.keys(row)) if (!(key in next)) delete (row as unknown as Record<string, unknown>)[key];
          Object.assign(row, next);
        }),
      );
  }
}
