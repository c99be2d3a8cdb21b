import type { SupplierAward, SupplierReferences } from '@/lib/suppliers/references';
import { Section } from '@/components/ui/section';
import { AwardList } from './supplier-references';

/** One awarded supplier on a notice page and what the background said about it. */
export interface SupplierLookup {
  name: string;
  companiesHouse: string | null;
  state: { status: 'loading' } | { status: 'ready'; refs: SupplierReferences | null } | { status: 'error'; error: string };
}

export interface NoticeReferencesProps {
  suppliers: SupplierLookup[];
  /** Awarded suppliers the page lists beyond those looked up. */
  more?: number;
  /** This notice: its contracts are left out of "other" contracts. */
  isThisNotice: (award: SupplierAward) => boolean;
  /** Opens the full references view (a tab) for a supplier name. */
  onAllReferences: (name: string) => void;
}

/** The supplier lookup key: the Companies House number when the page gives one, else the name. */
export function referencesKey(supplier: { name: string; companiesHouse: string | null }): string {
  return supplier.companiesHouse ? `ch:${supplier.companiesHouse}` : supplier.name;
}

/**
 * On an award notice: each awarded supplier's other council contracts, folded per supplier so a
 * long list of winners stays short, with "All references" for the full view.
 */
export function NoticeReferences({ suppliers, more = 0, isThisNotice, onAllReferences }: NoticeReferencesProps) {
  return (
    <Section title="References" meta={`(${suppliers.length + more} awarded)`} headingLevel={3}>
      <p class="cl-proc__hint">Each awarded supplier’s other council contracts in the local cache, with whom to ask.</p>
      {suppliers.map((s) => (
        <SupplierFold supplier={s} isThisNotice={isThisNotice} onAllReferences={onAllReferences} key={`${s.companiesHouse ?? ''}|${s.name}`} />
      ))}
      {more > 0 && <p class="cl-proc__more">and {more} more suppliers.</p>}
    </Section>
  );
}

function SupplierFold({ supplier, isThisNotice, onAllReferences }: { supplier: SupplierLookup; isThisNotice: (a: SupplierAward) => boolean; onAllReferences: (name: string) => void }) {
  const { state } = supplier;
  const others = state.status === 'ready' && state.refs ? state.refs.awards.filter((a) => !isThisNotice(a)) : [];
  const summary =
    state.status === 'loading'
      ? 'looking…'
      : state.status === 'error'
        ? 'couldn’t look'
        : others.length === 0
          ? 'no other council contracts'
          : others.length === 1
            ? '1 other council contract'
            : `${others.length} other council contracts`;
  return (
    <details class="cl-refs__supplier">
      <summary>
        <strong>{supplier.name}</strong> <span class="cl-proc__meta">· {summary}</span>
      </summary>
      <div class="cl-refs__supplier-body">
        {state.status === 'loading' ? (
          <p class="cl-proc__empty">Looking in the local cache…</p>
        ) : state.status === 'error' ? (
          <p class="cl-proc__empty">Couldn’t look in the local cache: {state.error}</p>
        ) : others.length === 0 ? (
          <p class="cl-proc__empty">No other council contracts in the local cache.</p>
        ) : (
          <AwardList awards={others} label={`Other council contracts of ${supplier.name}`} />
        )}
        {/* With nothing else cached there is nothing more to see: the button would open an empty search. */}
        {state.status === 'ready' && others.length === 0 ? null : (
          <p>
            <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={() => onAllReferences(supplier.name)}>
              All references<span class="cl-visually-hidden"> for {supplier.name}</span>
            </button>
          </p>
        )}
      </div>
    </details>
  );
}
