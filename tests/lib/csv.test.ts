import { describe, expect, test } from 'vitest';
import { csvField, readCsv, skipLeadingComments, unguardField } from '@/lib/csv';

describe('readCsv', () => {
  test.each([
    ['a,b\nc,d\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['a,b\r\nc,d', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['a,b\rc,d\r', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['\uFEFFa,b\n', [[1, ['a', 'b']]]],
    ['"a, b","say ""hi"""\n', [[1, ['a, b', 'say "hi"']]]],
    ['"two\nlines",x\nnext,y\n', [[1, ['two\nlines', 'x']], [3, ['next', 'y']]]],
    ['"two\r\nlines",x\r\nnext,y\r\n', [[1, ['two\r\nlines', 'x']], [3, ['next', 'y']]]],
    ['a,\n,b\n', [[1, ['a', '']], [2, ['', 'b']]]],
    ['a\n\nb\n', [[1, ['a']], [2, ['']], [3, ['b']]]],
    ['5" tall,x\n', [[1, ['5" tall', 'x']]]],
    ['"",x', [[1, ['', 'x']]]],
  ])('%j', (text, expected) => {
    const result = readCsv(text);
    expect(result).toEqual({ ok: true, records: expected.map(([line, fields]) => ({ line, fields })) });
  });

  test('counts lines from firstLine', () => {
    expect(readCsv('a\nb', 3)).toEqual({ ok: true, records: [{ line: 3, fields: ['a'] }, { line: 4, fields: ['b'] }] });
  });

  test('an unclosed quote is reported on the line it opens', () => {
    expect(readCsv('a,b\nc,"open\nmore\n')).toEqual({ ok: false, line: 2, reason: expect.stringMatching(/never closed/) });
  });

  test('text after a closing quote is reported on its line', () => {
    expect(readCsv('a\n"x"y,z\n')).toEqual({ ok: false, line: 2, reason: expect.stringMatching(/doubled/) });
  });
});

describe('skipLeadingComments', () => {
  test.each([
    ['# note\nhead\n', 'head\n', 2],
    ['\uFEFF# note\r\n# more\r\nhead', 'head', 3],
    ['head\n# not a note\n', 'head\n# not a note\n', 1],
    ['# only', '', 2],
  ])('%j', (text, rest, firstLine) => {
    expect(skipLeadingComments(text)).toEqual({ rest, firstLine });
  });
});

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' edge', '" edge"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['-£1.2m', "'-£1.2m"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('%j is written %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  test.each(['=1+1', '+44 113', '-£1.2m', '@x', "'plain", 'plain'])('%j reads back unchanged', (value) => {
    const result = readCsv(csvField(value));
    expect(result.ok && unguardField(result.records[0]!.fields[0]!)).toBe(value);
  });
});

// OWASP CSV Injection: every case a spreadsheet would run, and each one read back unchanged.
describe('formula guard gaps (issue 16)', () => {
  const cases: Array<[string, string]> = [
    [' =1+1', "' =1+1"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\n=HYPERLINK("http://evil")', `"'\n=HYPERLINK(""http://evil"")"`],
    ['\r\n+1', `"'\r\n+1"`],
    ['\tplain', `"'\tplain"`],
    ['\u00a0=1', "'\u00a0=1"],
    ['＝HYPERLINK("http://evil")', `"'＝HYPERLINK(""http://evil"")"`],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['a;=HYPERLINK("http://evil")', `"a;=HYPERLINK(""http://evil"")"`],
    ['a\t=1', `"a\t=1"`],
    ["'=x", "''=x"],
    ["''@x", "'''@x"],
  ];

  test.each(cases)('%j is written %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  test.each(cases.map(([value]) => value))('%j reads back unchanged', (value) => {
    const result = readCsv(`${csvField(value)},next\n`);
    expect(result.ok && result.records.map((r) => [unguardField(r.fields[0]!), r.fields[1]])).toEqual([[value, 'next']]);
  });

  test('a field split on ";" in a semicolon locale never starts a cell with a formula', () => {
    // What Excel does with a ;-locale: split the line on ; outside quotes.
    const cells = (line: string) => (line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? []).map((c) => c.replace(/;$/, ''));
    for (const [value] of cases) for (const cell of cells(csvField(value))) expect(cell.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@＝＋－＠]/);
  });
});
