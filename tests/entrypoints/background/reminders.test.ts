import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { createReminders, SHOWN_REMINDERS_KEY } from '@/entrypoints/background/reminders';
import { reminderAlarmName } from '@/lib/workspace';
import { annotation, CF_KEY } from '../../lib/workspace/support';
import { freshIndexedDb } from '../../support/sync-harness';

// The background's reminders against the fake browser: alarms as WXT's fake keeps them, and
// notifications recorded. The annotation was saved on 30 November (T0) with a bid deadline of
// 3 December; the browser was closed at 09:00 on 2 December, when the 1-day reminder was due.
// Reminders fire at 09:00 local time; December in London is UTC, so the times below read plainly.
process.env.TZ = 'Europe/London';

let db: CouncilLensDB;
let shown: { id: string; title: string }[];

beforeEach(() => {
  freshIndexedDb();
  fakeBrowser.reset();
  db = new CouncilLensDB('reminders-test');
  shown = [];
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: { title: string }) => {
    shown.push({ id, title: options.title });
    return id;
  }) as never);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const at = (iso: string) => Date.parse(iso);

test('a reminder that came due while the browser was closed is shown once when it starts', async () => {
  await db.annotations.put(annotation({ bidDeadline: '2026-12-03' }));
  const reminders = createReminders(db, async () => [3, 1], () => at('2026-12-02T14:00:00Z'));
  expect(await reminders.sync()).toEqual({ scheduled: 0, caughtUp: 1 });
  expect(shown).toEqual([{ id: reminderAlarmName(CF_KEY, 1), title: 'Bid deadline tomorrow' }]);
  // Every later sync (each edit runs one) knows it was shown.
  expect(await reminders.sync()).toEqual({ scheduled: 0, caughtUp: 0 });
  expect(shown).toHaveLength(1);
  expect(Object.keys((await db.meta.get(SHOWN_REMINDERS_KEY))!.value as object)).toEqual([reminderAlarmName(CF_KEY, 1)]);
});

test('an alarm that fires on time is not caught up again by the next sync', async () => {
  await db.annotations.put(annotation({ bidDeadline: '2026-12-03' }));
  let now = at('2026-12-01T12:00:00Z');
  const reminders = createReminders(db, async () => [1], () => now);
  expect(await reminders.sync()).toEqual({ scheduled: 1, caughtUp: 0 });
  expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([reminderAlarmName(CF_KEY, 1)]);
  now = at('2026-12-02T09:00:00Z');
  expect(await reminders.onAlarm(reminderAlarmName(CF_KEY, 1))).toBe(true);
  now = at('2026-12-02T09:05:00Z');
  expect(await reminders.sync()).toEqual({ scheduled: 0, caughtUp: 0 });
  expect(shown.map((s) => s.title)).toEqual(['Bid deadline tomorrow']);
});

test('the title counts the days left from today, so a late catch-up does not say "in 3 days" on the day before', async () => {
  await db.annotations.put(annotation({ bidDeadline: '2026-12-05' }));
  const reminders = createReminders(db, async () => [3], () => at('2026-12-03T18:00:00Z'));
  expect(await reminders.sync()).toMatchObject({ caughtUp: 1 });
  expect(shown).toEqual([{ id: reminderAlarmName(CF_KEY, 3), title: 'Bid deadline in 2 days' }]);
});
