import type { ExperienceEntry } from './types';

/**
 * Reading one experience entry from its visible lines, the same for both LinkedIn layouts: an
 * entry renders as title, "Employer · Employment type", date range, location, description; a
 * grouped entry (several roles at one employer) as a header of employer, "Full-time · 6 yrs 2 mos",
 * location, then one such block per role without the employer line. Lines are classified by shape,
 * not by position alone, because optional lines (employment type, location) come and go.
 */

const MONTH_YEAR = String.raw`(?:[\p{L}.]{2,12}\s)?\d{4}`;

/**
 * A date range as LinkedIn shows it: "Mar 2021 - Present · 4 yrs 9 mos", "2014 - 2016 · 2 yrs",
 * "janv. 2021 - aujourd’hui" (profile in French), or a lone start "Mar 2019 · 1 mo".
 */
const DATE_LINE = new RegExp(String.raw`^${MONTH_YEAR}(?:\s*[-–—]\s*(?:${MONTH_YEAR}|[\p{L}’' ]+?))?(?:\s*·\s*.*)?$`, 'u');

/** A grouped entry's tenure line: "Full-time · 6 yrs 2 mos", "6 yrs 2 mos", "11 mos". */
const DURATION_LINE = /^(?:.*·\s*)?\d+\s+(?:yrs?|years?|mos?|months?)(?:\s+\d+\s+(?:mos?|months?))?$/i;

/** A line that is only an employment type (LinkedIn's fixed list, English UI). */
const EMPLOYMENT_TYPE_LINE =
  /^(?:full-time|part-time|permanent(?: full-time| part-time)?|contract|fixed-term|temporary|self-employed|freelance|internship|apprenticeship|seasonal|trainee|volunteer)$/i;

/** True for a date-range line. */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}

/** True for a grouped entry's tenure line or a bare employment type. */
export function isTenureLine(line: string): boolean {
  return DURATION_LINE.test(line) || EMPLOYMENT_TYPE_LINE.test(line);
}

/**
 * True when a date range has no end date: the part after the dash carries no year
 * ("Present", "heute", "aujourd’hui"), which works whatever the UI language.
 */
export function isCurrentDates(dates: string): boolean {
  const range = dates.split('·')[0] ?? '';
  const parts = range.split(/\s[-–—]\s|[–—]/);
  if (parts.length < 2) return false;
  return !/\d{4}/.test(parts[parts.length - 1] ?? '');
}

/** "Leeds City Council · Full-time" -> "Leeds City Council". */
export function employerFromLine(line: string | undefined): string | null {
  if (!line) return null;
  const employer = (line.split(' · ')[0] ?? '').trim();
  return employer.length > 0 ? employer : null;
}

function dated(title: string | null, employer: string, dateLine: string | undefined): ExperienceEntry {
  const dates = dateLine ?? null;
  return { employer, title, current: dates !== null && isCurrentDates(dates), dates };
}

/**
 * A single-role entry: the lines before the date line are title then employer line. Null when no
 * employer can be read (the schema requires one).
 */
export function singleEntry(lines: readonly string[]): ExperienceEntry | null {
  const dateIndex = lines.findIndex(isDateLine);
  const head = dateIndex >= 0 ? lines.slice(0, dateIndex) : lines.slice(0, 2);
  const employer = employerFromLine(head[1]);
  if (!employer) return null;
  return dated(head[0] ?? null, employer, dateIndex >= 0 ? lines[dateIndex] : undefined);
}

/** The employer of a grouped entry: the first header line that is not a tenure or a date. */
export function groupEmployer(headerLines: readonly string[]): string | null {
  const line = headerLines.find((l) => !isTenureLine(l) && !isDateLine(l));
  return employerFromLine(line);
}

/** One role inside a grouped entry: title first, then (employment type,) dates. */
export function roleEntry(lines: readonly string[], employer: string): ExperienceEntry {
  const dateIndex = lines.findIndex(isDateLine);
  const first = lines[0];
  const title = first !== undefined && dateIndex !== 0 ? first : null;
  return dated(title, employer, dateIndex >= 0 ? lines[dateIndex] : undefined);
}
