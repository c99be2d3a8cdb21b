import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SavingsForm, type SavingsFormProps } from '@/components/savings/savings-form';
import { councilText, valuesFromCapture, valuesFromItem, type CouncilOption } from '@/components/savings/form-values';
import { EmptyState } from '@/components/ui/empty-state';
import { ask } from '@/lib/extension/messaging';
import { findServiceGroup } from '@/lib/savings/values';
import { errorText } from '@/components/format';

type Mode = { kind: 'new'; council?: string; group?: string } | { kind: 'draft'; draftId: string } | { kind: 'edit'; id: string };

/** How the page was opened: the card's button, the context menu's capture, or an edit. */
function modeFrom(search: string): Mode {
  const params = new URLSearchParams(search);
  const draftId = params.get('draft');
  if (draftId) return { kind: 'draft', draftId };
  const id = params.get('edit');
  if (id) return { kind: 'edit', id };
  const mode: Mode = { kind: 'new' };
  const council = params.get('council');
  const group = params.get('group');
  if (council) mode.council = council;
  if (group) mode.group = group;
  return mode;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; title: string; detail: string }
  | { state: 'ready'; title: string; form: Omit<SavingsFormProps, 'onSave'> };

async function load(mode: Mode): Promise<Loaded> {
  const councils: CouncilOption[] = (await ask({ type: 'listCouncils' })).map(({ code, name }) => ({ code, name }));
  if (mode.kind === 'draft') {
    const prefill = await ask({ type: 'getSavingsDraft', draftId: mode.draftId });
    if (!prefill) {
      return { state: 'error', title: 'This capture has expired', detail: 'Captures are kept until the browser closes. Select the text again and choose "Add to savings programme".' };
    }
    const start = valuesFromCapture(prefill, councils);
    const captured: { url?: string; title?: string } = {};
    if (prefill.sourceUrl) captured.url = prefill.sourceUrl;
    if (prefill.sourceTitle) captured.title = prefill.sourceTitle;
    return {
      state: 'ready',
      title: 'Check the captured savings item',
      form: { councils, initial: start.values, unconfirmed: start.unconfirmed, candidates: start.candidates, captured, addedBy: 'capture' },
    };
  }
  if (mode.kind === 'edit') {
    const item = (await ask({ type: 'listSavings' })).find((i) => i.id === mode.id);
    if (!item) return { state: 'error', title: 'This savings item no longer exists', detail: 'It may have been deleted in another window. The options page lists every item you have recorded.' };
    return { state: 'ready', title: 'Edit savings item', form: { councils, initial: valuesFromItem(item, councils), id: item.id } };
  }
  const group = mode.group ? findServiceGroup(mode.group) : null;
  return {
    state: 'ready',
    title: 'Add a savings item',
    form: { councils, initial: { council: councilText(mode.council, councils), serviceGroup: group ?? '' } },
  };
}

/** Closes this tab (opened by the card, the context menu or the options page). */
async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    load(modeFrom(location.search)).then(setLoaded, (e: unknown) =>
      setLoaded({ state: 'error', title: "Couldn't open the savings form", detail: errorText(e) }),
    );
  }, []);

  return (
    <main class="cl-root cl-savings-page">
      {loaded.state === 'loading' ? (
        <>
          <h1>Savings programme item</h1>
          <p role="status">Loading…</p>
        </>
      ) : loaded.state === 'error' ? (
        <EmptyState title={loaded.title} headingLevel={1} tone="error">
          <p role="alert">{loaded.detail}</p>
          <p>
            <a href="/savings.html">Add a new savings item</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <h1>{loaded.title}</h1>
          <p class="cl-savings-page__intro">
            One line of a council's savings programme, from its budget papers. The card's Timing section uses it: the year
            before a saving bites is when the service is redesigned.
          </p>
          <SavingsForm
            {...loaded.form}
            onSave={(item) => ask({ type: 'saveSavingsItem', item })}
            onCancel={() => void closeTab()}
            addAnotherHref={(d) => `/savings.html?council=${encodeURIComponent(d.council)}&group=${encodeURIComponent(d.serviceGroup)}`}
          />
        </>
      )}
    </main>
  );
}
