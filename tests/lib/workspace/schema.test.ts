import { describe, expect, test } from 'vitest';
import {
  AnnotationEditSchema,
  AnnotationSchema,
  annotationKey,
  isAnnotationKey,
  isDeadline,
  MAX_NOTES_LENGTH,
  normaliseProfileUrl,
  normaliseTags,
  OwnerSchema,
  ProspectSchema,
  prospectId,
  ReminderSettingsSchema,
  TagsSchema,
} from '@/lib/workspace';
import { annotation, prospect } from './support';

describe('annotation keys', () => {
  test.each([
    ['ocds-b5fd17-2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d', true],
    ['ocds-h6vhtk-04a1b2', true],
    ['contracts-finder:2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d', true],
    ['find-a-tender:034567-2026', true],
    ['linkedin:034567-2026', false],
    ['ocds-b5fd17', false],
    ['find-a-tender:', false],
    ['find-a-tender:a b', false],
    ['', false],
  ])('%s -> %s', (key, ok) => {
    expect(isAnnotationKey(key)).toBe(ok);
  });

  test('annotationKey prefers the OCID', () => {
    expect(annotationKey({ site: 'find-a-tender', noticeId: '034567-2026', ocid: 'ocds-h6vhtk-04a1b2' })).toBe('ocds-h6vhtk-04a1b2');
    expect(annotationKey({ site: 'find-a-tender', noticeId: '034567-2026', ocid: null })).toBe('find-a-tender:034567-2026');
  });
});

describe('deadlines', () => {
  test.each([
    ['2027-01-15', true],
    ['2027-01-15T12:00', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-01-15T24:00', false],
    ['2027-01-15T12:60', false],
    ['2027-01-15T12:00:00', false],
    ['2027-01-15T12:00Z', false],
    ['15/01/2027', false],
  ])('%s -> %s', (value, ok) => {
    expect(isDeadline(value)).toBe(ok);
  });
});

describe('tags', () => {
  test.each([
    [['  Care ', 'care', 'FRAMEWORK'], ['care', 'framework']],
    [['a; b', 'c,d', ' ', ''], ['a', 'b', 'c', 'd']],
    [['Social   Value'], ['social value']],
    [[], []],
  ])('%j -> %j', (input, output) => {
    expect(normaliseTags(input)).toEqual(output);
    expect(TagsSchema.parse(input)).toEqual(output);
  });

  test('at most 20 tags after de-duplication', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(TagsSchema.parse([...twenty, 'T0', ' t1 '])).toEqual(twenty);
    expect(TagsSchema.safeParse([...twenty, 't20']).success).toBe(false);
  });

  test('an oversize list is refused by its length before any clean-up (issue 16: 80,000 tags took 7.5 s)', () => {
    const many = Array.from({ length: 80_000 }, (_, i) => `tag ${i}`);
    const result = TagsSchema.safeParse(many);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must be at most 20 tags (this list has more than 200 before repeats are removed)']);
    // Repeats that de-duplicate to a few tags are fine up to the raw limit.
    expect(TagsSchema.parse(Array.from({ length: 200 }, (_, i) => `T${i % 3}`))).toEqual(['t0', 't1', 't2']);
    expect(TagsSchema.safeParse(['a;'.repeat(1000)]).error?.issues[0]?.message).toBe('must be at most 1040 characters in each entry');
  });

  test('a tag over 50 characters is rejected', () => {
    expect(TagsSchema.safeParse(['x'.repeat(51)]).success).toBe(false);
  });
});

describe('owner initials', () => {
  test.each([
    ['jd', 'JD'],
    [' ABCD ', 'ABCD'],
    ['a', 'A'],
  ])('%j -> %s', (input, output) => {
    expect(OwnerSchema.parse(input)).toBe(output);
  });
  test.each(['', 'ABCDE', 'J.D', 'J1', 'É'])('%j is rejected', (input) => {
    expect(OwnerSchema.safeParse(input).success).toBe(false);
  });
});

describe('profile URLs', () => {
  test.each([
    ['https://www.linkedin.com/in/priya-sharma', 'https://www.linkedin.com/in/priya-sharma/'],
    ['http://linkedin.com/in/Priya-Sharma/?trk=abc#x', 'https://www.linkedin.com/in/priya-sharma/'],
    ['https://uk.linkedin.com/in/tom-okafor/details/experience/', 'https://www.linkedin.com/in/tom-okafor/'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m-123', 'https://www.linkedin.com/in/j%C3%BCrgen-m-123/'],
    ['https://www.linkedin.com/in/J%C3%9CRGEN-M-123/', 'https://www.linkedin.com/in/j%C3%BCrgen-m-123/'],
    ['https://www.linkedin.com/company/leeds-city-council/', null],
    ['https://evil.example/in/priya', null],
    ['https://notlinkedin.com/in/priya', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s -> %s', (input, output) => {
    expect(normaliseProfileUrl(input)).toBe(output);
  });

  test('the prospect schema stores the normal form, and the id follows the profile', () => {
    expect(prospect({ profileUrl: 'https://uk.linkedin.com/in/Priya-Sharma?x=1' }).profileUrl).toBe('https://www.linkedin.com/in/priya-sharma/');
    expect(prospectId('https://uk.linkedin.com/in/Priya-Sharma?x=1')).toBe('linkedin:priya-sharma');
    expect(prospectId('https://example.com/')).toBeNull();
  });
});

describe('annotation records', () => {
  test('a full record parses and optional fields may be absent', () => {
    const a = annotation();
    expect(AnnotationSchema.parse(a)).toEqual(a);
    const { council: _c, serviceGroup: _s, noticeDeadline: _n, ...bare } = a;
    expect(AnnotationSchema.safeParse(bare).success).toBe(true);
  });

  test.each([
    ['status', { status: 'maybe' }],
    ['site', { site: 'tenders-direct' }],
    ['noticeUrl', { noticeUrl: 'ftp://example.com/x' }],
    ['title', { title: '   ' }],
    ['council', { council: 'leeds' }],
    ['serviceGroup', { serviceGroup: 'social-care' }],
    ['bidDeadline', { bidDeadline: '2027-02-30' }],
    ['notes', { notes: 'x'.repeat(MAX_NOTES_LENGTH + 1) }],
    ['fieldTimes', { fieldTimes: { colour: 1 } }],
    ['fieldTimes', { fieldTimes: { notes: -1 } }],
    ['createdAt', { createdAt: '30/11/2026' }],
    ['extra', { extra: true }],
  ])('rejects a bad %s', (_field, extra) => {
    expect(AnnotationSchema.safeParse({ ...annotation(), ...extra }).success).toBe(false);
  });

  test('notes are kept as typed (no trimming while someone types)', () => {
    expect(annotation({ notes: 'Call Tuesday ' }).notes).toBe('Call Tuesday ');
  });
});

describe('prospect records', () => {
  test('seniority and follow-up are checked', () => {
    expect(ProspectSchema.safeParse({ ...prospect(), seniority: 'boss' }).success).toBe(false);
    expect(ProspectSchema.safeParse({ ...prospect(), followUp: '2027-01-15T09:00' }).success).toBe(false);
    expect(ProspectSchema.safeParse({ ...prospect(), followUp: '2027-01-15' }).success).toBe(true);
  });
});

describe('edits', () => {
  test('null clears an optional field, but not a required one', () => {
    expect(AnnotationEditSchema.safeParse({ key: 'find-a-tender:1', fields: { owner: null }, at: 1 }).success).toBe(true);
    expect(AnnotationEditSchema.safeParse({ key: 'find-a-tender:1', fields: { title: null }, at: 1 }).success).toBe(false);
    expect(AnnotationEditSchema.safeParse({ key: 'find-a-tender:1', fields: { colour: 'red' }, at: 1 }).success).toBe(false);
  });
});

describe('reminder settings', () => {
  test.each([
    [{}, [3, 1]],
    [{ daysBefore: [1, 7, 1, 0] }, [7, 1, 0]],
    [{ daysBefore: [] }, []],
  ])('%j -> %j', (input, days) => {
    expect(ReminderSettingsSchema.parse(input).daysBefore).toEqual(days);
  });
  test.each([[{ daysBefore: [-1] }], [{ daysBefore: [1.5] }], [{ daysBefore: [91] }]])('%j is rejected', (input) => {
    expect(ReminderSettingsSchema.safeParse(input).success).toBe(false);
  });
});
