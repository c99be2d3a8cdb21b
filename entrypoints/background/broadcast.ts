import { browser } from 'wxt/browser';
import type { SavingsChanged, SyncChanged, TabContextChanged, WorkspaceChanged } from '@/lib/protocol';

/** What the background announces to extension pages (side panel, popup, options). */
export type Broadcast = TabContextChanged | SyncChanged | SavingsChanged | WorkspaceChanged;

const BROADCAST_TYPES: ReadonlySet<unknown> = new Set<Broadcast['type']>(['tabContextChanged', 'syncChanged', 'savingsChanged', 'workspaceChanged']);

/** One of our own broadcasts, heard back by the background's message listener: not a request. */
export const isBroadcast = (message: unknown): boolean => BROADCAST_TYPES.has((message as { type?: unknown } | null)?.type);

/** Tells every open extension page; none may be open to hear it, and that is fine. */
export function broadcast(message: Broadcast): Promise<void> {
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}
