import { describe, expect, test } from 'vitest';
import { decodeTextFile, textProblem } from '@/lib/text-file';
import { parseSavingsFile } from '@/lib/savings';
import { parseWorkspaceJson } from '@/lib/workspace';
import { fixture as savingsFixture, importContext } from './savings/support';
import { fixture as workspaceFixture } from './workspace/support';

// The real import fixtures, saved the ways spreadsheets and editors save them.
const csv = savingsFixture('good.csv');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).map((_, i, b) => b[i ^ 1]!));

describe('decodeTextFile', () => {
  test('UTF-8, with or without a byte order mark, reads as the text', () => {
    expect(decodeTextFile(Buffer.from(csv, 'utf8'))).toEqual({ ok: true, text: csv });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]))).toEqual({ ok: true, text: csv });
  });

  test.each([
    ['UTF-16 LE with a mark', utf16le(csv)],
    ['UTF-16 BE with a mark', utf16be(csv)],
  ])('%s is named as UTF-16', (_name, bytes) => {
    expect(decodeTextFile(bytes)).toEqual({ ok: false, reason: expect.stringMatching(/^This file is UTF-16 text, not UTF-8; save it as UTF-8 \(in Excel: Save As, "CSV UTF-8/) });
  });

  test('UTF-16 without a mark is caught by its NUL bytes', () => {
    expect(decodeTextFile(Buffer.from(csv, 'utf16le'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^This file holds NUL characters: it is UTF-16 text/) });
  });

  test('Windows-1252 (Excel\'s plain "CSV") is refused with the line of the first bad byte', () => {
    const firstPound = csv.slice(0, csv.indexOf('£')).split('\n').length;
    const result = decodeTextFile(Buffer.from(csv, 'latin1'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`This file is not UTF-8 text: line ${firstPound} has a character in another encoding`) });
  });
});

describe('the importers say so too, whatever read the file', () => {
  const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

  test('a UTF-16 savings CSV', () => {
    const result = parseSavingsFile(asUtf8(utf16le(csv)), 'csv', importContext());
    expect(result).toEqual({ ok: false, errors: [{ line: 0, reason: expect.stringMatching(/^This file is UTF-16 text, not UTF-8/) }] });
  });

  test('a UTF-16 workspace file', () => {
    const result = parseWorkspaceJson(asUtf8(utf16le(workspaceFixture('workspace-v1.json'))));
    expect(result).toEqual({ ok: false, errors: [{ path: '', reason: expect.stringMatching(/^This file is UTF-16 text, not UTF-8/) }] });
  });

  test('plain text is no problem', () => {
    expect(textProblem(csv)).toBeNull();
  });
});
