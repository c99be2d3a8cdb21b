import { describe, expect, test } from 'vitest';
import { parseCsv, parseCsvRecords } from '@/lib/dataset/csv';
import { readShared } from './shared-files';

describe('parseCsv', () => {
  test.each([
    ['empty text', '', []],
    ['one field', 'a', [['a']]],
    ['simple rows, LF', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['CRLF record ends', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['last record without a line break', 'a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['trailing comma keeps an empty last field', 'a,\n', [['a', '']]],
    ['quoted field with a comma', '"Armagh City, Banbridge and Craigavon",ABC', [['Armagh City, Banbridge and Craigavon', 'ABC']]],
    ['doubled quotes inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['line breaks inside quotes', '"line 1\nline 2\r\nline 3",x\ny,z', [['line 1\nline 2\r\nline 3', 'x'], ['y', 'z']]],
    ['empty quoted field', '"",a', [['', 'a']]],
    ['a quote only field', '""""', [['"']]],
    ['leading BOM is dropped', '\uFEFFIdentifier,Label\n1,x', [['Identifier', 'Label'], ['1', 'x']]],
    ['BOM only at the start is special', 'a,\uFEFFb', [['a', '\uFEFFb']]],
    ['quote inside an unquoted field is a character', 'King"s,x', [['King"s', 'x']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    ['blank line in the middle is a one-field record', 'a\n\nb', [['a'], [''], ['b']]],
    ['lone CR ends a record', 'a\rb', [['a'], ['b']]],
  ])('%s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  test('an unclosed quote is an error', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/Unclosed quoted field/);
  });
});

describe('parseCsvRecords', () => {
  test('keys records by header', () => {
    expect(parseCsvRecords('la-name,local-authority-code\n"Newry, Mourne and Down ",NMD\n')).toEqual([
      { 'la-name': 'Newry, Mourne and Down ', 'local-authority-code': 'NMD' },
    ]);
  });

  test('rejects a record with the wrong number of fields', () => {
    expect(() => parseCsvRecords('a,b\n1,2,3\n')).toThrow(/Record 2 has 3 fields/);
  });

  test('rejects a duplicate header', () => {
    expect(() => parseCsvRecords('a,a\n1,2\n')).toThrow(/Duplicate column/);
  });
});

describe('the shared CSV files', () => {
  // Row counts from ../shared/data/SOURCES.md.
  test.each([
    ['data/uk_local_authorities.csv', 470, 38],
    ['data/lookup_name_to_registry.csv', 1750, 2],
    ['data/govuk_local_authorities_homepages.csv', 382, 10],
    ['data/govuk_local_services_lgsl_tier.csv', 117, 3],
    ['data/lgsl_englishAndWelshServices-all.csv', 1002, 8],
    ['data/lgfl_functions_2015.csv', 113, 10],
    ['data/mysociety_local_authority_powers.csv', 11, 3],
  ])('%s has %i records of %i fields', (file, records, fields) => {
    const rows = parseCsvRecords(readShared(file));
    expect(rows).toHaveLength(records);
    expect(Object.keys(rows[0] ?? {})).toHaveLength(fields);
  });

  test('the BOM file keeps its first column name clean', () => {
    const [first] = parseCsvRecords(readShared('data/lgsl_englishAndWelshServices-all.csv'));
    expect(Object.keys(first ?? {})[0]).toBe('Identifier');
  });
});
