import { z } from 'zod';

/** The person a LinkedIn profile shows, as the adapter read them; any part may be missing. */
export const PersonSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  employer: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

/** What a job title says: service group, seniority and whether this is the budget holder to approach. */
export const RoleSchema = z.object({
  title: z.string(),
  serviceGroup: z.object({ id: z.string(), label: z.string() }).nullable(),
  seniority: z.object({ id: z.string(), label: z.string() }).nullable(),
  isServiceLead: z.boolean(),
  /** One plain sentence, e.g. "Likely budget holder for Adult social care". */
  guidance: z.string(),
});
export type Role = z.infer<typeof RoleSchema>;
