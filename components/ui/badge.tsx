import type { ComponentChildren } from 'preact';

export type BadgeTone = 'neutral' | 'info' | 'lead' | 'caution';

interface BadgeProps {
  /** `lead` marks a likely budget holder; `info` a fact about the body (e.g. combined authority); `caution` an abolished council. */
  tone?: BadgeTone;
  children: ComponentChildren;
}

/** A short label beside a heading: council type and tier, "Likely budget holder". */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return <span class={`cl-badge cl-badge--${tone}`}>{children}</span>;
}
