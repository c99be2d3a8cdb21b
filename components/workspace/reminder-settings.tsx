import { useState } from 'preact/hooks';

/** "3, 1" → [3, 1]: whole days 0-90, unique, largest first; an error naming the bad part otherwise. */
export function parseReminderDays(text: string): { ok: true; days: number[] } | { ok: false; error: string } {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part) || Number(part) > 90) return { ok: false, error: `“${part}” is not a whole number of days from 0 to 90.` };
    days.push(Number(part));
  }
  const unique = [...new Set(days)].sort((a, b) => b - a);
  if (unique.length > 10) return { ok: false, error: 'At most 10 reminders per deadline.' };
  return { ok: true, days: unique };
}

export interface ReminderSettingsProps {
  /** The saved days; null while settings load. */
  days: readonly number[] | null;
  onSave(days: number[]): Promise<unknown>;
  workspaceUrl: string;
}

/** The options page's "Reminders" section: days before each bid deadline to notify. */
export function ReminderSettings({ days, onSave, workspaceUrl }: ReminderSettingsProps) {
  // What is typed, against the saved days it was typed over: new saved days show from the render
  // they arrive in (no empty field until an effect runs).
  const savedText = days ? days.join(', ') : '';
  const [draft, setDraft] = useState<{ over: string; text: string } | null>(null);
  const text = draft && draft.over === savedText ? draft.text : savedText;
  const setText = (value: string) => setDraft({ over: savedText, text: value });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = parseReminderDays(text);
    if (!parsed.ok) return setResult({ ok: false, text: parsed.error });
    try {
      await onSave(parsed.days);
      setText(parsed.days.join(', '));
      setResult({
        ok: true,
        text: parsed.days.length ? `Saved: reminders ${parsed.days.map((d) => (d === 0 ? 'on the day' : `${d} ${d === 1 ? 'day' : 'days'} before`)).join(', ')}.` : 'Saved: no reminders.',
      });
    } catch (err) {
      setResult({ ok: false, text: `Couldn't save: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  return (
    <section aria-labelledby="cl-reminders" class="cl-reminders">
      <h2 id="cl-reminders">Reminders</h2>
      <p>
        Council Lens reminds you of each bid deadline in your <a href={workspaceUrl}>workspace</a>: tenders you mark as
        submitted, won, lost or no-go get none.
      </p>
      <form onSubmit={(e) => void save(e)} class="cl-reminders__form">
        <label for="cl-reminder-days" class="cl-reminders__label">
          Days before each bid deadline
        </label>
        <input
          id="cl-reminder-days"
          type="text"
          inputMode="numeric"
          value={text}
          disabled={days === null}
          aria-describedby="cl-reminder-days-hint"
          aria-invalid={result && !result.ok ? 'true' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="cl-button cl-button--secondary" disabled={days === null}>
          Save reminders
        </button>
      </form>
      <p id="cl-reminder-days-hint" class="cl-hint-inline">
        Whole days from 0 (the day itself) to 90, separated by commas, e.g. “3, 1”. Leave empty for none. Notifications
        come from the browser at 09:00 on each day, while the browser is running.
      </p>
      {result?.ok === false ? (
        <p role="alert" class="cl-reminders__error">
          {result.text}
        </p>
      ) : null}
      <p role="status" class="cl-status">
        {result?.ok ? result.text : ''}
      </p>
    </section>
  );
}
