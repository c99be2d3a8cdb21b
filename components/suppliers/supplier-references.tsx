import { useId } from 'preact/hooks';
import type { SupplierAward, SupplierReferences } from '@/lib/suppliers/references';
import { serviceGroupLabel } from '@/lib/roles/groups';
import { formatMoney } from '@/components/procurement/format-notice';
import { DotSeparated } from '@/components/ui/dot-separated';
import { ExternalLink } from '@/components/ui/external-link';
import { Heading, subLevel, type HeadingLevel } from '@/components/ui/heading';
import { formatDate, plural } from '@/components/format';
import { formatPhone } from '@/lib/phone';

/** A service group id as its label; an unknown id as written. */
function groupLabel(id: string): string {
  return serviceGroupLabel(id) ?? id;
}

function contractsText(count: number): string {
  return plural(count, 'contract', 'contracts');
}

function totalText(count: number, value: number): string {
  return value > 0 ? `${contractsText(count)} · ${formatMoney({ amount: value, currency: 'GBP' })}` : contractsText(count);
}

export interface SupplierReferencesViewProps {
  refs: SupplierReferences;
  /** Level of the supplier name heading; sections sit one below. */
  headingLevel?: HeadingLevel;
  /** YYYY-MM-DD, to mark old contacts; defaults to now. */
  today?: string;
}

/**
 * A supplier's track record with councils from the local cache: totals by council and by service,
 * then each contract with the buyer's published contact point, whom to ask for a reference.
 */
export function SupplierReferencesView({ refs, headingLevel = 2, today }: SupplierReferencesViewProps) {
  const titleId = useId();
  const level = subLevel(headingLevel);
  const others = refs.names.filter((n) => n !== refs.name);
  return (
    <article class="cl-refs" aria-labelledby={titleId}>
      <header class="cl-refs__header">
        <Heading level={headingLevel} id={titleId} class="cl-refs__name">
          {refs.name}
        </Heading>
        <p class="cl-proc__meta">
          {[refs.companiesHouse && `Companies House ${refs.companiesHouse}`, others.length > 0 && `also written ${others.join(', ')}`].filter(Boolean).join(' · ') ||
            'Supplier'}
        </p>
      </header>
      {refs.awards.length === 0 ? (
        <p class="cl-proc__empty">No council contracts for this supplier in the local cache.</p>
      ) : (
        <>
          <section class="cl-section">
            <Heading level={level} class="cl-section__title">
              By council <span class="cl-section__meta">({refs.byCouncil.length})</span>
            </Heading>
            <ul class="cl-refs__totals" aria-label="Contracts by council">
              {refs.byCouncil.map((c) => (
                <li key={c.code}>
                  <span>{c.name}</span> <span class="cl-proc__meta">{totalText(c.count, c.value)}</span>
                </li>
              ))}
            </ul>
          </section>
          {refs.byGroup.length > 0 && (
            <section class="cl-section">
              <Heading level={level} class="cl-section__title">
                By service
              </Heading>
              <ul class="cl-refs__totals" aria-label="Contracts by service">
                {refs.byGroup.map((g) => (
                  <li key={g.group}>
                    <span>{groupLabel(g.group)}</span> <span class="cl-proc__meta">{totalText(g.count, g.value)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section class="cl-section">
            <Heading level={level} class="cl-section__title">
              Contracts{' '}
              <span class="cl-section__meta">
                ({refs.totalAwards > refs.awards.length ? `newest ${refs.awards.length} of ${refs.totalAwards}` : `${refs.awards.length}, newest first`})
              </span>
            </Heading>
            <AwardList awards={refs.awards} label={`Council contracts of ${refs.name}`} today={today} />
          </section>
        </>
      )}
    </article>
  );
}

/** Contracts as a list, each with its buyer contact. `today` (YYYY-MM-DD) dates the contacts; defaults to now. */
export function AwardList({ awards, label, today = todayIso() }: { awards: SupplierAward[]; label: string; today?: string }) {
  return (
    <ul class="cl-proc__list" aria-label={label}>
      {awards.map((a) => (
        <AwardItem award={a} today={today} key={a.ocid} />
      ))}
    </ul>
  );
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function AwardItem({ award, today }: { award: SupplierAward; today: string }) {
  const end = award.end ? formatDate(award.end) : null;
  const maxEnd = award.maxEnd && award.maxEnd !== award.end ? formatDate(award.maxEnd) : null;
  const start = award.start ? formatDate(award.start) : null;
  const period = [start && `from ${start}`, end && `to ${end}`, maxEnd && `up to ${maxEnd} with extensions`].filter(Boolean).join(' ');
  return (
    <li class="cl-proc__item cl-refs__award">
      <div class="cl-refs__council">{award.councilName}</div>
      <div>
        <ExternalLink href={award.noticeUrl}>{award.title}</ExternalLink>
      </div>
      <div class="cl-proc__meta">
        {[award.serviceGroups.map(groupLabel).join(', '), award.value ? formatMoney(award.value) : 'Value not published'].filter(Boolean).join(' · ')}
      </div>
      {period && <div class="cl-proc__meta">Contract {period}</div>}
      {award.awardedAt && <div class="cl-proc__meta">Awarded {formatDate(award.awardedAt)}</div>}
      <Contact contact={award.contact} publishedAt={award.awardedAt} today={today} />
    </li>
  );
}

/** A contact older than this may have moved on: the reference line says so. */
export const STALE_CONTACT_YEARS = 3;

/** Whether `date` (YYYY-MM-DD) is more than STALE_CONTACT_YEARS before `today`. */
export function isStaleContact(date: string, today: string): boolean {
  const limit = `${Number(today.slice(0, 4)) - STALE_CONTACT_YEARS}${today.slice(4, 10)}`;
  return date.slice(0, 10) < limit;
}

/**
 * The buyer's contact point exactly as the notice published it. Name, email and telephone are
 * separate fields there and may belong to different people (a named officer beside a team
 * mailbox), so the line says whose they are and when, rather than pairing them as one person.
 */
function Contact({ contact, publishedAt, today }: { contact: SupplierAward['contact']; publishedAt: string | null; today: string }) {
  if (!contact || (!contact.name && !contact.email && !contact.telephone)) {
    return <div class="cl-proc__meta">No buyer contact published on the notice.</div>;
  }
  const phone = contact.telephone ? formatPhone(contact.telephone) : null;
  const stale = publishedAt !== null && isStaleContact(publishedAt, today);
  const parts = [
    contact.name && <span>{contact.name}</span>,
    contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>,
    phone && <a href={`tel:${phone.dial}`}>{phone.text}</a>,
  ];
  return (
    <div class="cl-refs__contact">
      <span class="cl-refs__ask">For a reference, the notice’s published contact{publishedAt ? ` (${formatDate(publishedAt)})` : ''}:</span>{' '}
      <DotSeparated parts={parts} />
      {stale && <span class="cl-refs__stale"> Over {STALE_CONTACT_YEARS} years old: they may have moved on.</span>}
    </div>
  );
}
