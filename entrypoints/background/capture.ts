import { browser } from 'wxt/browser';
import { parseCapture, type CapturePrefill } from '@/lib/savings/capture';
import type { Knowledge } from './knowledge';
import { DRAFT_PREFIX } from './session-keys';

/** The context-menu item on selected text. */
export const CAPTURE_MENU_ID = 'council-lens-add-savings';
/** The context-menu item that looks the selected text up as a supplier. */
export const REFERENCES_MENU_ID = 'council-lens-supplier-references';
/** Drafts are kept for the browser session only; an abandoned one goes with it. */
const MAX_DRAFTS = 20;

/**
 * "Add to savings programme" on selected text on any page: the background reads the selection's
 * council (page domain or a council named in it), amount, year, kind and service, keeps the guess
 * as a draft in session storage, and opens the savings form on it for the person to confirm.
 * Nothing is saved until they do. The page itself is never touched: the menu gives the selection.
 */
export function registerCapture(knowledge: () => Promise<Knowledge>): void {
  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(() => {
    void menus.removeAll().then(() => {
      menus.create({ id: CAPTURE_MENU_ID, title: 'Add to savings programme', contexts: ['selection'] });
      menus.create({ id: REFERENCES_MENU_ID, title: 'Check supplier references', contexts: ['selection'] });
    });
  });
  const onClicked = (info: CaptureClick, tab?: CaptureTab): Promise<void> => {
    if (info.menuItemId === REFERENCES_MENU_ID) {
      return openReferencesTab(info.selectionText ?? '', tab).catch((error: unknown) => console.error('Council Lens references:', error));
    }
    if (info.menuItemId !== CAPTURE_MENU_ID) return Promise.resolve();
    return (async () => {
      const known = await knowledge();
      const input: { selection: string; pageUrl?: string; pageTitle?: string } = { selection: info.selectionText ?? '' };
      const pageUrl = info.pageUrl ?? tab?.url;
      if (pageUrl) input.pageUrl = pageUrl;
      if (tab?.title) input.pageTitle = tab.title;
      const prefill = parseCapture(input, { register: known.register, resolver: known.resolver });
      const draftId = await saveDraft(prefill);
      await openNextTo(`/savings.html?draft=${encodeURIComponent(draftId)}`, tab);
    })().catch((error: unknown) => console.error('Council Lens capture:', error));
  };
  menus.onClicked.addListener((info, tab) => void onClicked(info, tab));
  // Real-browser tests cannot click a native context menu: they call the same handler with what
  // the menu would pass (tests/e2e/savings.test.ts). It only opens the form; nothing is saved.
  (globalThis as { councilLensCaptureForTests?: typeof onClicked }).councilLensCaptureForTests = onClicked;
}

/**
 * The references view as a page, `popup.html?q=<text>`, in a new tab next to `tab`: it searches
 * the text and opens the supplier's references when exactly one supplier matches.
 */
export async function openReferencesTab(text: string, tab?: CaptureTab): Promise<void> {
  const query = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  await openNextTo(`/popup.html?q=${encodeURIComponent(query)}`, tab);
}

/** One of our pages (`/savings.html?…`, `/popup.html?…`) in a new tab, next to `tab` when known. */
async function openNextTo(page: `/savings.html?${string}` | `/popup.html?${string}`, tab?: CaptureTab): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(page), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
}

/** What the menu passes on a click, as far as capture reads it. */
interface CaptureClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}
interface CaptureTab {
  index?: number;
  url?: string;
  title?: string;
}

async function saveDraft(prefill: CapturePrefill): Promise<string> {
  const id = crypto.randomUUID();
  const all = await browser.storage.session.get(null);
  const old = Object.keys(all)
    .filter((key) => key.startsWith(DRAFT_PREFIX))
    .sort((a, b) => ((all[a] as { at: number }).at ?? 0) - ((all[b] as { at: number }).at ?? 0));
  if (old.length >= MAX_DRAFTS) await browser.storage.session.remove(old.slice(0, old.length - MAX_DRAFTS + 1));
  await browser.storage.session.set({ [`${DRAFT_PREFIX}${id}`]: { at: Date.now(), prefill } });
  return id;
}

export async function readDraft(draftId: string): Promise<CapturePrefill | null> {
  const key = `${DRAFT_PREFIX}${draftId}`;
  const stored = (await browser.storage.session.get(key))[key] as { prefill?: CapturePrefill } | undefined;
  return stored?.prefill ?? null;
}
