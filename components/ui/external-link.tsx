import type { ComponentChildren } from 'preact';

interface ExternalLinkProps {
  href: string;
  children: ComponentChildren;
}

/**
 * A link that opens in a new tab without giving the new page a handle on this one
 * (noopener) or telling it where the reader came from (noreferrer), and says so to screen readers.
 */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  return (
    <a class="cl-external-link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="cl-visually-hidden"> (opens in new tab)</span>
    </a>
  );
}
