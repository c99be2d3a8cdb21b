import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { businessCaseModel } from '@/lib/business-case/model';
import { writeBusinessCase } from '@/lib/business-case/write-xlsx';
import { SPEND_LINE_IDS } from '@/lib/spend/schema';
import { sampleInput, spendFile } from '../lib/business-case/sample';

// A real spreadsheet client computes the workbook: LibreOffice Calc, headless. Like Chromium for
// the browser tests, a missing LibreOffice fails this test rather than skipping it
// (Debian: apt-get install --no-install-recommends libreoffice-calc; .ci/run installs it).
const SOFFICE = process.env['SOFFICE_PATH'] ?? '/usr/bin/soffice';
const dir = mkdtempSync(path.join(tmpdir(), 'cl-business-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

/** Converts with LibreOffice (its own profile, so parallel runs do not share one) and reads the result back. */
async function recalculatedBy(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  expect(existsSync(SOFFICE), `LibreOffice is not installed at ${SOFFICE}: apt-get install libreoffice-calc, or set SOFFICE_PATH`).toBe(true);
  const input = path.join(dir, 'case.xlsx');
  writeFileSync(input, bytes);
  const out = path.join(dir, 'out');
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input],
    { stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: dir } },
  );
  const book = new ExcelJS.Workbook();
  const saved = readFileSync(path.join(out, 'case.xlsx'));
  await book.xlsx.load(saved.buffer.slice(saved.byteOffset, saved.byteOffset + saved.byteLength) as ArrayBuffer);
  return book;
}

/** A formula cell's value as LibreOffice computed and saved it. */
const result = (cell: ExcelJS.Cell) => {
  const value = cell.value as ExcelJS.CellFormulaValue | number | string | null;
  return value !== null && typeof value === 'object' && 'formula' in value ? value.result : value;
};

describe('the business case in LibreOffice Calc', () => {
  test('opens, and its formulas compute from the inputs and the local figures', async () => {
    const model = businessCaseModel(sampleInput());
    const book = await recalculatedBy(await writeBusinessCase(model));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Local figures', 'Your case', 'Notes']);
    const sheet = book.getWorksheet('Your case')!;
    // Example inputs: £40,000 a year, £25,000 one-off, £12 saved on each of 10,000 units a year.
    expect(result(sheet.getCell('B18'))).toBe(120_000);
    expect(result(sheet.getCell('B19'))).toBe(80_000);
    expect(result(sheet.getCell('B22'))).toBe(215_000);
    expect(result(sheet.getCell('B23'))).toBe(375_000);
    expect(result(sheet.getCell('B24'))).toBe(375_000);
    expect(result(sheet.getCell('B25'))).toBeCloseTo(3.75, 10);
    expect(result(sheet.getCell('E35'))).toBe(375_000);
    expect(result(sheet.getCell('E30'))).toBe(-25_000);
    // Linked to the local figures: Leeds's adult social care, 2024-25, and its population.
    const leeds = spendFile.councils.find((c) => c.code === 'LDS')!;
    const latest = leeds.years.at(-1)!;
    const net = latest.status === 'published' ? latest.net[SPEND_LINE_IDS.indexOf('asc')]! * 1000 : NaN;
    const population = sampleInput().council.population!;
    expect(result(sheet.getCell('B13'))).toBe(net);
    expect(result(sheet.getCell('B14'))).toBe(population);
    expect(result(sheet.getCell('B15'))).toBeCloseTo(net / population, 6);
    expect(result(sheet.getCell('B20'))).toBeCloseTo(80_000 / net, 10);
    // Number formats survive the round trip.
    expect(sheet.getCell('B23').numFmt).toContain('£');
    expect(sheet.getCell('B20').numFmt).toContain('%');
  });
});
