import { CLOSED_STATUSES, isAnnotationKey, isDeadline, type Annotation, type ReminderSettings } from './schema';

/**
 * When to notify about bid deadlines (issue 6: "a browser notification N days before each bid
 * deadline ... via alarms, that survives the service worker being stopped"). The background turns
 * each {@link ReminderTime} into one named alarm; browser alarms persist while the worker sleeps,
 * and the name alone says what to notify about, so nothing has to be kept in memory.
 */

/** Reminders fire at this local time on the day, 09:00. */
export const REMINDER_HOUR = 9;

export interface ReminderTime {
  key: string;
  title: string;
  /** The deadline as stored: `bidDeadline`, else the notice's deadline. */
  deadline: string;
  /** Epoch ms: 09:00 local time on the day `daysBefore` days before the deadline. */
  fireAt: number;
  daysBefore: number;
}

export interface ZoneOption {
  /** IANA zone for "local time", e.g. `Europe/London`; defaults to the runtime's own zone. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at instant `ms`. */
function zoneOffset(ms: number, timeZone: string): number {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const part = Object.fromEntries(fmt.formatToParts(ms).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(part['year']), Number(part['month']) - 1, Number(part['day']), Number(part['hour']), Number(part['minute']), Number(part['second']));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Epoch ms of a wall-clock time; month and day may overflow (day 0 is the last of the month
 * before), as with `Date.UTC`. Without a zone this is `new Date(y, m, d, h, min)`, the runtime's
 * local time.
 */
export function localTime(year: number, month: number, day: number, hour: number, minute: number, zone: ZoneOption = {}): number {
  if (!zone.timeZone) return new Date(year, month - 1, day, hour, minute).getTime();
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffset(guess, zone.timeZone) * 60_000;
  const second = guess - zoneOffset(first, zone.timeZone) * 60_000;
  return second;
}

/** The effective deadline: the user's bid deadline, else the notice's. */
export function effectiveDeadline(annotation: Pick<Annotation, 'bidDeadline' | 'noticeDeadline'>): string | undefined {
  return annotation.bidDeadline ?? annotation.noticeDeadline;
}

function parts(deadline: string): { y: number; m: number; d: number; time?: [number, number] } | null {
  if (!isDeadline(deadline)) return null;
  const [y, m, d] = deadline.slice(0, 10).split('-').map(Number) as [number, number, number];
  return deadline.length > 10 ? { y, m, d, time: [Number(deadline.slice(11, 13)), Number(deadline.slice(14, 16))] } : { y, m, d };
}

/** Epoch ms a deadline passes: its time, or the end of its day for a date alone. */
export function deadlineInstant(deadline: string, zone: ZoneOption = {}): number | null {
  const p = parts(deadline);
  if (!p) return null;
  return p.time ? localTime(p.y, p.m, p.d, p.time[0], p.time[1], zone) : localTime(p.y, p.m, p.d + 1, 0, 0, zone);
}

/**
 * The reminders still to come for open annotations (statuses no-go, submitted, won and lost are
 * closed), one per deadline and day in `settings.daysBefore`, sorted by time. A reminder that would
 * fire at or after its deadline (0 days before a 08:00 deadline) is left out.
 */
export function reminderTimes(
  annotations: readonly Annotation[],
  settings: Pick<ReminderSettings, 'daysBefore'>,
  now: number | Date,
  zone: ZoneOption = {},
): ReminderTime[] {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return everyReminder(annotations, settings, zone)
    .filter((r) => r.fireAt > nowMs && r.fireAt < r.due)
    .map(({ due: _due, ...r }) => r)
    .sort(byFireTime);
}

/** How far back {@link missedReminders} looks: a reminder older than this is no longer news. */
export const MISSED_LOOKBACK_MS = 2 * 86_400_000;

/**
 * Reminders that came due in the {@link MISSED_LOOKBACK_MS} before `now` but were never shown
 * (`shown` holds their alarm names): the browser was closed at 09:00, or the alarm was cleared
 * before it fired. Only tenders whose deadline is still ahead and was set before the reminder fell
 * due, and only the latest reminder of each, so a person who was away sees one notification per
 * tender, not one per missed day.
 */
export function missedReminders(
  annotations: readonly Annotation[],
  settings: Pick<ReminderSettings, 'daysBefore'>,
  now: number,
  shown: ReadonlySet<string>,
  zone: ZoneOption = {},
): ReminderTime[] {
  // A reminder that fell before its deadline was set (a tender saved at 10:00 with tomorrow's
  // deadline) was never due: the person knows.
  const setAt = new Map(annotations.map((a) => [a.key, a.fieldTimes.bidDeadline ?? a.fieldTimes.noticeDeadline ?? Date.parse(a.createdAt)]));
  const latest = new Map<string, ReminderTime>();
  for (const { due, ...r } of everyReminder(annotations, settings, zone)) {
    if (r.fireAt > now || r.fireAt <= now - MISSED_LOOKBACK_MS || due <= now) continue;
    if (r.fireAt <= (setAt.get(r.key) ?? Infinity)) continue;
    if (shown.has(reminderAlarmName(r.key, r.daysBefore))) continue;
    const seen = latest.get(r.key);
    if (!seen || r.fireAt > seen.fireAt) latest.set(r.key, r);
  }
  return [...latest.values()].sort(byFireTime);
}

/** Every reminder of every open tender, whenever it falls, with the deadline's instant. */
function everyReminder(annotations: readonly Annotation[], settings: Pick<ReminderSettings, 'daysBefore'>, zone: ZoneOption): (ReminderTime & { due: number })[] {
  const out: (ReminderTime & { due: number })[] = [];
  for (const annotation of annotations) {
    if (CLOSED_STATUSES.has(annotation.status)) continue;
    const deadline = effectiveDeadline(annotation);
    const p = deadline ? parts(deadline) : null;
    const due = deadline ? deadlineInstant(deadline, zone) : null;
    if (!deadline || !p || due === null) continue;
    for (const days of new Set(settings.daysBefore)) {
      const fireAt = localTime(p.y, p.m, p.d - days, REMINDER_HOUR, 0, zone);
      out.push({ key: annotation.key, title: annotation.title, deadline, fireAt, daysBefore: days, due });
    }
  }
  return out;
}

function byFireTime(a: ReminderTime, b: ReminderTime): number {
  return a.fireAt - b.fireAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || b.daysBefore - a.daysBefore;
}

const ALARM_PREFIX = 'cl-reminder:';

/** `cl-reminder:<days>:<key>`: one alarm per annotation and day. */
export function reminderAlarmName(key: string, daysBefore: number): string {
  return `${ALARM_PREFIX}${daysBefore}:${key}`;
}

/** The reminder an alarm name stands for, or null for any other alarm. */
export function parseReminderAlarmName(name: string): { key: string; daysBefore: number } | null {
  const m = /^cl-reminder:(\d{1,3}):(.+)$/.exec(name);
  if (!m || !isAnnotationKey(m[2]!)) return null;
  return { key: m[2]!, daysBefore: Number(m[1]) };
}

/**
 * What the background should change so the alarms match `reminders`: reminder alarms no longer
 * wanted are cleared; missing ones, and ones set for another time (a changed deadline), are
 * created, which replaces an alarm of the same name (alarms.create). Other alarms are left alone.
 */
export function planReminderAlarms(
  reminders: readonly ReminderTime[],
  existing: readonly { name: string; scheduledTime: number }[],
): { clear: string[]; create: { name: string; when: number }[] } {
  const wanted = new Map(reminders.map((r) => [reminderAlarmName(r.key, r.daysBefore), r.fireAt]));
  const clear: string[] = [];
  const have = new Set<string>();
  for (const alarm of existing) {
    if (!alarm.name.startsWith(ALARM_PREFIX)) continue;
    if (!wanted.has(alarm.name)) clear.push(alarm.name);
    else if (wanted.get(alarm.name) === alarm.scheduledTime) have.add(alarm.name);
  }
  const create = [...wanted].filter(([name]) => !have.has(name)).map(([name, when]) => ({ name, when }));
  return { clear, create };
}
