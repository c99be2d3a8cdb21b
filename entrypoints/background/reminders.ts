import { browser } from 'wxt/browser';
import { parseReminderAlarmName, planReminderAlarms, reminderTimes } from '@/lib/workspace/reminders';
import { CLOSED_STATUSES } from '@/lib/workspace/schema';
import type { CouncilLensDB } from './db';

/**
 * Bid-deadline reminders (issue 6): one alarm per annotation and "days before" setting, at 09:00
 * local time. Alarms outlive the service worker and the browser session, so a reminder fires even
 * when no page of ours is open. The alarms are reconciled with the annotations after every change
 * (lib/workspace/reminders.ts plans what to clear and create).
 */
export function createReminders(db: CouncilLensDB, daysBefore: () => Promise<number[]>) {
  async function sync(): Promise<{ scheduled: number }> {
    const [annotations, days, existing] = await Promise.all([db.annotations.toArray(), daysBefore(), browser.alarms.getAll()]);
    const wanted = reminderTimes(annotations, { daysBefore: days }, Date.now());
    const plan = planReminderAlarms(wanted, existing);
    await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
    await Promise.all(plan.create.map(({ name, when }) => browser.alarms.create(name, { when })));
    return { scheduled: wanted.length };
  }

  /** An alarm fired: if it is a reminder and the tender is still open, show the notification. */
  async function onAlarm(name: string): Promise<boolean> {
    const parsed = parseReminderAlarmName(name);
    if (!parsed) return false;
    const annotation = await db.annotations.get(parsed.key);
    if (!annotation || CLOSED_STATUSES.has(annotation.status)) return true;
    const deadline = annotation.bidDeadline ?? annotation.noticeDeadline ?? '';
    const when = parsed.daysBefore === 0 ? 'today' : parsed.daysBefore === 1 ? 'tomorrow' : `in ${parsed.daysBefore} days`;
    await browser.notifications.create(name, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Bid deadline ${when}`,
      message: `${annotation.title} (${annotation.buyerName}): due ${deadline.replace('T', ' at ')}.`,
      contextMessage: `Status: ${annotation.status}. Click to open the notice.`,
    });
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
