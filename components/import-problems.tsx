import type { ComponentChild } from 'preact';
import type { ImportState } from './file-transfer';

export interface ImportProblemsProps {
  state: ImportState<unknown>;
  /** The file's problems when the import refused it, one list item each; null when it did not. */
  problems: ComponentChild[] | null;
  /** The sentence above the list, e.g. "Nothing was imported. Fix these rows and try again:". */
  intro: string;
  /** The list's accessible name, e.g. "Rows to fix". */
  label: string;
  listClass: string;
}

/**
 * Why an import wrote nothing, as alerts: the file's problems listed one by one, or the reason the
 * file could not be read at all. The savings and workspace imports share it.
 */
export function ImportProblems({ state, problems, intro, label, listClass }: ImportProblemsProps) {
  return (
    <>
      {problems ? (
        <div role="alert" class="cl-notice cl-notice--error">
          <p>{intro}</p>
          <ul aria-label={label} class={listClass}>
            {problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.state === 'failed' ? (
        <p role="alert" class="cl-notice cl-notice--error">
          Nothing was imported: {state.reason}
        </p>
      ) : null}
    </>
  );
}
