import { WorkspaceView } from '@/components/workspace/workspace-view';
import { annotationRestoreEdit, prospectRestoreEdit } from '@/components/workspace/format';
import { ask } from '@/lib/extension/messaging';
import { SavingsChangedSchema, WorkspaceChangedSchema } from '@/lib/protocol';
import { localDate } from '@/components/format';
import { useCouncilList } from '@/components/live-data';
import { lastValue, lastError, useBackgroundRead } from '@/hooks/use-background-read';
import { onBroadcast } from '@/lib/extension/runtime-messages';

export function App() {
  // The records, read again whenever the background says one changed (another tab, an import).
  const records = useBackgroundRead(() => ask({ type: 'listWorkspace' }), { rereadOn: onBroadcast((m) => WorkspaceChangedSchema.safeParse(m).success) });
  const councils = useCouncilList();
  // Savings items are in the JSON export: with none of anything, the export buttons are off.
  const savings = lastValue(useBackgroundRead(() => ask({ type: 'listSavings' }), { rereadOn: onBroadcast((m) => SavingsChangedSchema.safeParse(m).success) }).state);
  return (
    <WorkspaceView
      workspace={lastValue(records.state)}
      error={lastError(records.state)}
      councils={councils}
      today={localDate()}
      savingsCount={savings ? savings.length : null}
      onDeleteRecord={(kind, id) => ask({ type: 'deleteWorkspaceRecord', kind, id })}
      onRestoreAnnotation={(a) => ask({ type: 'editAnnotation', edit: annotationRestoreEdit(a, Date.now()) })}
      onRestoreProspect={(p) => ask({ type: 'editProspect', edit: prospectRestoreEdit(p, Date.now()) })}
      onExport={(format) => ask({ type: 'exportWorkspace', format })}
      onImport={(text) => ask({ type: 'importWorkspace', text })}
      onDeleteAll={() => ask({ type: 'deleteAllUserData', confirm: 'delete' })}
    />
  );
}
