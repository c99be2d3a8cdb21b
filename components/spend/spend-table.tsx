import { formatThousands, spendTable, type CouncilSpendData } from '@/lib/spend/summary';

export interface SpendTableProps {
  data: CouncilSpendData;
  population: number | null;
  councilName: string;
}

const percent = (ratio: number) => `${ratio > 0 ? '+' : ratio < 0 ? '−' : ''}${Math.abs(Math.round(ratio * 100))}%`;

/** Net spending by service for the latest year on file, the biggest first, with the total. */
export function SpendTable({ data, population, councilName }: SpendTableProps) {
  const rows = spendTable(data, population);
  if (rows.length === 0) return <p class="cl-spend__note">No spending figures for this council: {data.missing ?? 'none published'}.</p>;
  const year = rows[rows.length - 1]!.year;
  const combined = data.nation?.combined ?? [];
  return (
    <div class="cl-spend">
      <table class="cl-spend__table">
        <caption class="cl-visually-hidden">{`${councilName}: net spending by service, ${year}`}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Net a year</th>
            <th scope="col">Share</th>
            {population !== null && <th scope="col">Per resident</th>}
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const summed = combined.find((c) => c.line === row.line);
            return (
              <tr key={row.line} class={row.line === 'total' ? 'cl-spend__total' : undefined}>
                <th scope="row">{row.label}</th>
                <td>{summed ? `in ${data.lines.find((l) => l.id === summed.into)?.label.toLowerCase() ?? summed.into}` : formatThousands(row.net)}</td>
                <td>{summed || row.share === null ? '' : `${Math.round(row.share * 100)}%`}</td>
                {population !== null && <td>{summed || row.perResident === null ? '' : `£${Math.round(row.perResident).toLocaleString('en-GB')}`}</td>}
                <td title={row.change ? `on ${row.change.from}` : undefined}>{summed || !row.change ? '' : percent(row.change.ratio)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="cl-spend__note">
        {year}, net current expenditure; change on {rows[rows.length - 1]!.change?.from ?? 'the earliest year on file'}. Source:{' '}
        {data.nation?.source ?? 'revenue outturn'}.
      </p>
      {combined.map((c) => (
        <p key={c.line} class="cl-spend__note">
          {c.note}
        </p>
      ))}
      {(data.nation?.caveats ?? []).map((caveat) => (
        <p key={caveat} class="cl-spend__note">
          {caveat}
        </p>
      ))}
    </div>
  );
}
