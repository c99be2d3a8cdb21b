import { useId } from 'preact/hooks';
import type { PreviousCouncil } from '@/lib/councils/card';
import { nowPartOf } from './successors';

interface PreviouslyAtProps {
  councils: PreviousCouncil[];
}

/**
 * Other councils the person has worked at, from the experience section: "Previously at: A, B".
 * A former council keeps its own name, the council they actually worked at, with what it is now:
 * "Harrogate Borough Council (now part of North Yorkshire Council)".
 */
export function PreviouslyAt({ councils }: PreviouslyAtProps) {
  const labelId = useId();
  if (councils.length === 0) return null;
  return (
    <div class="cl-previously">
      <span class="cl-previously__label" id={labelId}>
        Previously at:
      </span>{' '}
      <ul class="cl-previously__list" aria-labelledby={labelId}>
        {councils.map((council, i) => (
          <li key={council.code}>
            {council.name}
            {council.successors?.length ? <span class="cl-previously__now"> ({nowPartOf(council.successors)})</span> : null}
            {i < councils.length - 1 ? ', ' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
