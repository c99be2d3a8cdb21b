import type { ComponentChildren } from 'preact';
import type { TabContext } from '@/lib/page-context';
import { CouncilCard } from '@/components/council-card/council-card';
import { PreviouslyAt } from '@/components/council-card/previously-at';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { HeadingLevel } from '@/components/ui/heading';
import { PersonLine } from './person-line';

interface ContextViewProps {
  /** Null when the background has no context for the tab: treated as a page it does not read. */
  context: TabContext | null;
  /** Level of the view's main heading: 1 in the side panel, 2 inside a host page. */
  headingLevel: HeadingLevel;
  compact?: boolean;
  /**
   * The Timing section, placed after the procurement sections. Only the side panel passes one:
   * the in-page card stays short and gets no timing (issue 5 asks for it in the side panel).
   */
  timing?: ComponentChildren;
  /** "Save prospect" (side panel only), shown above the person line. */
  prospect?: ComponentChildren;
}

export const READING_LABEL = 'Reading this page…';

/** What one tab's context looks like once the background has answered, for each status. */
export function ContextView({ context, headingLevel, compact = false, timing, prospect }: ContextViewProps) {
  if (!context) return <Unsupported headingLevel={headingLevel} />;
  // A new page view is being read: show its shape, never the previous page's council.
  if (context.status === 'reading') return <Skeleton label={READING_LABEL} />;
  if (context.status === 'council' && context.card) {
    return (
      <div class="cl-view">
        {prospect}
        <PersonLine
          person={context.person}
          showTitle={!context.role}
          worksThere={context.match?.source !== 'text'}
        />
        <CouncilCard
          card={context.card}
          match={context.match}
          role={context.role}
          previously={context.previously}
          procurement={context.procurement}
          timing={timing}
          compact={compact}
          headingLevel={headingLevel}
        />
      </div>
    );
  }
  if (context.status === 'no-council') return <NoCouncil context={context} headingLevel={headingLevel} />;
  if (context.status === 'unreadable') return <Unreadable context={context} headingLevel={headingLevel} />;
  // `council` without a card cannot come from the background; showing guidance beats an empty panel.
  return <Unsupported headingLevel={headingLevel} />;
}

function NoCouncil({ context, headingLevel }: { context: TabContext; headingLevel: HeadingLevel }) {
  const { person } = context;
  const isCompany = context.pageKind === 'linkedin-company';
  return (
    <EmptyState title="No UK council found" headingLevel={headingLevel}>
      {person?.name && (
        <p>
          <strong>{person.name}</strong>
          {person.title && ` · ${person.title}`}
        </p>
      )}
      {person?.employer ? (
        <p>
          <strong>{person.employer}</strong> is not a UK council as far as the register knows.
        </p>
      ) : (
        <p>
          {isCompany
            ? 'This organisation is not a UK council as far as the register knows.'
            : 'No current employer on this profile is a UK council, as far as the register knows.'}
        </p>
      )}
      <PreviouslyAt councils={context.previously} />
      <p class="cl-empty__hint">
        Council Lens knows the UK’s county, district, unitary, metropolitan, London borough, Scottish, Welsh and
        Northern Ireland councils. Town and parish councils, NHS trusts, police forces and universities are not on
        the register.
      </p>
    </EmptyState>
  );
}

function Unreadable({ context, headingLevel }: { context: TabContext; headingLevel: HeadingLevel }) {
  const isCompany = context.pageKind === 'linkedin-company';
  return (
    <EmptyState title="Couldn’t read this page" headingLevel={headingLevel}>
      <p>
        The page may still be loading, or LinkedIn has changed how it is laid out, so Council Lens could not find{' '}
        {isCompany ? 'the organisation’s name' : 'the current employer'}.
      </p>
      <div>
        <p class="cl-empty__subtitle">What to try</p>
        <ul class="cl-empty__list">
          <li>
            Wait for the page to finish loading{isCompany ? '' : ', then scroll down to the Experience section'}.
          </li>
          <li>Reload the page.</li>
          <li>If it keeps happening, the layout has changed and Council Lens needs an update.</li>
        </ul>
      </div>
    </EmptyState>
  );
}

function Unsupported({ headingLevel }: { headingLevel: HeadingLevel }) {
  return (
    <EmptyState title="Open a LinkedIn profile or company page of someone at a UK council" headingLevel={headingLevel}>
      <p>Council Lens then shows which council it is, where it is and what it runs.</p>
      <ul class="cl-empty__list">
        <li>
          A person’s profile: <span class="cl-url">linkedin.com/in/…</span>
        </li>
        <li>
          A council’s company page: <span class="cl-url">linkedin.com/company/…</span>
        </li>
      </ul>
    </EmptyState>
  );
}
