import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResults } from '@/lib/suppliers/search-results';
import type { SupplierReferences } from '@/lib/suppliers/references';
import type { CouncilCard as CouncilCardData } from '@/lib/councils/card';
import { CouncilCard } from '@/components/council-card/council-card';
import { SupplierReferencesView } from '@/components/suppliers/supplier-references';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { SearchBox, type SearchPick, type SearchState } from './search-box';
import { useBackgroundRead, type ReadState } from '@/hooks/use-background-read';

/** How long typing pauses before a search: short, since the search is local. */
export const SEARCH_DEBOUNCE_MS = 80;

export interface PopupSource {
  search: (query: string) => Promise<SearchResults>;
  councilCard: (code: string) => Promise<CouncilCardData | null>;
  references: (key: string) => Promise<SupplierReferences | null>;
}

type Detail =
  | { kind: 'council'; name: string; state: Loaded<CouncilCardData> }
  | { kind: 'supplier'; name: string; state: Loaded<SupplierReferences> };
type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T | null } | { status: 'error'; error: string };

export interface PopupViewProps {
  source: PopupSource;
  /** `?q=`: searched at once; exactly one supplier hit opens its references. */
  initialQuery?: string;
  /** The current tab's council(s), shown above the search box. */
  context?: ComponentChildren;
}

/** The search box's state from the read's: loading names the query asked. */
function searchState(state: ReadState<SearchResults>, query: string): SearchState {
  if (state.status === 'ready') return { status: 'ready', results: state.value };
  if (state.status === 'error') return { status: 'error', error: state.error };
  return state.status === 'loading' ? { status: 'loading', query } : { status: 'idle' };
}

function loaded<T>(state: ReadState<T>): Loaded<T> {
  if (state.status === 'ready') return { status: 'ready', value: state.value };
  return state.status === 'error' ? { status: 'error', error: state.error } : { status: 'loading' };
}

/** The popup: the tab's council, then one search box; a pick shows a council card or a supplier's references. */
export function PopupView({ source, initialQuery = '', context }: PopupViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [picked, setPicked] = useState<SearchPick | null>(null);
  const autoOpen = useRef(initialQuery.trim() !== '');
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);

  const text = query.trim();
  // `?q=` searches at once; typing waits for a pause. An answer to an older query is dropped: only the latest one shows.
  const search = useBackgroundRead(() => source.search(text), { inputs: [text], enabled: text !== '', keepReady: true, delayMs: SEARCH_DEBOUNCE_MS });
  const state = searchState(search.state, text);
  const found = search.state.status === 'ready' ? search.state.value : null;
  useEffect(() => {
    if (!found || !autoOpen.current) return;
    autoOpen.current = false;
    const only = found.suppliers.length === 1 ? found.suppliers[0] : undefined;
    if (only) pick({ kind: 'supplier', hit: only });
  }, [found]);

  // A new pick, or Back, drops the answer still on its way for the one before.
  const shown = useBackgroundRead<CouncilCardData | SupplierReferences | null>(
    () => (picked!.kind === 'council' ? source.councilCard(picked!.hit.code) : source.references(picked!.hit.key)),
    { inputs: [picked], enabled: picked !== null },
  );
  const detail = picked && ({ kind: picked.kind, name: picked.hit.name, state: loaded(shown.state) } as Detail);

  // Keyboard-first: the box has focus when the popup opens, so typing searches.
  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    if (detail) backRef.current?.focus();
  }, [detail?.kind, detail?.name]);

  function pick(choice: SearchPick): void {
    setPicked({ ...choice });
  }

  const back = () => {
    setPicked(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <div class="cl-popup">
      {context}
      <div hidden={detail !== null}>
        <SearchBox query={query} onQuery={setQuery} state={state} onPick={pick} inputRef={inputRef} />
      </div>
      {detail && (
        <div
          class="cl-popup__detail"
          onKeyDown={(e) => {
            // Escape goes back to the results rather than closing the popup.
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            back();
          }}
        >
          <button ref={backRef} type="button" class="cl-button cl-button--secondary cl-button--small cl-popup__back" onClick={back}>
            ← Back to results
          </button>
          <DetailView detail={detail} />
        </div>
      )}
    </div>
  );
}

function DetailView({ detail }: { detail: Detail }) {
  const { state } = detail;
  if (state.status === 'loading') return <Skeleton label={`Loading ${detail.name}…`} />;
  if (state.status === 'error') {
    return (
      <EmptyState title={`Couldn’t load ${detail.name}`} headingLevel={2} tone="error">
        <p>Details: {state.error}</p>
      </EmptyState>
    );
  }
  if (!state.value) {
    return (
      <EmptyState title={`${detail.name} is not in the local cache`} headingLevel={2}>
        <p>Search again: the cache may have been refreshed since.</p>
      </EmptyState>
    );
  }
  if (detail.kind === 'council') return <CouncilCard card={state.value as CouncilCardData} compact headingLevel={2} />;
  return <SupplierReferencesView refs={state.value as SupplierReferences} headingLevel={2} />;
}
