import { describe, expect, test } from 'vitest';
import {
  formatArea,
  formatCombinedAuthority,
  formatCounty,
  formatDate,
  formatPlace,
  formatPopulation,
  homepageLink,
} from '@/components/format';

describe('formatPopulation', () => {
  test.each([
    [812000, '812,000'],
    [1589057, '1,589,057'],
    [131018, '131,018'],
    [2226, '2,226'],
    [999, '999'],
    [798786.4, '798,786'],
  ])('%d -> %s', (input, expected) => {
    expect(formatPopulation(input)).toBe(expected);
  });
});

describe('formatArea', () => {
  test.each([
    [552, '552 km²'],
    [3544, '3,544 km²'],
    [8037.4, '8,037 km²'],
    [2.9, '2.9 km²'],
    [22, '22 km²'],
  ])('%d -> %s', (input, expected) => {
    expect(formatArea(input)).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each([
    ['2023-04-01', '1 April 2023'],
    ['2021-04-01', '1 April 2021'],
    ['2009-03-31', '31 March 2009'],
    ['1 April 2023', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe('formatPlace', () => {
  test.each([
    [{ nation: 'England', region: 'South East' }, 'South East, England'],
    [{ nation: 'England', region: 'Yorkshire and The Humber' }, 'Yorkshire and The Humber, England'],
    [{ nation: 'Wales', region: 'Wales' }, 'Wales'],
    [{ nation: 'Scotland', region: '' }, 'Scotland'],
  ] as const)('%j -> %s', (input, expected) => {
    expect(formatPlace(input)).toBe(expected);
  });
});

test.each([
  ['Kent County Council', 'Kent County Council'],
  ['Kent', 'Kent (county council)'],
])('formatCounty(%j) -> %j', (name, expected) => {
  expect(formatCounty({ code: 'KEN', name })).toBe(expected);
});

test.each([
  ['West Yorkshire Combined Authority', 'West Yorkshire Combined Authority'],
  ['West Yorkshire', 'West Yorkshire Combined Authority'],
])('formatCombinedAuthority(%j) -> %j', (name, expected) => {
  expect(formatCombinedAuthority({ code: 'WYCA', name })).toBe(expected);
});

describe('homepageLink', () => {
  test.each([
    [{ homepage: 'https://www.leeds.gov.uk/', domain: 'leeds.gov.uk' }, { href: 'https://www.leeds.gov.uk/', label: 'leeds.gov.uk' }],
    [{ homepage: 'http://www.kent.gov.uk/', domain: null }, { href: 'http://www.kent.gov.uk/', label: 'kent.gov.uk' }],
    [{ homepage: null, domain: 'kent.gov.uk' }, null],
    // The card renders inside host pages: only http(s) may become a link.
    [{ homepage: 'javascript:alert(1)', domain: null }, null],
    [{ homepage: 'not a url', domain: null }, null],
  ])('%j', (input, expected) => {
    expect(homepageLink(input)).toEqual(expected);
  });
});
