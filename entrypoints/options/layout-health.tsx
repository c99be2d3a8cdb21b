import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LayoutHealth } from '@/components/layout-health/layout-health';
import { LAYOUT_HEALTH_KEY, parseLayoutHealth, summariseLayoutHealth, type LayoutSummaryRow } from '@/lib/sites/layout-health';

/** The layout-health section, kept up to date while the options page is open. */
export function LayoutHealthSection() {
  const [rows, setRows] = useState<LayoutSummaryRow[] | null>(null);
  useEffect(() => {
    const show = (value: unknown) => setRows(summariseLayoutHealth(parseLayoutHealth(value)));
    void browser.storage.local.get(LAYOUT_HEALTH_KEY).then((stored) => show(stored[LAYOUT_HEALTH_KEY]), () => setRows([]));
    const changed = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LAYOUT_HEALTH_KEY in changes) show(changes[LAYOUT_HEALTH_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  return <LayoutHealth rows={rows} />;
}
