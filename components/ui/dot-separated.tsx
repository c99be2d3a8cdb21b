import { Fragment, type ComponentChildren } from 'preact';

/**
 * Parts shown "A · B · C": the dots are for the eye only; a screen reader hears commas between
 * the parts instead ("A, B, C"). Empty parts (false, null, '') are left out.
 */
export function DotSeparated({ parts }: { parts: ComponentChildren[] }) {
  const shown = parts.filter((part) => part !== false && part !== null && part !== undefined && part !== '');
  return (
    <>
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {i > 0 && <span class="cl-visually-hidden">, </span>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
