import type { ComponentChildren } from 'preact';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface HeadingProps {
  /** The document outline level; views nest, so the caller decides (side panel h1, in-page h2). */
  level: HeadingLevel;
  class?: string;
  id?: string;
  children: ComponentChildren;
}

/** A heading whose level is a prop, so one view fits both the side panel and a host page's outline. */
export function Heading({ level, class: className, id, children }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag class={className} id={id}>
      {children}
    </Tag>
  );
}

/** The level below `level`, capped at h6. */
export function subLevel(level: HeadingLevel): HeadingLevel {
  return Math.min(level + 1, 6) as HeadingLevel;
}
