import type { Annotation, Prospect, Workspace } from '@/lib/workspace/schema';
import { availableExports, DataTools, type DataToolsProps } from './data-tools';
import { ProspectsTable } from './prospects-table';
import { TendersTable } from './tenders-table';

export interface WorkspaceViewProps extends DataToolsProps {
  /** null while the first list is on its way. */
  workspace: Workspace | null;
  /** Why the records could not be read. */
  error?: string | null;
  councils: readonly { code: string; name: string }[];
  /** YYYY-MM-DD in the reader's time zone. */
  today: string;
  onDeleteRecord(kind: 'annotation' | 'prospect', id: string): Promise<unknown>;
  onRestoreAnnotation(annotation: Annotation): Promise<unknown>;
  onRestoreProspect(prospect: Prospect): Promise<unknown>;
  /** How many savings items are recorded (they are in the JSON export); null while unknown. */
  savingsCount?: number | null;
}

/** The workspace page (issue 6): tenders and prospects, files, and "Delete all my data". */
export function WorkspaceView(props: WorkspaceViewProps) {
  const names = new Map(props.councils.map((c) => [c.code, c.name]));
  const { workspace } = props;
  return (
    <main class="cl-root cl-ws">
      <h1>Workspace</h1>
      <p class="cl-ws__intro">
        Your tenders and prospects, kept in this browser only. <a href="/options.html">Settings</a> has the reminders.
      </p>
      {props.error ? (
        <p role="alert" class="cl-notice cl-notice--error">
          Couldn't read your workspace: {props.error}
        </p>
      ) : workspace === null ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <TendersTable
            annotations={workspace.annotations}
            councilNames={names}
            today={props.today}
            onDelete={(key) => props.onDeleteRecord('annotation', key)}
            onRestore={props.onRestoreAnnotation}
          />
          <ProspectsTable
            prospects={workspace.prospects}
            today={props.today}
            onDelete={(id) => props.onDeleteRecord('prospect', id)}
            onRestore={props.onRestoreProspect}
          />
        </>
      )}
      <DataTools
        onExport={props.onExport}
        onImport={props.onImport}
        onDeleteAll={props.onDeleteAll}
        {...(props.download ? { download: props.download } : {})}
        {...(workspace ? { available: availableExports(workspace, props.savingsCount ?? null) } : {})}
      />
    </main>
  );
}
