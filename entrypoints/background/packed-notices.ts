import type { DBCore, DBCoreCursor, Middleware } from 'dexie';
import { isPackedRow, packRow, unpackRow } from '@/lib/ocds/packed-row';
import type { NoticeRow } from '@/lib/ocds/row';

const NOTICES = 'notices';

/** A value written to `notices`: packed when it is a whole row; anything else as it is. */
function pack(value: unknown): unknown {
  if (isPackedRow(value) || typeof value !== 'object' || value === null) return value;
  const row = value as Partial<NoticeRow>;
  // Only a row with what packRow needs (what toNoticeRow gives); a partial test row stays whole.
  if (typeof row.source !== 'string' || typeof row.stage !== 'string' || typeof row.title !== 'string' || !row.buyer || !Array.isArray(row.awards)) return value;
  return packRow(row as NoticeRow);
}

/** A value read from `notices`: unpacked when packed (rows of schema v6 and before are whole). */
function unpack(value: unknown): unknown {
  return isPackedRow(value) ? unpackRow(value) : value;
}

/** The cursor with its value unpacked; everything else (continue, stop, …) is the cursor's own. */
function unpackingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let read = false;
  let raw: unknown;
  let value: unknown;
  return Object.create(cursor, {
    value: {
      get() {
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
  }) as DBCoreCursor;
}

/**
 * Packs notices rows on their way into IndexedDB and unpacks them on the way out (lib/ocds/packed-row.ts),
 * below every other reader and writer: handlers, the sync, retention, upgrades and the totals
 * middleware see the rows the app defines (lib/ocds/row.ts NoticeRow), IndexedDB holds them in a
 * fraction of the space. The index fields are top-level in both forms, so indexes and the totals
 * read the same keys either way.
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
          mutate: (req) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(pack) }) : table.mutate(req)),
          get: (req) => table.get(req).then(unpack),
          getMany: (req) => table.getMany(req).then((rows) => rows.map(unpack)),
          query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unpack) } : res)),
          openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values !== false ? unpackingCursor(cursor) : cursor)),
        };
      },
    };
  },
};
