import { noticeTypeInWords } from '@/lib/ocds/notice-types';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SupplierAward } from '@/lib/suppliers/references';
import type { TabContext } from '@/lib/page-context';
import type { NoticeInsight, NoticeSummary } from '@/lib/ocds/summary';
import { serviceGroupLabel } from '@/lib/roles/groups';
import { CouncilCard } from '@/components/council-card/council-card';
import { formatDaysLeft, formatMoney, sourceLabel } from '@/components/procurement/format-notice';
import { NoticeReferences, type SupplierLookup } from '@/components/suppliers/notice-references';
import { BrandMark } from '@/components/ui/brand-mark';
import { ExternalLink } from '@/components/ui/external-link';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate } from '@/components/format';
import { useCollapsible } from '@/components/ui/collapsible';

/** What the notice page itself says, as the adapter read it (null fields: not on the page). */
export interface NoticePage {
  /** The page address, to leave this notice out of the buyer's other open tenders. */
  url: string;
  title: string | null;
  buyerName: string | null;
  /** The OCID the page shows, to leave this notice out of a supplier's other contracts. */
  ocid?: string | null;
}

export interface NoticePanelProps {
  /** The background's answer for this tab; null until it answers. */
  context: TabContext | null;
  page: NoticePage;
  /** This notice in the cache and earlier awards; null while asked, a string when asking failed. */
  insight: NoticeInsight | null | { error: string };
  /** Controlled by the caller, which remembers it in the settings. */
  collapsed: boolean;
  /** Called with the state asked for: `true` to collapse. */
  onToggle: (collapsed: boolean) => void;
  /** The annotation editor, shown under "Your notes" whatever the buyer. */
  editor?: ComponentChildren;
  /** Award notices: each awarded supplier's other council contracts (empty or absent: no section). */
  references?: SupplierLookup[];
  /** Awarded suppliers on the page beyond those in `references`. */
  moreSuppliers?: number;
  /** Opens the full references view for a supplier name. */
  onAllReferences?: (name: string) => void;
}

export const NOT_A_COUNCIL = 'Not a UK council buyer: no council card';

/**
 * The compact panel on a Contracts Finder or Find a Tender notice page (in a closed shadow root):
 * the buyer's council, this notice in the local cache, the user's own notes, the buyer's other open
 * tenders and who won its earlier contracts in the same service. Escape collapses it.
 */
export function NoticePanel({ context, page, insight, collapsed, onToggle, editor, references = [], moreSuppliers = 0, onAllReferences = () => undefined }: NoticePanelProps) {
  const { bodyId, toggleRef, onRootKeyDown } = useCollapsible(collapsed, onToggle);
  const council = context?.status === 'council' && context.card ? context.card : null;
  const subject = headerSubject(context);
  const scroll = useMoreBelow([context, insight, references, collapsed]);

  return (
    <aside class={`cl-root cl-noticepanel${collapsed ? ' cl-noticepanel--collapsed' : ''}`} aria-label="Council Lens" onKeyDown={onRootKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        class="cl-noticepanel__toggle"
        aria-expanded={!collapsed}
        aria-controls={bodyId}
        onClick={() => onToggle(!collapsed)}
      >
        <BrandMark />
        <span class="cl-noticepanel__label" title={`Council Lens · ${subject}`}>
          <span class="cl-noticepanel__brand">Council Lens</span>
          <span aria-hidden="true"> · </span>
          <span class="cl-visually-hidden">: </span>
          <span>{subject}</span>
        </span>
        <svg class="cl-noticepanel__chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.8" />
        </svg>
      </button>
      <div id={bodyId} class="cl-noticepanel__body" hidden={collapsed} ref={scroll.ref} onScroll={scroll.update}>
        {!context || context.status === 'reading' ? (
          <Skeleton label="Reading this notice…" />
        ) : council ? (
          <CouncilCard card={council} match={context.match} compact headingLevel={2} serviceGroup={noticeGroup(insight)} />
        ) : (
          <BuyerNote context={context} buyerName={page.buyerName} />
        )}
        <ThisNotice insight={insight} />
        {references.length > 0 && (
          <NoticeReferences suppliers={references} more={moreSuppliers} isThisNotice={isThisNotice(page, insight)} onAllReferences={onAllReferences} />
        )}
        <section class="cl-section cl-noticepanel__notes" aria-labelledby={`${bodyId}-notes`}>
          <h3 class="cl-section__title" id={`${bodyId}-notes`}>
            Your notes
          </h3>
          <div class="cl-section__body">{editor}</div>
        </section>
        {council && context?.procurement && <OtherTenders tenders={otherOpenTenders(context, page, insight)} councilName={council.niceName} />}
        {council && <EarlierAwards insight={insight} councilName={council.niceName} />}
      </div>
      {/* The body scrolls inside a panel kept short of the notice's heading: say there is more (issue 12),
          below the body rather than over its last lines. */}
      {!collapsed && scroll.moreBelow && (
        <button type="button" class="cl-noticepanel__more" tabIndex={-1} aria-hidden="true" onClick={scroll.down}>
          More below ↓
        </button>
      )}
    </aside>
  );
}

/**
 * Whether the panel body has content below what it shows: checked on scroll, after each render,
 * when a section folds or unfolds and when the window resizes. `down` scrolls most of a screen on.
 */
function useMoreBelow(deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [moreBelow, setMoreBelow] = useState(false);
  const update = () => {
    const el = ref.current;
    setMoreBelow(el !== null && !el.hidden && el.scrollHeight - el.scrollTop - el.clientHeight > 8);
  };
  useLayoutEffect(update, deps);
  useEffect(() => {
    const el = ref.current;
    el?.addEventListener('toggle', update, true);
    window.addEventListener('resize', update);
    return () => {
      el?.removeEventListener('toggle', update, true);
      window.removeEventListener('resize', update);
    };
  }, []);
  const down = () => ref.current?.scrollBy({ top: ref.current.clientHeight * 0.8, behavior: 'smooth' });
  return { ref, moreBelow, update, down };
}

function headerSubject(context: TabContext | null): string {
  if (!context || context.status === 'reading') return 'Reading this notice…';
  if (context.status === 'council' && context.card) return context.card.officialName;
  if (context.status === 'unreadable') return 'Couldn’t read this notice';
  return 'Not a UK council buyer';
}

function BuyerNote({ context, buyerName }: { context: TabContext; buyerName: string | null }) {
  if (context.status === 'unreadable') {
    return (
      <Notice tone="error">
        {/* A heading where the card's council name would be, so the sections below keep their level (axe heading-order). */}
        <h2 class="cl-notice__title">Couldn’t read this notice</h2>
        <p>
          The page may still be loading, or its layout has changed, so Council Lens could not find the buyer. Your notes
          below still work.
        </p>
      </Notice>
    );
  }
  return (
    <Notice>
      <h2 class="cl-notice__title">{NOT_A_COUNCIL}</h2>
      <p>
        {buyerName ? <strong>{buyerName}</strong> : 'The buyer'} is not a UK council as far as the register knows (NHS
        bodies, schools and central government are not on it). Your notes below still work.
      </p>
    </Notice>
  );
}

function ThisNotice({ insight }: { insight: NoticePanelProps['insight'] }) {
  let body: ComponentChildren;
  if (insight === null) body = <p class="cl-proc__empty">Looking in the local cache…</p>;
  else if ('error' in insight) body = <p class="cl-proc__empty">Couldn’t look in the local cache: {insight.error}</p>;
  else if (!insight.notice) {
    body = (
      <p class="cl-proc__empty">
        Not in the local cache yet. It arrives with the next refresh from Contracts Finder and Find a Tender (Settings).
      </p>
    );
  } else body = <NoticeFacts notice={insight.notice} />;
  return (
    <Section title="This notice in the cache" headingLevel={3}>
      {body}
    </Section>
  );
}

function NoticeFacts({ notice }: { notice: NoticeSummary }) {
  const deadline = notice.deadline ? formatDate(notice.deadline) : null;
  const lines = [
    notice.value ? `Value ${formatMoney(notice.value)}` : 'Value not published',
    deadline && `closes ${deadline}`,
    notice.daysLeft !== null && (notice.daysLeft < 0 ? 'closed' : formatDaysLeft(notice.daysLeft)),
  ].filter(Boolean);
  const types = (notice.noticeTypes ?? []).map(noticeTypeInWords).filter((t): t is string => t !== null);
  return (
    <div class="cl-proc__item">
      {types.length > 0 && <div class="cl-proc__meta">{types.length === 1 ? types[0] : `Notices: ${types.join(', then ')}`}</div>}
      <div>{lines.join(' · ')}</div>
      {notice.suppliers.length > 0 && <div class="cl-proc__meta">Won by {suppliersText(notice.suppliers)}</div>}
      {notice.end && <div class="cl-proc__meta">{endText(notice)}</div>}
    </div>
  );
}

/** The buyer's open tenders without the notice on this page. */
export function otherOpenTenders(context: TabContext, page: NoticePage, insight: NoticePanelProps['insight']): { list: NoticeSummary[]; total: number } {
  const open = context.procurement?.openTenders ?? [];
  const ocid = insight && !('error' in insight) ? insight.notice?.ocid : undefined;
  const id = noticeId(page.url);
  // A line may stand for the same tender on the other portal too (alsoOn): that is this notice as well.
  const isThis = (n: NoticeSummary) => n.ocid === ocid || (id !== null && [n.noticeUrl, ...(n.alsoOn ?? []).map((a) => a.noticeUrl)].some((u) => noticeId(u) === id));
  const list = open.filter((n) => !isThis(n));
  const removed = open.length - list.length;
  return { list, total: Math.max(0, (context.procurement?.openTotal ?? 0) - removed) };
}

/** Whether a supplier's award is the notice on this page (by OCID, or the notice id in its address). */
export function isThisNotice(page: NoticePage, insight: NoticePanelProps['insight']): (award: SupplierAward) => boolean {
  const ocids = new Set([page.ocid, insight && !('error' in insight) ? insight.notice?.ocid : null].filter(Boolean));
  const id = noticeId(page.url);
  return (award) => ocids.has(award.ocid) || (id !== null && noticeId(award.noticeUrl) === id);
}

function noticeId(url: string): string | null {
  return /\/Notice\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? null;
}

function OtherTenders({ tenders, councilName }: { tenders: { list: NoticeSummary[]; total: number }; councilName: string }) {
  const listId = useId();
  return (
    <Section title="Other open tenders" meta={`(${tenders.total})`} headingLevel={3} collapsible defaultOpen={tenders.total > 0}>
      {tenders.total === 0 ? (
        <p class="cl-proc__empty">No other open tenders from {councilName} in the local cache.</p>
      ) : (
        <>
          <ul class="cl-proc__list" aria-label={`Other open tenders from ${councilName}`} id={listId}>
            {tenders.list.map((n) => (
              <li class="cl-proc__item" key={n.ocid}>
                <ExternalLink href={n.noticeUrl}>{n.title}</ExternalLink>
                <div class="cl-proc__meta">
                  {[n.value && formatMoney(n.value), n.deadline && `closes ${formatDate(n.deadline)}`, n.daysLeft !== null && formatDaysLeft(n.daysLeft), sourceLabel(n.source)]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
          {tenders.total > tenders.list.length && <p class="cl-proc__more">and {tenders.total - tenders.list.length} more in the cache.</p>}
        </>
      )}
    </Section>
  );
}

/** The notice's service group, for the card's spend line and lead search. */
function noticeGroup(insight: NoticePanelProps['insight']): { id: string; label: string } | null {
  if (!insight || 'error' in insight || !insight.serviceGroup) return null;
  const label = groupLabel(insight.serviceGroup);
  return label ? { id: insight.serviceGroup, label } : null;
}

function groupLabel(id: string | null): string | null {
  return id === null ? null : serviceGroupLabel(id);
}

function EarlierAwards({ insight, councilName }: { insight: NoticePanelProps['insight']; councilName: string }) {
  if (insight === null || 'error' in insight) return null;
  const group = groupLabel(insight.serviceGroup);
  const awards = insight.earlierAwards;
  return (
    <Section title="Who won before" meta={`(${awards.length})`} headingLevel={3}>
      {!group ? (
        <p class="cl-proc__empty">Council Lens could not tell which service this notice is for, so it cannot list earlier awards.</p>
      ) : awards.length === 0 ? (
        <p class="cl-proc__empty">
          No earlier awards by {councilName} in {group.toLowerCase()} in the local cache.
        </p>
      ) : (
        <>
          <p class="cl-proc__hint">
            {councilName}’s awarded contracts in {group.toLowerCase()}, newest first.
          </p>
          <ul class="cl-proc__list" aria-label={`Earlier awards in ${group}`}>
            {awards.map((n) => (
              <li class="cl-proc__item" key={n.ocid}>
                <ExternalLink href={n.noticeUrl}>{n.title}</ExternalLink>
                <div class="cl-proc__meta">{[suppliersText(n.suppliers), n.value && formatMoney(n.value)].filter(Boolean).join(' · ')}</div>
                <div class="cl-proc__meta">{endText(n)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function suppliersText(suppliers: string[]): string {
  if (suppliers.length === 0) return 'Supplier not published';
  return suppliers.slice(0, 2).join(', ') + (suppliers.length > 2 ? ` and ${suppliers.length - 2} more` : '');
}

function endText(n: NoticeSummary): string {
  const end = n.end ? formatDate(n.end) : null;
  const maxEnd = n.maxEnd && n.maxEnd !== n.end ? formatDate(n.maxEnd) : null;
  return (end ? `Ends ${end}` : 'End date not published') + (maxEnd ? ` · up to ${maxEnd} with extensions` : '');
}
