import type { HistoryStatus } from '@/lib/sync/status';
import { historyLine } from './history-line';

export interface HistoryFooterProps {
  history: HistoryStatus | null;
  running: boolean;
  onPause(paused: boolean): void;
}

/** The side panel footer's history line with Pause/Resume: "History: back to March 2026 · 41,200 council notices · about 3 h left · Pause". */
export function HistoryFooter({ history, running, onPause }: HistoryFooterProps) {
  if (!history) return null;
  const line = historyLine(history, running);
  return (
    <p class="cl-history-footer" id="cl-history-footer">
      {[line.reach, line.origin, line.notices, line.left].filter((part) => part !== null).join(' · ')}
      {line.complete ? null : (
        <>
          {' · '}
          <button type="button" class="cl-link-button" onClick={() => onPause(!history.paused)}>
            {history.paused ? 'Resume' : 'Pause'}
          </button>
        </>
      )}
    </p>
  );
}
