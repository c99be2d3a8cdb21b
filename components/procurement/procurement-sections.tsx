import type { NoticeSummary, Procurement } from '@/lib/ocds/summary';
import { ExternalLink } from '@/components/ui/external-link';
import type { HeadingLevel } from '@/components/ui/heading';
import { Section } from '@/components/ui/section';
import { formatDate } from '@/components/format';
import { formatDaysLeft, formatMoney, formatMonth, sourceLabel } from './format-notice';
import { noticeTypeName } from '@/lib/ocds/notice-types';

export interface ProcurementSectionsProps {
  procurement: Procurement;
  /** The person's service group label, when the page is a profile: "Adult social care first". */
  personsGroupLabel?: string | null;
  headingLevel: HeadingLevel;
  compact?: boolean;
}

/** "Open tenders" and "Contracts ending": what the council is buying now and what comes up next. */
export function ProcurementSections({ procurement, personsGroupLabel, headingLevel, compact = false }: ProcurementSectionsProps) {
  const first = personsGroupLabel ? `${personsGroupLabel} first.` : null;
  const freshnessNote = <p class="cl-proc__freshness">{freshness(procurement.lastSyncedAt)}</p>;
  return (
    <>
      {/* Collapsed (compact), a note below the last section reads as its content: it goes first. */}
      {compact && freshnessNote}
      <Section
        title="Open tenders"
        meta={`(${procurement.openTotal})`}
        headingLevel={headingLevel}
        collapsible={compact}
        defaultOpen
      >
        {procurement.openTotal === 0 ? (
          <p class="cl-proc__empty">None open in the local cache.</p>
        ) : (
          <>
            {first && <p class="cl-proc__hint">{first}</p>}
            <ul class="cl-proc__list">
              {procurement.openTenders.map((n) => (
                <TenderLine key={n.ocid} notice={n} />
              ))}
            </ul>
            <More shown={procurement.openTenders.length} total={procurement.openTotal} />
          </>
        )}
      </Section>
      {procurement.comingToMarket !== undefined && (
        <Section
          title="Coming to market"
          meta={`(${procurement.comingTotal ?? procurement.comingToMarket.length})`}
          headingLevel={headingLevel}
          collapsible={compact}
          defaultOpen={!compact}
        >
          {(procurement.comingTotal ?? 0) === 0 ? (
            <p class="cl-proc__empty">No pipeline, market engagement or planned procurement notices ahead in the local cache.</p>
          ) : (
            <>
              <p class="cl-proc__hint">
                Announced before the tender: pipeline, market engagement and planned procurement notices{first ? `; ${first.toLowerCase()}` : '.'}
              </p>
              <ul class="cl-proc__list">
                {procurement.comingToMarket.map((n) => (
                  <ComingLine key={n.ocid} notice={n} />
                ))}
              </ul>
              <More shown={procurement.comingToMarket.length} total={procurement.comingTotal ?? 0} />
            </>
          )}
        </Section>
      )}
      <Section
        title="Contracts ending"
        meta={`(${procurement.endingTotal})`}
        headingLevel={headingLevel}
        collapsible={compact}
        defaultOpen={!compact}
      >
        {procurement.endingTotal === 0 ? (
          <p class="cl-proc__empty">No awarded contracts in the local cache end in the next {procurement.endingWithinMonths} months.</p>
        ) : (
          <>
            <p class="cl-proc__hint">
              Awarded contracts ending in the next {procurement.endingWithinMonths} months{first ? `; ${first.toLowerCase()}` : '.'}
            </p>
            <ul class="cl-proc__list">
              {procurement.contractsEnding.map((n) => (
                <ContractLine key={n.ocid} notice={n} />
              ))}
            </ul>
            <More shown={procurement.contractsEnding.length} total={procurement.endingTotal} />
          </>
        )}
      </Section>
      {!compact && freshnessNote}
    </>
  );
}

function TenderLine({ notice }: { notice: NoticeSummary }) {
  const value = notice.value ? formatMoney(notice.value) : null;
  const deadline = notice.deadline ? formatDate(notice.deadline) : null;
  return (
    <li class={`cl-proc__item${notice.inPersonsGroup ? ' cl-proc__item--match' : ''}`}>
      <ExternalLink href={notice.noticeUrl}>{notice.title}</ExternalLink>
      <div class="cl-proc__meta">
        {[value, deadline && `closes ${deadline}`, notice.daysLeft !== null && formatDaysLeft(notice.daysLeft), sources(notice)]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </li>
  );
}

/** "tender expected March 2027 · £12m · planned procurement notice". */
function ComingLine({ notice }: { notice: NoticeSummary }) {
  const value = notice.value ? formatMoney(notice.value) : null;
  const expected = notice.expectedTenderDate ? `tender expected ${formatMonth(notice.expectedTenderDate)}` : null;
  const engagement = notice.engagementDeadline ? `market engagement until ${formatDate(notice.engagementDeadline)}` : null;
  const type = notice.noticeType ? noticeTypeName(notice.noticeType) : 'early engagement notice';
  return (
    <li class={`cl-proc__item${notice.inPersonsGroup ? ' cl-proc__item--match' : ''}`}>
      <ExternalLink href={notice.noticeUrl}>{notice.title}</ExternalLink>
      <div class="cl-proc__meta">{[expected ?? engagement ?? 'date not published', expected && engagement, value, type, sources(notice)].filter(Boolean).join(' · ')}</div>
    </li>
  );
}

function ContractLine({ notice }: { notice: NoticeSummary }) {
  const value = notice.value ? formatMoney(notice.value) : null;
  const end = notice.end ? formatDate(notice.end) : null;
  const maxEnd = notice.maxEnd && notice.maxEnd !== notice.end ? formatDate(notice.maxEnd) : null;
  const who = notice.suppliers.length ? notice.suppliers.slice(0, 2).join(', ') + (notice.suppliers.length > 2 ? ` and ${notice.suppliers.length - 2} more` : '') : 'Supplier not published';
  return (
    <li class={`cl-proc__item${notice.inPersonsGroup ? ' cl-proc__item--match' : ''}`}>
      <ExternalLink href={notice.noticeUrl}>{notice.title}</ExternalLink>
      <div class="cl-proc__meta">{[who, value, sources(notice)].filter(Boolean).join(' · ')}</div>
      <div class="cl-proc__meta">
        {end ? `Ends ${end}` : 'End date not published'}
        {maxEnd && ` · up to ${maxEnd} with extensions`}
      </div>
    </li>
  );
}

/** "Contracts Finder and Find a Tender" for a notice published on both. */
function sources(notice: NoticeSummary): string {
  const labels = [notice.source, ...(notice.alsoOn ?? []).map((a) => a.source)].map(sourceLabel);
  return [...new Set(labels)].join(' and ');
}

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p class="cl-proc__more">and {total - shown} more in the cache.</p> : null;
}

function freshness(lastSyncedAt: number | null): string {
  if (lastSyncedAt === null) return 'From the notices packaged with Council Lens; refresh from Contracts Finder and Find a Tender in Settings.';
  const date = formatDate(new Date(lastSyncedAt).toISOString());
  return `From Contracts Finder and Find a Tender, refreshed ${date ?? 'recently'}.`;
}
