import type { ComponentChildren } from 'preact';
import { EmptyState } from '@/components/ui/empty-state';

export interface TableSectionProps {
  /** Id of the section heading, which also names the table. */
  id: string;
  title: string;
  /** What a row is: ['tender', 'tenders']. */
  noun: readonly [one: string, many: string];
  /** Records saved, and rows the filters leave. */
  total: number;
  shown: number;
  /** What to say, and how to start, when nothing is saved yet. */
  empty: { title: string; body: ComponentChildren };
  /** The filter controls. */
  filters: ComponentChildren;
  /** The delete/undo status line (useRowRemoval). */
  status: ComponentChildren;
  /** The header cells, before the actions column. */
  head: ComponentChildren;
  /** The rows. */
  children: ComponentChildren;
}

/**
 * One workspace table as a section: its heading, an empty state until something is saved, then
 * filters, "N of M" count, the delete/undo status, and the table (or "No … match these filters").
 * The tenders and prospects tables differ only in their filters, columns and rows.
 */
export function TableSection({ id, title, noun: [one, many], total, shown, empty, filters, status, head, children }: TableSectionProps) {
  return (
    <section aria-labelledby={id} class="cl-ws__section">
      <h2 id={id}>{title}</h2>
      {total === 0 ? (
        <EmptyState title={empty.title} headingLevel={3}>
          <p>{empty.body}</p>
        </EmptyState>
      ) : (
        <>
          <div class="cl-ws__filters" role="search" aria-label={`Filter ${many}`}>
            {filters}
          </div>
          <p class="cl-ws__count" aria-live="polite">
            {shown} of {total} {total === 1 ? one : many}
          </p>
          {status}
          {shown === 0 ? (
            <p class="cl-ws__none">No {many} match these filters.</p>
          ) : (
            <div class="cl-ws__scroll">
              <table class="cl-ws__table" aria-labelledby={id}>
                <thead>
                  <tr>
                    {head}
                    <th scope="col">
                      <span class="cl-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>{children}</tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
