import { useId } from 'preact/hooks';
import type { CouncilRef } from '@/lib/protocol';

interface PreviouslyAtProps {
  councils: CouncilRef[];
}

/** Other councils the person has worked at, from the experience section: "Previously at: A, B". */
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
            {i < councils.length - 1 ? ', ' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
