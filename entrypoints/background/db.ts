import Dexie, { type EntityTable } from 'dexie';
import type { Council, ServiceGroup } from '@/lib/councils/schema';

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

export const DB_NAME = 'council-lens';

/** The only IndexedDB user in the extension (content scripts' IndexedDB belongs to the host page). */
export class CouncilLensDB extends Dexie {
  councils!: EntityTable<Council, 'code'>;
  serviceGroups!: EntityTable<ServiceGroup, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
  }
}
