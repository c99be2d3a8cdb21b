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

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The popup: the tab's council, then one search box; a pick shows a council card or a supplier's references. */
export function PopupView({ source, initialQuery = '', context }: PopupViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [detail, setDetail] = useState<Detail | null>(null);
  const latest = useRef(0);
  const detailAsk = useRef(0);
  const autoOpen = useRef(initialQuery.trim() !== '');
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const request = ++latest.current;
    const text = query.trim();
    if (text === '') {
      setState({ status: 'idle' });
      return;
    }
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', query: text }));
    const run = async () => {
      try {
        const results = await source.search(text);
        // An answer to an older query is dropped: only the latest one shows.
        if (request !== latest.current) return;
        setState({ status: 'ready', results });
        if (autoOpen.current) {
          autoOpen.current = false;
          const only = results.suppliers.length === 1 ? results.suppliers[0] : undefined;
          if (only) pick({ kind: 'supplier', hit: only });
        }
      } catch (error) {
        if (request === latest.current) setState({ status: 'error', error: message(error) });
      }
    };
    // `?q=` searches at once; typing waits for a pause.
    if (first.current && autoOpen.current) {
      first.current = false;
      void run();
      return;
    }
    first.current = false;
    const timer = setTimeout(() => void run(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  // Keyboard-first: the box has focus when the popup opens, so typing searches.
  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    if (detail) backRef.current?.focus();
  }, [detail?.kind, detail?.name]);

  function pick(choice: SearchPick): void {
    const request = ++detailAsk.current;
    const settle = <T,>(kind: Detail['kind'], name: string, job: Promise<T | null>) =>
      job.then(
        (value) => request === detailAsk.current && setDetail({ kind, name, state: { status: 'ready', value } } as Detail),
        (error: unknown) => request === detailAsk.current && setDetail({ kind, name, state: { status: 'error', error: message(error) } } as Detail),
      );
    if (choice.kind === 'council') {
      setDetail({ kind: 'council', name: choice.hit.name, state: { status: 'loading' } });
      void settle('council', choice.hit.name, source.councilCard(choice.hit.code));
    } else {
      setDetail({ kind: 'supplier', name: choice.hit.name, state: { status: 'loading' } });
      void settle('supplier', choice.hit.name, source.references(choice.hit.key));
    }
  }

  const back = () => {
    ++detailAsk.current;
    setDetail(null);
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
