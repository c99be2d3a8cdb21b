import { groupSpend, spendSentence, type CouncilSpendData } from '@/lib/spend/summary';

export interface SpendLineProps {
  data: CouncilSpendData;
  group: { id: string; label: string };
  population: number | null;
}

/**
 * One sentence on what the council spends on the service, with its source and, where the
 * nation's figures need it, the caveat (Scottish and Welsh social work, Northern Ireland's prices).
 */
export function SpendLine({ data, group, population }: SpendLineProps) {
  const spend = groupSpend(data, group.id, population);
  const caveats = data.nation && spend.kind !== 'no-data' ? data.nation.caveats : [];
  return (
    <div class="cl-spend__line">
      <p>{spendSentence(spend, group.label)}</p>
      {spend.kind === 'figure' && spend.notSubmitted.length > 0 && (
        <p class="cl-spend__note">No return submitted for {spend.notSubmitted.join(', ')}.</p>
      )}
      {caveats.map((caveat) => (
        <p key={caveat} class="cl-spend__note">
          {caveat}
        </p>
      ))}
      {data.nation && spend.kind !== 'no-data' && <p class="cl-spend__note">Source: {data.nation.source}.</p>}
    </div>
  );
}
