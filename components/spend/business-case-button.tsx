import { useState } from 'preact/hooks';
import { ask } from '@/lib/extension/messaging';
import { errorText } from '@/components/format';

export interface BusinessCaseButtonProps {
  council: string;
  groupId: string | null;
}

/** "Business case (.xlsx)": opens the extension's business-case page, which writes the workbook. */
export function BusinessCaseButton({ council, groupId }: BusinessCaseButtonProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="cl-button cl-button--secondary cl-button--small"
        onClick={() => {
          setError(null);
          ask({ type: 'openBusinessCase', council, serviceGroup: groupId }).catch((e: unknown) => setError(errorText(e)));
        }}
      >
        Business case (.xlsx)
      </button>
      {error && (
        <span class="cl-spend__note" role="alert">
          Couldn’t open the business case: {error}
        </span>
      )}
    </>
  );
}
