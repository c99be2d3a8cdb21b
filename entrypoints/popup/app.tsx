import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupSource } from '@/components/popup/popup-view';
import { TabCouncils, type TabCouncilsState } from '@/components/popup/tab-councils';
import { BrandMark } from '@/components/ui/brand-mark';
import { ask } from '@/lib/extension/messaging';

const source: PopupSource = {
  search: (query) => ask({ type: 'search', query }),
  councilCard: (code) => ask({ type: 'getCouncilCard', code }),
  references: (key) => ask({ type: 'supplierReferences', key }),
};

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

/**
 * The active tab's council: from its context when Council Lens read the page, else from the site's
 * domain (a council website). The URL is readable because the toolbar click grants activeTab.
 */
async function readTabCouncils(tab: { id?: number; url?: string } | undefined): Promise<TabCouncilsState> {
  if (tab?.id === undefined) return { status: 'none' };
  const context = await ask({ type: 'getTabContext', tabId: tab.id }).catch(() => null);
  if (context?.status === 'council' && context.card) return { status: 'ready', source: 'page', cards: [context.card], match: context.match };
  if (!tab.url || !/^https?:/.test(tab.url)) return { status: 'none' };
  const cards = await ask({ type: 'getSiteCouncils', url: tab.url }).catch(() => []);
  return cards.length > 0 ? { status: 'ready', source: 'site', cards } : { status: 'none' };
}

/** The toolbar popup; `popup.html?q=<text>` opens the same view as a page with that search. */
export function App() {
  const params = new URLSearchParams(location.search);
  const query = params.get('q') ?? '';
  // Opened as a page (context menu, "All references"): the active tab is this page itself.
  const asPage = params.has('q');
  // `?tab=<id>`: the context of that tab instead of the active one (real-browser tests).
  const fixedTab = Number(params.get('tab'));
  const [tab, setTab] = useState<TabCouncilsState>({ status: asPage ? 'none' : 'loading' });
  const [windowId, setWindowId] = useState<number | undefined>(undefined);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      setWindowId(active?.windowId);
      const followed = Number.isInteger(fixedTab) && fixedTab > 0 ? await browser.tabs.get(fixedTab).catch(() => undefined) : active;
      if (!asPage) setTab(await readTabCouncils(followed));
    });
  }, []);

  // Called straight from the click: both APIs need the user gesture, so nothing is awaited first.
  const openSidePanel = () => {
    const opening = chromeSidePanel && windowId !== undefined ? chromeSidePanel.open({ windowId }) : firefoxSidebar?.open();
    if (!asPage) void opening?.then(() => window.close()).catch(() => undefined);
  };

  return (
    <div class={`cl-root cl-popup-app${asPage ? ' cl-popup-app--page' : ''}`}>
      <header class="cl-popup-app__bar">
        <BrandMark />
        <h1 class="cl-popup-app__brand">Council Lens</h1>
        {(chromeSidePanel || firefoxSidebar) && (
          <button type="button" class="cl-button cl-button--secondary cl-button--small" onClick={openSidePanel}>
            Open side panel
          </button>
        )}
      </header>
      <main class="cl-popup-app__main">
        <PopupView source={source} initialQuery={query} context={<TabCouncils state={tab} />} />
      </main>
      <footer class="cl-popup-app__footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings
        </a>
        <a href={browser.runtime.getURL('/workspace.html')} target="_blank" rel="noopener">
          Workspace
        </a>
        <span>Searches the local cache: works offline.</span>
      </footer>
    </div>
  );
}
