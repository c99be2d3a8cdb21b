import { z } from 'zod';
import { TabContextSchema } from '@/lib/page-context';

/** Background → extension pages broadcast when a tab's context changes. */
export const TabContextChangedSchema = z.object({
  type: z.literal('tabContextChanged'),
  tabId: z.number().int(),
  context: TabContextSchema.nullable(),
});
export type TabContextChanged = z.infer<typeof TabContextChangedSchema>;

/** Background → extension pages broadcast while a sync runs and when it ends: read getSyncStatus again. */
export const SyncChangedSchema = z.object({ type: z.literal('syncChanged') });
export type SyncChanged = z.infer<typeof SyncChangedSchema>;

/** Background → extension pages broadcast when savings items were added, changed or removed. */
export const SavingsChangedSchema = z.object({ type: z.literal('savingsChanged') });
export type SavingsChanged = z.infer<typeof SavingsChangedSchema>;

/** Background → extension pages and notice tabs: an annotation or prospect changed (another tab, an import). */
export const WorkspaceChangedSchema = z.object({
  type: z.literal('workspaceChanged'),
  kind: z.enum(['annotation', 'prospect', 'all']),
  id: z.string().nullable(),
});
export type WorkspaceChanged = z.infer<typeof WorkspaceChangedSchema>;
