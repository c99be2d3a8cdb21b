import { useEffect, useState } from 'preact/hooks';
import { ask } from '@/lib/extension/messaging';
import type { CouncilSpendData } from '@/lib/spend/summary';
import { errorText } from '@/components/format';

export type SpendState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: CouncilSpendData };

// One request per council per page: the spend line and the table share it.
const asked = new Map<string, Promise<CouncilSpendData>>();

/** The council's spend figures from the background (`getCouncilSpend`); a failure is asked again next time. */
export function useCouncilSpend(code: string): SpendState {
  const [state, setState] = useState<SpendState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    let request = asked.get(code);
    if (!request) {
      request = ask({ type: 'getCouncilSpend', council: code });
      asked.set(code, request);
      request.catch(() => asked.delete(code));
    }
    request.then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return state;
}
