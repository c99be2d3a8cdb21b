import type { ComponentChildren } from 'preact';
import { Heading, type HeadingLevel } from './heading';

interface SectionProps {
  title: string;
  headingLevel: HeadingLevel;
  /** Shown after the title in lighter text, e.g. a count "(14)". */
  meta?: string;
  /**
   * Long sections fold into <details>/<summary>, which the browser makes keyboard accessible.
   * The summary holds plain text: some screen readers drop a heading inside a summary.
   */
  collapsible?: boolean;
  /** For a collapsible section: whether it starts open. */
  defaultOpen?: boolean;
  children: ComponentChildren;
}

/** A titled part of a view, optionally collapsible. */
export function Section({ title, headingLevel, meta, collapsible = false, defaultOpen = true, children }: SectionProps) {
  if (collapsible) {
    return (
      <details class="cl-section cl-section--collapsible" open={defaultOpen}>
        <summary class="cl-section__summary">
          <span class="cl-section__title">{title}</span>
          {meta && <span class="cl-section__meta"> {meta}</span>}
        </summary>
        <div class="cl-section__body">{children}</div>
      </details>
    );
  }
  return (
    <section class="cl-section">
      <Heading level={headingLevel} class="cl-section__title">
        {title}
        {meta && <span class="cl-section__meta"> {meta}</span>}
      </Heading>
      <div class="cl-section__body">{children}</div>
    </section>
  );
}
