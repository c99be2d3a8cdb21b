import { z } from 'zod';
import { CouncilCodeSchema } from '@/lib/councils/schema';
import { SENIORITY_LEVELS, SERVICE_GROUP_IDS, type SeniorityId } from '@/lib/roles/groups';
import { normaliseSlug } from '@/lib/sites/linkedin-url';
import { normaliseTags } from './tags';
import { NOTICE_PORTAL_IDS } from '@/lib/ocds/portals';
import {
  ANNOTATION_STATUSES,
  annotationKey,
  CLOSED_STATUSES,
  MAX_NOTES_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TEXT_LENGTH,
  OWNER_PATTERN,
  type AnnotationStatus,
} from './annotation-fields';

export { normaliseTags };
// The field rules live Zod-free in ./annotation-fields (the notice panel's content script uses them).
export { ANNOTATION_STATUSES, annotationKey, CLOSED_STATUSES, MAX_NOTES_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, type AnnotationStatus };

/**
 * The bid writers' workspace (issue 6): annotations on tender notices and saved LinkedIn
 * prospects. Every editable field carries its last-write time in `fieldTimes`, so edits from two
 * tabs and imported files merge field by field (lib/workspace/merge.ts).
 */

/** The portals with notice pages (lib/ocds/portals.ts), where annotations are made. */
export const NOTICE_SITES = NOTICE_PORTAL_IDS;
export const NoticeSiteSchema = z.enum(NOTICE_SITES);
export type NoticeSite = z.infer<typeof NoticeSiteSchema>;

export const AnnotationStatusSchema = z.enum(ANNOTATION_STATUSES);

export const ServiceGroupIdSchema = z.enum(SERVICE_GROUP_IDS, { error: 'must be a service group id such as adult-social-care' });
const SENIORITY_IDS = SENIORITY_LEVELS.map((s) => s.id) as [SeniorityId, ...SeniorityId[]];
export const SeniorityIdSchema = z.enum(SENIORITY_IDS, { error: `must be one of ${SENIORITY_IDS.join(', ')}` });

/** OCDS id as both sites publish it (`ocds-b5fd17-<uuid>`, `ocds-h6vhtk-04a1b2`). */
const OCID = /^ocds-[a-z0-9]{6}-[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** A notice without an OCID: `<site>:<page id>`, e.g. `contracts-finder:<uuid>` or `find-a-tender:<id>`. */
const SITE_KEY = new RegExp(`^(?:${NOTICE_SITES.join('|')}):[A-Za-z0-9][A-Za-z0-9._/-]*$`);

/** Whether `value` is an annotation key: an OCID, or `site:noticeId` for a notice without one. */
export function isAnnotationKey(value: string): boolean {
  return value.length <= 200 && (OCID.test(value) || SITE_KEY.test(value));
}

export const AnnotationKeySchema = z
  .string()
  .refine(isAnnotationKey, { error: `must be an OCID (ocds-xxxxxx-...) or site:noticeId (${NOTICE_SITES.map((site) => `${site}:...`).join(' or ')})` });

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether `value` is YYYY-MM-DD or a local date and time YYYY-MM-DDTHH:MM (no zone: UK notices give UK time). */
export function isDeadline(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m || !isIsoDate(m[1]!)) return false;
  return m[2] === undefined || (Number(m[2]) < 24 && Number(m[3]) < 60);
}

export const IsoDateSchema = z.string().refine(isIsoDate, { error: 'must be a date written YYYY-MM-DD' });
export const DeadlineSchema = z.string().refine(isDeadline, { error: 'must be a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM' });
const TimestampSchema = z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-11-30T09:00:00.000Z' });

/**
 * Raw tag input is refused by its size before any clean-up: ten times the tags kept (a file or
 * a tab may repeat tags that de-duplicate away), and each entry no longer than the 20 longest tags
 * joined as the CSV export joins them.
 */
export const MAX_RAW_TAGS = MAX_TAGS * 10;
const MAX_RAW_TAG_TEXT = MAX_TAGS * (MAX_TAG_LENGTH + 2);

export const TagsSchema = z
  .array(z.string().max(MAX_RAW_TAG_TEXT, { error: `must be at most ${MAX_RAW_TAG_TEXT} characters in each entry` }))
  .max(MAX_RAW_TAGS, { error: `must be at most ${MAX_TAGS} tags (this list has more than ${MAX_RAW_TAGS} before repeats are removed)` })
  .transform(normaliseTags)
  .pipe(
    z
      .array(z.string().max(MAX_TAG_LENGTH, { error: `each tag must be at most ${MAX_TAG_LENGTH} characters` }))
      .max(MAX_TAGS, { error: `at most ${MAX_TAGS} tags` }),
  );

/** Owner initials, 1-4 letters; lower case is accepted and upper-cased. */
export const OwnerSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(OWNER_PATTERN, { error: 'must be 1 to 4 letters (initials)' });

const TextSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` });
const NotesSchema = z.string().max(MAX_NOTES_LENGTH, { error: `must be at most ${MAX_NOTES_LENGTH} characters` });
const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' });
const EpochMsSchema = z.number().int().nonnegative();

/** Editable annotation fields, in export column order; `fieldTimes` has a time for each one written. */
export const ANNOTATION_FIELDS = [
  'site',
  'noticeUrl',
  'title',
  'buyerName',
  'council',
  'serviceGroup',
  'status',
  'owner',
  'bidDeadline',
  'noticeDeadline',
  'tags',
  'notes',
] as const;
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];
export const AnnotationFieldTimesSchema = z.partialRecord(z.enum(ANNOTATION_FIELDS), EpochMsSchema);
export type AnnotationFieldTimes = z.infer<typeof AnnotationFieldTimesSchema>;

const annotationFieldShape = {
  site: NoticeSiteSchema,
  noticeUrl: HttpUrlSchema,
  title: TextSchema,
  buyerName: TextSchema,
  /** Register code when the buyer is a council. */
  council: CouncilCodeSchema.optional(),
  serviceGroup: ServiceGroupIdSchema.optional(),
  status: AnnotationStatusSchema,
  owner: OwnerSchema.optional(),
  /** The user's own deadline; defaults to the notice's. */
  bidDeadline: DeadlineSchema.optional(),
  /** The deadline the notice states. */
  noticeDeadline: DeadlineSchema.optional(),
  tags: TagsSchema,
  notes: NotesSchema,
};

export const AnnotationSchema = z.strictObject({
  key: AnnotationKeySchema,
  ...annotationFieldShape,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  fieldTimes: AnnotationFieldTimesSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** Editable prospect fields, in export column order. */
export const PROSPECT_FIELDS = ['name', 'title', 'council', 'councilName', 'serviceGroup', 'seniority', 'profileUrl', 'followUp', 'notes'] as const;
export type ProspectField = (typeof PROSPECT_FIELDS)[number];
export const ProspectFieldTimesSchema = z.partialRecord(z.enum(PROSPECT_FIELDS), EpochMsSchema);
export type ProspectFieldTimes = z.infer<typeof ProspectFieldTimesSchema>;

/**
 * A LinkedIn profile URL as `https://www.linkedin.com/in/<slug>/`: any linkedin.com host, http or
 * https, query, hash and sub-pages dropped, the slug decoded and lower-cased as the adapter does
 * (lib/sites/linkedin-url.ts) and percent-encoded again. Null when it is not a profile URL.
 */
export function normaliseProfileUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname !== 'linkedin.com' && !url.hostname.endsWith('.linkedin.com')) return null;
  const [prefix, raw] = url.pathname.split('/').filter((s) => s.length > 0);
  if (prefix !== 'in' || !raw) return null;
  const slug = normaliseSlug(raw);
  return slug ? `https://www.linkedin.com/in/${encodeURIComponent(slug)}/` : null;
}

/** Longest profile address read: LinkedIn's own are under 200 characters. */
const MAX_PROFILE_URL_LENGTH = 2048;

export const ProfileUrlSchema = z.string().max(MAX_PROFILE_URL_LENGTH, { error: `must be at most ${MAX_PROFILE_URL_LENGTH} characters` }).transform((value, ctx) => {
  const url = normaliseProfileUrl(value);
  if (url === null) {
    ctx.issues.push({ code: 'custom', message: 'must be a LinkedIn profile address, https://www.linkedin.com/in/<name>/', input: value });
    return z.NEVER;
  }
  return url;
});

/** A prospect's id: one per profile, so saving the same person again edits the saved record. */
export function prospectId(profileUrl: string): string | null {
  const url = normaliseProfileUrl(profileUrl);
  return url ? `linkedin:${url.slice('https://www.linkedin.com/in/'.length, -1)}` : null;
}

const prospectFieldShape = {
  /** As shown on the profile. */
  name: TextSchema,
  title: z.string().trim().max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` }),
  council: CouncilCodeSchema.optional(),
  councilName: z.string().trim().max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` }),
  serviceGroup: ServiceGroupIdSchema.optional(),
  seniority: SeniorityIdSchema.optional(),
  profileUrl: ProfileUrlSchema,
  followUp: IsoDateSchema.optional(),
  notes: NotesSchema,
};

/**
 * A saved prospect. Its id is the one {@link prospectId} gives its profile address: saving the
 * same person again must find this record, so a file whose id names someone else is refused.
 */
export const ProspectSchema = z
  .strictObject({
    id: z.string().min(1).max(300),
    ...prospectFieldShape,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    fieldTimes: ProspectFieldTimesSchema,
  })
  .check((ctx) => {
    const expected = prospectId(ctx.value.profileUrl);
    if (ctx.value.id !== expected) {
      ctx.issues.push({ code: 'custom', path: ['id'], message: `must be ${expected}, the id of its profileUrl`, input: ctx.value.id });
    }
  });
export type Prospect = z.infer<typeof ProspectSchema>;

/**
 * What an edit may carry: any editable field; `null` clears an optional field (JSON has no
 * `undefined`, and messages travel as JSON).
 */
export const AnnotationPatchSchema = z.strictObject({
  site: annotationFieldShape.site.optional(),
  noticeUrl: annotationFieldShape.noticeUrl.optional(),
  title: annotationFieldShape.title.optional(),
  buyerName: annotationFieldShape.buyerName.optional(),
  council: CouncilCodeSchema.nullish(),
  serviceGroup: ServiceGroupIdSchema.nullish(),
  status: annotationFieldShape.status.optional(),
  owner: OwnerSchema.nullish(),
  bidDeadline: DeadlineSchema.nullish(),
  noticeDeadline: DeadlineSchema.nullish(),
  tags: TagsSchema.optional(),
  notes: NotesSchema.optional(),
});
export type AnnotationPatch = z.input<typeof AnnotationPatchSchema>;

export const ProspectPatchSchema = z.strictObject({
  name: prospectFieldShape.name.optional(),
  title: prospectFieldShape.title.optional(),
  council: CouncilCodeSchema.nullish(),
  councilName: prospectFieldShape.councilName.optional(),
  serviceGroup: ServiceGroupIdSchema.nullish(),
  seniority: SeniorityIdSchema.nullish(),
  profileUrl: ProfileUrlSchema.optional(),
  followUp: IsoDateSchema.nullish(),
  notes: NotesSchema.optional(),
});
export type ProspectPatch = z.input<typeof ProspectPatchSchema>;

/** One autosave from a tab; `baseTimes` are the field times the tab last loaded, for conflict reports. */
export const AnnotationEditSchema = z.strictObject({
  key: AnnotationKeySchema,
  fields: AnnotationPatchSchema,
  at: EpochMsSchema,
  baseTimes: AnnotationFieldTimesSchema.optional(),
});
export type AnnotationEdit = z.input<typeof AnnotationEditSchema>;

export const ProspectEditSchema = z.strictObject({
  id: z.string().min(1).max(300),
  fields: ProspectPatchSchema,
  at: EpochMsSchema,
  baseTimes: ProspectFieldTimesSchema.optional(),
});
export type ProspectEdit = z.input<typeof ProspectEditSchema>;

export const DEFAULT_REMINDER_DAYS = [3, 1];

/** Days before a bid deadline to notify (options page): whole days 0-90, unique, largest first. */
export const ReminderSettingsSchema = z.object({
  daysBefore: z
    .array(z.number().int().min(0).max(90, { error: 'at most 90 days before' }))
    .max(10)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a))
    .default(DEFAULT_REMINDER_DAYS),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

/** Both kinds of record, as the workspace page, export and import see them. */
export interface Workspace {
  annotations: Annotation[];
  prospects: Prospect[];
}
