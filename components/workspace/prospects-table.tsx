import { useState } from 'preact/hooks';
import { serviceGroupLabel, seniorityLabel } from '@/lib/roles/groups';
import { filterProspects, sortProspects, type ProspectFilter, type ProspectSortColumn } from '@/lib/workspace/filter';
import type { Prospect } from '@/lib/workspace/schema';
import { daysLeftText, daysUntil, excerpt, formatDeadline } from './format';
import { DeleteCell, useRowRemoval } from './row-removal';
import { SortHeader, type SortState } from './sort-header';

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
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState<ProspectSortColumn>>({ column: 'followUp', direction: 'asc' });
  const removal = useRowRemoval<Prospect>({ idOf: (p) => p.id, onDelete, onRestore });
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });

  const shown = sortProspects(filterProspects(prospects, filters), sort.column, sort.direction);
  const councils = new Map<string, string>();
  for (const p of prospects) if (p.council) councils.set(p.council, p.councilName || p.council);
  const councilOptions = [...councils].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
  const groups = [...new Set(prospects.flatMap((p) => (p.serviceGroup ? [p.serviceGroup] : [])))].sort();
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const header = (column: ProspectSortColumn, label: string) => <SortHeader column={column} label={label} sort={sort} onSort={setSort} />;

  return (
    <section aria-labelledby="cl-ws-prospects" class="cl-ws__section">
      <h2 id="cl-ws-prospects">Prospects</h2>
      {prospects.length === 0 ? (
        <div class="cl-empty cl-empty--neutral">
          <h3 class="cl-empty__title">No prospects yet</h3>
          <div class="cl-empty__body">
            <p>
              Open the LinkedIn profile of someone at a UK council with the Council Lens side panel, and choose “Save
              prospect”. Only what you save is kept: name, title, council, service, your notes and a follow-up date.
            </p>
          </div>
        </div>
      ) : (
        <>
          <div class="cl-ws__filters" role="search" aria-label="Filter prospects">
            <label class="cl-field cl-ws__search">
              <span class="cl-field__label">Search prospects</span>
              <input type="search" value={filters.text} onInput={(e) => set({ text: e.currentTarget.value })} />
            </label>
            <label class="cl-field">
              <span class="cl-field__label">Council</span>
              <select value={filters.council} onChange={(e) => set({ council: e.currentTarget.value })}>
                <option value="">All councils</option>
                {councilOptions.map(([code, name]) => (
                  <option value={code} key={code}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label class="cl-field">
              <span class="cl-field__label">Service group</span>
              <select value={filters.serviceGroup} onChange={(e) => set({ serviceGroup: e.currentTarget.value })}>
                <option value="">All services</option>
                {groups.map((g) => (
                  <option value={g} key={g}>
                    {serviceGroupLabel(g) ?? g}
                  </option>
                ))}
              </select>
            </label>
            <label class="cl-field">
              <span class="cl-field__label">Follow-up from</span>
              <input type="date" value={filters.followUpFrom} onInput={(e) => set({ followUpFrom: e.currentTarget.value })} />
            </label>
            <label class="cl-field">
              <span class="cl-field__label">Follow-up to</span>
              <input type="date" value={filters.followUpTo} onInput={(e) => set({ followUpTo: e.currentTarget.value })} />
            </label>
            {filtered ? (
              <button type="button" class="cl-button cl-button--secondary cl-ws__clear" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            ) : null}
          </div>
          <p class="cl-ws__count" aria-live="polite">
            {shown.length} of {prospects.length} {prospects.length === 1 ? 'prospect' : 'prospects'}
          </p>
          {removal.status((p) => p.name)}
          {shown.length === 0 ? (
            <p class="cl-ws__none">No prospects match these filters.</p>
          ) : (
            <div class="cl-ws__scroll">
              <table class="cl-ws__table" aria-labelledby="cl-ws-prospects">
                <thead>
                  <tr>
                    {header('name', 'Name')}
                    {header('title', 'Title')}
                    {header('councilName', 'Council')}
                    {header('serviceGroup', 'Service')}
                    {header('seniority', 'Seniority')}
                    {header('followUp', 'Follow-up')}
                    <th scope="col">Notes</th>
                    <th scope="col">
                      <span class="cl-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => {
                    const days = p.followUp ? daysUntil(p.followUp, today) : null;
                    return (
                      <tr key={p.id} data-id={p.id}>
                        <th scope="row">
                          <a href={p.profileUrl} target="_blank" rel="noopener noreferrer">
                            {p.name}
                          </a>
                        </th>
                        <td>{p.title}</td>
                        <td>{p.councilName}</td>
                        <td>{p.serviceGroup ? (serviceGroupLabel(p.serviceGroup) ?? p.serviceGroup) : ''}</td>
                        <td>{p.seniority ? (seniorityLabel(p.seniority) ?? p.seniority) : ''}</td>
                        <td>
                          {p.followUp ? (
                            <>
                              <time dateTime={p.followUp}>{formatDeadline(p.followUp)}</time>
                              <span class="cl-ws__sub">{days === 0 ? 'today' : days! > 0 ? `in ${days} ${days === 1 ? 'day' : 'days'}` : daysLeftText(days!)}</span>
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                        <td class="cl-ws__notes" title={p.notes || undefined}>
                          {excerpt(p.notes)}
                        </td>
                        <DeleteCell id={p.id} label={p.name} removal={removal} onConfirm={() => removal.remove(p)} />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
