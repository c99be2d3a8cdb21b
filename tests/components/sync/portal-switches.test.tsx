import { describe, expect, test, vi } from 'vitest';
import { PortalSwitches, type PortalSwitchesProps } from '@/components/sync/portal-switches';
import type { SyncStatus } from '@/lib/sync/status';
import { mount } from '../../support/dom';

const status = (pcs: number, s2w: number): SyncStatus => ({
  running: false,
  lastRun: null,
  sources: [
    { source: 'contracts-finder', page: 0, totals: { pages: 0, releases: 0, notices: 0 } },
    { source: 'find-a-tender', page: 0, totals: { pages: 0, releases: 0, notices: 0 } },
    { source: 'public-contracts-scotland', page: 0, totals: { pages: 0, releases: 0, notices: 0 }, cached: pcs },
    { source: 'sell2wales', page: 0, totals: { pages: 0, releases: 0, notices: 0 }, cached: s2w },
  ],
  lastSuccessAt: null,
  retentionRules: [],
});

function props(over: Partial<PortalSwitchesProps> = {}): PortalSwitchesProps {
  return {
    status: status(0, 0),
    enabled: { syncPublicContractsScotland: true, syncSell2Wales: true },
    historyMonths: 12,
    settingsReady: true,
    onChange: vi.fn(),
    ...over,
  };
}

const hint = (root: HTMLElement, portal: string) => root.querySelector(`[data-portal="${portal}"]`)!.textContent ?? '';

describe('PortalSwitches', () => {
  test('both on by default; before any notice is cached, a nominal year (notices a year × council share × 650 bytes)', () => {
    const root = mount(<PortalSwitches {...props()} />);
    const boxes = [...root.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    // 10,000 × 0.34 × 650 B = 2.2 MB; 4,000 × 0.38 × 650 B = 988 kB.
    expect(hint(root, 'public-contracts-scotland')).toContain('about 2.2 MB for 12 months of history');
    expect(hint(root, 'sell2wales')).toContain('about 988 kB for 12 months of history');
  });

  test('once cached: the notices in the cache × 650 bytes; three years of history triple the nominal estimate', () => {
    const root = mount(<PortalSwitches {...props({ status: status(1_200, 0), historyMonths: 36 })} />);
    expect(hint(root, 'public-contracts-scotland')).toContain('780 kB now (1,200 notices cached)');
    expect(hint(root, 'sell2wales')).toContain('about 3.0 MB for 36 months of history');
  });

  test('turning a portal off saves that setting alone and says what happens to its cached notices', () => {
    const onChange = vi.fn();
    const root = mount(<PortalSwitches {...props({ onChange, enabled: { syncPublicContractsScotland: true, syncSell2Wales: false } })} />);
    expect(hint(root, 'sell2wales')).toContain('Off: not refreshed. Its cached notices stay until they expire or you clear cached notices.');
    expect(hint(root, 'public-contracts-scotland')).toContain('one request every 5 seconds');
    const pcs = root.querySelectorAll('input[type=checkbox]')[0] as HTMLInputElement;
    pcs.click();
    expect(onChange).toHaveBeenCalledWith({ syncPublicContractsScotland: false });
  });
});
