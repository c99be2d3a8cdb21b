import type { ComponentChildren } from 'preact';
import { Heading, type HeadingLevel } from './heading';

interface EmptyStateProps {
  title: string;
  headingLevel: HeadingLevel;
  /** `error` adds a red rule so a failure is not mistaken for "nothing here". */
  tone?: 'neutral' | 'error';
  children?: ComponentChildren;
}

/** A view with nothing to show yet: what happened and what to do next. */
export function EmptyState({ title, headingLevel, tone = 'neutral', children }: EmptyStateProps) {
  return (
    <section class={`cl-empty cl-empty--${tone}`}>
      <Heading level={headingLevel} class="cl-empty__title">
        {title}
      </Heading>
      {children && <div class="cl-empty__body">{children}</div>}
    </section>
  );
}
