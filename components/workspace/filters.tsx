import { useState } from 'preact/hooks';

/** A table's filter values, all strings ('' for "any"), with "Clear filters". */
export function useFilters<F extends Record<string, string>>(none: F) {
  const [filters, setFilters] = useState<F>(none);
  return {
    filters,
    set: (patch: Partial<F>) => setFilters({ ...filters, ...patch }),
    clear: () => setFilters(none),
    /** Whether any filter is set: "Clear filters" shows. */
    filtered: JSON.stringify(filters) !== JSON.stringify(none),
  };
}

/** The free-text search above a table. */
export function SearchFilter({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return (
    <label class="cl-field cl-ws__search">
      <span class="cl-field__label">{label}</span>
      <input type="search" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}

/** A filter picked from a list; `any` is the first option's label ('' value). Options are [value, label]. */
export function SelectFilter({ label, any, value, options, onChange }: { label: string; any: string; value: string; options: readonly (readonly [string, string])[]; onChange(value: string): void }) {
  return (
    <label class="cl-field">
      <span class="cl-field__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{any}</option>
        {options.map(([code, name]) => (
          <option value={code} key={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One end of a date range. */
export function DateFilter({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return (
    <label class="cl-field">
      <span class="cl-field__label">{label}</span>
      <input type="date" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}

/** "Clear filters", shown while any filter is set. */
export function ClearFilters({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  return filtered ? (
    <button type="button" class="cl-button cl-button--secondary cl-ws__clear" onClick={onClear}>
      Clear filters
    </button>
  ) : null;
}
