import { mergeNotices } from '@/lib/ocds/merge-rows';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { toNoticeRow, type NoticeRow } from '@/lib/ocds/row';
import type { CouncilLensDB } from '../../db';
import type { SourceCursor } from '@/lib/sync/cursor';
import { renewSyncLock } from './lock';
import { completeFromCache, parsePage } from '@/lib/sync/page-notices';
import { backfillKey, cursorKey, RUN_KEY, type SyncReport } from './progress';
import type { SyncEdge } from '@/lib/sync/status';
import type { SyncSource } from '@/lib/sync/sources';

export interface PageWrite {
  source: SyncSource;
  /** Which edge's cursor the page belongs to (default forward). */
  edge?: SyncEdge;
  /** The page: a release package. */
  json: Record<string, unknown>;
  /** The window ends with this page (its pending releases are dropped). */
  windowDone: boolean;
  resolveCouncil(name: string): string | null;
  /**
   * Which new processes to store: all, or council buyers only. A process already cached is merged
   * into its row either way (a later release may name the buyer differently, or not at all).
   */
  keepAllBuyers: boolean;
  /**
   * The source's cursor after this page. Its `pending` is the window's pending releases before
   * this page; `pending` and `totals.notices` are brought up to date here.
   */
  cursor: SourceCursor;
  /** The run's progress including this page; the source's `notices` is counted here. */
  run: SyncReport;
  runId: string;
  lockExpiresAt: number;
}

/** A cached row read back, checked: one that no longer fits the schema is replaced, not merged. */
function cachedNotice(row: NoticeRow | undefined): Notice | undefined {
  if (row === undefined) return undefined;
  const parsed = NoticeSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores one page in ONE transaction: its notices merged into any cached row of the same ocid
 * (lib/ocds/merge-rows.ts; derived fields rebuilt with toNoticeRow), the cursor after it and the
 * run's progress, and renews the lock. When the lock has passed to another run the transaction
 * fails and nothing is written. Storing the same page twice gives the same rows.
 */
export async function commitPage(db: CouncilLensDB, write: PageWrite): Promise<{ written: number; cursor: SourceCursor }> {
  return db.transaction('rw', [db.notices, db.meta], async () => {
    await renewSyncLock(db, write.runId, write.lockExpiresAt);
    const edge = write.edge ?? 'forward';
    // Parsing is synchronous, so it does not let the transaction commit early.
    const parsed = parsePage(write.json, write.cursor.pending ?? [], write.resolveCouncil);
    const ocids = [...new Set([...parsed.notices.map((n) => n.ocid), ...parsed.incomplete.keys()])];
    const rows = await db.notices.bulkGet(ocids);
    const cached = new Map<string, Notice>();
    ocids.forEach((ocid, i) => {
      const notice = cachedNotice(rows[i]);
      if (notice) cached.set(ocid, notice);
    });
    const late = completeFromCache(write.json, parsed.incomplete, cached, write.resolveCouncil);

    const byOcid = new Map<string, Notice>();
    for (const notice of [...parsed.notices, ...late.notices]) {
      const base = byOcid.get(notice.ocid) ?? cached.get(notice.ocid);
      if (base) byOcid.set(notice.ocid, mergeNotices(base, notice));
      else if (write.keepAllBuyers || notice.buyer.councilCode !== undefined) byOcid.set(notice.ocid, notice);
    }
    const out = [...byOcid.values()].map((notice) => toNoticeRow(notice, 'sync'));
    await db.notices.bulkPut(out);

    const cursor: SourceCursor = { ...write.cursor, totals: { ...write.cursor.totals, notices: write.cursor.totals.notices + out.length } };
    delete cursor.pending;
    if (!write.windowDone && late.pending.length > 0) cursor.pending = late.pending;
    const run: SyncReport = {
      ...write.run,
      sources: write.run.sources.map((p) => (p.source === write.source && (p.edge ?? 'forward') === edge ? { ...p, notices: p.notices + out.length } : p)),
    };
    await db.meta.bulkPut([
      { key: edge === 'backfill' ? backfillKey(write.source) : cursorKey(write.source), value: cursor },
      { key: RUN_KEY, value: run },
    ]);
    return { written: out.length, cursor };
  });
}
