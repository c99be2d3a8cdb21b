import type { NoticeRow } from '@/lib/ocds/row';
import { rowFromLine } from '@/lib/snapshot/format';
import type { CouncilLensDB } from '../db';
import { holdLoadLock, LoadLockLost } from '../refresh/snapshot-load-lock';

/**
 * Stores a batch of snapshot lines. A line the cache already has in a version at least as new
 * (`updatedAt`) keeps the cached row. A batch with any bad line is refused whole.
 */
export async function storeSnapshotLines(db: CouncilLensDB, loadId: string, lines: readonly string[], now: number): Promise<{ ok: true; written: number; kept: number } | { ok: false; reason: string }> {
  const rows: NoticeRow[] = [];
  for (const [i, line] of lines.entries()) {
    const read = rowFromLine(line);
    if (!read.ok) return { ok: false, reason: `line ${i + 1} of the batch is ${read.reason}` };
    rows.push(read.row);
  }
  try {
    return await db.transaction('rw', db.notices, db.meta, async () => {
      await holdLoadLock(db, loadId, now);
      const cached = await db.notices.bulkGet(rows.map((r) => r.ocid));
      const newer = rows.filter((row, i) => {
        const have = cached[i];
        return have === undefined || have.updatedAt < row.updatedAt;
      });
      await db.notices.bulkPut(newer);
      return { ok: true as const, written: newer.length, kept: rows.length - newer.length };
    });
  } catch (error) {
    if (error instanceof LoadLockLost) return { ok: false, reason: error.message };
    throw error;
  }
}
