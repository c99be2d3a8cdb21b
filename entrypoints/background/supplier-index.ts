import Dexie from 'dexie';
import { NOT_A_COUNCIL, type NoticeRow } from '@/lib/ocds/row';
import type { Supplier } from '@/lib/ocds/notice';
import { buildSupplierIndex, type SupplierIndex, type SupplierSource } from '@/lib/suppliers/supplier-index';
import { LAST_SYNC_KEY } from './clock';
import type { CouncilLensDB } from './db';

/** Rows per read while building: bounds the memory a build holds at once. */
const PAGE = 2_000;

/** Where the last build's input is kept, so a restarted service worker need not read every notice again. */
export const SUPPLIER_SNAPSHOT_KEY = 'suppliers:snapshot';

/** A council award or contract notice: what "references" are made of. */
export const isCouncilAward = (row: Pick<NoticeRow, 'council' | 'stage'>): boolean =>
  row.council !== NOT_A_COUNCIL && (row.stage === 'award' || row.stage === 'contract');

/** Reads the winners of every council award notice, a page at a time, keeping only what the index needs. */
export async function readSupplierSources(db: CouncilLensDB): Promise<SupplierSource[]> {
  const out: SupplierSource[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: NoticeRow[] = await (after === null ? db.notices.orderBy('ocid') : db.notices.where('ocid').above(after)).limit(PAGE).toArray();
    for (const row of rows) if (isCouncilAward(row) && row.suppliers.length > 0) out.push({ ocid: row.ocid, council: row.council, suppliers: row.suppliers });
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.ocid;
  }
}

/**
 * What the notices table looks like without reading it: row count, newest `updatedAt`, last
 * completed sync. Retention and new notices change the count, a sync run the last two.
 */
export async function noticesSignature(db: CouncilLensDB): Promise<string> {
  const [count, newest, synced] = await Promise.all([db.notices.count(), db.notices.orderBy('updatedAt').lastKey(), db.meta.get(LAST_SYNC_KEY)]);
  return `${count}|${String(newest ?? '')}|${String(synced?.value ?? '')}`;
}

/** Spellings once, notices as [ocid, council, ...spelling numbers]: a fraction of the rows' size. */
interface Snapshot {
  signature: string;
  spellings: [name: string, companiesHouse: string | null][];
  notices: [ocid: string, council: string, ...spellings: number[]][];
}

function toSnapshot(signature: string, sources: readonly SupplierSource[]): Snapshot {
  const numbers = new Map<string, number>();
  const spellings: Snapshot['spellings'] = [];
  const notices = sources.map((s): Snapshot['notices'][number] => {
    const refs = s.suppliers.map((supplier) => {
      const key = `${supplier.name}\u0000${supplier.companiesHouse ?? ''}`;
      let n = numbers.get(key);
      if (n === undefined) {
        numbers.set(key, (n = spellings.length));
        spellings.push([supplier.name, supplier.companiesHouse ?? null]);
      }
      return n;
    });
    return [s.ocid, s.council, ...refs];
  });
  return { signature, spellings, notices };
}

/** The snapshot's sources, or null when it is missing, of another signature or not of this shape. */
function fromSnapshot(value: unknown, signature: string): SupplierSource[] | null {
  const snap = value as Partial<Snapshot> | null | undefined;
  if (snap?.signature !== signature || !Array.isArray(snap.spellings) || !Array.isArray(snap.notices)) return null;
  const suppliers: Supplier[] = snap.spellings.map(([name, companiesHouse]) => (companiesHouse ? { name, companiesHouse } : { name }));
  const out: SupplierSource[] = [];
  for (const entry of snap.notices) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return null;
    const winners = (entry.slice(2) as number[]).map((n) => suppliers[n]);
    if (winners.some((s) => s === undefined || typeof s.name !== 'string')) return null;
    out.push({ ocid: entry[0], council: entry[1], suppliers: winners as Supplier[] });
  }
  return out;
}

/** The index's input: from the snapshot when the notices are as it saw them, else from the rows (and a new snapshot). */
export async function loadSupplierSources(db: CouncilLensDB): Promise<{ sources: SupplierSource[]; from: 'snapshot' | 'notices' }> {
  const [signature, kept] = await db.transaction('r', db.notices, db.meta, () => Promise.all([noticesSignature(db), db.meta.get(SUPPLIER_SNAPSHOT_KEY)]));
  const cached = fromSnapshot(kept?.value, signature);
  if (cached) return { sources: cached, from: 'snapshot' };
  // Signature and rows in one transaction, so the snapshot never claims rows it did not read.
  const [now, sources] = await db.transaction('r', db.notices, db.meta, async () => [await noticesSignature(db), await readSupplierSources(db)] as const);
  await db.meta.put({ key: SUPPLIER_SNAPSHOT_KEY, value: toSnapshot(now, sources) }).catch(() => undefined);
  return { sources, from: 'notices' };
}

export interface SupplierIndexCache {
  /** The index over the notices as they are now: built on first use and after the notices change. */
  get(): Promise<SupplierIndex>;
  /** Drops the index; the next get() rebuilds it. */
  invalidate(): void;
  /** The last build: how long it took (ms) and what it read. */
  readonly lastBuild: { ms: number; from: 'snapshot' | 'notices' } | null;
}

/**
 * The supplier index in memory, rebuilt lazily: Dexie's `storagemutated` event (fired after every
 * committed write to the notices table, by any Dexie instance in this realm) marks it stale, so a
 * sync page, retention or a seed reload is seen by the next search without polling the table. A
 * restarted service worker builds from the snapshot when {@link noticesSignature} is unchanged.
 */
export function createSupplierIndexCache(db: CouncilLensDB): SupplierIndexCache {
  let generation = 0;
  let built: { generation: number; index: SupplierIndex } | null = null;
  let building: { generation: number; promise: Promise<SupplierIndex> } | null = null;
  let lastBuild: SupplierIndexCache['lastBuild'] = null;
  const prefix = `idb://${db.name}/notices/`;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) generation++;
  });

  return {
    get lastBuild() {
      return lastBuild;
    },
    invalidate() {
      generation++;
    },
    async get() {
      if (built?.generation === generation) return built.index;
      if (building?.generation === generation) return building.promise;
      const at = generation;
      const started = performance.now();
      const promise = loadSupplierSources(db).then(({ sources, from }) => {
        const index = buildSupplierIndex(sources);
        lastBuild = { ms: performance.now() - started, from };
        if (at === generation) built = { generation: at, index };
        return index;
      });
      building = { generation: at, promise };
      void promise.finally(() => building?.promise === promise && (building = null)).catch(() => undefined);
      return promise;
    },
  };
}
