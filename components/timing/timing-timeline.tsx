import { useId } from 'preact/hooks';
import { financialYearStartOf, formatFinancialYear, isFinancialYear, isIsoDate, parseFinancialYear } from '@/lib/timing/financial-year';
import { formatAmount, formatLongDate } from '@/lib/timing/describe';
import type { TimingResult, TimingSignal } from '@/lib/timing/assess-timing';
import { KIND_LABELS, type TimingContractLine, type TimingSavingsLine } from './timing-lines';

/*
 * A small SVG timeline of financial years around today: windows shaded by kind, savings lines and
 * contract ends as markers, a "today" line. The SVG is one image to assistive technology (role
 * img, named by its <title> and <desc>); each shape also has a <title> for pointer users, and the
 * key and the lists beside it carry the same facts as text.
 */

/** Years drawn: the one before today's to three after it. */
const YEARS_BEFORE = 1;
const YEARS_AFTER = 3;

// User units close to the side panel's width in CSS pixels, so the small text size stays about that size.
const WIDTH = 360;
const LEFT = 62;
const RIGHT = 4;
const PLOT = WIDTH - LEFT - RIGHT;
const SAVINGS_LANE = { top: 20, height: 22 };
const CONTRACTS_LANE = { top: 48, height: 22 };
const AXIS_Y = 76;
const HEIGHT = 96;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

type BandKind = 'redesign' | 'bedding-down' | 'procurement' | 'tender';

/** What each shaded band means, in the key's order. */
const BAND_LABELS: Record<BandKind, string> = {
  redesign: 'Redesign year',
  'bedding-down': 'Bedding down',
  procurement: 'Procurement window',
  tender: 'Tender imminent',
};

export interface TimingTimelineProps {
  timing: TimingResult;
  savings: readonly TimingSavingsLine[];
  contracts: readonly TimingContractLine[];
}

export function TimingTimeline({ timing, savings, contracts }: TimingTimelineProps) {
  const titleId = useId();
  const descId = useId();
  const current = financialYearStartOf(timing.today);
  const firstYear = current - YEARS_BEFORE;
  const lastYear = current + YEARS_AFTER;
  const rangeFrom = `${firstYear}-04-01`;
  const rangeTo = `${lastYear + 1}-03-31`;
  const start = dayNumber(rangeFrom);
  const span = dayNumber(rangeTo) + 1 - start;
  /** x of the start of `iso`'s day. */
  const x = (iso: string) => round(LEFT + ((dayNumber(iso) - start) / span) * PLOT);
  /** x of the end of `iso`'s day (windows include their last day). */
  const xEnd = (iso: string) => round(LEFT + ((dayNumber(iso) + 1 - start) / span) * PLOT);
  const inRange = (iso: string) => iso >= rangeFrom && iso <= rangeTo;

  const bands = timing.signals.flatMap((signal) => {
    if (signal.kind === 'investment') return [];
    const { from, to } = signal.window;
    if (to < rangeFrom || from > rangeTo) return [];
    const lane = signal.kind === 'redesign' || signal.kind === 'bedding-down' ? SAVINGS_LANE : CONTRACTS_LANE;
    const left = x(from < rangeFrom ? rangeFrom : from);
    const right = xEnd(to > rangeTo ? rangeTo : to);
    return [{ signal, lane, left, width: Math.max(right - left, 1) }];
  });

  const savingsMarkers = savings.flatMap((item, index) => {
    if (!isFinancialYear(item.financialYear)) return [];
    const at = `${parseFinancialYear(item.financialYear)}-04-01`;
    return inRange(at) ? [{ item, index, cx: x(at) }] : [];
  });
  const contractMarkers = contracts.flatMap((contract, index) => {
    const end = contract.maxEnd ?? contract.end;
    return isIsoDate(end) && inRange(end) ? [{ contract, index, end, cx: xEnd(end) }] : [];
  });
  const shownKinds = new Set(bands.map((b) => b.signal.kind as BandKind));
  const hasCurrent = bands.some((b) => b.signal.when === 'current');
  const overlapping = overlapPair(bands);
  const contractsLaneEmpty = contractMarkers.length === 0 && !bands.some((b) => b.lane === CONTRACTS_LANE);
  const savingsLaneEmpty = savingsMarkers.length === 0 && !bands.some((b) => b.lane === SAVINGS_LANE);
  const hiddenCount =
    savings.length - savingsMarkers.length + (contracts.length - contractMarkers.length);
  const todayX = round((x(timing.today) + xEnd(timing.today)) / 2);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

  return (
    <figure class="cl-timing__figure">
      <svg
        class="cl-timing__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-from={rangeFrom}
        data-to={rangeTo}
      >
        <title id={titleId}>
          Timeline of financial years {formatFinancialYear(firstYear)} to {formatFinancialYear(lastYear)}
        </title>
        <desc id={descId}>{summary(timing, bands.map((b) => b.signal), savingsMarkers.length, contractMarkers.length, hiddenCount)}</desc>

        <text class="cl-timing__lane-label" x={0} y={SAVINGS_LANE.top + 15}>
          Savings
        </text>
        <text class="cl-timing__lane-label" x={0} y={CONTRACTS_LANE.top + 15}>
          Contracts
        </text>

        {years.map((year) => (
          <g key={year} class={`cl-timing__year${year === current ? ' cl-timing__year--current' : ''}`}>
            <line class="cl-timing__tick" x1={x(`${year}-04-01`)} x2={x(`${year}-04-01`)} y1={SAVINGS_LANE.top - 4} y2={AXIS_Y + 4} />
            <text class="cl-timing__year-label" x={round((x(`${year}-04-01`) + xEnd(`${year + 1}-03-31`)) / 2)} y={AXIS_Y + 16} text-anchor="middle">
              {formatFinancialYear(year)}
            </text>
          </g>
        ))}
        {/* An empty lane says so, rather than looking like a drawing that failed (issue 12). */}
        {savingsLaneEmpty && (
          <text class="cl-timing__none" x={LEFT + 6} y={SAVINGS_LANE.top + 15}>
            none
          </text>
        )}
        {contractsLaneEmpty && (
          <text class="cl-timing__none" x={LEFT + 6} y={CONTRACTS_LANE.top + 15}>
            none
          </text>
        )}
        <line class="cl-timing__tick" x1={LEFT + PLOT} x2={LEFT + PLOT} y1={SAVINGS_LANE.top - 4} y2={AXIS_Y + 4} />
        <line class="cl-timing__axis" x1={LEFT} x2={LEFT + PLOT} y1={AXIS_Y} y2={AXIS_Y} />

        {bands.map(({ signal, lane, left, width }, i) => (
          <rect
            key={`band-${i}`}
            class={`cl-timing__band cl-timing__band--${signal.kind}${signal.when === 'current' ? ' cl-timing__band--current' : ''}`}
            data-kind={signal.kind}
            data-from={signal.window.from}
            data-to={signal.window.to}
            x={left}
            y={lane.top}
            width={width}
            height={lane.height}
          >
            <title>{bandTitle(signal)}</title>
          </rect>
        ))}

        {savingsMarkers.map(({ item, index, cx }) => {
          const cy = SAVINGS_LANE.top + SAVINGS_LANE.height / 2;
          return (
            <polygon
              key={`saving-${index}`}
              class={`cl-timing__marker cl-timing__marker--${item.kind === 'investment' ? 'investment' : 'saving'}`}
              data-kind={item.kind}
              points={`${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}`}
            >
              <title>{savingsTitle(item)}</title>
            </polygon>
          );
        })}

        {contractMarkers.map(({ contract, index, end, cx }) => (
          <rect
            key={`contract-${index}`}
            class="cl-timing__marker cl-timing__marker--contract"
            data-end={end}
            x={round(cx - 2)}
            y={CONTRACTS_LANE.top - 2}
            width={4}
            height={CONTRACTS_LANE.height + 4}
          >
            <title>{`${contract.title ? `“${contract.title}”` : 'A contract'} ends ${formatLongDate(end)}`}</title>
          </rect>
        ))}

        <g class="cl-timing__today" data-date={timing.today}>
          <title>{`Today, ${formatLongDate(timing.today)}`}</title>
          <line x1={todayX} x2={todayX} y1={12} y2={AXIS_Y + 4} />
          <text x={todayX} y={9} text-anchor="middle">
            Today
          </text>
        </g>
      </svg>

      <figcaption class="cl-timing__caption">
        <ul class="cl-timing__legend" aria-label="Timeline key">
          {(Object.keys(BAND_LABELS) as BandKind[])
            .filter((kind) => shownKinds.has(kind))
            .map((kind) => (
              <li key={kind} class="cl-timing__key">
                <span class={`cl-timing__swatch cl-timing__swatch--${kind}`} aria-hidden="true" />
                {BAND_LABELS[kind]}
              </li>
            ))}
          {hasCurrent && (
            <li class="cl-timing__key">
              <span class={`cl-timing__swatch cl-timing__swatch--current cl-timing__swatch--${currentKind(bands)}`} aria-hidden="true" />
              Darker: the window today is in
            </li>
          )}
          {overlapping && (
            <li class="cl-timing__key">
              <span class="cl-timing__swatch cl-timing__swatch--stack" aria-hidden="true">
                <span class={`cl-timing__swatch cl-timing__swatch--${overlapping[0]}`} />
                <span class={`cl-timing__swatch cl-timing__swatch--${overlapping[1]}`} />
              </span>
              Darkest: windows overlap
            </li>
          )}
          {savingsMarkers.some((m) => m.item.kind !== 'investment') && (
            <li class="cl-timing__key">
              <span class="cl-timing__swatch cl-timing__swatch--saving" aria-hidden="true" />
              Savings item, on 1 April of its year
            </li>
          )}
          {savingsMarkers.some((m) => m.item.kind === 'investment') && (
            <li class="cl-timing__key">
              <span class="cl-timing__swatch cl-timing__swatch--saving cl-timing__swatch--investment" aria-hidden="true" />
              Investment (no window)
            </li>
          )}
          {contractMarkers.length > 0 && (
            <li class="cl-timing__key">
              <span class="cl-timing__swatch cl-timing__swatch--contract" aria-hidden="true" />
              Contract end
            </li>
          )}
          <li class="cl-timing__key">
            <span class="cl-timing__swatch cl-timing__swatch--today" aria-hidden="true" />
            Today, {formatLongDate(timing.today)}
          </li>
        </ul>
        {hiddenCount > 0 && (
          <p class="cl-timing__note">
            {hiddenCount === 1 ? '1 item falls' : `${hiddenCount} items fall`} outside these years; see the list below.
          </p>
        )}
      </figcaption>
    </figure>
  );
}

/** The kinds of the first two bands that overlap in a lane (drawn one over the other), or null. */
function overlapPair(bands: { signal: { kind: string }; lane: object; left: number; width: number }[]): [string, string] | null {
  for (const [i, a] of bands.entries()) {
    const b = bands.slice(i + 1).find((o) => o.lane === a.lane && a.left < o.left + o.width && o.left < a.left + a.width);
    if (b) return [a.signal.kind, b.signal.kind];
  }
  return null;
}

/** The kind of the band today is in, for the "darker" key's swatch. */
function currentKind(bands: { signal: { kind: string; when: string } }[]): string {
  return bands.find((b) => b.signal.when === 'current')?.signal.kind ?? 'redesign';
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function bandTitle(signal: Exclude<TimingSignal, { kind: 'investment' }>): string {
  const dates = `${formatLongDate(signal.window.from)} to ${formatLongDate(signal.window.to)}`;
  switch (signal.kind) {
    case 'redesign':
      return `Redesign year ${signal.window.financialYear ?? ''} before ${KIND_LABELS[signal.evidence.kind].toLowerCase()} planned for ${signal.evidence.financialYear}: ${dates}`;
    case 'bedding-down':
      return `Bedding down after ${KIND_LABELS[signal.evidence.kind].toLowerCase()} planned for ${signal.evidence.financialYear}: ${dates}`;
    case 'procurement':
      return `Procurement window for ${signal.evidence.title ? `“${signal.evidence.title}”` : 'a contract'}: ${dates}`;
    case 'tender':
      return `Tender imminent for ${signal.evidence.title ? `“${signal.evidence.title}”` : 'a contract'}: ${dates}`;
  }
}

function savingsTitle(item: TimingSavingsLine): string {
  const amount = typeof item.amount === 'number' ? ` of ${formatAmount(item.amount)}` : '';
  return `${KIND_LABELS[item.kind as keyof typeof KIND_LABELS] ?? 'Item'}${amount} in ${item.financialYear} (${item.status})`;
}

/** The timeline in words, for the SVG's <desc>. */
function summary(
  timing: TimingResult,
  shown: Exclude<TimingSignal, { kind: 'investment' }>[],
  savingsShown: number,
  contractsShown: number,
  hidden: number,
): string {
  const parts = [`Today, ${formatLongDate(timing.today)}, is in ${formatFinancialYear(financialYearStartOf(timing.today))}.`];
  const now = shown.filter((s) => s.when === 'current').map((s) => BAND_LABELS[s.kind].toLowerCase());
  if (now.length > 0) parts.push(`Today falls in: ${[...new Set(now)].join(', ')}.`);
  const ahead = shown.filter((s) => s.when === 'upcoming').length;
  if (ahead > 0) parts.push(`${ahead} ${ahead === 1 ? 'window opens' : 'windows open'} later.`);
  parts.push(`${savingsShown} savings ${savingsShown === 1 ? 'line' : 'lines'} and ${contractsShown} contract ${contractsShown === 1 ? 'end' : 'ends'} marked.`);
  if (hidden > 0) parts.push(`${hidden} outside these years.`);
  return parts.join(' ');
}
