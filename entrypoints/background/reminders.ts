import { browser } from 'wxt/browser';
import { MISSED_LOOKBACK_MS, missedReminders, parseReminderAlarmName, planReminderAlarms, reminderAlarmName, reminderTimes } from '@/lib/workspace/reminders';
import { CLOSED_STATUSES } from '@/lib/workspace/schema';
import { daysBetween } from '@/lib/ocds/summary';
import { localDate } from './clock';
import type { CouncilLensDB } from './db';

/**
 * Bid-deadline reminders (issue 6): one alarm per annotation and "days before" setting, at 09:00
 * local time. Alarms outlive the service worker and the browser session, so a reminder fires even
 * when no page of ours is open. The alarms are reconciled with the annotations after every change
 * (lib/workspace/reminders.ts plans what to clear and create).
 */
/** Reminder alarms already shown, by name, with when: so a missed one is caught up once, not twice. */
export const SHOWN_REMINDERS_KEY = 'reminders:shown';

export function createReminders(db: CouncilLensDB, daysBefore: () => Promise<number[]>, now: () => number = Date.now) {
  async function readShown(): Promise<Record<string, number>> {
    const value = (await db.meta.get(SHOWN_REMINDERS_KEY))?.value;
    return value && typeof value === 'object' ? (value as Record<string, number>) : {};
  }

  async function markShown(name: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const at = now();
      const kept = Object.entries(await readShown()).filter(([, when]) => typeof when === 'number' && when > at - 2 * MISSED_LOOKBACK_MS);
      await db.meta.put({ key: SHOWN_REMINDERS_KEY, value: Object.fromEntries([...kept, [name, at]]) });
    });
  }

  /**
   * Alarms to match the annotations, and any reminder that came due unseen (the browser was closed
   * at 09:00, or its alarm was replaced before it fired) shown now, once, if its tender is still
   * open and its deadline ahead.
   */
  async function sync(): Promise<{ scheduled: number; caughtUp: number }> {
    const [annotations, days, existing, shown] = await Promise.all([db.annotations.toArray(), daysBefore(), browser.alarms.getAll(), readShown()]);
    const at = now();
    const wanted = reminderTimes(annotations, { daysBefore: days }, at);
    const plan = planReminderAlarms(wanted, existing);
    await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
    await Promise.all(plan.create.map(({ name, when }) => browser.alarms.create(name, { when })));
    const missed = missedReminders(annotations, { daysBefore: days }, at, new Set(Object.keys(shown)));
    for (const reminder of missed) await onAlarm(reminderAlarmName(reminder.key, reminder.daysBefore));
    return { scheduled: wanted.length, caughtUp: missed.length };
  }

  /** An alarm fired: if it is a reminder and the tender is still open, show the notification. */
  async function onAlarm(name: string): Promise<boolean> {
    const parsed = parseReminderAlarmName(name);
    if (!parsed) return false;
    const annotation = await db.annotations.get(parsed.key);
    if (!annotation || CLOSED_STATUSES.has(annotation.status)) return true;
    const deadline = annotation.bidDeadline ?? annotation.noticeDeadline ?? '';
    // Days left from today, not the alarm's setting: a reminder caught up late says what is true now.
    const left = deadline ? daysBetween(localDate(now()), deadline.slice(0, 10)) : parsed.daysBefore;
    const when = left <= 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    await browser.notifications.create(name, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Bid deadline ${when}`,
      message: `${annotation.title} (${annotation.buyerName}): due ${deadline.replace('T', ' at ')}.`,
      contextMessage: `Status: ${annotation.status}. Click to open the notice.`,
    });
    await markShown(name);
    return true;
  }

  /** A reminder notification clicked: open its notice. */
  async function onNotificationClicked(id: string): Promise<void> {
    const parsed = parseReminderAlarmName(id);
    if (!parsed) return;
    const annotation = await db.annotations.get(parsed.key);
    if (annotation) await browser.tabs.create({ url: annotation.noticeUrl });
    await browser.notifications.clear(id);
  }

  return { sync, onAlarm, onNotificationClicked };
}
