import { adapterFor } from '@/lib/sites';
import { resolvePageContext, type TabContext } from '@/lib/page-context';
import type { Role } from '@/lib/roles/role';
import type { LookupCouncilSchema } from '@/lib/protocol';
import type { z } from 'zod';
import type { Knowledge } from '../knowledge';

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
