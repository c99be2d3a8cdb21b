import type { TabContext } from '@/lib/page-context';

interface PersonLineProps {
  person: TabContext['person'];
  /** When the role is shown below, the title is left out here rather than said twice. */
  showTitle: boolean;
  /**
   * True when the council came from the person's job (employer or experience); false for the
   * visible-text fallback, where the page names the council but need not employ them.
   */
  worksThere: boolean;
}

/**
 * Leads into the council card: "Priya Shah works at", so the council name reads as the answer
 * and not as the person's name. Nothing for pages with no person (company pages).
 */
export function PersonLine({ person, showTitle, worksThere }: PersonLineProps) {
  if (!person?.name) return null;
  return (
    <p class="cl-person">
      <span class="cl-person__name">{person.name}</span>
      {showTitle && person.title && <span class="cl-person__title"> ({person.title})</span>}
      {worksThere ? ' works at' : ': council named on the profile'}
    </p>
  );
}
