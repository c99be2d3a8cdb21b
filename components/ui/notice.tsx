import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone?: 'info' | 'caution' | 'error';
  children: ComponentChildren;
}

/** A short boxed message inside a view, e.g. that the page named an abolished council. */
export function Notice({ tone = 'info', children }: NoticeProps) {
  return <div class={`cl-notice cl-notice--${tone}`}>{children}</div>;
}
