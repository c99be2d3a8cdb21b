import { adapterFor } from '@/lib/sites/adapters';
import { resolvePageContext, type TabContext } from '@/lib/page-context';
import type { Role } from '@/lib/roles/role';
import type { LookupCouncilSchema } from '@/lib/protocol';
import type { z } from 'zod';
import { describeRole } from '@/lib/roles/classify-role';
import type { Knowledge } from '../knowledge';
import { noteLayoutRead } from '../layout-health';
import type { HandlerContext } from './context';

export interface LookupDeps {
  knowledge: Knowledge;
  classifyTitle?: (title: string) => Role | null;
  now: number;
}

/**
 * What a tab's page says about councils. The page kind comes from the URL (the background's own
 * adapter list), not from the content script's claim, and facts that do not belong to the URL's
 * page are dropped: a stale read from the previous SPA page must never reach the card.
 */
export function lookupCouncil(request: z.infer<typeof LookupCouncilSchema>, tabId: number, deps: LookupDeps): TabContext {
  const url = new URL(request.url);
  const adapter = adapterFor(url);
  let facts = request.facts;
  if (facts && (!adapter || adapter.id !== facts.kind || adapter.pageIdFromUrl(url) !== facts.pageId)) facts = null;
  const context = resolvePageContext(facts, adapter?.id ?? null, {
    register: deps.knowledge.register,
    services: deps.knowledge.services,
    resolver: deps.knowledge.resolver,
    classifyTitle: deps.classifyTitle,
  });
  if (request.reading && adapter) context.status = 'reading';
  return { ...context, pageId: context.pageId ?? adapter?.pageIdFromUrl(url) ?? null, tabId, url: request.url, updatedAt: deps.now };
}

function unreadableContext(tabId: number, url: string, now: number): TabContext {
  return { tabId, url, pageId: null, pageKind: null, status: 'unreadable', person: null, role: null, match: null, card: null, procurement: null, previously: [], updatedAt: now };
}

/**
 * A content script's page view, for its own tab: the context is worked out, given the council's
 * open tenders and contracts ending, and published (side panel, badge). One at a time per tab.
 */
export function lookupCouncilForTab(request: z.infer<typeof LookupCouncilSchema>, tabId: number, context: HandlerContext): Promise<TabContext> {
  return context.queued(tabId, async () => {
    const now = context.now();
    let known: Knowledge;
    try {
      known = await context.getKnowledge();
    } catch (error) {
      // The register could not be read: say so for this tab rather than leave the side panel
      // on "Reading this page" (or, worse, the previous page's council).
      await context.publish(unreadableContext(tabId, request.url, now), tabId);
      throw error;
    }
    const tab = lookupCouncil(request, tabId, {
      knowledge: known,
      classifyTitle: (title) => (title.trim() ? describeRole(title.trim()) : null),
      now,
    });
    void noteLayoutRead(request.url, request.facts, now);
    // The card never waits on, or fails with, the notices cache: without it the card shows no
    // procurement sections, rather than the tab staying on "Reading this page".
    if (tab.card) tab.procurement = await context.procurementFor(tab.card.code, tab, now).catch(() => null);
    await context.publish(tab, tabId);
    return tab;
  });
}
