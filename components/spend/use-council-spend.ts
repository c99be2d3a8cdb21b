import { useBackgroundRead } from '@/hooks/use-background-read';
import { ask } from '@/lib/extension/messaging';
import type { CouncilSpendData } from '@/lib/spend/summary';

export type SpendState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: CouncilSpendData };

// One request per council per page: the spend line and the table share it.
const asked = new Map<string, Promise<CouncilSpendData>>();

function councilSpend(code: string): Promise<CouncilSpendData> {
  let request = asked.get(code);
  if (!request) {
    request = ask({ type: 'getCouncilSpend', council: code });
    asked.set(code, request);
    request.catch(() => asked.delete(code));
  }
  return request;
}

/** The council's spend figures from the background (`getCouncilSpend`); a failure is asked again next time. */
export function useCouncilSpend(code: string): SpendState {
  const { state } = useBackgroundRead(() => councilSpend(code), { inputs: [code] });
  if (state.status === 'ready') return { status: 'ready', data: state.value };
  return state.status === 'error' ? { status: 'error', error: state.error } : { status: 'loading' };
}
