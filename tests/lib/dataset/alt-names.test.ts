import { describe, expect, test } from 'vitest';
import { splitAltNames } from '@/lib/dataset/alt-names';
import { councilNames } from '@/lib/dataset/build-councils';

describe('splitAltNames', () => {
  // Cells copied from ../shared/data/uk_local_authorities.csv.
  test.each([
    ['no commas inside names', 'Adur', [], ['Adur']],
    ['plain list', 'Kent,kent,kent county', [], ['Kent', 'kent', 'kent county']],
    [
      'ABC: comma-space is inside a name',
      'Armagh City, Banbridge and Craigavon,armagh city, banbridge and craigavon,armagh, banbridge and craigavon',
      [],
      ['Armagh City, Banbridge and Craigavon', 'armagh city, banbridge and craigavon', 'armagh, banbridge and craigavon'],
    ],
    [
      'BST: "Bristol, City of"',
      'City of Bristol,Bristol, City of,Bristol UA,bristol',
      ['bristol'],
      ['City of Bristol', 'Bristol, City of', 'Bristol UA', 'bristol'],
    ],
    ['NMD: trailing space is trimmed', 'Newry, Mourne and Down ,newry, mourne and down', [], ['Newry, Mourne and Down', 'newry, mourne and down']],
    [
      'RCT: a known name with bare commas stays whole',
      'Rhondda Cynon Taff,rhondda, cynon, taff,rhondda,cynon,taff',
      ['rhondda,cynon,taff'],
      ['Rhondda Cynon Taff', 'rhondda, cynon, taff', 'rhondda,cynon,taff'],
    ],
    [
      'RCT without the lookup: bare commas split',
      'rhondda,cynon,taff',
      [],
      ['rhondda', 'cynon', 'taff'],
    ],
    ['empty cell', '', [], []],
    ['empty pieces dropped', 'a,,b,', [], ['a', 'b']],
  ])('%s', (_name, cell, known, expected) => {
    expect(splitAltNames(cell, known)).toEqual(expected);
  });
});

describe('councilNames', () => {
  test('official, nice, alt-names then lookup names; case-insensitive dedupe keeps the first spelling', () => {
    expect(
      councilNames('Leeds City Council', 'Leeds', 'Leeds,leeds,leeds district', ['Leeds City Council', 'LEEDS', 'Leeds District', 'leeds city']),
    ).toEqual(['Leeds City Council', 'Leeds', 'leeds district', 'leeds city']);
  });

  test('drops names damaged by a UTF-8/Latin-1 round trip (AGY, SWA)', () => {
    expect(
      councilNames('Isle of Anglesey County Council', 'Isle of Anglesey', 'Isle of Anglesey,Sir Ynys M\u00ef\u00bf\u00bdn,anglesey', []),
    ).toEqual(['Isle of Anglesey County Council', 'Isle of Anglesey', 'anglesey']);
    expect(councilNames('City and County of Swansea Council', 'Swansea', 'City\u00ef\u00be\u00a0and County of Swansea', [])).toEqual([
      'City and County of Swansea Council',
      'Swansea',
    ]);
  });
});
