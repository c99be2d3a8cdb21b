import type { CouncilCard } from '@/lib/councils/card';
import { BusinessCaseButton } from './business-case-button';
import { LeadSearchLink } from './lead-search-link';
import { SpendLine } from './spend-line';
import { SpendTable } from './spend-table';
import { useCouncilSpend } from './use-council-spend';

export interface ServiceSpendProps {
  card: Pick<CouncilCard, 'code' | 'officialName' | 'population' | 'kind'>;
  /** The person's or the notice's service group; null on a company page or an unclassified title. */
  group: { id: string; label: string } | null;
}

/**
 * The card's conversation starters for one service: what the council spends on it, who leads it
 * (a LinkedIn people search) and a business case to plug figures into.
 */
export function ServiceSpend({ card, group }: ServiceSpendProps) {
  if (card.kind !== 'council') return null;
  return (
    <div class="cl-spend" aria-label={group ? `${group.label}: spending and lead` : 'Spending and leads'}>
      {group && <GroupSpendLine card={card} group={group} />}
      <p class="cl-spend__actions">
        <LeadSearchLink councilName={card.officialName} group={group} />
        <BusinessCaseButton council={card.code} groupId={group?.id ?? null} />
      </p>
    </div>
  );
}

function GroupSpendLine({ card, group }: { card: ServiceSpendProps['card']; group: { id: string; label: string } }) {
  const state = useCouncilSpend(card.code);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <p class="cl-spend__note">Spending figures unavailable: {state.error}</p>;
  return <SpendLine data={state.data} group={group} population={card.population} />;
}

/** The full table by service, for behind the services list. */
export function SpendBySection({ card }: { card: ServiceSpendProps['card'] }) {
  const state = useCouncilSpend(card.code);
  if (state.status === 'loading') return <p class="cl-spend__note" aria-busy="true">Reading spending figures…</p>;
  if (state.status === 'error') return <p class="cl-spend__note">Spending figures unavailable: {state.error}</p>;
  return <SpendTable data={state.data} population={card.population} councilName={card.officialName} />;
}
