import { serviceGroupsFor } from '@/lib/ocds/cpv-service-groups';
import { summariseNotice, type NoticeInsight } from '@/lib/ocds/summary';
import type { NoticeRow } from '@/lib/ocds/row';
import { noticePageId } from '@/lib/ocds/portals';
import { annotationsToCsv, prospectsToCsv, workspaceToIcs, workspaceToJson, type WorkspaceExport } from '@/lib/workspace/export';
import { parseWorkspaceJson, type WorkspaceImportOutcome } from '@/lib/workspace/import';
import { applyEdit, applyProspectEdit, mergeSavingsImport, mergeWorkspace } from '@/lib/workspace/merge';
import type { Annotation, AnnotationEdit, AnnotationField, Prospect, ProspectEdit, ProspectField, ReminderSettings, Workspace } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';
import { SHOWN_REMINDERS_KEY } from '../reminders';
import { USER_SESSION_PREFIXES } from '../session-keys';

/**
 * The bid writers' workspace (issue 6): annotations on tender notices and prospects saved from
 * LinkedIn. User data: every write is one transaction, edits merge field by field (two tabs never
 * lose each other's edits), and an import is validated whole before anything is written.
 */

export async function getAnnotation(db: CouncilLensDB, key: string): Promise<Annotation | null> {
  return (await db.annotations.get(key)) ?? null;
}

/** One autosave: merged into what is stored; `conflicts` names fields another tab changed meanwhile. */
export async function editAnnotation(db: CouncilLensDB, edit: AnnotationEdit): Promise<{ annotation: Annotation; conflicts: AnnotationField[] }> {
  return db.transaction('rw', db.annotations, async () => {
    const stored = (await db.annotations.get(edit.key)) ?? null;
    const result = applyEdit(stored, edit);
    await db.annotations.put(result.annotation);
    return result;
  });
}

export async function editProspect(db: CouncilLensDB, edit: ProspectEdit): Promise<{ prospect: Prospect; conflicts: ProspectField[] }> {
  return db.transaction('rw', db.prospects, async () => {
    const stored = (await db.prospects.get(edit.id)) ?? null;
    const result = applyProspectEdit(stored, edit);
    await db.prospects.put(result.prospect);
    return result;
  });
}

export async function getProspect(db: CouncilLensDB, id: string): Promise<Prospect | null> {
  return (await db.prospects.get(id)) ?? null;
}

export async function deleteRecord(db: CouncilLensDB, kind: 'annotation' | 'prospect', id: string): Promise<{ deleted: boolean }> {
  const table = kind === 'annotation' ? db.annotations : db.prospects;
  return db.transaction('rw', table, async () => {
    const found = await table.get(id);
    if (found) await table.delete(id);
    return { deleted: Boolean(found) };
  });
}

export async function listWorkspace(db: CouncilLensDB): Promise<Workspace> {
  const [annotations, prospects] = await Promise.all([db.annotations.toArray(), db.prospects.toArray()]);
  return { annotations, prospects };
}

export async function exportWorkspace(
  db: CouncilLensDB,
  format: 'json' | 'annotations-csv' | 'prospects-csv' | 'ics',
  now: Date,
  reminders: Pick<ReminderSettings, 'daysBefore'>,
): Promise<WorkspaceExport> {
  const workspace = await listWorkspace(db);
  const date = now.toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { text: workspaceToJson(workspace, now, await db.savings.toArray()), filename: `council-lens-workspace-${date}.json`, mime: 'application/json' };
    case 'annotations-csv':
      return { text: annotationsToCsv(workspace.annotations), filename: `council-lens-tenders-${date}.csv`, mime: 'text/csv' };
    case 'prospects-csv':
      return { text: prospectsToCsv(workspace.prospects), filename: `council-lens-prospects-${date}.csv`, mime: 'text/csv' };
    case 'ics':
      return { text: workspaceToIcs(workspace, { now, reminders }), filename: `council-lens-deadlines-${date}.ics`, mime: 'text/calendar' };
  }
}

/**
 * A workspace JSON file merged in, all or nothing, in one transaction: annotations and prospects
 * field by field (newest wins), savings items added when not saved already (mergeSavingsImport).
 */
export async function importWorkspace(db: CouncilLensDB, text: string): Promise<WorkspaceImportOutcome> {
  const parsed = parseWorkspaceJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return db.transaction('rw', db.annotations, db.prospects, db.savings, async () => {
    const merged = mergeWorkspace(await listWorkspace(db), { annotations: parsed.annotations, prospects: parsed.prospects });
    const savings = mergeSavingsImport(await db.savings.toArray(), parsed.savings);
    await db.annotations.bulkPut(merged.annotations.toWrite);
    await db.prospects.bulkPut(merged.prospects.toWrite);
    await db.savings.bulkAdd(savings.toWrite);
    const count = (r: { added: number; updated: number; unchanged: number }) => ({ added: r.added, updated: r.updated, unchanged: r.unchanged });
    return { ok: true, annotations: count(merged.annotations), prospects: count(merged.prospects), savings: count(savings) };
  });
}

/** The background's session storage as "Delete all my data" needs it (browser.storage.session). */
export interface SessionKeys {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * "Delete all my data": everything that is the user's, in one go: annotations, prospects and
 * savings items, the list of reminders already shown (which notices they annotated), and from the
 * session the capture drafts (selected text and page address) and each tab's context (the
 * LinkedIn name and page it shows). The public datasets, the notices cache and settings stay.
 */
export async function deleteAllUserData(db: CouncilLensDB, session: SessionKeys): Promise<{ annotations: number; prospects: number; savings: number }> {
  const counts = await db.transaction('rw', db.annotations, db.prospects, db.savings, db.meta, async () => {
    const counts = { annotations: await db.annotations.count(), prospects: await db.prospects.count(), savings: await db.savings.count() };
    await Promise.all([db.annotations.clear(), db.prospects.clear(), db.savings.clear(), db.meta.delete(SHOWN_REMINDERS_KEY)]);
    return counts;
  });
  const keys = Object.keys(await session.get(null)).filter((key) => USER_SESSION_PREFIXES.some((prefix) => key.startsWith(prefix)));
  if (keys.length > 0) await session.remove(keys);
  return counts;
}

/** Earlier awards listed on a notice page at most. */
export const EARLIER_AWARDS_LIMIT = 8;

/**
 * For the panel on a notice page: this notice as cached (by OCID, else by its page address), and
 * "who won before": the council's awards in the same service group, newest first.
 */
export async function noticeInsight(
  db: CouncilLensDB,
  request: { council: string | null; ocid: string | null; noticeUrl: string; serviceGroup: string | null; cpv?: string[] | undefined; title?: string | undefined },
  today: string,
): Promise<NoticeInsight> {
  let row: NoticeRow | undefined = request.ocid ? await db.notices.get(request.ocid) : undefined;
  if (!row) {
    // A Contracts Finder page shows no OCID: its notice id finds the row (schema v6 index).
    const id = noticePageId(request.noticeUrl);
    if (id) row = await db.notices.where('pageId').equals(id).first();
  }
  // The person's group, else the cached notice's, else (not cached yet) the page's CPV codes and title.
  const fromPage = () => (request.cpv?.length ? (serviceGroupsFor({ cpv: request.cpv, title: request.title ?? '', description: '' })[0] ?? null) : null);
  const group = request.serviceGroup ?? row?.serviceGroups[0] ?? fromPage();
  let earlier: NoticeRow[] = [];
  if (request.council && group) {
    // Every award carries `[council, group, end]` keys (lib/ocds/row.ts): the prefix is "in this service".
    earlier = (await db.notices.where('endKeys').between([request.council, group, ''], [request.council, group, '\uffff'], true, true).toArray())
      .filter((r) => (r.stage === 'award' || r.stage === 'contract') && r.ocid !== row?.ocid && r.suppliers.length > 0)
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, EARLIER_AWARDS_LIMIT);
  }
  return {
    notice: row ? summariseNotice(row, today, group) : null,
    serviceGroup: group,
    earlierAwards: earlier.map((r) => summariseNotice(r, today, group)),
  };
}

