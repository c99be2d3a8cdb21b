import { expect, test } from 'vitest';
import { employerMatches, titleFromHeadline } from '@/lib/sites/linkedin-headline';

test.each<[string, string, string | null]>([
  // The forms of ../shared/linkedin-real/profile-sdui-2026-04--a.html and --b.html, with councils.
  ['Senior Planning Officer @ Bristol City Council, UK', 'Bristol City Council', 'Senior Planning Officer'],
  ['Public Health Commissioning Manager at Manchester City Council Public Health | FFPH', 'Manchester City Council', 'Public Health Commissioning Manager'],
  ['Head of Highways at Kent County Council', 'Kent County Council', 'Head of Highways'],
  ['Head of Highways@Kent County Council', 'Kent County Council', 'Head of Highways'],
  ['Head of Highways | Kent County Council | Asset management', 'Kent County Council', 'Head of Highways'],
  ['Head of Highways, Kent County Council', 'Kent County Council', 'Head of Highways'],
  ['Head of Highways · Kent County Council', 'Kent County Council', null],
  // A comma inside the title: the separator that names the employer wins.
  ['Assistant Director, Highways & Transport at Kent County Council', 'Kent County Council', 'Assistant Director, Highways & Transport'],
  ['Director of Place, Leeds City Council', 'Leeds City Council', 'Director of Place'],
  // Another employer, or none: no title.
  ['Head of Highways at Medway Council', 'Kent County Council', null],
  ['Board member of Tamar Community Energy Ltd', 'Cornwall Council', null],
  ['Helping councils buy better | Procurement', 'Kent County Council', null],
  ['Kent County Council', 'Kent County Council', null],
  ['Head of Highways at Kent County Council', '', null],
])('%s (%s) -> %s', (headline, employer, title) => {
  expect(titleFromHeadline(headline, employer || null)).toBe(title);
});

test.each<[string, string, boolean]>([
  ['Mercari, Inc.', 'Mercari, Japan', true],
  ['Deloitte', 'Deloitte Japan', true],
  ['Brightwave Software Ltd', 'brightwave  software', true],
  ['Kent County Council', 'Kent County Council Highways', true],
  ['Kent County Council', 'Kent', true],
  ['Kent County Council', 'Medway Council', false],
  ['Kent', 'Kentish Town Ltd', false],
  ['Ltd', 'Inc', false],
])('%s ~ %s: %s', (a, b, same) => {
  expect(employerMatches(a, b)).toBe(same);
});
