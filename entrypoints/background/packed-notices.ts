import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreQuery, Middleware } from 'dexie';
import { instantSeconds, packDay, packId, packOcid, packProcurementKey, secondsInstant, unpackDay, unpackId, unpackOcid, unpackProcurementKey } from '@/lib/ocds/compact-keys';
import { isPackedRow, packRow, unpackRow } from '@/lib/ocds/packed-row';
import type { NoticeRow } from '@/lib/ocds/row';

const NOTICES = 'notices';

/** How one key of the notices table is stored, and read back: `pack` takes what the app passes (a key or a range bound). */
interface KeyCodec {
  pack(key: unknown): unknown;
  unpack(stored: unknown): unknown;
}

/**
 * Only the app's own key values are translated; a range's open ends (Dexie's -Infinity and [[]])
 * pass as they are, as they are below and above every stored key of any type.
 */
const codec = <A, S>(accepts: (key: unknown) => key is A, pack: (key: A) => S, unpack: (stored: S) => A, isStored: (stored: unknown) => stored is S): KeyCodec => ({
  pack: (key) => (accepts(key) ? pack(key) : key),
  unpack: (stored) => (isStored(stored) ? unpack(stored) : stored),
});
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isProcurementKey = (x: unknown): x is [string, string, string] => Array.isArray(x) && x.length === 3 && x.every(isString);

/**
 * Ocids and page ids are packed in an order of their own: a range over them is right for equality,
 * for Dexie's open ends, from '' (every key: below every packed one), and from a key the table gave
 * (the next page, in the table's order, which is all a paged read needs).
 */
const isId = (x: unknown): x is string => typeof x === 'string' && x !== '';
const OCID = codec(isId, packOcid, unpackOcid, isId);
const PROCUREMENT = codec(isProcurementKey, packProcurementKey, unpackProcurementKey, isString);
/** The key codec of each index of the notices table (schema v8), by key path; the primary key is the ocid. */
const INDEX_CODECS: Record<string, KeyCodec> = {
  tenderKeys: PROCUREMENT,
  endKeys: PROCUREMENT,
  comingKeys: PROCUREMENT,
  pageId: codec(isId, packId, unpackId, isId),
  updatedAt: codec(isString, instantSeconds, secondsInstant, isNumber),
  expires: codec(isString, packDay, (d: string) => unpackDay(d), isString),
};
const codecOf = (index: DBCoreIndex): KeyCodec | undefined => (index.isPrimaryKey ? OCID : typeof index.keyPath === 'string' ? INDEX_CODECS[index.keyPath] : undefined);

function packRange(range: DBCoreKeyRange, keys: KeyCodec): DBCoreKeyRange {
  return { ...range, lower: keys.pack(range.lower), upper: keys.pack(range.upper) };
}
function packQuery(query: DBCoreQuery): DBCoreQuery {
  const keys = codecOf(query.index);
  return keys ? { ...query, range: packRange(query.range, keys) } : query;
}

/** A whole row packed; a partial one (tests write some) whole, with its key fields in their stored forms. */
export function storedNotice(value: unknown): unknown {
  if (isPackedRow(value) || typeof value !== 'object' || value === null) return value;
  const row = value as Partial<NoticeRow>;
  if (typeof row.source === 'string' && typeof row.stage === 'string' && typeof row.title === 'string' && row.buyer && Array.isArray(row.awards) && typeof row.updatedAt === 'string')
    return packRow(row as NoticeRow);
  const whole: Record<string, unknown> = { ...row, [WHOLE]: 1 };
  for (const [field, keys] of Object.entries(INDEX_CODECS)) {
    const key = whole[field];
    if (key !== undefined) whole[field] = Array.isArray(key) && field.endsWith('Keys') ? key.map(keys.pack) : keys.pack(key);
  }
  whole['ocid'] = OCID.pack(whole['ocid']);
  return whole;
}
/** Marks a row stored whole (not packed). */
const WHOLE = '_whole';

/** Whether a stored value is in schema v8's form, packed or whole. */
export const isStoredNotice = (value: unknown): boolean => isPackedRow(value) || (typeof value === 'object' && value !== null && WHOLE in value);

function unpack(value: unknown): unknown {
  if (isPackedRow(value)) return unpackRow(value);
  if (typeof value !== 'object' || value === null || !(WHOLE in value)) return value;
  const { [WHOLE]: _w, ...whole } = value as Record<string, unknown>;
  for (const [field, keys] of Object.entries(INDEX_CODECS)) {
    const key = whole[field];
    if (key !== undefined) whole[field] = Array.isArray(key) && field.endsWith('Keys') ? key.map(keys.unpack) : keys.unpack(key);
  }
  whole['ocid'] = OCID.unpack(whole['ocid']);
  return whole;
}

/** The cursor with its keys and value as the app has them; moving it takes the app's keys too. */
function appCursor(cursor: DBCoreCursor, keys: KeyCodec | undefined, values: boolean): DBCoreCursor {
  let read = false;
  let raw: unknown;
  let value: unknown;
  return Object.create(cursor, {
    key: { get: () => (keys ? keys.unpack(cursor.key) : cursor.key) },
    primaryKey: { get: () => OCID.unpack(cursor.primaryKey) },
    value: {
      get() {
        if (!values) return cursor.value;
        // A cursor's value changes as it moves: unpack what it holds now, once per position.
        const now = cursor.value;
        if (!read || now !== raw) {
          raw = now;
          value = unpack(now);
          read = true;
        }
        return value;
      },
    },
    continue: { value: (key?: unknown) => cursor.continue(key === undefined || !keys ? key : keys.pack(key)) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(keys ? keys.pack(key) : key, OCID.pack(primaryKey)) },
  }) as DBCoreCursor;
}

function packMutation(req: DBCoreMutateRequest): DBCoreMutateRequest {
  switch (req.type) {
    case 'add':
    case 'put': {
      const out = { ...req, values: req.values.map(storedNotice) } as typeof req;
      if (req.keys) out.keys = req.keys.map(OCID.pack);
      if (req.type === 'put' && req.updates) (out as typeof req).updates = { ...req.updates, keys: req.updates.keys.map(OCID.pack) };
      return out;
    }
    case 'delete':
      return { ...req, keys: req.keys.map(OCID.pack) };
    case 'deleteRange':
      return { ...req, range: packRange(req.range, OCID) };
  }
}
function unpackMutation(res: DBCoreMutateResponse): DBCoreMutateResponse {
  return { ...res, lastResult: OCID.unpack(res.lastResult), ...(res.results ? { results: res.results.map(OCID.unpack) } : {}) };
}

/**
 * Stores the notices table compactly (issue 10: at most 700 bytes a notice, every index included,
 * at 250,000 notices), below every other reader and writer: handlers, the sync, retention, upgrades
 * and the totals middleware see the rows and keys the app defines (lib/ocds/row.ts NoticeRow, the
 * ocid as primary key), IndexedDB holds rows packed (lib/ocds/packed-row.ts) and keys in their short
 * forms (lib/ocds/compact-keys.ts). Every request is translated on its way down: keys, key ranges
 * (on the ocid, a procurement key index, pageId, updatedAt or expires), cursor moves; and every
 * answer on its way up: values, primary keys, index keys.
 */
export const packedNoticesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'packedNotices',
  // Closest to IndexedDB of this database's own middlewares (Dexie's default level is 10).
  level: 1,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== NOTICES) return table;
        return {
          ...table,
          mutate: (req) => table.mutate(packMutation(req)).then(unpackMutation),
          get: (req) => table.get({ ...req, key: OCID.pack(req.key) }).then(unpack),
          getMany: (req) => table.getMany({ ...req, keys: req.keys.map(OCID.pack) }).then((rows) => rows.map(unpack)),
          query: (req) =>
            table.query({ ...req, query: packQuery(req.query) }).then((res) => ({ ...res, result: res.result.map(req.values ? unpack : OCID.unpack) })),
          openCursor: (req) =>
            table
              .openCursor({ ...req, query: packQuery(req.query) })
              .then((cursor) => (cursor ? appCursor(cursor, codecOf(req.query.index), req.values !== false) : cursor)),
          count: (req) => table.count({ ...req, query: packQuery(req.query) }),
        };
      },
    };
  },
};
