import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Role } from '@/lib/roles/role';
import type { CouncilCard as CouncilCardData, CouncilCardView, CouncilMatch, PreviousCouncil } from '@/lib/councils/card';
import type { Procurement } from '@/lib/ocds/summary';
import { ProcurementSections } from '@/components/procurement/procurement-sections';
import { Badge } from '@/components/ui/badge';
import { ExternalLink } from '@/components/ui/external-link';
import { FactList, type Fact } from '@/components/ui/fact-list';
import { Heading, subLevel, type HeadingLevel } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import {
  formatArea,
  formatCombinedAuthority,
  formatCounty,
  formatDate,
  formatPlace,
  formatPopulation,
  homepageLink,
  matchSourceLabels,
} from '@/components/format';
import { PreviouslyAt } from './previously-at';
import { RoleLine } from './role-line';
import { ServicesList } from './services-list';
import { nowPartOf } from './successors';
import { confidenceBand } from '@/lib/councils/confidence';
import { ServiceSpend, SpendBySection } from '@/components/spend/service-spend';

export interface CouncilCardProps {
  /** A card from getCouncilCard or getSiteCouncils carries its own procurement (CouncilCardView). */
  card: CouncilCardData | CouncilCardView;
  /** How the page named the council; a former council's name adds a notice. */
  match?: CouncilMatch | null;
  /** The person's current role, classified. */
  role?: Role | null;
  /** Other councils the person worked at, as they were named (a former one with its successors). */
  previously?: PreviousCouncil[];
  /** Open tenders and contracts ending, from the local cache; defaults to the card's own. */
  procurement?: Procurement | null;
  /** The Timing section (side panel only), shown after the procurement sections. */
  timing?: ComponentChildren;
  /** The in-page version: tighter, with long sections folded. */
  compact?: boolean;
  /** Level of the council name heading; sections sit one below. The side panel uses 1. */
  headingLevel?: HeadingLevel;
  /** The service the page is about when there is no role (a notice's): its spend line and lead. */
  serviceGroup?: { id: string; label: string } | null;
}

/** Who the council is, where it is and what it runs; for a combined authority, says so instead. */
export function CouncilCard({ card, match, role, previously = [], procurement: given, timing, compact = false, headingLevel = 2, serviceGroup = null }: CouncilCardProps) {
  const titleId = useId();
  const procurement = given !== undefined ? given : 'procurement' in card ? card.procurement : null;
  const isCombined = card.kind === 'combined-authority';
  const runCount = card.services.filter((service) => service.provision !== 'none').length;
  const sectionLevel = subLevel(headingLevel);
  // A council that no longer exists runs nothing: the card says what replaced it instead (issue 12).
  const abolished = card.abolished ?? null;
  const caveat = match ? uncertainLine(match) : null;
  const focusGroup = role?.serviceGroup ?? serviceGroup;

  return (
    <article class={`cl-card${compact ? ' cl-card--compact' : ''}`} aria-labelledby={titleId}>
      <header class="cl-card__header">
        <Heading level={headingLevel} id={titleId} class="cl-card__name">
          {card.officialName}
        </Heading>
        <p class="cl-card__type">
          <Badge tone={isCombined ? 'info' : 'neutral'}>{card.typeLabel}</Badge>
          {/* A space between the badges, so they read as two words when copied or read aloud. */}
          {abolished && <> <Badge tone="caution">Abolished</Badge></>}
        </p>
        {caveat && <p class="cl-card__caveat">{caveat}</p>}
      </header>

      {abolished && (
        <Notice tone="caution">
          <p>{abolishedNotice(card, abolished)}</p>
        </Notice>
      )}

      {match?.former && (
        <Notice>
          <p>{formerNotice(match.former, card)}</p>
        </Notice>
      )}

      {role && <RoleLine role={role} council={card} match={match} headingLevel={sectionLevel} />}
      {previously.length > 0 && <PreviouslyAt councils={previously} />}

      {isCombined && (
        <Notice>
          <p>
            <strong>A combined authority, not a council.</strong> It works across its member councils on
            things such as transport, skills and economic growth; the councils themselves run local services.
          </p>
        </Notice>
      )}

      <FactList facts={facts(card, abolished !== null)} label={`About ${card.officialName}`} />
      {/* An abolished council has no spending, leads or business case of its own: its successor has. */}
      {!abolished && <ServiceSpend card={card} group={focusGroup} />}

      {procurement && (
        <ProcurementSections
          procurement={procurement}
          personsGroupLabel={role?.serviceGroup?.label ?? null}
          headingLevel={sectionLevel}
          compact={compact}
        />
      )}

      {timing}

      {!isCombined && !abolished && card.services.length > 0 && (
        // Folded everywhere (issue 12: 15 to 19 lines pushed the panel past 2,000 px); the summary says
        // what the council does about the person's own service, which the open list shows first.
        <Section title="Services it runs" meta={servicesMeta(runCount, card.services, focusGroup)} headingLevel={sectionLevel} collapsible defaultOpen={false}>
          <ServicesList services={card.services} tier={card.tier} focus={focusGroup?.id ?? null} />
        </Section>
      )}
      {!isCombined && !abolished && (
        <Section title="Spending by service" headingLevel={sectionLevel} collapsible defaultOpen={false}>
          <SpendBySection card={card} />
        </Section>
      )}

      {match && !caveat && <p class="cl-card__source">{sourceLine(match)}</p>}
    </article>
  );
}

/** "(15)", or "(15) · runs Adult social care" when the page is about one service. */
function servicesMeta(runCount: number, services: CouncilCardData['services'], focus: { id: string; label: string } | null): string {
  const service = focus ? services.find((s) => s.id === focus.id) : undefined;
  if (!service) return `(${runCount})`;
  const verb = service.provision === 'all' ? 'runs' : service.provision === 'part' ? 'runs part of' : 'does not run';
  return `(${runCount}) · ${verb} ${service.label}`;
}

function facts(card: CouncilCardData, abolished: boolean): Fact[] {
  const list: Fact[] = [{ label: 'Where', value: formatPlace(card) }];
  if (card.parentCounty) list.push({ label: abolished ? 'Was part of' : 'Part of', value: formatCounty(card.parentCounty) });
  if (card.combinedAuthority) {
    list.push({ label: 'Member of', value: formatCombinedAuthority(card.combinedAuthority) });
  }
  if (card.population !== null) list.push({ label: 'Population', value: formatPopulation(card.population) });
  if (card.areaKm2 !== null) list.push({ label: 'Area', value: formatArea(card.areaKm2) });
  const link = homepageLink(card);
  if (link) list.push({ label: 'Website', value: <ExternalLink href={link.href}>{link.label}</ExternalLink> });
  return list;
}

/**
 * "Named as Harrogate Borough Council, abolished 1 April 2023; now part of North Yorkshire Council."
 * A council split between several names them all and says which one this card is about.
 */
function formerNotice(former: NonNullable<CouncilMatch['former']>, card: CouncilCardData): string {
  const date = former.endDate ? formatDate(former.endDate) : null;
  const abolished = date ? `abolished ${date}` : 'since abolished';
  // Contexts without the successor list (older ones) know only the card's council.
  const successors = former.successors?.length ? former.successors : [{ code: card.code, name: card.officialName }];
  const shown = successors.length > 1 && successors.some((s) => s.code === card.code) ? ` This card shows ${card.officialName}.` : '';
  return `Named as ${former.name}, ${abolished}; ${nowPartOf(successors)}.${shown}`;
}

/**
 * "Abolished 1 April 2023; now part of North Yorkshire Council." for a card opened on a former
 * council itself (a popup search, a notice naming it), where no page match carries the notice.
 */
function abolishedNotice(card: CouncilCardData, abolished: NonNullable<CouncilCardData['abolished']>): string {
  const when = abolished.endDate ? `abolished ${formatDate(abolished.endDate)}` : 'since abolished';
  const now = nowPartOf(abolished.successors);
  const runs = abolished.successors.length > 0 ? ' Its services are run by today’s council.' : '';
  return `${card.officialName} no longer exists: ${when}${now ? `; ${now}` : ''}.${runs}`;
}

/**
 * The caveat for a council that may not be the right one, shown under its name (issue 12: not at
 * the bottom, where a card that looks certain has already been read as certain). Null when sure.
 */
function uncertainLine(match: CouncilMatch): string | null {
  // Text found outside a job or company field is the weakest evidence: say so (issue 3).
  if (match.source === 'text') {
    return `Not certain: found as “${match.matchedText}” in the page text, not in a job. Check it is the right council.`;
  }
  // A bare place or a name without council words ("Kent", "Leeds City"): likely, not certain.
  if (match.confidence !== undefined && confidenceBand(match.confidence) !== 'high') {
    return `Likely, not certain: found as “${match.matchedText}” ${matchSourceLabels[match.source]}, with no council word in it.`;
  }
  return null;
}

function sourceLine(match: CouncilMatch): string {
  return `Found as “${match.matchedText}” ${matchSourceLabels[match.source]}.`;
}
