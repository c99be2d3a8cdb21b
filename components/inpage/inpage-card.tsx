import type { TargetedKeyboardEvent } from 'preact';
import type { TabContext } from '@/lib/page-context';
import { ContextView } from '@/components/panel/context-view';
import { BrandMark } from '@/components/ui/brand-mark';
import { useCollapsible } from '@/components/ui/collapsible';

export interface InPageCardProps {
  context: TabContext;
  /** Controlled by the caller, so the choice can be remembered per site. */
  collapsed: boolean;
  /** Called with the state the reader asked for: `true` to collapse, `false` to expand. */
  onToggle: (collapsed: boolean) => void;
  /** Adds a close button when given. */
  onClose?: () => void;
}

/**
 * The compact card shown on the host page (opt-in on LinkedIn), inside a closed shadow root:
 * a one-line header that expands to the council card. Escape collapses it from anywhere inside.
 */
export function InPageCard({ context, collapsed, onToggle, onClose }: InPageCardProps) {
  const { bodyId, toggleRef, onRootKeyDown } = useCollapsible(collapsed, onToggle);
  const subject = headerSubject(context);

  // Enter and Space toggle on keydown, and their default is cancelled so the button's own
  // keyboard click does not toggle a second time (Enter clicks on keypress, which a cancelled
  // keydown suppresses; Space clicks on keyup, cancelled below). Pointer and screen reader
  // clicks arrive as plain clicks.
  const onToggleKeyDown = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    if (!event.repeat) onToggle(!collapsed);
  };
  const onToggleKeyUp = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key === ' ') event.preventDefault();
  };

  return (
    <aside
      class={`cl-root cl-inpage${collapsed ? ' cl-inpage--collapsed' : ''}`}
      aria-label="Council Lens"
      onKeyDown={onRootKeyDown}
    >
      <div class="cl-inpage__bar">
        <button
          ref={toggleRef}
          type="button"
          class="cl-inpage__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => onToggle(!collapsed)}
          onKeyDown={onToggleKeyDown}
          onKeyUp={onToggleKeyUp}
        >
          <BrandMark />
          {/* The title shows the whole name when a long one is cut short. */}
          <span class="cl-inpage__label" title={`Council Lens · ${subject}`}>
            <span class="cl-inpage__brand">Council Lens</span>
            <span aria-hidden="true"> · </span>
            <span class="cl-visually-hidden">: </span>
            <span class="cl-inpage__subject">{subject}</span>
          </span>
          <svg class="cl-inpage__chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          </svg>
        </button>
        {onClose && (
          <button type="button" class="cl-inpage__close" aria-label="Close Council Lens" onClick={onClose}>
            <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
              <path d="m2.5 2.5 7 7m0-7-7 7" fill="none" stroke="currentColor" stroke-width="1.8" />
            </svg>
          </button>
        )}
      </div>
      <div id={bodyId} class="cl-inpage__body" hidden={collapsed}>
        {/* No Timing section on host pages: it is the side panel's (context-view.tsx). */}
        <ContextView context={context} headingLevel={2} compact />
      </div>
    </aside>
  );
}

function headerSubject(context: TabContext): string {
  if (context.status === 'council' && context.card) return context.card.officialName;
  if (context.status === 'reading') return 'Reading this page…';
  if (context.status === 'no-council') return 'No UK council found';
  if (context.status === 'unreadable') return 'Couldn’t read this page';
  return 'Nothing to show';
}
