import Dexie, { type EntityTable } from 'dexie';
import type { Council, ServiceGroup } from '@/lib/councils/schema';
import type { NoticeRow } from '@/lib/ocds/row';

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

export const DB_NAME = 'council-lens';

/** The only IndexedDB user in the extension (content scripts' IndexedDB belongs to the host page). */
export class CouncilLensDB extends Dexie {
  councils!: EntityTable<Council, 'code'>;
  serviceGroups!: EntityTable<ServiceGroup, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  notices!: EntityTable<NoticeRow, 'ocid'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
  }
}
