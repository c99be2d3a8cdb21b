import type { TargetedKeyboardEvent } from 'preact';
import { useId, useRef } from 'preact/hooks';

/**
 * A corner panel's header toggle on a host page: the body's id for `aria-controls`, the toggle's
 * ref, and the panel's Escape handler, which collapses it from anywhere inside and puts focus back
 * on the toggle. The Escape is ours alone: the host page's own handlers (LinkedIn's dialogs, a
 * council site's menus) do not also run.
 */
export function useCollapsible(collapsed: boolean, onToggle: (collapsed: boolean) => void) {
  const bodyId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const onRootKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || collapsed) return;
    event.stopPropagation();
    onToggle(true);
    toggleRef.current?.focus();
  };
  return { bodyId, toggleRef, onRootKeyDown };
}
