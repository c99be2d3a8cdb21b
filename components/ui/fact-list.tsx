import type { ComponentChildren } from 'preact';

export interface Fact {
  label: string;
  value: ComponentChildren;
}

interface FactListProps {
  facts: Fact[];
  /** Names the list for assistive technology, e.g. "About Leeds City Council". */
  label?: string;
}

/** Label and value pairs as a description list; facts the data lacks are left out by the caller. */
export function FactList({ facts, label }: FactListProps) {
  if (facts.length === 0) return null;
  return (
    <dl class="cl-facts" aria-label={label}>
      {facts.map((fact) => (
        <div class="cl-facts__row" key={fact.label}>
          <dt class="cl-facts__label">{fact.label}</dt>
          <dd class="cl-facts__value">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
