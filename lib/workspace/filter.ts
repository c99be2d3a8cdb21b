import { SENIORITY_LEVELS } from '@/lib/roles/groups';
import { effectiveDeadline } from './reminders';
import { ANNOTATION_STATUSES, type Annotation, type AnnotationStatus, type Prospect } from './schema';

/** Search, filters and sorting for the workspace page's tables; pure, so the page only renders. */

/** Lower case, accents dropped, so "Cafe" finds "Café". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether every whitespace-separated term of `query` occurs in one of `haystack`. */
export function matchesText(query: string, haystack: readonly (string | undefined)[]): boolean {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = fold(haystack.filter(Boolean).join('\n'));
  return terms.every((t) => text.includes(t));
}

export interface AnnotationFilter {
  /** Words to find in title, buyer, notes, tags, owner and key. */
  text?: string;
  council?: string;
  serviceGroup?: string;
  /** One status, or any of several. */
  status?: AnnotationStatus | readonly AnnotationStatus[];
  /** Inclusive YYYY-MM-DD bounds on the effective deadline; records without one are left out when set. */
  deadlineFrom?: string;
  deadlineTo?: string;
  tag?: string;
}

/** The annotations that pass every filter given, in their order. */
export function filterAnnotations(annotations: readonly Annotation[], filter: AnnotationFilter): Annotation[] {
  const statuses = filter.status === undefined ? null : new Set<string>(typeof filter.status === 'string' ? [filter.status] : filter.status);
  const tag = filter.tag?.trim().toLowerCase();
  return annotations.filter((a) => {
    if (filter.council && a.council !== filter.council) return false;
    if (filter.serviceGroup && a.serviceGroup !== filter.serviceGroup) return false;
    if (statuses && statuses.size > 0 && !statuses.has(a.status)) return false;
    if (tag && !a.tags.includes(tag)) return false;
    if (filter.deadlineFrom || filter.deadlineTo) {
      const day = effectiveDeadline(a)?.slice(0, 10);
      if (!day) return false;
      if (filter.deadlineFrom && day < filter.deadlineFrom) return false;
      if (filter.deadlineTo && day > filter.deadlineTo) return false;
    }
    return !filter.text || matchesText(filter.text, [a.title, a.buyerName, a.notes, a.tags.join(' '), a.owner, a.key]);
  });
}

export interface ProspectFilter {
  /** Words to find in name, title, council name and notes. */
  text?: string;
  council?: string;
  serviceGroup?: string;
  seniority?: string;
  /** Inclusive YYYY-MM-DD bounds on the follow-up date. */
  followUpFrom?: string;
  followUpTo?: string;
}

/** The prospects that pass every filter given, in their order. */
export function filterProspects(prospects: readonly Prospect[], filter: ProspectFilter): Prospect[] {
  return prospects.filter((p) => {
    if (filter.council && p.council !== filter.council) return false;
    if (filter.serviceGroup && p.serviceGroup !== filter.serviceGroup) return false;
    if (filter.seniority && p.seniority !== filter.seniority) return false;
    if (filter.followUpFrom || filter.followUpTo) {
      if (!p.followUp) return false;
      if (filter.followUpFrom && p.followUp < filter.followUpFrom) return false;
      if (filter.followUpTo && p.followUp > filter.followUpTo) return false;
    }
    return !filter.text || matchesText(filter.text, [p.name, p.title, p.councilName, p.notes]);
  });
}

export type SortDirection = 'asc' | 'desc';
export const ANNOTATION_SORT_COLUMNS = ['title', 'buyerName', 'council', 'serviceGroup', 'status', 'owner', 'deadline', 'updatedAt', 'createdAt'] as const;
export type AnnotationSortColumn = (typeof ANNOTATION_SORT_COLUMNS)[number];
export const PROSPECT_SORT_COLUMNS = ['name', 'title', 'councilName', 'serviceGroup', 'seniority', 'followUp', 'updatedAt', 'createdAt'] as const;
export type ProspectSortColumn = (typeof PROSPECT_SORT_COLUMNS)[number];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const STATUS_RANK = new Map<string, number>(ANNOTATION_STATUSES.map((s, i) => [s, i]));
const SENIORITY_RANK = new Map<string, number>(SENIORITY_LEVELS.map((s, i) => [s.id, i]));

type SortValue = string | number | undefined;

/** ISO dates and times sort as plain strings. */
const DATE_COLUMNS: ReadonlySet<string> = new Set(['deadline', 'followUp', 'updatedAt', 'createdAt']);

/**
 * Sorts by one column: text by a case-insensitive, number-aware collation, status in workflow
 * order, seniority from most senior. Empty values go last either way; ties keep the records'
 * order by key (or id), so the table never reshuffles.
 */
function sortBy<R>(records: readonly R[], valueOf: (r: R) => SortValue, idOf: (r: R) => string, direction: SortDirection, isText: boolean): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  const raw = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const compare = (x: SortValue, y: SortValue): number =>
    typeof x === 'number' && typeof y === 'number' ? x - y : (isText ? collator.compare(String(x), String(y)) : 0) || raw(String(x), String(y));
  return [...records].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    const emptyA = va === undefined || va === '';
    const emptyB = vb === undefined || vb === '';
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    const byValue = emptyA ? 0 : compare(va, vb) * sign;
    if (byValue !== 0) return byValue;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

/** Annotations sorted by a column; `deadline` is the bid deadline, else the notice's. */
export function sortAnnotations(annotations: readonly Annotation[], column: AnnotationSortColumn, direction: SortDirection = 'asc'): Annotation[] {
  const valueOf = (a: Annotation): SortValue => {
    switch (column) {
      case 'status':
        return STATUS_RANK.get(a.status);
      case 'deadline':
        return effectiveDeadline(a);
      default:
        return a[column];
    }
  };
  return sortBy(annotations, valueOf, (a) => a.key, direction, !DATE_COLUMNS.has(column));
}

/** Prospects sorted by a column. */
export function sortProspects(prospects: readonly Prospect[], column: ProspectSortColumn, direction: SortDirection = 'asc'): Prospect[] {
  const valueOf = (p: Prospect): SortValue => (column === 'seniority' ? (p.seniority ? SENIORITY_RANK.get(p.seniority) : undefined) : p[column]);
  return sortBy(prospects, valueOf, (p) => p.id, direction, !DATE_COLUMNS.has(column));
}
