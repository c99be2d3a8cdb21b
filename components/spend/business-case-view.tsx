import { useState } from 'preact/hooks';
import type { BusinessCaseModel } from '@/lib/business-case/model';
import { errorText } from '@/components/format';

export interface BusinessCaseViewProps {
  model: BusinessCaseModel;
  /** Writes and saves the workbook. */
  onDownload: () => Promise<void>;
}

/** The business-case page: what the workbook holds, and the button that writes it. */
export function BusinessCaseView({ model, onDownload }: BusinessCaseViewProps) {
  const [state, setState] = useState<{ status: 'idle' | 'writing' | 'done' } | { status: 'failed'; error: string }>({ status: 'idle' });
  const published = model.spend.filter((s) => s.status === 'published').length;
  return (
    <main class="cl-spend">
      <h1 class="cl-card__name">{model.title}</h1>
      <p>A workbook to plug your figures into, built on {model.councilName}’s own figures:</p>
      <ul>
        <li>
          <strong>Local figures:</strong> {model.typeLabel.toLowerCase()}, population{' '}
          {model.population?.toLocaleString('en-GB') ?? 'unknown'}; spending on {model.serviceLabel.toLowerCase()} for {published}{' '}
          {published === 1 ? 'year' : 'years'}; {model.savings.length} savings programme {model.savings.length === 1 ? 'item' : 'items'};{' '}
          {model.contracts.length} {model.contracts.length === 1 ? 'contract' : 'contracts'} ending in the next 24 months; {model.tenders.length} open{' '}
          {model.tenders.length === 1 ? 'notice' : 'notices'}.
        </li>
        <li>
          <strong>Your case:</strong> your costs and the saving per unit in yellow cells, with formulas for the net saving per year,
          the cumulative saving over 3 and 5 years and the payback, linked to the service’s spending per resident.
        </li>
        <li>
          <strong>Notes:</strong> {model.timingVerdict}
        </li>
      </ul>
      <p class="cl-spend__note">{model.spendNote}</p>
      <p class="cl-spend__actions">
        <button
          type="button"
          class="cl-button"
          disabled={state.status === 'writing'}
          onClick={() => {
            setState({ status: 'writing' });
            onDownload().then(
              () => setState({ status: 'done' }),
              (e: unknown) => setState({ status: 'failed', error: errorText(e) }),
            );
          }}
        >
          Download {model.filename}
        </button>
      </p>
      {state.status === 'done' && <p role="status">Saved {model.filename}: open it in Excel, LibreOffice Calc or Google Sheets.</p>}
      {state.status === 'failed' && <p role="alert">Couldn’t write the workbook: {state.error}</p>}
    </main>
  );
}
