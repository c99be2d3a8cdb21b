import { portalStorageEstimate } from '@/lib/sync/backfill';
import { SYNC_SOURCE_LABELS, type SyncStatus } from '@/lib/sync/status';
import { formatBytes } from './cache-space';

export type PortalSetting = 'syncPublicContractsScotland' | 'syncSell2Wales';

const PORTALS = [
  { source: 'public-contracts-scotland', setting: 'syncPublicContractsScotland', councils: '32 Scottish councils' },
  { source: 'sell2wales', setting: 'syncSell2Wales', councils: '22 Welsh councils' },
] as const;

export interface PortalSwitchesProps {
  /** The sync status (each portal's cached notices), or null while on its way. */
  status: SyncStatus | null;
  enabled: Record<PortalSetting, boolean>;
  historyMonths: number;
  /** Settings not read yet: the switches wait. */
  settingsReady: boolean;
  onChange(patch: Partial<Record<PortalSetting, boolean>>): void;
}

/**
 * The options page's switch per devolved portal (issue 17): on by default; off stops that portal's
 * refresh and history, and says what happens to what is cached. Beside each, its storage: its
 * cached notices × 650 bytes, or before any is cached a year of its council notices estimated
 * from the portal's published volume (lib/sync/backfill.ts PORTAL_VOLUME).
 */
export function PortalSwitches(props: PortalSwitchesProps) {
  return (
    <fieldset class="cl-portals">
      <legend>Scotland and Wales</legend>
      {PORTALS.map(({ source, setting, councils }) => {
        const cached = props.status?.sources.find((s) => s.source === source)?.cached;
        const estimate = portalStorageEstimate(source, cached, props.historyMonths);
        const size =
          estimate.basis === 'cached'
            ? `${formatBytes(estimate.bytes)} now (${cached!.toLocaleString('en-GB')} notices cached)`
            : `about ${formatBytes(estimate.bytes)} for ${props.historyMonths} months of history (estimated from the portal's yearly volume)`;
        const on = props.enabled[setting];
        return (
          <div key={source} class="cl-portal">
            <label class="cl-switch">
              <input type="checkbox" checked={on} disabled={!props.settingsReady} onChange={(e) => props.onChange({ [setting]: e.currentTarget.checked })} />
              <span>
                Read {SYNC_SOURCE_LABELS[source]} ({councils})
              </span>
            </label>
            <p class="cl-hint" data-portal={source}>
              Storage: {size}.{' '}
              {on
                ? 'Refreshed with the others, one request every 5 seconds.'
                : 'Off: not refreshed. Its cached notices stay until they expire or you clear cached notices.'}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
