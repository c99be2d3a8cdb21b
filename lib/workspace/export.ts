import { csvField } from '@/lib/csv';
import { SavingsItemSchema, type SavingsItem } from '@/lib/savings/schema';
import { effectiveDeadline } from './reminders';
import {
  ANNOTATION_FIELDS,
  CLOSED_STATUSES,
  PROSPECT_FIELDS,
  type Annotation,
  type Prospect,
  type ReminderSettings,
  type Workspace,
} from './schema';

/** An export as the background hands it to the page: the file's text, name and MIME type. */
export interface WorkspaceExport {
  text: string;
  filename: string;
  mime: string;
}

/** The `format` of a workspace JSON file, checked on import. */
export const WORKSPACE_FORMAT = 'council-lens-workspace';
/**
 * 2 (2026-11-30): the file also holds the savings programme items, so "Export all" before "Delete
 * all my data" keeps everything that deletes. Version 1 files (no savings) still import.
 */
export const WORKSPACE_VERSION = 2;
/** The versions {@link parseWorkspaceJson} reads. */
export const WORKSPACE_VERSIONS_READ: readonly number[] = [1, 2];

/** A savings item's fields in schema order: the key order of its JSON. */
const SAVINGS_FIELDS = Object.keys(SavingsItemSchema.shape) as (keyof SavingsItem)[];

export const ANNOTATION_COLUMNS = [
  'key',
  'site',
  'notice_url',
  'title',
  'buyer_name',
  'council',
  'service_group',
  'status',
  'owner',
  'bid_deadline',
  'notice_deadline',
  'tags',
  'notes',
  'created_at',
  'updated_at',
] as const;

export const PROSPECT_COLUMNS = [
  'id',
  'name',
  'title',
  'council',
  'council_name',
  'service_group',
  'seniority',
  'profile_url',
  'follow_up',
  'notes',
  'created_at',
  'updated_at',
] as const;

const byString = <T>(keyOf: (r: T) => string) => (a: T, b: T): number => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** UTF-8 BOM so Excel reads the file as UTF-8 (without it, "£" and accents come out garbled). */
function csvFile(header: readonly string[], rows: string[][]): string {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * Annotations as CSV that opens cleanly in Excel: BOM, CRLF, {@link ANNOTATION_COLUMNS} in that
 * order, ISO dates, tags joined with "; ", formula-like fields guarded with an apostrophe
 * (lib/savings/csv.ts). Rows in the order given.
 */
export function annotationsToCsv(annotations: readonly Annotation[]): string {
  return csvFile(
    ANNOTATION_COLUMNS,
    annotations.map((a) => [
      a.key,
      a.site,
      a.noticeUrl,
      a.title,
      a.buyerName,
      a.council ?? '',
      a.serviceGroup ?? '',
      a.status,
      a.owner ?? '',
      a.bidDeadline ?? '',
      a.noticeDeadline ?? '',
      a.tags.join('; '),
      a.notes,
      a.createdAt,
      a.updatedAt,
    ]),
  );
}

/** Prospects as CSV, as {@link annotationsToCsv}; columns {@link PROSPECT_COLUMNS}. */
export function prospectsToCsv(prospects: readonly Prospect[]): string {
  return csvFile(
    PROSPECT_COLUMNS,
    prospects.map((p) => [
      p.id,
      p.name,
      p.title,
      p.council ?? '',
      p.councilName,
      p.serviceGroup ?? '',
      p.seniority ?? '',
      p.profileUrl,
      p.followUp ?? '',
      p.notes,
      p.createdAt,
      p.updatedAt,
    ]),
  );
}

/** A record with its keys in one fixed order and absent fields left out, so JSON text is canonical. */
function canonical<R extends { fieldTimes: Partial<Record<string, number>> }>(record: R, id: 'key' | 'id', fields: readonly string[]): Record<string, unknown> {
  const src = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { [id]: src[id] };
  for (const f of fields) if (src[f] !== undefined) out[f] = src[f];
  out['createdAt'] = src['createdAt'];
  out['updatedAt'] = src['updatedAt'];
  const times: Record<string, number> = {};
  for (const f of fields) if (record.fieldTimes[f] !== undefined) times[f] = record.fieldTimes[f]!;
  out['fieldTimes'] = times;
  return out;
}

/**
 * Everything the user recorded, as JSON for backup and moving browsers:
 * `{ format, version, exportedAt, annotations, prospects, savings }`, records sorted by key and
 * id, keys in schema order, two-space indent. The text depends only on the records and
 * `exportedAt`, so export -> wipe -> import -> export gives the same bytes.
 */
export function workspaceToJson(workspace: Workspace, exportedAt: Date | string, savings: readonly SavingsItem[] = []): string {
  const file = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : exportedAt.toISOString(),
    annotations: [...workspace.annotations].sort(byString((a) => a.key)).map((a) => canonical(a, 'key', ANNOTATION_FIELDS)),
    prospects: [...workspace.prospects].sort(byString((p) => p.id)).map((p) => canonical(p, 'id', PROSPECT_FIELDS)),
    savings: [...savings].sort(byString((i) => i.id)).map((item) => Object.fromEntries(SAVINGS_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]))),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

// ---- iCalendar (RFC 5545) ----

/** TEXT escaping, RFC 5545 3.3.11: backslash, semicolon, comma, and line breaks as `\n`. */
export function icsEscape(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): CRLF and one space before each continuation,
 * never splitting a UTF-8 character.
 */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The continuation's leading space counts towards its 75 octets.
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const compact = (date: string): string => date.replace(/-/g, '');

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, '');
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A relative TRIGGER, e.g. `-P2DT15H`; positive minutes mean before the start. */
function triggerValue(minutesBefore: number): string {
  const sign = minutesBefore > 0 ? '-' : '';
  let rest = Math.abs(minutesBefore);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const time = hours || minutes ? `T${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}` : '';
  return days || !time ? `${sign}P${days}D${time}` : `${sign}P${time}`;
}

interface CalendarEvent {
  uid: string;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time. */
  start: string;
  summary: string;
  description: string;
  url: string;
  alarmText: (days: number) => string;
  alarmDays: readonly number[];
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const allDay = event.start.length === 10;
  const lines = ['BEGIN:VEVENT', `UID:${icsEscape(event.uid)}`, `DTSTAMP:${stamp}`];
  if (allDay) lines.push(`DTSTART;VALUE=DATE:${compact(event.start)}`, `DTEND;VALUE=DATE:${nextDay(event.start)}`);
  // No TZID: a floating local time (RFC 5545 3.3.5 form 1); notices give UK times, read as local.
  else lines.push(`DTSTART:${compact(event.start.slice(0, 10))}T${event.start.slice(11, 13)}${event.start.slice(14, 16)}00`);
  lines.push(`SUMMARY:${icsEscape(event.summary)}`, `DESCRIPTION:${icsEscape(event.description)}`, `URL:${event.url}`, 'TRANSP:TRANSPARENT');
  const startMinutes = allDay ? 0 : Number(event.start.slice(11, 13)) * 60 + Number(event.start.slice(14, 16));
  for (const days of event.alarmDays) {
    // 09:00 on the day, as the extension's own reminders (lib/workspace/reminders.ts).
    const before = days * 1440 + startMinutes - 9 * 60;
    if (!allDay && before <= 0) continue;
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${icsEscape(event.alarmText(days))}`, `TRIGGER:${triggerValue(before)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

const inDays = (days: number): string => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

/**
 * An iCalendar file of bid deadlines (open annotations with a bid or notice deadline) and prospect
 * follow-ups: one VEVENT each, UID stable per record, all-day for a date and floating local time
 * for a date and time; a VALARM at 09:00 per reminder day before a deadline, and at 09:00 on the
 * day of a follow-up. `now` is the DTSTAMP.
 */
export function workspaceToIcs(workspace: Workspace, options: { now: Date | number; reminders: Pick<ReminderSettings, 'daysBefore'> }): string {
  const stamp = utcStamp(typeof options.now === 'number' ? options.now : options.now.getTime());
  const events: CalendarEvent[] = [];
  for (const a of [...workspace.annotations].sort(byString((r) => r.key))) {
    const deadline = effectiveDeadline(a);
    if (!deadline || CLOSED_STATUSES.has(a.status)) continue;
    events.push({
      uid: `${a.key}.bid-deadline@council-lens`,
      start: deadline,
      summary: `Bid deadline: ${a.title}`,
      description: [`Buyer: ${a.buyerName}`, `Status: ${a.status}`, ...(a.owner ? [`Owner: ${a.owner}`] : []), `Notice: ${a.noticeUrl}`].join('\n'),
      url: a.noticeUrl,
      alarmText: (days) => `Bid deadline ${inDays(days)}: ${a.title}`,
      alarmDays: options.reminders.daysBefore,
    });
  }
  for (const p of [...workspace.prospects].sort(byString((r) => r.id))) {
    if (!p.followUp) continue;
    events.push({
      uid: `${p.id}.follow-up@council-lens`,
      start: p.followUp,
      summary: `Follow up: ${p.name}`,
      description: [[p.title, p.councilName].filter(Boolean).join(', '), `Profile: ${p.profileUrl}`].filter(Boolean).join('\n'),
      url: p.profileUrl,
      alarmText: (days) => `Follow up ${inDays(days)}: ${p.name}`,
      alarmDays: [0],
    });
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Council Lens//Workspace//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Council Lens',
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
