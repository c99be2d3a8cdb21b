import { AnnotationEditor } from '@/components/notice/annotation-editor';
import type { AnnotationTransport } from '@/hooks/use-annotation-draft';
import type { AnnotatedNotice } from '@/lib/workspace/annotation-draft';
import { annotationKey, MAX_TEXT_LENGTH } from '@/lib/workspace/annotation-fields';
import { NoticePanel } from '@/components/notice/notice-panel';
import type { SupplierLookup } from '@/components/suppliers/notice-references';
import { cardStyles } from '@/components/styles';
import { onRuntimeMessage } from '@/lib/extension/runtime-messages';
import type { WorkspaceChanged } from '@/lib/protocol';
import type { TabContext } from '@/lib/page-context';
import type { NoticeInsight } from '@/lib/ocds/summary';
import type { TenderNoticeFacts } from '@/lib/sites/types';
import type { NoticeSite } from '@/lib/workspace/schema';
import { ask } from '@/lib/extension/messaging';
import { readSettings, updateSettings } from '@/lib/extension/settings';
import { pinnedView } from '@/components/ui/pinned-view';

/** Narrower than this, the panel starts collapsed so it does not cover the notice. */
const NARROW_PX = 640;

export interface NoticeView {
  url: URL;
  site: NoticeSite;
  pageId: string;
  /** Null when the page could not be read. */
  facts: TenderNoticeFacts | null;
  context: TabContext | null;
  insight: NoticeInsight | null | { error: string };
  /** Award notices: the awarded suppliers' references, as they arrive. */
  references?: SupplierLookup[];
  moreSuppliers?: number;
}

const panel = pinnedView('cl-council-lens-notice', cardStyles);
let collapsed: boolean | null = null;
const remoteListeners = new Set<() => void>();

/** `workspaceChanged` from the background (any tab's save, an import): the editor reloads its record. */
function onWorkspaceChanged(message: WorkspaceChanged, key: string | null): void {
  if (message.kind === 'prospect') return;
  if (message.kind === 'all' || message.id === key) for (const listener of remoteListeners) listener();
}

export const hideNoticePanel = (): void => panel.hide();

/** The annotation key: the OCID when the page shows one, else `site:noticeId`. */
export function keyFor(view: Pick<NoticeView, 'site' | 'pageId' | 'facts'>): string {
  return annotationKey({ site: view.site, noticeId: view.pageId, ocid: view.facts?.ocid });
}

const transport: AnnotationTransport = {
  load: (key) => ask({ type: 'getAnnotation', key }),
  save: (edit) => ask({ type: 'editAnnotation', edit }),
  onRemoteChange(listener) {
    remoteListeners.add(listener);
    return () => remoteListeners.delete(listener);
  },
};

/** Renders (or updates) the panel for one notice page view. */
export async function showNoticePanel(view: NoticeView): Promise<void> {
  if (collapsed === null) {
    const settings = await readSettings();
    collapsed = settings.noticePanelCollapsed || window.innerWidth < NARROW_PX;
  }
  const facts = view.facts;
  const council = view.context?.status === 'council' ? (view.context.card?.code ?? null) : null;
  const insight = view.insight && !('error' in view.insight) ? view.insight : null;
  const notice: AnnotatedNotice = {
    key: keyFor(view),
    site: view.site,
    // Without the query (?origin=SearchResults…): one address per notice.
    noticeUrl: `${view.url.origin}${view.url.pathname}`,
    title: (facts?.title ?? document.title.trim()).slice(0, MAX_TEXT_LENGTH) || `Notice ${view.pageId}`,
    buyerName: (facts?.buyer?.name ?? 'Buyer not read').slice(0, MAX_TEXT_LENGTH),
    deadline: facts?.deadline ?? null,
    council,
    serviceGroup: insight?.serviceGroup ?? null,
  };
  const draw = () =>
    panel.show(
      <NoticePanel
        context={view.context}
        page={{ url: view.url.href, title: facts?.title ?? null, buyerName: facts?.buyer?.name ?? null, ocid: facts?.ocid ?? null }}
        references={view.references ?? []}
        moreSuppliers={view.moreSuppliers ?? 0}
        onAllReferences={openReferences}
        insight={view.insight}
        collapsed={collapsed ?? false}
        onToggle={(next) => {
          collapsed = next;
          void updateSettings({ noticePanelCollapsed: next });
          draw();
        }}
        editor={<AnnotationEditor key={notice.key} notice={notice} transport={transport} />}
      />,
      // Which council and notice the panel shows.
      { clStatus: view.context?.status ?? 'asking', clCouncil: view.context?.card?.code ?? '', clPage: view.pageId },
    );
  draw();
}

/**
 * "All references": a host page cannot link to an extension page (no web_accessible_resources),
 * so the background opens `popup.html?q=<name>` in a tab next to this one.
 */
function openReferences(name: string): void {
  void ask({ type: 'openReferences', query: name.slice(0, 200) }).catch(() => undefined);
}

/** Listens for workspace changes for as long as the content script runs; returns the remover. */
export function listenForWorkspaceChanges(currentKey: () => string | null): () => void {
  return onRuntimeMessage((message) => {
    if ((message as { type?: unknown } | null)?.type === 'workspaceChanged') onWorkspaceChanged(message as WorkspaceChanged, currentKey());
  });
}
