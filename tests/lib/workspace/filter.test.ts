import { describe, expect, test } from 'vitest';
import { filterAnnotations, filterProspects, matchesText, sortAnnotations, sortProspects, type AnnotationFilter } from '@/lib/workspace';
import { annotation, prospect } from './support';

const list = [
  annotation({ key: 'find-a-tender:1', title: 'Home to school transport DPS', buyerName: 'Kent County Council', council: 'KEN', serviceGroup: 'education', status: 'bidding', tags: ['send', 'transport'], notes: 'Café meeting booked', owner: 'JD', bidDeadline: '2027-01-10', noticeDeadline: '2027-01-12T12:00' }),
  annotation({ key: 'find-a-tender:2', title: 'Highways term maintenance', buyerName: 'Kent County Council', council: 'KEN', serviceGroup: 'highways-transport', status: 'no-go', tags: [], noticeDeadline: '2027-02-01' }),
  annotation({ key: 'find-a-tender:3', title: 'Day opportunities', buyerName: 'Leeds City Council', council: 'LDS', serviceGroup: 'adult-social-care', status: 'watching', tags: ['care'], noticeDeadline: undefined }),
  annotation({ key: 'find-a-tender:4', title: 'day opportunities lot 10', buyerName: 'NHS West Yorkshire ICB', council: undefined, serviceGroup: undefined, status: 'go', tags: ['care', 'nhs'], noticeDeadline: '2027-01-10T09:00' }),
  annotation({ key: 'find-a-tender:5', title: 'Day opportunities lot 2', buyerName: 'Leeds City Council', council: 'LDS', serviceGroup: 'adult-social-care', status: 'watching', tags: ['care'], noticeDeadline: '2027-01-31' }),
];
const keys = (xs: readonly { key: string }[]) => xs.map((x) => Number(x.key.split(':')[1]));

describe('matchesText', () => {
  test.each([
    ['', true],
    ['  ', true],
    ['cafe', true],
    ['CAFÉ meeting', true],
    ['meeting cafe', true],
    ['cafe tuesday', false],
  ])('%j -> %s', (query, ok) => {
    expect(matchesText(query, ['Café meeting booked', undefined])).toBe(ok);
  });
});

describe('filterAnnotations', () => {
  test.each<[string, AnnotationFilter, number[]]>([
    ['nothing', {}, [1, 2, 3, 4, 5]],
    ['text in title', { text: 'day opp' }, [3, 4, 5]],
    ['text in buyer', { text: 'kent' }, [1, 2]],
    ['text in notes, accents folded', { text: 'cafe' }, [1]],
    ['text in tags', { text: 'nhs' }, [4]],
    ['text in owner', { text: 'jd' }, [1]],
    ['council', { council: 'LDS' }, [3, 5]],
    ['service group', { serviceGroup: 'adult-social-care' }, [3, 5]],
    ['one status', { status: 'watching' }, [3, 5]],
    ['several statuses', { status: ['go', 'bidding'] }, [1, 4]],
    ['no statuses means any', { status: [] }, [1, 2, 3, 4, 5]],
    ['tag, case-insensitive', { tag: ' CARE ' }, [3, 4, 5]],
    ['deadline from (bid deadline first)', { deadlineFrom: '2027-01-11' }, [2, 5]],
    ['deadline to, inclusive, with times', { deadlineTo: '2027-01-10' }, [1, 4]],
    ['deadline range', { deadlineFrom: '2027-01-10', deadlineTo: '2027-01-31' }, [1, 4, 5]],
    ['combined', { council: 'LDS', tag: 'care', text: 'lot' }, [5]],
  ])('%s', (_name, filter, expected) => {
    expect(keys(filterAnnotations(list, filter))).toEqual(expected);
  });
});

describe('sortAnnotations', () => {
  test.each<[Parameters<typeof sortAnnotations>[1], 'asc' | 'desc', number[]]>([
    ['title', 'asc', [3, 5, 4, 2, 1]], // lot 2 before lot 10, case ignored
    ['title', 'desc', [1, 2, 4, 5, 3]],
    ['buyerName', 'asc', [1, 2, 3, 5, 4]],
    ['status', 'asc', [3, 5, 4, 2, 1]],
    ['status', 'desc', [1, 2, 4, 3, 5]],
    ['deadline', 'asc', [1, 4, 5, 2, 3]],
    ['deadline', 'desc', [2, 5, 4, 1, 3]],
    ['council', 'asc', [1, 2, 3, 5, 4]],
    ['council', 'desc', [3, 5, 1, 2, 4]],
    ['owner', 'asc', [1, 2, 3, 4, 5]],
  ])('%s %s', (column, direction, expected) => {
    expect(keys(sortAnnotations(list, column, direction))).toEqual(expected);
  });

  test('stable: equal values keep key order whatever the input order', () => {
    expect(keys(sortAnnotations([...list].reverse(), 'buyerName'))).toEqual([1, 2, 3, 5, 4]);
  });

  test('does not change its input', () => {
    const copy = [...list];
    sortAnnotations(list, 'title', 'desc');
    expect(list).toEqual(copy);
  });
});

describe('prospects', () => {
  const people = [
    prospect({ id: 'linkedin:a', name: 'Priya Sharma', seniority: 'senior-manager', followUp: '2027-01-04', council: 'LDS', notes: 'ADASS' }),
    prospect({ id: 'linkedin:b', name: 'Tom Okafor', title: 'Chief Executive', seniority: 'chief-officer', council: 'KEN', councilName: 'Kent County Council', serviceGroup: 'corporate-strategy' }),
    prospect({ id: 'linkedin:c', name: 'Ann Lee', title: 'Commissioning Officer', seniority: undefined, followUp: '2026-12-15' }),
  ];
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id.slice(-1));

  test.each([
    [{ text: 'kent' }, ['b']],
    [{ text: 'commissioning' }, ['a', 'c']],
    [{ text: 'adass' }, ['a']],
    [{ council: 'LDS' }, ['a', 'c']],
    [{ serviceGroup: 'corporate-strategy' }, ['b']],
    [{ seniority: 'chief-officer' }, ['b']],
    [{ followUpTo: '2026-12-31' }, ['c']],
    [{ followUpFrom: '2027-01-01' }, ['a']],
  ])('filter %j', (filter, expected) => {
    expect(ids(filterProspects(people, filter))).toEqual(expected);
  });

  test.each<[Parameters<typeof sortProspects>[1], 'asc' | 'desc', string[]]>([
    ['name', 'asc', ['c', 'a', 'b']],
    ['seniority', 'asc', ['b', 'a', 'c']],
    ['seniority', 'desc', ['a', 'b', 'c']],
    ['followUp', 'asc', ['c', 'a', 'b']],
  ])('sort %s %s', (column, direction, expected) => {
    expect(ids(sortProspects(people, column, direction))).toEqual(expected);
  });
});
