import type { SortDirection } from '@/lib/workspace/filter';

export interface SortState<C extends string> {
  column: C;
  direction: SortDirection;
}

interface SortHeaderProps<C extends string> {
  column: C;
  label: string;
  sort: SortState<C>;
  onSort(next: SortState<C>): void;
}

/** A column header whose button sorts by it; a second press reverses (WAI-ARIA sortable table pattern). */
export function SortHeader<C extends string>({ column, label, sort, onSort }: SortHeaderProps<C>) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const next: SortDirection = active && sort.direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" class="cl-ws__sort" onClick={() => onSort({ column, direction: next })}>
        {label}
        <span aria-hidden="true" class="cl-ws__sort-mark">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
