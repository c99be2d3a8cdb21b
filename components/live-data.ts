import { useBackgroundRead } from '@/hooks/use-background-read';
import { ask } from '@/lib/extension/messaging';

/** The councils' codes and names for pickers and labels; empty until they arrive (or if they cannot be read). */
export function useCouncilList(): { code: string; name: string }[] {
  const { state } = useBackgroundRead(() => ask({ type: 'listCouncils' }));
  return state.status === 'ready' ? state.value : [];
}
