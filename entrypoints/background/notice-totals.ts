import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreRangeType, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { NoticeRow } from '@/lib/ocds/row';
import { applyTotals, totalsDelta, type NoticeTotalsRow, type TotalsSection } from '@/lib/ocds/totals';

const NOTICES = 'notices';
const TOTALS = 'noticeTotals';
/** DBCoreRangeType.Any (a `const enum`: dexie exports no runtime value), what `Table.clear()` deletes. */
const ANY_RANGE = 3 as DBCoreRangeType;

// No async/await below: Dexie keeps its transaction context (PSD) across its own promises' then(),
// not across native awaits, and the middlewares under this one read it.

/** Per distinct key, the rows before and after a write: a key written twice in one bulkPut counts once. */
function mutateTracked(
  notices: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<{ res: DBCoreMutateResponse; removed: (NoticeRow | undefined)[]; added: NoticeRow[] }> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const query = { index: notices.schema.primaryKey, range: req.range };
    return notices
      .query({ trans, values: true, query })
      .then(({ result }) => notices.mutate(req).then((res) => ({ res, removed: result as NoticeRow[], added: [] })));
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => notices.schema.primaryKey.extractKey!(value)));
  // Read before the write, in its transaction; `add` never replaces a row.
  const before = req.type === 'add' ? Dexie.Promise.resolve([]) : notices.getMany({ trans, keys });
  return before.then((old: (NoticeRow | undefined)[]) =>
    notices.mutate(req).then((res) => {
      const last = new Map<string, number>();
      keys.forEach((key, i) => {
        if (!(i in res.failures)) last.set(JSON.stringify(key), i);
      });
      const done = [...last.values()];
      return {
        res,
        removed: done.map((i) => old[i]),
        added: req.type === 'delete' ? [] : done.map((i) => req.values[i] as NoticeRow),
      };
    }),
  );
}

function writeTotals(totals: DBCoreTable, trans: DBCoreTransaction, removed: (NoticeRow | undefined)[], added: NoticeRow[]): Promise<unknown> {
  const delta = totalsDelta(removed, added);
  if (delta.size === 0) return Dexie.Promise.resolve();
  const ids = [...delta.keys()].map((id) => {
    const cut = id.lastIndexOf('|');
    return { id, council: id.slice(0, cut), section: id.slice(cut + 1) as TotalsSection };
  });
  return totals.getMany({ trans, keys: ids.map(({ council, section }) => [council, section]) }).then((current: (NoticeTotalsRow | undefined)[]) => {
    const values: NoticeTotalsRow[] = ids.map(({ id, council, section }, i) => ({ council, section, ...applyTotals(current[i], delta.get(id)!) }));
    return totals.mutate({ type: 'put', trans, values });
  });
}

/**
 * Keeps the `noticeTotals` table (lib/ocds/totals.ts) in step with every write to `notices`, in the
 * same transaction, whichever code writes: sync pages, the seed loader, retention, upgrades. Every
 * read-write transaction on `notices` is widened to include `noticeTotals`.
 */
export const noticeTotalsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'noticeTotals',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === TOTALS)) return {};
    return {
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.includes(NOTICES) && !stores.includes(TOTALS) ? [...stores, TOTALS] : stores, mode, options),
      table(name) {
        const table = down.table(name);
        if (name !== NOTICES) return table;
        const totals = down.table(TOTALS);
        return {
          ...table,
          mutate(req) {
            if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
              return table.mutate(req).then((res) => totals.mutate({ type: 'deleteRange', trans: req.trans, range: req.range }).then(() => res));
            }
            return mutateTracked(table, req).then(({ res, removed, added }) => writeTotals(totals, req.trans, removed, added).then(() => res));
          },
        };
      },
    };
  },
};
