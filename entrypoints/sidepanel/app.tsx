import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TabPanel } from '@/components/panel/tab-panel';
import { ask } from '@/lib/extension/messaging';
import { TabContextChangedSchema, type TabContext } from '@/lib/protocol';

/**
 * Which tab the panel follows: `?tab=<id>` when opened as a page (tests, "open in tab"), else the
 * active tab of this window, following tab switches.
 */
function useFollowedTab(): number | null {
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fixed) && fixed > 0 ? fixed : null);
  useEffect(() => {
    if (Number.isInteger(fixed) && fixed > 0) return;
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

export function App() {
  const tabId = useFollowedTab();
  const [context, setContext] = useState<TabContext | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (tabId === null) return;
    setLoading(true);
    setError(null);
    try {
      setContext(await ask({ type: 'getTabContext', tabId }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [tabId]);

  useEffect(() => {
    void load();
    const onMessage = (message: unknown) => {
      const changed = TabContextChangedSchema.safeParse(message);
      if (changed.success && changed.data.tabId === tabId) {
        setContext(changed.data.context);
        setError(null);
        setLoading(false);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [load, tabId]);

  return (
    <div class="cl-root cl-app">
      <TabPanel context={context} loading={loading} error={error} onRetry={() => void load()} />
      <footer class="cl-app__footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings
        </a>
        <span>Everything stays in your browser.</span>
        <p>Council data: mySociety (CC BY 4.0); GOV.UK (OGL v3).</p>
      </footer>
    </div>
  );
}
