import type { WorkspaceExport } from '@/lib/workspace/export';
import { annotationsToCsv, prospectsToCsv, workspaceToIcs, workspaceToJson } from '@/lib/workspace/export';
import type { ReminderSettings } from '@/lib/workspace/schema';
import type { CouncilLensDB } from '../db';
import { listWorkspace } from './list-workspace';

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
