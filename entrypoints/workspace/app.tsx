import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WorkspaceView } from '@/components/workspace/workspace-view';
import { annotationRestoreEdit, localDate, prospectRestoreEdit } from '@/components/workspace/format';
import { ask } from '@/lib/extension/messaging';
import { WorkspaceChangedSchema } from '@/lib/protocol';
import type { Workspace } from '@/lib/workspace/schema';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The records, read again whenever the background says one changed (another tab, an import). */
function useWorkspace() {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      ask({ type: 'listWorkspace' }).then(
        (w) => {
          setWorkspace(w);
          setError(null);
        },
        (e: unknown) => setError(message(e)),
      );
    void read();
    const onMessage = (m: unknown) => {
      if (WorkspaceChangedSchema.safeParse(m).success) void read();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return { workspace, error };
}

export function App() {
  const { workspace, error } = useWorkspace();
  const [councils, setCouncils] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    void ask({ type: 'listCouncils' }).then(setCouncils, () => undefined);
  }, []);
  return (
    <WorkspaceView
      workspace={workspace}
      error={error}
      councils={councils}
      today={localDate()}
      onDeleteRecord={(kind, id) => ask({ type: 'deleteWorkspaceRecord', kind, id })}
      onRestoreAnnotation={(a) => ask({ type: 'editAnnotation', edit: annotationRestoreEdit(a, Date.now()) })}
      onRestoreProspect={(p) => ask({ type: 'editProspect', edit: prospectRestoreEdit(p, Date.now()) })}
      onExport={(format) => ask({ type: 'exportWorkspace', format })}
      onImport={(text) => ask({ type: 'importWorkspace', text })}
      onDeleteAll={() => ask({ type: 'deleteAllUserData', confirm: 'delete' })}
    />
  );
}
