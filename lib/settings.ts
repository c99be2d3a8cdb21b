// zod/mini: settings are read in content scripts too, and full Zod would be most of their size
// (../shared/RECIPE-e2e.md).
import * as z from 'zod/mini';

/**
 * User settings, kept in `storage.local` under `settings`. Every field has a default so an
 * older or partly written value still parses: a setting the user never touched is never lost
 * to a schema change.
 */
export const SettingsSchema = z.object({
  /**
   * Show a compact card inside LinkedIn pages. Off by default: LinkedIn's user agreement forbids
   * overlaying its pages and it probes for injected elements, so the side panel is the default.
   */
  inPageCardOnLinkedIn: z._default(z.boolean(), false),
  /** Whether the in-page card starts collapsed (remembered when the user toggles it). */
  inPageCardCollapsed: z._default(z.boolean(), false),
  /** Whether the panel on Contracts Finder and Find a Tender notice pages starts collapsed (remembered on toggle). */
  noticePanelCollapsed: z._default(z.boolean(), false),
  /**
   * Show the council card on council websites. Off by default: it needs the optional host
   * permissions for every council site, which the options switch requests.
   */
  cardOnCouncilSites: z._default(z.boolean(), false),
  /** Whether the council-site badge starts collapsed (remembered on toggle, for every site). */
  councilSiteBadgeCollapsed: z._default(z.boolean(), true),
  /** Refresh the procurement cache from Contracts Finder and Find a Tender once a day. */
  dailyRefresh: z._default(z.boolean(), true),
  /**
   * Keep every buyer's notices, not only councils' (NHS, schools, central government…). Off by
   * default: the card is about councils, and all buyers take several times the space.
   */
  keepAllBuyers: z._default(z.boolean(), false),
  /**
   * History to keep, in months (issue 10): the backfill reads back this far, newest first, and the
   * retention pass removes notices older than this (except the user's annotated ones). Raising it
   * extends the backfill; lowering it trims on the next retention pass. Values: lib/sync/backfill.ts.
   */
  historyMonths: z._default(z.union([z.literal(6), z.literal(12), z.literal(24), z.literal(36)]), 12),
  /**
   * Refresh Scottish and Welsh councils' notices from Public Contracts Scotland and Sell2Wales
   * (issue 17). On by default (an older settings object without them reads as on); off stops that
   * portal's refresh and backfill, and its cached notices stay until retention or "Clear cached notices".
   */
  syncPublicContractsScotland: z._default(z.boolean(), true),
  syncSell2Wales: z._default(z.boolean(), true),
  /** The user paused the history backfill (the forward refresh goes on); kept across restarts. */
  historyPaused: z._default(z.boolean(), false),
  /** Browser notifications this many days before each bid deadline (the workspace's tenders). */
  /** Stored as given by older versions too, so read back unique and largest first (one reminder a day). */
  reminderDaysBefore: z._default(
    z.pipe(
      z.array(z.number().check(z.int(), z.minimum(0), z.maximum(90))).check(z.maxLength(10)),
      z.transform((days: number[]) => [...new Set(days)].sort((a, b) => b - a)),
    ),
    [3, 1],
  ),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads a stored value into settings; anything malformed falls back to defaults field by field. */
export function parseSettings(stored: unknown): Settings {
  const whole = SettingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  // Keep every field that is valid on its own rather than dropping the lot.
  const out: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [key, field] of Object.entries(SettingsSchema.shape)) {
      const r = field.safeParse((stored as Record<string, unknown>)[key]);
      if (r.success) out[key] = r.data;
    }
  }
  return SettingsSchema.parse(out);
}
