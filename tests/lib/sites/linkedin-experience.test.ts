import { expect, test } from 'vitest';
import { employerFromLine, groupEmployer, isCurrentDates, isDateLine, isTenureLine, singleEntry } from '@/lib/sites/linkedin-experience';

test.each([
  ['Mar 2021 - Present · 5 yrs 9 mos', true, true],
  ['Apr 2017 - Feb 2021 · 3 yrs 11 mos', true, false],
  ['Jan 2023 – Present', true, true],
  ['2014 - 2016 · 2 yrs', true, false],
  ['janv. 2021 - aujourd’hui · 5 ans 11 mois', true, true],
  ['März 2020 - heute', true, true],
  ['Mar 2019 · 1 mo', true, false],
  ['Full-time · 6 yrs 4 mos', false, false],
  ['Leeds, England, United Kingdom · Hybrid', false, false],
  ['2019 Graduate Scheme', false, false],
  ['Head of Adult Social Care', false, false],
])('%s: date line %s, current %s', (line, dateLine, current) => {
  expect(isDateLine(line)).toBe(dateLine);
  expect(isCurrentDates(line)).toBe(current);
});

test.each([
  ['Full-time · 6 yrs 4 mos', true],
  ['8 yrs 3 mos', true],
  ['11 mos', true],
  ['Part-time', true],
  ['Ashford Borough Council', false],
  ['Ashford, England, United Kingdom · Hybrid', false],
])('%s is a tenure line: %s', (line, expected) => {
  expect(isTenureLine(line)).toBe(expected);
});

test.each([
  ['Leeds City Council · Full-time', 'Leeds City Council'],
  ['Kent County Council', 'Kent County Council'],
  [' · Full-time', null],
  [undefined, null],
])('employer of %s is %s', (line, expected) => {
  expect(employerFromLine(line)).toBe(expected);
});

test('a grouped header skips the tenure line whichever order it comes in', () => {
  expect(groupEmployer(['Full-time · 8 yrs 3 mos', 'Ashford Borough Council'])).toBe('Ashford Borough Council');
});

test('an entry without an employer line is dropped, not invented', () => {
  expect(singleEntry(['Volunteer', 'Mar 2021 - Present'])).toBeNull();
});
