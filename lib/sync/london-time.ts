/**
 * Europe/London wall-clock times for the APIs' window bounds. Find a Tender reads
 * `updatedFrom`/`updatedTo` as London local time and ignores a trailing `Z`
 * (../shared/data/SOURCES.md §7: the 2026-08-10 pages asked `updatedFrom=2026-08-10T00:00:00` hold
 * releases from `00:16:34+01:00`), so an instant sent in UTC is read an hour off in summer time.
 */

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:MM:SS`, the London wall-clock time of an instant (whole seconds, no zone). */
export function londonWallTime(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of LONDON.formatToParts(new Date(Math.floor(ms / 1000) * 1000))) p[part.type] = part.value;
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}`;
}

/**
 * A London wall time `YYYY-MM-DDTHH:MM:SS` -> epoch ms: the earlier reading in October's repeated
 * hour; a time in March's skipped hour is read as GMT (as the clocks would have said).
 */
export function fromLondonWallTime(wall: string): number {
  const naive = Date.parse(`${wall}Z`);
  for (const guess of [naive - HOUR, naive]) if (londonWallTime(guess) === wall) return guess;
  return naive;
}

/** London's offset from UTC at an instant, `+00:00` (GMT) or `+01:00` (BST). */
export function londonOffset(ms: number): string {
  const wall = Date.parse(`${londonWallTime(ms)}Z`);
  const minutes = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The wall times to send for the inclusive window `[from, to]` (epoch ms) so that nothing in it is
 * lost however the API reads a wall time that happens twice (01:00 to 02:00 on the last Sunday of
 * October: first in BST, then in GMT). A `from` in the first of the two hours could be read as the
 * second, an hour late: it is sent an hour earlier. A `to` in the second could be read as the
 * first, an hour early: it is sent an hour later. The windows then overlap by that hour, and the
 * releases read twice merge into the same rows. In March the skipped hour has no wall time, so
 * every instant has exactly one.
 */
export function londonWindowBounds(from: number, to: number): { from: string; to: string } {
  const fromWall = londonWallTime(from);
  const toWall = londonWallTime(to);
  return {
    from: fromWall === londonWallTime(from + HOUR) ? londonWallTime(from - HOUR) : fromWall,
    to: toWall === londonWallTime(to - HOUR) ? londonWallTime(to + HOUR) : toWall,
  };
}
