import { useState } from 'preact/hooks';
import { serviceGroupLabel, seniorityLabel } from '@/lib/roles/groups';
import { LeadSearchLink } from '@/components/spend/lead-search-link';
import { filterProspects, sortProspects, type ProspectFilter, type ProspectSortColumn } from '@/lib/workspace/filter';
import type { Prospect } from '@/lib/workspace/schema';
import { daysLeftText, daysUntil, excerpt, formatDeadline } from './format';
import { OverdueMark } from './overdue-mark';
import { DeleteCell, useRowRemoval } from './row-removal';
import { ClearFilters, DateFilter, SearchFilter, SelectFilter, useFilters } from './filters';
import { SortHeader, type SortState } from './sort-header';
import { TableSection } from './table-section';

export interface ProspectsTableProps {
  prospects: readonly Prospect[];
  /** YYYY-MM-DD, for "in 3 days" next to a follow-up. */
  today: string;
  onDelete(id: string): Promise<unknown>;
  onRestore(prospect: Prospect): Promise<unknown>;
}

type Filters = Required<Pick<ProspectFilter, 'text' | 'council' | 'serviceGroup' | 'followUpFrom' | 'followUpTo'>>;
const NO_FILTERS: Filters = { text: '', council: '', serviceGroup: '', followUpFrom: '', followUpTo: '' };

/** The workspace's "Prospects" table: people saved from LinkedIn, with search, filters, sorting and delete. */
export function ProspectsTable({ prospects, today, onDelete, onRestore }: ProspectsTableProps) {
  const { filters, set, clear, filtered } = useFilters<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState<ProspectSortColumn>>({ column: 'followUp', direction: 'asc' });
  const removal = useRowRemoval<Prospect>({ idOf: (p) => p.id, onDelete, onRestore });

  const shown = sortProspects(filterProspects(prospects, filters), sort.column, sort.direction);
  const councils = new Map<string, string>();
  for (const p of prospects) if (p.council) councils.set(p.council, p.councilName || p.council);
  const councilOptions = [...councils].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
  const groups = [...new Set(prospects.flatMap((p) => (p.serviceGroup ? [p.serviceGroup] : [])))].sort();
  const header = (column: ProspectSortColumn, label: string) => <SortHeader column={column} label={label} sort={sort} onSort={setSort} />;

  return (
    <TableSection
      id="cl-ws-prospects"
      title="Prospects"
      noun={['prospect', 'prospects']}
      total={prospects.length}
      shown={shown.length}
      empty={{
        title: 'No prospects yet',
        body: (
          <>
            Open the LinkedIn profile of someone at a UK council with the Council Lens side panel, and choose “Save
            prospect”. Only what you save is kept: name, title, council, service, your notes and a follow-up date.
          </>
        ),
      }}
      filters={
        <>
          <SearchFilter label="Search prospects" value={filters.text} onChange={(text) => set({ text })} />
          <SelectFilter label="Council" any="All councils" value={filters.council} options={councilOptions} onChange={(council) => set({ council })} />
          <SelectFilter label="Service group" any="All services" value={filters.serviceGroup} options={groups.map((g) => [g, serviceGroupLabel(g) ?? g] as const)} onChange={(serviceGroup) => set({ serviceGroup })} />
          <DateFilter label="Follow-up from" value={filters.followUpFrom} onChange={(followUpFrom) => set({ followUpFrom })} />
          <DateFilter label="Follow-up to" value={filters.followUpTo} onChange={(followUpTo) => set({ followUpTo })} />
          <ClearFilters filtered={filtered} onClear={clear} />
        </>
      }
      status={removal.status((p) => p.name)}
      head={
        <>
          {header('name', 'Name')}
          {header('followUp', 'Follow-up')}
          {header('title', 'Title')}
          {header('councilName', 'Council')}
          {header('serviceGroup', 'Service')}
          {header('seniority', 'Seniority')}
          <th scope="col">Notes</th>
        </>
      }
    >
      {shown.map((p) => {
        const days = p.followUp ? daysUntil(p.followUp, today) : null;
        return (
          <tr key={p.id} data-id={p.id} class={days !== null && days < 0 ? 'cl-ws__row--overdue' : undefined}>
            <th scope="row">
              <a href={p.profileUrl} target="_blank" rel="noopener noreferrer">
                {p.name}
              </a>
            </th>
            <td data-label="Follow-up">
              {p.followUp ? (
                <>
                  <time dateTime={p.followUp}>{formatDeadline(p.followUp)}</time>
                  {days! < 0 ? <OverdueMark /> : null}
                  <span class="cl-ws__sub">{days === 0 ? 'today' : days! > 0 ? `in ${days} ${days === 1 ? 'day' : 'days'}` : daysLeftText(days!)}</span>
                </>
              ) : (
                ''
              )}
            </td>
            <td data-label="Title">{p.title}</td>
            <td data-label="Council">{p.councilName}</td>
            <td data-label="Service">
              {p.serviceGroup ? (serviceGroupLabel(p.serviceGroup) ?? p.serviceGroup) : ''}
              {p.councilName && <span class="cl-ws__sub"><LeadSearchLink councilName={p.councilName} group={p.serviceGroup ? { id: p.serviceGroup, label: serviceGroupLabel(p.serviceGroup) ?? p.serviceGroup } : null} label="Find their head of service or director on LinkedIn" /></span>}
            </td>
            <td data-label="Seniority">{p.seniority ? (seniorityLabel(p.seniority) ?? p.seniority) : ''}</td>
            <td data-label="Notes" class="cl-ws__notes" title={p.notes || undefined}>
              {excerpt(p.notes)}
            </td>
            <DeleteCell id={p.id} label={p.name} removal={removal} onConfirm={() => removal.remove(p)} />
          </tr>
        );
      })}
    </TableSection>
  );
}
