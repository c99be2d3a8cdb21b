import { useState } from 'preact/hooks';
import { serviceGroupLabel } from '@/lib/roles/groups';
import { filterAnnotations, sortAnnotations, type AnnotationFilter, type AnnotationSortColumn } from '@/lib/workspace/filter';
import { effectiveDeadline } from '@/lib/workspace/reminders';
import { ANNOTATION_STATUSES, CLOSED_STATUSES, STATUS_LABELS, type AnnotationStatus } from '@/lib/workspace/annotation-fields';
import type { Annotation } from '@/lib/workspace/schema';
import { daysLeftText, daysUntil, excerpt, formatDeadline } from './format';
import { OverdueMark } from './overdue-mark';
import { DeleteCell, useRowRemoval } from './row-removal';
import { ClearFilters, DateFilter, SearchFilter, SelectFilter, useFilters } from './filters';
import { SortHeader, type SortState } from './sort-header';
import { TableSection } from './table-section';

export interface TendersTableProps {
  annotations: readonly Annotation[];
  /** Council code → name, for the council column and filter. */
  councilNames: ReadonlyMap<string, string>;
  /** YYYY-MM-DD, for "days left". */
  today: string;
  onDelete(key: string): Promise<unknown>;
  onRestore(annotation: Annotation): Promise<unknown>;
}

type Filters = Required<Pick<AnnotationFilter, 'text' | 'council' | 'serviceGroup' | 'deadlineFrom' | 'deadlineTo' | 'tag'>> & { status: string };
const NO_FILTERS: Filters = { text: '', council: '', serviceGroup: '', status: '', deadlineFrom: '', deadlineTo: '', tag: '' };

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** The workspace's "Tenders" table: one row per annotated notice, with search, filters, sorting and delete. */
export function TendersTable({ annotations, councilNames, today, onDelete, onRestore }: TendersTableProps) {
  const { filters, set, clear, filtered } = useFilters<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState<AnnotationSortColumn>>({ column: 'deadline', direction: 'asc' });
  const removal = useRowRemoval<Annotation>({ idOf: (a) => a.key, onDelete, onRestore });

  const filter: AnnotationFilter = { ...filters, status: filters.status ? (filters.status as AnnotationStatus) : undefined };
  const shown = sortAnnotations(filterAnnotations(annotations, filter), sort.column, sort.direction);
  const councils = sorted(annotations.flatMap((a) => (a.council ? [a.council] : [])));
  const groups = sorted(annotations.flatMap((a) => (a.serviceGroup ? [a.serviceGroup] : [])));
  const tags = sorted(annotations.flatMap((a) => a.tags));
  const header = (column: AnnotationSortColumn, label: string) => <SortHeader column={column} label={label} sort={sort} onSort={setSort} />;

  return (
    <TableSection
      id="cl-ws-tenders"
      title="Tenders"
      noun={['tender', 'tenders']}
      total={annotations.length}
      shown={shown.length}
      empty={{
        title: 'No tenders yet',
        body: (
          <>
            Open a tender notice on Contracts Finder or Find a Tender. The Council Lens panel on the notice page keeps your
            status, notes, tags, owner and bid deadline, and every notice you annotate is listed here.
          </>
        ),
      }}
      filters={
        <>
          <SearchFilter label="Search tenders" value={filters.text} onChange={(text) => set({ text })} />
          <SelectFilter label="Council" any="All councils" value={filters.council} options={councils.map((c) => [c, councilNames.get(c) ?? c] as const)} onChange={(council) => set({ council })} />
          <SelectFilter label="Service group" any="All services" value={filters.serviceGroup} options={groups.map((g) => [g, serviceGroupLabel(g) ?? g] as const)} onChange={(serviceGroup) => set({ serviceGroup })} />
          <SelectFilter label="Status" any="Any status" value={filters.status} options={ANNOTATION_STATUSES.map((s) => [s, STATUS_LABELS[s]] as const)} onChange={(status) => set({ status })} />
          <SelectFilter label="Tag" any="Any tag" value={filters.tag} options={tags.map((t) => [t, t] as const)} onChange={(tag) => set({ tag })} />
          <DateFilter label="Deadline from" value={filters.deadlineFrom} onChange={(deadlineFrom) => set({ deadlineFrom })} />
          <DateFilter label="Deadline to" value={filters.deadlineTo} onChange={(deadlineTo) => set({ deadlineTo })} />
          <ClearFilters filtered={filtered} onClear={clear} />
        </>
      }
      status={removal.status((a) => a.title)}
      head={
        <>
          {header('title', 'Title')}
          {header('status', 'Status')}
          {header('deadline', 'Deadline')}
          {header('buyerName', 'Buyer')}
          {header('serviceGroup', 'Service')}
          <th scope="col">Tags</th>
          {header('owner', 'Owner')}
          <th scope="col">Notes</th>
          {header('updatedAt', 'Updated')}
        </>
      }
    >
      {shown.map((a) => (
        <TenderRow key={a.key} annotation={a} councilName={a.council ? councilNames.get(a.council) : undefined} today={today} removal={removal} />
      ))}
    </TableSection>
  );
}

function TenderRow({ annotation: a, councilName, today, removal }: { annotation: Annotation; councilName: string | undefined; today: string; removal: ReturnType<typeof useRowRemoval<Annotation>> }) {
  const deadline = effectiveDeadline(a);
  const days = deadline ? daysUntil(deadline, today) : null;
  // A deadline passed while the tender is still open to act on (watching, go, bidding).
  const overdue = days !== null && days < 0 && !CLOSED_STATUSES.has(a.status);
  return (
    <tr data-key={a.key} class={overdue ? 'cl-ws__row--overdue' : undefined}>
      <th scope="row">
        <a href={a.noticeUrl} target="_blank" rel="noopener noreferrer">
          {a.title}
        </a>
      </th>
      <td data-label="Status">
        <span class={`cl-ws__status cl-ws__status--${a.status}`}>{STATUS_LABELS[a.status]}</span>
      </td>
      <td data-label="Deadline">
        {deadline ? (
          <>
            <time dateTime={deadline}>{formatDeadline(deadline)}</time>
            {overdue ? <OverdueMark /> : null}
            <span class={`cl-ws__sub${days !== null && days >= 0 && days <= 3 ? ' cl-ws__soon' : ''}`}>
              {daysLeftText(days!)}
              {a.bidDeadline ? '' : ' (notice deadline)'}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td data-label="Buyer">
        {a.buyerName}
        {councilName && councilName !== a.buyerName ? <span class="cl-ws__sub">{councilName}</span> : null}
      </td>
      <td data-label="Service">{a.serviceGroup ? (serviceGroupLabel(a.serviceGroup) ?? a.serviceGroup) : ''}</td>
      <td data-label="Tags">{a.tags.join(', ')}</td>
      <td data-label="Owner">{a.owner ?? ''}</td>
      <td data-label="Notes" class="cl-ws__notes" title={a.notes || undefined}>
        {excerpt(a.notes)}
      </td>
      <td data-label="Updated">
        <time dateTime={a.updatedAt}>{formatDeadline(a.updatedAt.slice(0, 10))}</time>
      </td>
      <DeleteCell id={a.key} label={a.title} removal={removal} onConfirm={() => removal.remove(a)} />
    </tr>
  );
}
