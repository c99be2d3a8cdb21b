import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { SearchResults, SupplierHit } from '@/lib/suppliers/search-results';
import { plural } from '@/components/format';

export type CouncilHit = SearchResults['councils'][number];
export type SearchPick = { kind: 'council'; hit: CouncilHit } | { kind: 'supplier'; hit: SupplierHit };

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'ready'; results: SearchResults }
  | { status: 'error'; error: string };

export interface SearchBoxProps {
  query: string;
  onQuery: (query: string) => void;
  state: SearchState;
  onPick: (pick: SearchPick) => void;
  inputRef?: { current: HTMLInputElement | null };
}

/** The hits in list order: councils, then suppliers. */
function picksOf(results: SearchResults): SearchPick[] {
  return [
    ...results.councils.map((hit): SearchPick => ({ kind: 'council', hit })),
    ...results.suppliers.map((hit): SearchPick => ({ kind: 'supplier', hit })),
  ];
}

/**
 * One search box for councils and suppliers: an ARIA combobox whose listbox has a "Councils" and
 * a "Suppliers" group. Typing searches; ArrowDown/ArrowUp move; Enter opens; Escape clears.
 */
export function SearchBox({ query, onQuery, state, onPick, inputRef }: SearchBoxProps) {
  const id = useId();
  const picks = state.status === 'ready' ? picksOf(state.results) : [];
  const [active, setActive] = useState(-1);
  const results = state.status === 'ready' ? state.results : null;
  useEffect(() => setActive(-1), [results]);
  const open = query.trim() !== '' && picks.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (picks.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : picks.length - 1) : (i + step + picks.length) % picks.length));
    } else if (event.key === 'Enter') {
      // Results still for an earlier query (the answer to the latest is on its way): Enter opens
      // only what the person chose with the arrows, never the old top hit.
      const fresh = results !== null && results.query.trim().toLowerCase() === query.trim().toLowerCase();
      if (!fresh && active < 0) {
        event.preventDefault();
        return;
      }
      const pick = picks[active < 0 ? 0 : active];
      if (!pick) return;
      event.preventDefault();
      onPick(pick);
    } else if (event.key === 'Escape') {
      if (query === '') return;
      // The popup would close on Escape: clear the box first.
      event.preventDefault();
      event.stopPropagation();
      onQuery('');
    }
  };

  let index = 0;
  const option = (pick: SearchPick, label: string, meta: string) => {
    const i = index++;
    return (
      <li
        id={optionId(i)}
        role="option"
        aria-selected={i === active}
        class={`cl-search__option${i === active ? ' cl-search__option--active' : ''}`}
        key={optionId(i)}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onPick(pick)}
      >
        <span class="cl-search__label">{label}</span> <span class="cl-search__meta">{meta}</span>
      </li>
    );
  };

  return (
    <div class="cl-search">
      <label class="cl-search__field-label" for={`${id}-input`}>
        Search councils and suppliers
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        class="cl-search__input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder="Council, supplier or company number"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-status`} class="cl-search__status" role="status">
        {statusText(query, state)}
      </p>
      <div id={`${id}-list`} role="listbox" aria-label="Search results" class="cl-search__list" hidden={!open}>
        {results && results.councils.length > 0 && (
          <ul role="group" aria-labelledby={`${id}-councils`}>
            <li role="presentation" id={`${id}-councils`} class="cl-search__group">
              Councils
            </li>
            {results.councils.map((hit) =>
              option({ kind: 'council', hit }, hit.name, [hit.current ? null : 'former', !hit.name.toLowerCase().includes(hit.matched.toLowerCase()) ? `matched “${hit.matched}”` : null].filter(Boolean).join(' · ')),
            )}
          </ul>
        )}
        {results && results.suppliers.length > 0 && (
          <ul role="group" aria-labelledby={`${id}-suppliers`}>
            <li role="presentation" id={`${id}-suppliers`} class="cl-search__group">
              Suppliers
            </li>
            {results.suppliers.map((hit) => option({ kind: 'supplier', hit }, hit.name, supplierMeta(hit)))}
          </ul>
        )}
      </div>
    </div>
  );
}

function supplierMeta(hit: SupplierHit): string {
  return `${plural(hit.awards, 'contract', 'contracts')} · ${plural(hit.councils, 'council', 'councils')}`;
}

function statusText(query: string, state: SearchState): string {
  if (query.trim() === '') return 'Type a council’s name or abbreviation, a supplier’s name or its Companies House number.';
  if (state.status === 'loading' || state.status === 'idle') return 'Searching…';
  if (state.status === 'error') return `Couldn’t search: ${state.error}`;
  const { councils, suppliers } = state.results;
  if (councils.length + suppliers.length === 0) return `Nothing in the local cache matches “${query.trim()}”.`;
  return `${plural(councils.length, 'council', 'councils')}, ${plural(suppliers.length, 'supplier', 'suppliers')}. Arrow keys to choose, Enter to open.`;
}
